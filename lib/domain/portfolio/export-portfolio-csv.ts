import "server-only";
import { stringify } from "csv-stringify/sync";
import type { Db } from "@/lib/db/create-client";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { queryPortfolioRows } from "./list-portfolio";
import { parsePortfolioQuery } from "./portfolio-query";

export const PORTFOLIO_CSV_COLUMNS = [
  "vendor", "tier", "exposure", "amplification", "adjacency", "inheritance", "trust",
  "critical assets reached", "assets reached", "computed at", "model version",
] as const;

// A cell starting with = + - @ (or a tab / carriage return) is run as a formula by spreadsheet
// programs; a leading apostrophe keeps it text. Only free text (names) needs it: numbers are ours.
export const neutralizeFormula = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
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
      neutralizeFormula(v.name), v.tier.toLowerCase(),
      s ? round(s.exposure) : "", s ? round(s.amplification) : "",
      s ? round(s.byKind.adjacency) : "", s ? round(s.byKind.inheritance) : "", s ? round(s.byKind.trust) : "",
      s ? s.criticalAssetsReached : "", s ? s.assetsReached : "",
      s ? s.computedAt.toISOString() : "", s ? s.modelVersion : "",
    ];
  });
  return stringify(records, { header: true, columns: [...PORTFOLIO_CSV_COLUMNS], record_delimiter: "windows" });
}
