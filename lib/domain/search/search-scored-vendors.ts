import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { comparePrefixFirst } from "@/lib/db/match-order";
import { getCompiledGraph, type CompiledOrganizationGraph } from "@/lib/domain/graph-store/graph-cache";
import { memoOnGraph } from "@/lib/domain/graph-store/graph-memo";
import { idOfKey } from "@/lib/linkage/keys";
import { normalizeSearchText, type SearchOption, type SearchQuery } from "@/lib/validation/search";

import { formatExposure, latestExposures } from "./latest-exposures";

/** Vendors a what-if can open: assessed and in the compiled graph (the test evaluate-scenario applies). */
/** The vendors a what-if can open, with their names normalised for matching: once per graph version, not per keystroke. */
export function scoredVendorsOf(
  compiled: CompiledOrganizationGraph,
): readonly { id: string; name: string; sortName: string }[] {
  const { graph } = compiled;
  return memoOnGraph(graph, "scored-vendors", "", () =>
    [...compiled.assessedVendorKeys].flatMap((key) => {
      const index = graph.indexById.get(key);
      if (index === undefined) return [];
      const name = graph.nodes[index]!.name;
      return [{ id: idOfKey(key), name, sortName: normalizeSearchText(name) }];
    }),
  );
}

export type ScoredVendorOption = SearchOption & { exposure: number | null };

/**
 * Scored vendors by name, prefix matches first; with an empty query, the highest exposure first
 * (the what-if page's quick links). Names come from the cached graph, exposures from snapshots.
 */
export async function searchScoredVendors(
  db: Db,
  actor: Actor,
  query: Pick<SearchQuery, "q" | "limit" | "exclude">,
): Promise<ScoredVendorOption[]> {
  assertCan(actor, "readScores");
  const compiled = await getCompiledGraph(db, actor.organizationId);
  const excluded = new Set(query.exclude);
  const candidates = scoredVendorsOf(compiled).filter((v) => !excluded.has(v.id));
  const byName = comparePrefixFirst(query.q);
  let chosen: typeof candidates;
  let exposures: Map<string, number>;
  if (query.q) {
    chosen = candidates
      .filter((v) => v.sortName.includes(query.q))
      .sort(byName)
      .slice(0, query.limit);
    exposures = await latestExposures(
      db,
      actor.organizationId,
      chosen.map((v) => v.id),
    );
  } else {
    exposures = await latestExposures(db, actor.organizationId, null);
    const exposureOf = (v: { id: string }) => exposures.get(v.id) ?? -1;
    chosen = candidates.sort((a, b) => exposureOf(b) - exposureOf(a) || byName(a, b)).slice(0, query.limit);
  }
  return chosen.map((v) => ({
    id: v.id,
    label: v.name,
    detail: formatExposure(exposures.get(v.id)),
    exposure: exposures.get(v.id) ?? null,
  }));
}
