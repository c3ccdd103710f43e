import "server-only";
import type { Db } from "@/lib/db/create-client";
import { assertCan, type Actor } from "@/lib/auth/roles";

export type DistributionMetric = "exposure" | "amplification";

/** One bar of the score distribution: vendors whose current score lies in [from, to). */
export interface DistributionBin {
  from: number;
  to: number;
  count: number;
}

/** A round bin width (1, 2 or 5 × 10^k) giving at most `bins` bins up to `max`. */
export function niceBinWidth(max: number, bins: number): number {
  if (!(max > 0)) return 1;
  const raw = max / bins;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= raw) return step * magnitude;
  return 10 * magnitude;
}

/** Bins scores for a histogram; amplification is a share, so its bins are fixed tenths. */
export function binScores(values: number[], metric: DistributionMetric, bins = 10): DistributionBin[] {
  if (values.length === 0) return [];
  const width = metric === "amplification" ? 0.1 : niceBinWidth(Math.max(...values), bins);
  const count = metric === "amplification" ? 10 : Math.max(1, Math.ceil(Math.max(...values) / width + 1e-9));
  const result: DistributionBin[] = Array.from({ length: count }, (_, i) => ({ from: i * width, to: (i + 1) * width, count: 0 }));
  for (const v of values) {
    const i = Math.min(count - 1, Math.max(0, Math.floor(v / width + 1e-9)));
    result[i]!.count += 1;
  }
  return result;
}

/** Headline counts and the distribution of current scores across all active vendors. */
export async function summarizePortfolio(db: Db, actor: Actor, metric: DistributionMetric) {
  assertCan(actor, "readScores");
  const [counts, scores] = await Promise.all([
    db.$queryRaw<{ vendors: number; assessed: number }[]>`
      SELECT (count(*))::int AS "vendors",
             (count(*) FILTER (WHERE EXISTS (
               SELECT 1 FROM "Assessment" a WHERE a."organizationId" = v."organizationId" AND a."vendorId" = v."id"
             )))::int AS "assessed"
      FROM "Vendor" v
      WHERE v."organizationId" = ${actor.organizationId} AND v."archivedAt" IS NULL`,
    // Only two numbers per vendor cross the wire; the histogram itself is a few bars.
    db.$queryRaw<{ exposure: number; amplification: number; critical: number }[]>`
      SELECT s."exposure", s."amplification", s."criticalAssetsReached" AS "critical"
      FROM "Vendor" v
      JOIN "CurrentScore" s ON s."vendorId" = v."id" AND s."organizationId" = v."organizationId"
      WHERE v."organizationId" = ${actor.organizationId} AND v."archivedAt" IS NULL`,
  ]);
  const values = scores.map((s) => s[metric]);
  return {
    vendorCount: counts[0]?.vendors ?? 0,
    assessedCount: counts[0]?.assessed ?? 0,
    scoredCount: scores.length,
    withCriticalCount: scores.filter((s) => s.critical > 0).length,
    metric,
    bins: binScores(values, metric),
  };
}
export type PortfolioSummary = Awaited<ReturnType<typeof summarizePortfolio>>;
