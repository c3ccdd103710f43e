/**
 * Incremental recompute and what-if.
 *
 * A vendor's search only ever reads the outgoing linkages of nodes it reaches (b ≥ threshold). So if
 * none of the changed nodes is reached by vendor v in the *original* graph, v's search in the new
 * graph replays exactly the same steps and its score is unchanged. The affected vendors are therefore
 * found with one multi-source best-path search over the reversed graph from the changed nodes — the
 * same max-product search, which gives b_v(x) for every vendor v at once.
 */
import { applyGraphChanges, type GraphChanges } from "./apply-graph-changes";
import { DEFAULT_WEIGHTS, MODEL_VERSION, type ScoringConfig } from "./config";
import { IndexedMaxHeap } from "./indexed-max-heap";
import { scoreVendorIndex } from "./score-vendors";
import { TYPE_VENDOR, type ScoringGraph } from "./scoring-graph";
import type { PortfolioScores, VendorScore } from "./types";

interface ReverseIndex {
  readonly rowStart: Int32Array;
  readonly source: Int32Array;
  readonly weight: Float64Array;
}

const reverseIndexCache = new WeakMap<ScoringGraph, ReverseIndex>();

/** Incoming-edge CSR, built once per graph version on first use (O(E) counting sort). */
export function obtainReverseIndex(graph: ScoringGraph): ReverseIndex {
  const cached = reverseIndexCache.get(graph);
  if (cached) return cached;
  const n = graph.nodeCount;
  const edgeCount = graph.edgeTo.length;
  const rowStart = new Int32Array(n + 1);
  for (let e = 0; e < edgeCount; e++) rowStart[graph.edgeTo[e]! + 1]!++;
  for (let y = 0; y < n; y++) rowStart[y + 1]! += rowStart[y]!;
  const cursor = rowStart.slice(0, n);
  const source = new Int32Array(edgeCount);
  const weight = new Float64Array(edgeCount);
  for (let x = 0; x < n; x++) {
    for (let e = graph.rowStart[x]!; e < graph.rowStart[x + 1]!; e++) {
      const at = cursor[graph.edgeTo[e]!]!++;
      source[at] = x;
      weight[at] = graph.edgeWeight[e]!;
    }
  }
  const index = { rowStart, source, weight };
  reverseIndexCache.set(graph, index);
  return index;
}

/**
 * Vendors of `graph` whose search reaches any of `seeds` (node indices of `graph`). The threshold is
 * lowered by a relative 1e-9 because reverse products multiply the same weights in the opposite
 * order; rounding may differ in the last bit, and recomputing one vendor too many is harmless while
 * one too few is not.
 */
export function findAffectedVendors(
  graph: ScoringGraph,
  seeds: readonly number[],
  config: ScoringConfig = DEFAULT_WEIGHTS,
): number[] {
  if (seeds.length === 0) return [];
  const reverse = obtainReverseIndex(graph);
  const threshold = config.probabilityThreshold * (1 - 1e-9);
  const best = new Float64Array(graph.nodeCount);
  const heap = new IndexedMaxHeap(graph.nodeCount, best, graph.rank);
  const done = new Uint8Array(graph.nodeCount);
  const affected: number[] = [];
  for (const seed of seeds) {
    best[seed] = 1;
    heap.pushOrRaise(seed);
  }
  while (heap.size > 0) {
    const y = heap.pop();
    done[y] = 1;
    if (graph.nodeType[y] === TYPE_VENDOR) affected.push(y);
    const by = best[y]!;
    for (let e = reverse.rowStart[y]!; e < reverse.rowStart[y + 1]!; e++) {
      const p = by * reverse.weight[e]!;
      if (p < threshold) continue;
      const x = reverse.source[e]!;
      if (!done[x] && p > best[x]!) {
        best[x] = p;
        heap.pushOrRaise(x);
      }
    }
  }
  return affected.sort((a, b) => graph.rank[a]! - graph.rank[b]!);
}

export interface IncrementalRecompute {
  readonly graph: ScoringGraph;
  /** Previous scores with the affected vendors replaced (vendors in id order). */
  readonly scores: PortfolioScores;
  /** Ids of the vendors that were actually recomputed. */
  readonly recomputedVendorIds: readonly string[];
}

/**
 * Applies changes (e.g. the linkages of one newly accepted assessment revision: remove the old
 * revision's linkages, add the new ones) and recomputes only the vendors that can be affected.
 */
export function recomputeIncrementally(
  graph: ScoringGraph,
  previous: PortfolioScores,
  changes: GraphChanges,
  options: { readonly config?: ScoringConfig } = {},
): IncrementalRecompute {
  const config = options.config ?? DEFAULT_WEIGHTS;
  const applied = applyGraphChanges(graph, changes);
  const affectedIds = new Set(
    findAffectedVendors(graph, applied.seeds, config).map((v) => graph.nodes[v]!.id),
  );
  for (const id of applied.newVendorIds) affectedIds.add(id);

  const next = applied.graph;
  const previousById = new Map(previous.vendors.map((score) => [score.id, score]));
  const vendors: VendorScore[] = [];
  const recomputed: string[] = [];
  for (const v of next.vendorIndices) {
    const id = next.nodes[v]!.id;
    const kept = previousById.get(id);
    if (kept && !affectedIds.has(id)) {
      vendors.push(kept);
    } else {
      vendors.push(scoreVendorIndex(next, v, config));
      recomputed.push(id);
    }
  }
  return { graph: next, scores: { modelVersion: MODEL_VERSION, vendors }, recomputedVendorIds: recomputed };
}

export interface VendorScoreDelta {
  readonly id: string;
  readonly before: VendorScore | null;
  readonly after: VendorScore | null;
  readonly exposureDelta: number;
  readonly amplificationDelta: number;
  /** Side by side, so a control that weakens the footprint does not read as amplification rising. */
  readonly footprintExposureDelta: number;
  readonly beyondFootprintExposureDelta: number;
}

export interface WhatIfResult {
  readonly modelVersion: string;
  /** Only vendors that can change; every other vendor's delta is exactly zero. */
  readonly deltas: readonly VendorScoreDelta[];
  /** The hypothetical graph, for follow-up questions (blast radius, paths) on the scenario. */
  readonly graph: ScoringGraph;
}

export interface WhatIfOptions {
  readonly config?: ScoringConfig;
  /** Only evaluate these vendors (fast single-vendor what-if); default: every affected vendor. */
  readonly vendorIds?: readonly string[];
  /** Current scores, to avoid recomputing "before" (must come from the same graph and config). */
  readonly baseline?: PortfolioScores;
  /**
   * The caller only reads the deltas: the hypothetical graph is built in scratch buffers (see
   * ApplyOptions.reuseBuffers) and `result.graph` is valid only until the next transient what-if.
   */
  readonly transient?: boolean;
}

/** Evaluates hypothetical changes without saving anything; returns per-vendor score deltas. */
export function evaluateWhatIf(
  graph: ScoringGraph,
  changes: GraphChanges,
  options: WhatIfOptions = {},
): WhatIfResult {
  const config = options.config ?? DEFAULT_WEIGHTS;
  const applied = applyGraphChanges(graph, changes, { reuseBuffers: options.transient === true });
  let ids: string[];
  if (options.vendorIds) {
    ids = [...new Set(options.vendorIds)];
  } else {
    const affected = new Set(
      findAffectedVendors(graph, applied.seeds, config).map((v) => graph.nodes[v]!.id),
    );
    for (const id of applied.newVendorIds) affected.add(id);
    ids = [...affected];
  }
  ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const baseline = new Map(options.baseline?.vendors.map((score) => [score.id, score]));
  const scoreIn = (g: ScoringGraph, id: string): VendorScore | null => {
    const v = g.indexById.get(id);
    return v !== undefined && g.nodeType[v] === TYPE_VENDOR ? scoreVendorIndex(g, v, config) : null;
  };
  const deltas = ids.map((id): VendorScoreDelta => {
    const before = baseline.get(id) ?? scoreIn(graph, id);
    const after = scoreIn(applied.graph, id);
    return {
      id,
      before,
      after,
      exposureDelta: (after?.exposure ?? 0) - (before?.exposure ?? 0),
      amplificationDelta: (after?.amplification ?? 0) - (before?.amplification ?? 0),
      footprintExposureDelta: (after?.footprintExposure ?? 0) - (before?.footprintExposure ?? 0),
      beyondFootprintExposureDelta:
        (after?.beyondFootprintExposure ?? 0) - (before?.beyondFootprintExposure ?? 0),
    };
  });
  return { modelVersion: MODEL_VERSION, deltas, graph: applied.graph };
}
