import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { Prisma } from "@/lib/generated/prisma/client";

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

/** Bins scores for a histogram; amplification is a share, so its bins are fixed tenths. `summarizePortfolio` counts the same bins in SQL. */
export function binScores(values: number[], metric: DistributionMetric, bins = 10): DistributionBin[] {
  if (values.length === 0) return [];
  const { width, count } = binLayout(Math.max(...values), metric, bins);
  const result: DistributionBin[] = Array.from({ length: count }, (_, i) => ({
    from: i * width,
    to: (i + 1) * width,
    count: 0,
  }));
  for (const v of values) {
    const i = Math.min(count - 1, Math.max(0, Math.floor(v / width + 1e-9)));
    result[i]!.count += 1;
  }
  return result;
}

/** Bin width and count `binScores` uses for values up to `max`. */
function binLayout(max: number, metric: DistributionMetric, bins = 10): { width: number; count: number } {
  if (metric === "amplification") return { width: 0.1, count: 10 };
  const width = niceBinWidth(max, bins);
  return { width, count: Math.max(1, Math.ceil(max / width + 1e-9)) };
}

/**
 * Headline counts and the distribution of current scores across all active vendors. The bars are
 * counted in SQL with the same bin arithmetic as `binScores`, so a view reads a dozen rows, not one
 * per vendor (5,000 rows parsed per page view was a tenth of the portfolio's server time).
 */
export async function summarizePortfolio(db: Db, actor: Actor, metric: DistributionMetric) {
  assertCan(actor, "readScores");
  const organizationId = actor.organizationId;
  const column = metric === "amplification" ? Prisma.sql`s."amplification"` : Prisma.sql`s."exposure"`;
  // One pass over the active vendors for every headline number and the largest score.
  const [totals] = await db.$queryRaw<
    { vendors: number; assessed: number; scored: number; critical: number; max: number | null }[]
  >`
    SELECT (count(*))::int AS "vendors", (count(a."vendorId"))::int AS "assessed", (count(s."vendorId"))::int AS "scored",
           (count(*) FILTER (WHERE s."criticalAssetsReached" > 0))::int AS "critical", max(${column})::float8 AS "max"
    FROM "Vendor" v
    LEFT JOIN "CurrentScore" s ON s."vendorId" = v."id" AND s."organizationId" = v."organizationId"
    LEFT JOIN (SELECT DISTINCT "vendorId" FROM "Assessment" WHERE "organizationId" = ${organizationId}) a ON a."vendorId" = v."id"
    WHERE v."organizationId" = ${organizationId} AND v."archivedAt" IS NULL`;
  const { vendors = 0, assessed = 0, scored = 0, critical = 0, max = null } = totals ?? {};
  let bins: DistributionBin[] = [];
  if (scored > 0) {
    const { width, count } = binLayout(max ?? 0, metric);
    const rows = await db.$queryRaw<{ bin: number; count: number }[]>`
      SELECT LEAST(${count - 1}::int, GREATEST(0, floor(${column} / ${width}::float8 + 1e-9)))::int AS "bin", (count(*))::int AS "count"
      FROM "Vendor" v
      JOIN "CurrentScore" s ON s."vendorId" = v."id" AND s."organizationId" = v."organizationId"
      WHERE v."organizationId" = ${organizationId} AND v."archivedAt" IS NULL
      GROUP BY 1`;
    bins = Array.from({ length: count }, (_, i) => ({ from: i * width, to: (i + 1) * width, count: 0 }));
    for (const r of rows) bins[r.bin]!.count = r.count;
  }
  return {
    vendorCount: vendors,
    assessedCount: assessed,
    scoredCount: scored,
    withCriticalCount: critical,
    metric,
    bins,
  };
}
export type PortfolioSummary = Awaited<ReturnType<typeof summarizePortfolio>>;
