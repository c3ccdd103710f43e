import { SCORING_RUN_SELECT } from "@/lib/domain/scoring/request-full-recompute";

import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { loadOrganizationGraph } from "@/lib/domain/graph-store/load-organization-graph";
import { questionLabelsFor } from "@/lib/domain/template/question-labels";
import { idOfKey, isAssetKey, isVendorKey } from "@/lib/linkage/keys";
import type { QuestionRef } from "@/lib/reports/explain";
import {
  buildScoringGraph,
  rankStructuralAmplifiers,
  resolveScoringConfig,
  type ExplainingPath,
} from "@/lib/scoring";
import type { ScoreModel2Parts, ScoreSummary } from "@/lib/scoring/score-summary";
import { parseRecordId } from "@/lib/validation/common";

export type { ScoreModel2Parts, ScoreSummary } from "@/lib/scoring/score-summary";

/** A stored snapshot: the summary with its paths and when and by which model it was computed. */
export interface SnapshotView extends ScoreSummary, ScoreModel2Parts {
  topPaths: ExplainingPath[];
  modelVersion: string;
  computedAt: Date;
}

/** The columns that make a stored score (everything but its paths, which are large). */
export const SCORE_SELECT = {
  exposure: true,
  directExposure: true,
  amplification: true,
  footprintExposure: true,
  beyondFootprintExposure: true,
  amplificationMultiplier: true,
  exposureLow: true,
  exposureHigh: true,
  evidenceGap: true,
  byKind: true,
  assetsReached: true,
  criticalAssetsReached: true,
  modelVersion: true,
  computedAt: true,
} as const;

const SNAPSHOT_SELECT = { ...SCORE_SELECT, topPaths: true } as const;

/** A stored score without its paths (what SCORE_SELECT reads). */
export type StoredScore = Omit<SnapshotView, "topPaths">;

/** The summary of any score — a snapshot or the engine's result — and nothing more. */
export const toScoreSummary = (s: ScoreSummary): ScoreSummary => ({
  exposure: s.exposure,
  directExposure: s.directExposure,
  amplification: s.amplification,
  byKind: s.byKind,
  assetsReached: s.assetsReached,
  criticalAssetsReached: s.criticalAssetsReached,
});

/**
 * The vendor's newest snapshot and the one before it (for the trend); with `history`, also its last
 * 30 exposures for the chart. Only the two shown in full are read whole: snapshots carry their paths.
 */
export async function getVendorScore(
  db: Db,
  actor: Actor,
  vendorIdRaw: unknown,
  options: { history?: boolean } = {},
) {
  assertCan(actor, "readScores");
  const id = parseRecordId(vendorIdRaw, "Vendor");
  const where = { organizationId: actor.organizationId, vendorId: id };
  const orderBy = [{ computedAt: "desc" }, { id: "desc" }] as const;
  const [scored, rows, history] = await Promise.all([
    // Snapshots are history; CurrentScore says whether the vendor is scored now (see recomputeScores).
    db.currentScore.findFirst({ where, select: { vendorId: true } }),
    db.scoreSnapshot.findMany({ where, orderBy: [...orderBy], take: 2, select: SNAPSHOT_SELECT }),
    options.history
      ? db.scoreSnapshot.findMany({
          where,
          orderBy: [...orderBy],
          take: 30,
          select: { computedAt: true, exposure: true, amplification: true, modelVersion: true },
        })
      : [],
  ]);
  const [current, previous] = rows as unknown as SnapshotView[];
  return { current: (scored && current) || null, previous: previous ?? null, history: history.reverse() };
}

/** Every active vendor with its newest snapshot (null when never scored), highest exposure first. */
export async function listVendorScores(db: Db, actor: Actor) {
  assertCan(actor, "readScores");
  const [vendors, latest] = await Promise.all([
    db.vendor.findMany({
      where: { organizationId: actor.organizationId, archivedAt: null },
      select: { id: true, name: true, tier: true },
    }),
    // Newest snapshot per vendor in one query.
    db.scoreSnapshot.findMany({
      where: { organizationId: actor.organizationId },
      orderBy: [{ vendorId: "asc" }, { computedAt: "desc" }, { id: "desc" }],
      distinct: ["vendorId"],
      select: { vendorId: true, ...SNAPSHOT_SELECT },
    }),
  ]);
  const byVendor = new Map(latest.map((s) => [s.vendorId, s as unknown as SnapshotView]));
  return vendors
    .map((v) => ({ ...v, score: byVendor.get(v.id) ?? null }))
    .sort((a, b) => (b.score?.exposure ?? -1) - (a.score?.exposure ?? -1) || a.name.localeCompare(b.name));
}

/** Components and assets that carry the most propagated trust across all vendors. */
export async function listStructuralAmplifiers(db: Db, actor: Actor, limit = 10) {
  assertCan(actor, "readScores");
  const { document, overrides } = await loadOrganizationGraph(db, actor.organizationId);
  if (document.linkages.length === 0) return [];
  return rankStructuralAmplifiers(buildScoringGraph(document), {
    config: resolveScoringConfig(overrides),
    limit,
  });
}

export async function listOpenMappingRequests(db: Db, actor: Actor) {
  assertCan(actor, "readScores");
  return db.mappingRequest.findMany({
    where: { organizationId: actor.organizationId, resolvedAt: null },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true,
      label: true,
      reason: true,
      questionId: true,
      assessmentId: true,
      vendorId: true,
      createdAt: true,
    },
  });
}

/**
 * The newest full recompute, for the "Recompute all scores" button. Incremental runs (one per
 * accepted assessment or graph edit) never disable the button, whatever state they are in.
 */
export async function getLatestRun(db: Db, actor: Actor) {
  assertCan(actor, "readScores");
  return db.scoringRun.findFirst({
    where: { organizationId: actor.organizationId, kind: "full" },
    orderBy: { createdAt: "desc" },
    select: SCORING_RUN_SELECT,
  });
}

/** Display names for graph node keys (vendors, assets, components, vendor-run services). */
export async function resolveNodeNames(
  db: Db,
  organizationId: string,
  keys: Iterable<string>,
): Promise<Record<string, string>> {
  const all = [...new Set(keys)];
  if (all.length === 0) return {};
  const vendorIds = all.filter(isVendorKey).map(idOfKey);
  const assetIds = all.filter(isAssetKey).map(idOfKey);
  // One round trip; vendor and asset rows come after graph nodes so their own names win.
  const rows = await db.$queryRaw<{ key: string; name: string }[]>`
    SELECT n."key", n."name", 0 AS rank FROM "GraphNode" n WHERE n."organizationId" = ${organizationId} AND n."key" = ANY(${all})
    UNION ALL SELECT 'vendor:' || v."id", v."name", 1 FROM "Vendor" v WHERE v."organizationId" = ${organizationId} AND v."id" = ANY(${vendorIds})
    UNION ALL SELECT 'asset:' || a."id", a."name", 2 FROM "Asset" a WHERE a."organizationId" = ${organizationId} AND a."id" = ANY(${assetIds})
    ORDER BY rank`;
  const names: Record<string, string> = {};
  for (const r of rows) names[r.key] = r.name;
  return names;
}

/**
 * The questions behind the hops of the paths, by `pathQuestionKey`: their number in the questionnaire
 * and label, so explanations name "question 5.1 “…”", never a question key.
 */
export async function resolvePathQuestions(
  db: Db,
  organizationId: string,
  paths: readonly ExplainingPath[],
): Promise<Record<string, QuestionRef>> {
  const assessmentIds = paths.flatMap((p) =>
    p.hops.flatMap((h) => {
      const prov = h.provenance as { source?: string; assessmentId?: string | null } | null | undefined;
      return prov?.source === "ASSESSMENT" && prov.assessmentId ? [prov.assessmentId] : [];
    }),
  );
  const labels = await questionLabelsFor(db, organizationId, assessmentIds);
  // questionLabelsFor keys by the same `${assessmentId}\u0000${questionId}` as pathQuestionKey.
  return Object.fromEntries([...labels].map(([key, q]) => [key, { number: q.number, label: q.label }]));
}

/** What the explaining paths print for their keys: node names and the questions behind the hops. */
export async function resolvePathLabels(
  db: Db,
  organizationId: string,
  paths: readonly ExplainingPath[],
): Promise<{ names: Record<string, string>; questions: Record<string, QuestionRef> }> {
  const [names, questions] = await Promise.all([
    resolveNodeNames(
      db,
      organizationId,
      paths.flatMap((p) => p.hops.flatMap((h) => [h.from, h.to])),
    ),
    resolvePathQuestions(db, organizationId, paths),
  ]);
  return { names, questions };
}
