/**
 * The hot core: one best-path search from a source node, plus the noisy-OR combination of final
 * hops at assets. See docs/scoring.md ("Propagation") for the formulas this implements.
 *
 * All state lives in a reusable workspace of typed arrays sized to the graph; a search records the
 * nodes it settled so that resetting costs O(reached), not O(graph).
 */
import type { ScoringConfig } from "./config";
import { IndexedMaxHeap } from "./indexed-max-heap";
import { TYPE_ASSET, type ScoringGraph } from "./scoring-graph";

export interface PropagationWorkspace {
  /** The graph of the last search; any graph with the same rank table (same nodes) may reuse it. */
  graph: ScoringGraph;
  /** b(x): probability of the most probable path source -> x (0 when not reached). */
  readonly best: Float64Array;
  /** Π (1 - b(x)·w) over counted final hops into an asset; 1 - this is the asset's probability. */
  readonly complement: Float64Array;
  /** The same product restricted to hops straight from the source (the "direct" part). */
  readonly directComplement: Float64Array;
  readonly predEdge: Int32Array;
  readonly predNode: Int32Array;
  readonly hops: Int32Array;
  /** Per node, the share of each linkage kind among the hops of its best path (3 slots per node). */
  readonly kindShare: Float64Array;
  /** Scratch for per-search subtree sums (structural amplifiers). */
  readonly subtree: Float64Array;
  /** Nodes in the order they were settled; settled[0] is the source. */
  readonly settled: Int32Array;
  settledCount: number;
  source: number;
  readonly heap: IndexedMaxHeap;
}

export function createPropagationWorkspace(graph: ScoringGraph): PropagationWorkspace {
  const n = graph.nodeCount;
  const best = new Float64Array(n);
  return {
    graph,
    best,
    complement: new Float64Array(n).fill(1),
    directComplement: new Float64Array(n).fill(1),
    predEdge: new Int32Array(n).fill(-1),
    predNode: new Int32Array(n).fill(-1),
    hops: new Int32Array(n),
    kindShare: new Float64Array(3 * n),
    subtree: new Float64Array(n),
    settled: new Int32Array(n),
    settledCount: 0,
    source: -1,
    heap: new IndexedMaxHeap(n, best, graph.rank),
  };
}

// Keyed by the rank table: patched graphs without new nodes share it, so a what-if reuses the
// arrays of the graph it came from instead of allocating a fresh set per question.
const workspaceCache = new WeakMap<Int32Array, PropagationWorkspace>();

/** One cached workspace per node set; callers must finish with it before the next search. */
export function obtainWorkspace(graph: ScoringGraph): PropagationWorkspace {
  let workspace = workspaceCache.get(graph.rank);
  if (!workspace) {
    workspace = createPropagationWorkspace(graph);
    workspaceCache.set(graph.rank, workspace);
  }
  resetWorkspace(workspace);
  workspace.graph = graph;
  return workspace;
}

/**
 * Most-probable-path search (Dijkstra on -log w, done directly on products) from `source`.
 * A hop is followed — and counted in the asset's noisy-OR — only if its path probability
 * b(x)·w is at least the threshold. Because weights are ≤ 1 every prefix of a path is at least as
 * probable as the path, so pruning never changes b(x) for a node that stays above the threshold:
 * the pruned search is exact for the model as defined, and it terminates on cycles because a node is
 * settled once and a settled node can never be improved.
 */
export function propagateFrom(workspace: PropagationWorkspace, source: number, config: ScoringConfig): void {
  resetWorkspace(workspace);
  const { graph, best, complement, directComplement, predEdge, predNode, hops, kindShare, settled, heap } = workspace;
  const { rowStart, edgeTo, edgeWeight, edgeKind, nodeType } = graph;
  const threshold = config.probabilityThreshold;
  let count = 0;

  workspace.source = source;
  best[source] = 1;
  hops[source] = 0;
  heap.pushOrRaise(source);

  while (heap.size > 0) {
    const x = heap.pop();
    settled[count++] = x;
    if (x !== source) {
      // The predecessor settled earlier, so its path summary is final.
      const u = predNode[x]!;
      const hopCount = hops[u]! + 1;
      hops[x] = hopCount;
      const kind = edgeKind[predEdge[x]!]!;
      const previous = hopCount - 1;
      for (let k = 0; k < 3; k++) {
        kindShare[3 * x + k] = (kindShare[3 * u + k]! * previous + (k === kind ? 1 : 0)) / hopCount;
      }
    }
    const bx = best[x]!;
    const end = rowStart[x + 1]!;
    for (let e = rowStart[x]!; e < end; e++) {
      const p = bx * edgeWeight[e]!;
      // Rows are sorted by weight, descending: nothing further in this row can clear the threshold.
      if (p < threshold) break;
      const y = edgeTo[e]!;
      if (y === source) continue;
      if (nodeType[y] === TYPE_ASSET) {
        complement[y]! *= 1 - p;
        if (x === source) directComplement[y]! *= 1 - p;
      }
      // A settled y has best[y] ≥ bx ≥ p, so this can only fire for unsettled nodes.
      if (p > best[y]!) {
        best[y] = p;
        predEdge[y] = e;
        predNode[y] = x;
        heap.pushOrRaise(y);
      }
    }
  }
  workspace.settledCount = count;
}

/** Restores the touched entries to their neutral values. Everything touched was settled. */
export function resetWorkspace(workspace: PropagationWorkspace): void {
  const { best, complement, directComplement, predEdge, predNode, kindShare, settled } = workspace;
  for (let i = 0; i < workspace.settledCount; i++) {
    const x = settled[i]!;
    best[x] = 0;
    complement[x] = 1;
    directComplement[x] = 1;
    predEdge[x] = -1;
    predNode[x] = -1;
    kindShare[3 * x] = 0;
    kindShare[3 * x + 1] = 0;
    kindShare[3 * x + 2] = 0;
  }
  workspace.settledCount = 0;
  workspace.source = -1;
}

/** P(asset affected) after a search; the source itself (when an asset) is affected with certainty. */
export function readAssetProbability(workspace: PropagationWorkspace, node: number): number {
  if (node === workspace.source) return 1;
  return 1 - workspace.complement[node]!;
}
