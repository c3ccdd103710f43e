import type { LinkageKind } from "./config";
import type { KindBreakdown } from "./types";

/**
 * The kind of linkage carrying the most of a vendor's exposure; ties go to trust, then adjacency;
 * null when no kind carries any. This is the definition: the portfolio's stored
 * `CurrentScore.dominantKind` is computed in SQL (storeSnapshots, and the backfill of migration
 * 20261127042757_current_score), and tests/integration/dominant-kind.integration.test.ts checks both
 * against this function on PostgreSQL. A missing kind counts as zero.
 */
export function dominantKind(byKind: Partial<KindBreakdown>): LinkageKind | null {
  let best: LinkageKind | null = null;
  for (const kind of ["trust", "adjacency", "inheritance"] as const) {
    const value = byKind[kind] ?? 0;
    if (value > 0 && (best === null || value > byKind[best]!)) best = kind;
  }
  return best;
}
