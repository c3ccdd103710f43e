import { describe, expect, it } from "vitest";

import { getScoringSettings, saveScoringSettings } from "@/lib/domain/settings/scoring-settings";
import { AppError } from "@/lib/errors";
import { buildOrganization } from "@/prisma/seed/factories";

import { actorFor, withJobsDatabase } from "./fixtures";
import { testDb } from "./setup";

withJobsDatabase();

const valid = {
  criticality1: 1,
  criticality2: 2,
  criticality3: 4,
  criticality4: 10,
  criticality5: 20,
  probabilityThreshold: 0.02,
  criticalAssetMinCriticality: 5,
  topPathCount: 5,
};
const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e as AppError,
  );

describe("scoring settings", () => {
  it("shows the defaults, saves new weights, invalidates cached graphs and queues a full recompute", async () => {
    const db = testDb();
    const org = await buildOrganization(db);
    const admin = await actorFor(org.id, "ADMIN");
    expect((await getScoringSettings(db, admin)).customised).toBe(false);
    const run = await saveScoringSettings(db, admin, valid);
    const row = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(row.scoringConfig).toMatchObject({
      criticalityWeights: [0, 1, 2, 4, 10, 20],
      probabilityThreshold: 0.02,
      topPathCount: 5,
    });
    expect(row.graphVersion).toBe(1);
    expect(await db.scoringRun.count({ where: { id: run.runId, kind: "full" } })).toBe(1);
    const after = await getScoringSettings(db, admin);
    expect(after.customised).toBe(true);
    expect(after.config.criticalityWeights[5]).toBe(20);
  });

  it("refuses weights that fall with criticality or paths thresholds out of range, changing nothing", async () => {
    const db = testDb();
    const org = await buildOrganization(db);
    const admin = await actorFor(org.id, "ADMIN");
    const falling = await failure(saveScoringSettings(db, admin, { ...valid, criticality4: 30 }));
    expect(falling.code).toBe("VALIDATION");
    expect(falling.fieldErrors?.criticality5?.[0]).toMatch(/at least the weight of criticality 4/);
    expect(
      (await failure(saveScoringSettings(db, admin, { ...valid, probabilityThreshold: 0 }))).fieldErrors
        ?.probabilityThreshold,
    ).toBeDefined();
    expect(
      (await failure(saveScoringSettings(db, admin, { ...valid, topPathCount: "many" }))).fieldErrors
        ?.topPathCount,
    ).toBeDefined();
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).scoringConfig).toBeNull();
  });

  it("only administrators may change them", async () => {
    const db = testDb();
    const org = await buildOrganization(db);
    for (const role of ["RISK_OFFICER", "PROCUREMENT", "SUPPLIER"] as const) {
      expect((await failure(saveScoringSettings(db, await actorFor(org.id, role), valid))).code).toBe(
        "FORBIDDEN",
      );
    }
  });
});
