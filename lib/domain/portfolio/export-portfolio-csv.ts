import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import { writeCsv } from "@/lib/csv/write-csv";
import type { Db } from "@/lib/db/create-client";

import { queryPortfolioRows } from "./list-portfolio";
import { parsePortfolioQuery } from "./portfolio-query";

export const PORTFOLIO_CSV_COLUMNS = [
  "vendor",
  "tier",
  "exposure",
  "amplification",
  "adjacency",
  "inheritance",
  "trust",
  "critical assets reached",
  "assets reached",
  "computed at",
  "model version",
] as const;

const round = (n: number, digits = 4) => Number(n.toFixed(digits));

/**
 * The portfolio as CSV: every vendor matching the same filters and sort as the page (all pages),
 * unscored vendors with empty score columns. Amplification is a share in [0, 1].
 */
export async function exportPortfolioCsv(db: Db, actor: Actor, rawQuery: unknown): Promise<string> {
  assertCan(actor, "readScores");
  const query = parsePortfolioQuery(rawQuery);
  const { items } = await queryPortfolioRows(db, actor.organizationId, query, { limit: null, offset: 0 });
  const records = items.map((v) => {
    const s = v.score;
    return [
      v.name,
      v.tier.toLowerCase(),
      s ? round(s.exposure) : "",
      s ? round(s.amplification) : "",
      s ? round(s.byKind.adjacency) : "",
      s ? round(s.byKind.inheritance) : "",
      s ? round(s.byKind.trust) : "",
      s ? s.criticalAssetsReached : "",
      s ? s.assetsReached : "",
      s ? s.computedAt.toISOString() : "",
      s ? s.modelVersion : "",
    ];
  });
  // The shared writer quotes line breaks and keeps formula-like names as text.
  return writeCsv(PORTFOLIO_CSV_COLUMNS, records);
}
