import "server-only";

import { availableParallelism } from "node:os";

import type { Db } from "@/lib/db/create-client";
import { primeCompiledGraph } from "@/lib/domain/graph-store/graph-cache";
import { loadOrganizationGraph } from "@/lib/domain/graph-store/load-organization-graph";
import type { Prisma } from "@/lib/generated/prisma/client";
import { idOfKey, isVendorKey } from "@/lib/linkage/keys";
import {
  buildScoringGraph,
  findAffectedVendors,
  MODEL_VERSION,
  resolveScoringConfig,
  scorePortfolio,
  type ScoringConfig,
  type ScoringGraph,
  type VendorScore,
} from "@/lib/scoring";

/** Options of one recompute. */
export interface RecomputeOptions {
  /** Recompute only vendors whose propagation reaches one of these nodes (incremental). Omit for all. */
  seedNodeKeys?: string[];
  /** The ScoringRun row whose progress to report. */
  runId?: string;
  /** Scored vendors per progress step. */
  batchSize?: number;
  /** Score on worker threads from this many vendors on (default 500; tests lower it). */
  parallelMinVendors?: number;
}

export interface RecomputeResult {
  vendorsScored: number;
  vendorsInGraph: number;
  millis: number;
  /** Threads the vendors were scored on (1: this thread). */
  threads: number;
}

/**
 * Scores the organisation's vendors and stores one snapshot each. Snapshots are written in one
 * transaction at the end, so a run that fails midway leaves the previous snapshots as they were.
 */
export async function recomputeScores(
  db: Db,
  organizationId: string,
  options: RecomputeOptions = {},
): Promise<RecomputeResult> {
  const started = performance.now();
  const { graphVersion } = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { graphVersion: true },
  });
  const { document, overrides, assessedVendorKeys } = await loadOrganizationGraph(db, organizationId);
  const graph = buildScoringGraph(document);
  const config = resolveScoringConfig(overrides);
  // The pages of this process would load the same graph next: give them this one.
  void primeCompiledGraph(organizationId, {
    version: graphVersion,
    document,
    graph,
    config,
    assessedVendorKeys,
  });

  let vendorIndices: number[];
  if (options.seedNodeKeys) {
    const seeds = options.seedNodeKeys
      .map((k) => graph.indexById.get(k))
      .filter((i): i is number => i !== undefined);
    vendorIndices = findAffectedVendors(graph, seeds, config);
  } else {
    vendorIndices = Array.from(graph.vendorIndices);
  }
  const vendorKeys = vendorIndices
    .map((i) => graph.nodes[i]!.id)
    .filter((key) => assessedVendorKeys.has(key));
  // A vendor reached by this run that nothing is known about any more (its last hand-recorded
  // linkage removed, no accepted assessment) is no longer scored: its old score must not stay current.
  const unscoredVendorIds = vendorIndices
    .map((i) => graph.nodes[i]!.id)
    .filter((key) => isVendorKey(key) && !assessedVendorKeys.has(key))
    .map(idOfKey);
  const batchSize = options.batchSize ?? 250;
  // Guarded updates: a run the reaper has already given up on is never brought back to life.
  const progress = (data: Prisma.ScoringRunUpdateManyMutationInput) =>
    options.runId
      ? db.scoringRun.updateMany({
          where: { id: options.runId, status: { in: ["QUEUED", "RUNNING"] } },
          data: { ...data, status: "RUNNING", heartbeatAt: new Date() },
        })
      : null;
  await progress({ total: vendorKeys.length, done: 0 });

  const parallel = await scoreInWorkers(graph, vendorKeys, config, options.parallelMinVendors ?? 500);
  const scores: VendorScore[] = parallel?.scores ?? [];
  for (let i = scores.length; i < vendorKeys.length; i += batchSize) {
    const batch = vendorKeys.slice(i, i + batchSize);
    scores.push(...scorePortfolio(graph, { vendorIds: batch, config }).vendors);
    await progress({ done: scores.length });
  }

  const computedAt = new Date();
  const rows: Prisma.ScoreSnapshotCreateManyInput[] = scores.map((s) => ({
    organizationId,
    vendorId: idOfKey(s.id),
    modelVersion: MODEL_VERSION,
    exposure: s.exposure,
    directExposure: s.directExposure,
    amplification: s.amplification,
    footprintExposure: s.footprintExposure,
    beyondFootprintExposure: s.beyondFootprintExposure,
    amplificationMultiplier: s.amplificationMultiplier,
    exposureLow: s.exposureLow,
    exposureHigh: s.exposureHigh,
    evidenceGap: s.evidenceGap,
    byKind: s.byKind as unknown as Prisma.InputJsonValue,
    assetsReached: s.assetsReached,
    criticalAssetsReached: s.criticalAssetsReached,
    topPaths: s.topPaths as unknown as Prisma.InputJsonValue,
    runId: options.runId ?? null,
    computedAt,
  }));
  await db.$transaction(
    async (tx) => {
      await storeSnapshots(tx, rows);
      if (unscoredVendorIds.length > 0)
        await tx.currentScore.deleteMany({ where: { organizationId, vendorId: { in: unscoredVendorIds } } });
      if (options.runId)
        await tx.scoringRun.updateMany({
          where: { id: options.runId, status: { in: ["QUEUED", "RUNNING"] } },
          data: { status: "SUCCEEDED", done: rows.length, finishedAt: new Date() },
        });
      // Thousands of snapshots take longer than Prisma's default 5 s for an interactive transaction.
    },
    { timeout: 5 * 60_000, maxWait: 30_000 },
  );
  return {
    vendorsScored: rows.length,
    vendorsInGraph: graph.vendorIndices.length,
    millis: Math.round(performance.now() - started),
    threads: parallel?.threads ?? 1,
  };
}

/**
 * Scores many vendors on worker_threads sharing the graph's typed arrays (issue 11's budget for
 * the million-linkage portfolio needs both cores; below ~500 vendors starting threads costs more
 * than it saves). Returns null — and the caller scores on this thread — with one core, fewer than
 * `minVendors` vendors, or when workers cannot start here.
 */
async function scoreInWorkers(
  graph: ScoringGraph,
  vendorIds: string[],
  config: ScoringConfig,
  minVendors: number,
): Promise<{ scores: VendorScore[]; threads: number } | null> {
  const workers = Math.min(availableParallelism(), 4);
  if (workers < 2 || vendorIds.length === 0 || vendorIds.length < minVendors) return null;
  try {
    const { scorePortfolioInWorkers } = await import("@/lib/scoring/score-portfolio-parallel");
    const scored = await scorePortfolioInWorkers(graph, { vendorIds, config, workers });
    return { scores: [...scored.vendors], threads: workers };
  } catch (error) {
    console.warn("Scoring on worker threads failed; scoring on the main thread instead:", error);
    return null;
  }
}

/**
 * Stores snapshots and makes each its vendor's current score (CurrentScore) — unless a newer one
 * already is (two runs finishing out of order). The dominant kind is computed here in SQL as
 * dominantKind() in lib/scoring/dominant-kind.ts defines it (the kind carrying the most exposure;
 * ties go to trust, then adjacency), tested against it on PostgreSQL. Call inside a transaction.
 */
export async function storeSnapshots(
  tx: Prisma.TransactionClient,
  rows: Prisma.ScoreSnapshotCreateManyInput[],
): Promise<void> {
  const snapshotIds: string[] = [];
  for (let i = 0; i < rows.length; i += 1000)
    snapshotIds.push(
      ...(
        await tx.scoreSnapshot.createManyAndReturn({ data: rows.slice(i, i + 1000), select: { id: true } })
      ).map((r) => r.id),
    );
  if (snapshotIds.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "CurrentScore" ("vendorId", "organizationId", "snapshotId", "modelVersion", "exposure", "directExposure", "amplification",
                                "footprintExposure", "beyondFootprintExposure", "amplificationMultiplier", "exposureLow", "exposureHigh", "evidenceGap",
                                "byKind", "dominantKind", "assetsReached", "criticalAssetsReached", "computedAt")
    SELECT sn."vendorId", sn."organizationId", sn."id", sn."modelVersion", sn."exposure", sn."directExposure", sn."amplification",
           sn."footprintExposure", sn."beyondFootprintExposure", sn."amplificationMultiplier", sn."exposureLow", sn."exposureHigh", sn."evidenceGap", sn."byKind",
           CASE WHEN GREATEST(k.adj, k.inh, k.tru) <= 0 THEN NULL
                WHEN k.tru >= k.adj AND k.tru >= k.inh THEN 'trust'
                WHEN k.adj >= k.inh THEN 'adjacency'
                ELSE 'inheritance' END,
           sn."assetsReached", sn."criticalAssetsReached", sn."computedAt"
    FROM "ScoreSnapshot" sn
    CROSS JOIN LATERAL (
      SELECT COALESCE((sn."byKind"->>'adjacency')::float8, 0) AS adj,
             COALESCE((sn."byKind"->>'inheritance')::float8, 0) AS inh,
             COALESCE((sn."byKind"->>'trust')::float8, 0) AS tru
    ) k
    WHERE sn."id" = ANY(${snapshotIds})
    ON CONFLICT ("vendorId") DO UPDATE SET
      "organizationId" = EXCLUDED."organizationId", "snapshotId" = EXCLUDED."snapshotId", "modelVersion" = EXCLUDED."modelVersion",
      "exposure" = EXCLUDED."exposure", "directExposure" = EXCLUDED."directExposure", "amplification" = EXCLUDED."amplification",
      "footprintExposure" = EXCLUDED."footprintExposure", "beyondFootprintExposure" = EXCLUDED."beyondFootprintExposure",
      "amplificationMultiplier" = EXCLUDED."amplificationMultiplier", "exposureLow" = EXCLUDED."exposureLow",
      "exposureHigh" = EXCLUDED."exposureHigh", "evidenceGap" = EXCLUDED."evidenceGap",
      "byKind" = EXCLUDED."byKind", "dominantKind" = EXCLUDED."dominantKind", "assetsReached" = EXCLUDED."assetsReached",
      "criticalAssetsReached" = EXCLUDED."criticalAssetsReached", "computedAt" = EXCLUDED."computedAt"
    WHERE "CurrentScore"."computedAt" <= EXCLUDED."computedAt"`;
}
