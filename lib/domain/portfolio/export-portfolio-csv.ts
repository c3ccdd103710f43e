import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import { writeCsv } from "@/lib/csv/write-csv";
import type { Db } from "@/lib/db/create-client";
import { resolveNodeNames } from "@/lib/domain/scoring/read-scores";
import { explainInBrief, hasFootprint } from "@/lib/reports/explain";
import type { ExplainingPath } from "@/lib/scoring";

import { queryPortfolioRows } from "./list-portfolio";
import { parsePortfolioQuery } from "./portfolio-query";

export const PORTFOLIO_CSV_COLUMNS = [
  "vendor",
  "tier",
  "exposure",
  "footprint exposure",
  "beyond-footprint exposure",
  "amplification",
  "amplification multiplier",
  "exposure low",
  "exposure high",
  "evidence gap",
  "adjacency",
  "inheritance",
  "trust",
  "critical assets reached",
  "assets reached",
  "computed at",
  "model version",
  "explanation",
] as const;

const round = (n: number, digits = 4) => Number(n.toFixed(digits));

/**
 * The portfolio as CSV: every vendor matching the same filters and sort as the page (all pages),
 * unscored vendors with empty score columns. Amplification is a share in [0, 1]. Scoring model 2's
 * columns (footprint, beyond it, multiplier, range, evidence gap) are empty on a model 1 score
 * awaiting its recompute; the explanation is the score card's, in words and names (no keys or ids).
 */
export async function exportPortfolioCsv(db: Db, actor: Actor, rawQuery: unknown): Promise<string> {
  assertCan(actor, "readScores");
  const query = parsePortfolioQuery(rawQuery);
  const organizationId = actor.organizationId;
  const { items } = await queryPortfolioRows(db, organizationId, query, { limit: null, offset: 0 });
  const topPaths = await loadTopPaths(
    db,
    organizationId,
    items.filter((v) => v.score).map((v) => v.id),
  );
  const names = await resolveNodeNames(
    db,
    organizationId,
    [...topPaths.values()].flatMap((paths) => paths.flatMap((p) => p.hops.flatMap((h) => [h.from, h.to]))),
  );
  const records = items.map((v) => {
    const s = v.score;
    if (!s) return [v.name, v.tier.toLowerCase(), ...Array(PORTFOLIO_CSV_COLUMNS.length - 2).fill("")];
    const m2 = hasFootprint(s);
    return [
      v.name,
      v.tier.toLowerCase(),
      round(s.exposure),
      m2 ? round(s.footprintExposure) : "",
      m2 ? round(s.beyondFootprintExposure) : "",
      round(s.amplification),
      m2 && s.amplificationMultiplier !== null ? round(s.amplificationMultiplier) : "",
      m2 ? round(s.exposureLow) : "",
      m2 ? round(s.exposureHigh) : "",
      m2 ? round(s.evidenceGap) : "",
      round(s.byKind.adjacency),
      round(s.byKind.inheritance),
      round(s.byKind.trust),
      s.criticalAssetsReached,
      s.assetsReached,
      s.computedAt.toISOString(),
      s.modelVersion,
      explainInBrief(v.name, { ...s, topPaths: topPaths.get(v.id) ?? [] }, names),
    ];
  });
  // The shared writer quotes line breaks and keeps formula-like names as text.
  return writeCsv(PORTFOLIO_CSV_COLUMNS, records);
}

/** The top paths of the vendors' current scores (for "through GW-2 (network adjacency)"), by vendor id. */
async function loadTopPaths(
  db: Db,
  organizationId: string,
  vendorIds: string[],
): Promise<Map<string, ExplainingPath[]>> {
  if (vendorIds.length === 0) return new Map();
  const current = await db.currentScore.findMany({
    where: { organizationId, vendorId: { in: vendorIds } },
    select: { snapshotId: true },
  });
  const snapshots = await db.scoreSnapshot.findMany({
    where: { organizationId, id: { in: current.map((c) => c.snapshotId) } },
    select: { vendorId: true, topPaths: true },
  });
  return new Map(snapshots.map((s) => [s.vendorId, (s.topPaths ?? []) as unknown as ExplainingPath[]]));
}
