import "server-only";

import type { ScoringGraph } from "@/lib/scoring";

/**
 * Results derived from one compiled graph (one graph version of one organisation), remembered while
 * that graph is current. The score page, compare and the what-if all start from the same per-vendor
 * searches; on a 1,000,000-linkage graph each costs tens of milliseconds, so doing it once per graph
 * version instead of once per request is what keeps the pages quick under load.
 *
 * Keyed by the graph object: a new graph version is a new object with an empty memo, and the old
 * entries are collected with the old graph. Each namespace keeps its `limit` most recently used
 * entries, so memory stays bounded however many vendors are opened.
 */
const memo = new WeakMap<ScoringGraph, Map<string, Map<string, unknown>>>();

export function memoOnGraph<T>(
  graph: ScoringGraph,
  namespace: string,
  key: string,
  compute: () => T,
  limit = 128,
): T {
  let spaces = memo.get(graph);
  if (!spaces) memo.set(graph, (spaces = new Map()));
  let entries = spaces.get(namespace);
  if (!entries) spaces.set(namespace, (entries = new Map()));
  if (entries.has(key)) {
    const value = entries.get(key) as T;
    // Map iteration follows insertion order: re-inserting marks the entry as most recently used.
    entries.delete(key);
    entries.set(key, value);
    return value;
  }
  const value = compute();
  entries.set(key, value);
  while (entries.size > limit) entries.delete(entries.keys().next().value!);
  return value;
}
