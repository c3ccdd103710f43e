/**
 * Scores computed under scoring model 1 are recomputed under model 2 by themselves: the scoring
 * worker queues one full run per organisation holding outdated current scores, and the run stores
 * model 2's footprint, amplification and exposure range.
 */
import { describe, expect, it } from "vitest";

import { queueModelUpgradeRecomputes } from "@/lib/domain/scoring/queue-model-upgrades";
import { runQueuedScoringRun } from "@/lib/domain/scoring/scoring-runs";
import { MODEL_VERSION } from "@/lib/scoring";

import { acmeOnASmallPlant, withMailSink } from "./fixtures";

withMailSink();

describe("model upgrade", () => {
  it("stores model 2's parts with every snapshot", async () => {
    const { db, vendor } = await acmeOnASmallPlant();
    const current = await db.currentScore.findUniqueOrThrow({ where: { vendorId: vendor.id } });
    const snapshot = await db.scoreSnapshot.findUniqueOrThrow({ where: { id: current.snapshotId } });
    expect(current.modelVersion).toBe(MODEL_VERSION);
    expect(current.exposureHigh).toBeCloseTo(current.exposure, 9);
    expect(current.exposureLow).toBeLessThanOrEqual(current.exposureHigh);
    expect(current.evidenceGap).toBeCloseTo(current.exposureHigh - current.exposureLow, 9);
    expect(current.footprintExposure + current.beyondFootprintExposure).toBeCloseTo(current.exposure, 9);
    expect(current.footprintExposure).toBeGreaterThan(0);
    for (const key of [
      "footprintExposure",
      "beyondFootprintExposure",
      "amplificationMultiplier",
      "exposureLow",
      "exposureHigh",
      "evidenceGap",
    ] as const)
      expect(snapshot[key]).toBe(current[key]);
  });

  it("queues one full recompute for an organisation with 1.x scores, which brings them to model 2", async () => {
    const { db, org, vendor } = await acmeOnASmallPlant();
    // As a model 1 server left it: the old version, none of model 2's columns filled in.
    await db.currentScore.update({
      where: { vendorId: vendor.id },
      data: {
        modelVersion: "trustmap-propagation/1.3.0",
        footprintExposure: 0,
        exposureLow: 0,
        exposureHigh: 0,
        evidenceGap: 0,
      },
    });
    const queued = await queueModelUpgradeRecomputes(db);
    const runs = await db.scoringRun.findMany({
      where: { organizationId: org.id, trigger: "model-upgrade" },
    });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ kind: "full", status: "QUEUED" });
    expect(queued).toContain(runs[0]!.id);
    // Asked again (another process starting) while it is queued: nothing more.
    await queueModelUpgradeRecomputes(db);
    expect(await db.scoringRun.count({ where: { organizationId: org.id, trigger: "model-upgrade" } })).toBe(
      1,
    );

    await runQueuedScoringRun(db, runs[0]!.id);
    const current = await db.currentScore.findUniqueOrThrow({ where: { vendorId: vendor.id } });
    expect(current.modelVersion).toBe(MODEL_VERSION);
    expect(current.exposureHigh).toBeGreaterThan(0);
    expect(
      await db.scoreSnapshot.count({ where: { vendorId: vendor.id, modelVersion: MODEL_VERSION } }),
    ).toBe(2);
    // Up to date now: nothing is queued for this organisation.
    await queueModelUpgradeRecomputes(db);
    expect(await db.scoringRun.count({ where: { organizationId: org.id, trigger: "model-upgrade" } })).toBe(
      1,
    );
  });

  it("an archived vendor's old score does not trigger a run", async () => {
    const { db, org, vendor } = await acmeOnASmallPlant();
    await db.currentScore.update({
      where: { vendorId: vendor.id },
      data: { modelVersion: "trustmap-propagation/1.3.0" },
    });
    await db.vendor.update({ where: { id: vendor.id }, data: { archivedAt: new Date() } });
    await queueModelUpgradeRecomputes(db);
    expect(await db.scoringRun.count({ where: { organizationId: org.id, trigger: "model-upgrade" } })).toBe(
      0,
    );
  });
});
