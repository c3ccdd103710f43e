import { describe, expect, it } from "vitest";

import { getCompiledGraph, primeCompiledGraph } from "@/lib/domain/graph-store/graph-cache";
import { submitResponse } from "@/lib/domain/response/supplier-responses";
import { acceptAssessment, requestChanges } from "@/lib/domain/review/review-assessment";
import { recomputeScores } from "@/lib/domain/scoring/recompute-scores";
import { getScoringRun, requestFullRecompute } from "@/lib/domain/scoring/request-full-recompute";
import type { Prisma } from "@/lib/generated/prisma/client";
import { startScoringWorker } from "@/lib/jobs/scoring-queue";
import { MODEL_VERSION } from "@/lib/scoring";
import { buildVendor } from "@/prisma/seed/factories";
import { acmeAnswers } from "@/tests/support/linkage/baseline-answers";

import { acmeOnASmallPlant, withJobsDatabase, withMailSink } from "./fixtures";

withMailSink();
withJobsDatabase();

/** ACME's answers submitted, not yet accepted. */
const submittedAcme = () => acmeOnASmallPlant({ accept: false });

describe("accepting an assessment builds the graph and scores the vendor", () => {
  it("writes linkages of every kind with provenance, mapping requests, and a snapshot", async () => {
    const { db, org, vendor, a, risk } = await submittedAcme();
    const result = await acceptAssessment(db, risk, a.id);
    expect(result.linkages).toBeGreaterThan(10);
    expect(result.vendorsRescored).toBe(1);

    const linkages = await db.linkage.findMany({ where: { organizationId: org.id, assessmentId: a.id } });
    expect(linkages).toHaveLength(result.linkages);
    expect(new Set(linkages.map((l) => l.kind))).toEqual(new Set(["ADJACENCY", "INHERITANCE", "TRUST"]));
    for (const l of linkages) {
      expect(l.weight).toBeGreaterThanOrEqual(0);
      expect(l.weight).toBeLessThanOrEqual(1);
      expect(l.revision).toBe(1);
      const sources = l.provenance as { assessmentId: string; revision: number; questionId: string }[];
      expect(sources.length).toBeGreaterThan(0);
      expect(sources[0]).toMatchObject({ assessmentId: a.id, revision: 1 });
      expect(typeof sources[0]!.questionId).toBe("string");
    }
    // Components are shared graph nodes; infrastructure that matches no asset waits for mapping.
    expect(
      await db.graphNode.count({ where: { organizationId: org.id, type: "COMPONENT" } }),
    ).toBeGreaterThan(0);
    expect(await db.mappingRequest.count({ where: { organizationId: org.id, assessmentId: a.id } })).toBe(
      result.needsMapping,
    );

    const [snapshot] = await db.scoreSnapshot.findMany({
      where: { organizationId: org.id, vendorId: vendor.id },
    });
    expect(snapshot).toBeDefined();
    expect(snapshot!.modelVersion).toBe(MODEL_VERSION);
    expect(snapshot!.exposure).toBeGreaterThan(0);
    expect(snapshot!.criticalAssetsReached).toBeGreaterThanOrEqual(2);
    const paths = snapshot!.topPaths as { hops: { provenance?: { assessmentId?: string } }[] }[];
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.some((p) => p.hops.some((h) => h.provenance?.assessmentId === a.id))).toBe(true);
  });

  it("re-accepting a later revision replaces the assessment's linkages as a whole", async () => {
    const { db, org, a, risk, supplier } = await submittedAcme();
    await acceptAssessment(db, risk, a.id);
    // A reviewer reopens the accepted assessment; the supplier revises; it is accepted again.
    await requestChanges(db, risk, a.id, { message: "Please confirm the remote-access model." });
    const changed = { ...acmeAnswers, ra_model: "on_demand" };
    await db.responseRevision.update({
      where: { assessmentId_revision: { assessmentId: a.id, revision: 2 } },
      data: { answers: changed as Prisma.InputJsonValue, version: 1 },
    });
    await submitResponse(db, supplier, a.id, 1);
    const second = await acceptAssessment(db, risk, a.id);
    const linkages = await db.linkage.findMany({ where: { organizationId: org.id, assessmentId: a.id } });
    expect(linkages).toHaveLength(second.linkages);
    expect(linkages.every((l) => l.revision === 2)).toBe(true);
    // Inventory linkages are untouched by re-acceptance.
    expect(await db.linkage.count({ where: { organizationId: org.id, source: "INVENTORY" } })).toBe(2);
  });
});

describe("the compiled graph cache after a graph change", () => {
  it("the recompute's graph serves the next page: same version, no second load", async () => {
    const { db, org, vendor, a, risk } = await submittedAcme();
    await acceptAssessment(db, risk, a.id);
    const { graphVersion } = await db.organization.findUniqueOrThrow({
      where: { id: org.id },
      select: { graphVersion: true },
    });
    // Count the database reads a load would make: a primed cache answers with one version check.
    const reads: string[] = [];
    const counting = db.$extends({
      query: {
        $allModels: {
          async $allOperations({ model, operation, args, query }) {
            reads.push(`${model}.${operation}`);
            return query(args);
          },
        },
      },
    }) as unknown as typeof db;
    const compiled = await getCompiledGraph(counting, org.id);
    expect(reads).toEqual(["Organization.findUniqueOrThrow"]);
    expect(compiled.version).toBe(graphVersion);
    expect(compiled.graph.indexById.has(`vendor:${vendor.id}`)).toBe(true);
    expect(compiled.assessedVendorKeys.has(`vendor:${vendor.id}`)).toBe(true);
  });

  it("a late prime of an older version never replaces a newer graph", async () => {
    const { db, org, a, risk } = await submittedAcme();
    await acceptAssessment(db, risk, a.id);
    const current = await getCompiledGraph(db, org.id);
    await primeCompiledGraph(org.id, { ...current, version: current.version - 1 });
    expect(await getCompiledGraph(db, org.id)).toBe(current);
  });
});

describe("full recompute as a background job", () => {
  it("runs queued on the scoring worker with progress, and writes a new snapshot per assessed vendor", async () => {
    const { db, org, a, risk } = await submittedAcme();
    await acceptAssessment(db, risk, a.id);
    const quiet = await buildVendor(db, { organizationId: org.id, name: "Quiet Vendor" });
    const before = await db.scoreSnapshot.count({ where: { organizationId: org.id } });
    await startScoringWorker(db);
    const { runId } = await requestFullRecompute(db, risk);
    let run = await getScoringRun(db, risk, runId);
    for (let i = 0; i < 60 && run?.status !== "SUCCEEDED" && run?.status !== "FAILED"; i++) {
      await new Promise((r) => setTimeout(r, 500));
      run = await getScoringRun(db, risk, runId);
    }
    expect(run).toMatchObject({ status: "SUCCEEDED", total: 1, done: 1 });
    expect(await db.scoreSnapshot.count({ where: { organizationId: org.id } })).toBe(before + 1);
    // A vendor nobody has assessed gets no score at all, never a reassuring zero.
    expect(await db.scoreSnapshot.count({ where: { vendorId: quiet.id } })).toBe(0);
  });

  it("a full recompute on worker threads stores exactly the single-threaded scores", async () => {
    const { db, org, a, risk } = await submittedAcme();
    await acceptAssessment(db, risk, a.id);
    const latest = () =>
      db.scoreSnapshot.findFirstOrThrow({
        where: { organizationId: org.id },
        orderBy: { computedAt: "desc" },
        omit: { id: true, computedAt: true, runId: true },
      });
    expect(await recomputeScores(db, org.id)).toMatchObject({ vendorsScored: 1, threads: 1 });
    const single = await latest();
    const parallel = await recomputeScores(db, org.id, { parallelMinVendors: 1 });
    expect(parallel).toMatchObject({ vendorsScored: 1, threads: 2 });
    expect(await latest()).toEqual(single);
  });

  it("a failing recompute leaves the previous snapshots in place", async () => {
    const { db, org, vendor, a, risk } = await submittedAcme();
    await acceptAssessment(db, risk, a.id);
    const before = await db.scoreSnapshot.findMany({
      where: { organizationId: org.id },
      orderBy: { id: "asc" },
    });
    // A corrupt row (weight outside [0, 1]) makes the engine refuse the graph.
    await db.linkage.create({
      data: {
        organizationId: org.id,
        fromKey: `vendor:${vendor.id}`,
        toKey: `vendor:${vendor.id}`,
        kind: "TRUST",
        weight: 7,
        reason: "corrupt",
        source: "MANUAL",
      },
    });
    const run = await db.scoringRun.create({
      data: { organizationId: org.id, kind: "full", trigger: "test" },
    });
    await expect(recomputeScores(db, org.id, { runId: run.id })).rejects.toThrow();
    expect(
      await db.scoreSnapshot.findMany({ where: { organizationId: org.id }, orderBy: { id: "asc" } }),
    ).toEqual(before);
  });

  it("suppliers cannot request or read recomputes", async () => {
    const { db, supplier } = await submittedAcme();
    await expect(requestFullRecompute(db, supplier)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getScoringRun(db, supplier, "x")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
