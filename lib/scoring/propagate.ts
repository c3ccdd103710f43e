/**
 * The hot core. Two passes per source node (docs/scoring.md, "Propagation"):
 *
 * 1. A best-path search (Dijkstra on products) finds the *region*: every node whose most probable
 *    path from the source is at least the threshold ε, and the *counted* linkages x → y with
 *    b(x)·w ≥ ε. It also gives the explaining paths.
 * 2. A world pass propagates reachability over the counted linkages in N fixed sampled worlds at
 *    once (one bit per world, see worlds.ts): P(y) = share of worlds in which a live counted route
 *    reaches y. Converging routes combine exactly as the model says — shared ancestors are not
 *    double counted and a route around a cycle adds nothing a node already has — and, because each
 *    linkage's live worlds only grow with its weight, P is monotone in weights exactly.
 *    The same pass tracks the worlds reached through a route that leaves the source's footprint
 *    (amplification), the worlds reached with unknown answers at their best control (the range's
 *    low end), the worlds reached by one direct hop, and the linkage-kind mix over all counted routes.
 *
 * All state lives in a reusable workspace of typed arrays sized to the graph; a search records the
 * nodes it settled so that resetting costs O(reached), not O(graph).
 */
import type { ScoringConfig } from "./config";
import { IndexedMaxHeap } from "./indexed-max-heap";
import { TYPE_ASSET, TYPE_COMPONENT, type ScoringGraph } from "./scoring-graph";
import { popcount32 } from "./worlds";

export interface PropagationWorkspace {
  /** The graph of the last search; any graph with the same rank table (same nodes) may reuse it. */
  graph: ScoringGraph;
  /** b(x): probability of the most probable path source -> x (0 when not reached). */
  readonly best: Float64Array;
  readonly predEdge: Int32Array;
  readonly predNode: Int32Array;
  /** Per node, the share of each linkage kind over all counted routes into it (3 slots per node). */
  readonly kindShare: Float64Array;
  /** Scratch for the kind mix: mean route length and total route weight into each node. */
  readonly routeHops: Float64Array;
  readonly routeMass: Float64Array;
  /** Scratch for per-search subtree sums (structural amplifiers). */
  readonly subtree: Float64Array;
  /** Nodes in the order they were settled; settled[0] is the source. */
  readonly settled: Int32Array;
  /** Position of each node in `settled`, -1 when not settled. */
  readonly settlePosition: Int32Array;
  settledCount: number;
  source: number;
  readonly heap: IndexedMaxHeap;
  /** Words per node in the world bitsets below (graph.worldWords). */
  readonly words: number;
  /** Worlds in which a live counted route reaches the node. */
  readonly reach: Uint32Array;
  /** The same with unknown linkages at their best-control weight. */
  readonly lowReach: Uint32Array;
  /** Worlds reached through a route with at least one linkage outside the footprint (footprint nodes only). */
  readonly beyondReach: Uint32Array;
  /** Worlds reached by one live direct linkage from the source. */
  readonly directReach: Uint32Array;
  /** 1 for nodes reachable from the source by footprint linkages only. */
  readonly inFootprint: Uint8Array;
  /** Per settle position: the node is queued (has worlds its counted linkages have not passed on). */
  readonly dirty: Uint8Array;
  /** Work queue of settle positions for the world pass. */
  readonly queue: Int32Array;
}

export function createPropagationWorkspace(graph: ScoringGraph): PropagationWorkspace {
  const n = graph.nodeCount;
  const words = graph.worldWords;
  const best = new Float64Array(n);
  return {
    graph,
    best,
    predEdge: new Int32Array(n).fill(-1),
    predNode: new Int32Array(n).fill(-1),
    kindShare: new Float64Array(3 * n),
    routeHops: new Float64Array(n),
    routeMass: new Float64Array(n),
    subtree: new Float64Array(n),
    settled: new Int32Array(n),
    settlePosition: new Int32Array(n).fill(-1),
    settledCount: 0,
    source: -1,
    heap: new IndexedMaxHeap(n, best, graph.rank),
    words,
    reach: new Uint32Array(n * words),
    lowReach: new Uint32Array(n * words),
    beyondReach: new Uint32Array(n * words),
    directReach: new Uint32Array(n * words),
    inFootprint: new Uint8Array(n),
    dirty: new Uint8Array(n),
    queue: new Int32Array(n),
  };
}

// Keyed by the rank table: patched graphs without new nodes share it, so a what-if reuses the
// arrays of the graph it came from instead of allocating a fresh set per question.
const workspaceCache = new WeakMap<Int32Array, PropagationWorkspace>();

/** One cached workspace per node set; callers must finish with it before the next search. */
export function obtainWorkspace(graph: ScoringGraph): PropagationWorkspace {
  let workspace = workspaceCache.get(graph.rank);
  if (!workspace || workspace.words !== graph.worldWords) {
    workspace = createPropagationWorkspace(graph);
    workspaceCache.set(graph.rank, workspace);
  }
  resetWorkspace(workspace);
  workspace.graph = graph;
  return workspace;
}

/**
 * Runs both passes from `source`. Pruning is exact: weights are ≤ 1, so every prefix of a path is at
 * least as probable as the path, and the search that stops expanding below ε computes exactly the
 * region and counted linkages the model is defined on; the world pass reads nothing else.
 */
export function propagateFrom(workspace: PropagationWorkspace, source: number, config: ScoringConfig): void {
  resetWorkspace(workspace);
  searchBestPaths(workspace, source, config.probabilityThreshold);
  markFootprint(workspace, config.probabilityThreshold);
  propagateWorlds(workspace, config.probabilityThreshold);
}

/**
 * Most-probable-path search (Dijkstra on -log w, done directly on products). Terminates on cycles
 * because a node is settled once and a settled node can never be improved.
 */
function searchBestPaths(workspace: PropagationWorkspace, source: number, threshold: number): void {
  const { graph, best, predEdge, predNode, settled, settlePosition, heap, kindShare, routeHops, routeMass } =
    workspace;
  const { rowStart, edgeTo, edgeWeight, edgeKind } = graph;
  let count = 0;
  workspace.source = source;
  best[source] = 1;
  heap.pushOrRaise(source);
  while (heap.size > 0) {
    const x = heap.pop();
    settlePosition[x] = count;
    settled[count++] = x;
    // Kind mix over all counted routes (see mixRouteKind): every forward in-linkage came from a node
    // settled earlier, so x's mix is complete now.
    const mass = routeMass[x]!;
    if (mass > 0) {
      kindShare[3 * x]! /= mass;
      kindShare[3 * x + 1]! /= mass;
      kindShare[3 * x + 2]! /= mass;
      routeHops[x]! /= mass;
    }
    const bx = best[x]!;
    const end = rowStart[x + 1]!;
    for (let e = rowStart[x]!; e < end; e++) {
      const p = bx * edgeWeight[e]!;
      // Rows are sorted by weight, descending: nothing further in this row can clear the threshold.
      if (p < threshold) break;
      const y = edgeTo[e]!;
      if (settlePosition[y]! < 0 && y !== source)
        mixRouteKind(kindShare, routeHops, routeMass, x, y, p, edgeKind[e]!);
      // A settled y has best[y] ≥ bx ≥ p, so this can only fire for unsettled nodes.
      if (y !== source && p > best[y]!) {
        best[y] = p;
        predEdge[y] = e;
        predNode[y] = x;
        heap.pushOrRaise(y);
      }
    }
  }
  workspace.settledCount = count;
}

/** A linkage belongs to the source's footprint when it leaves the source or a component it supplies. */
function isFootprintSource(graph: ScoringGraph, source: number, x: number): boolean {
  return x === source || (graph.nodeType[x] === TYPE_COMPONENT && graph.supplier[x] === source);
}

/**
 * Marks the nodes reachable from the source through counted footprint linkages only: the source,
 * its own components, and the first node after them (an asset, or another vendor's component),
 * where the footprint stops. Nodes outside it are reached only through routes that leave the
 * footprint, so all their worlds are "beyond" worlds and need no separate bitset.
 */
function markFootprint(workspace: PropagationWorkspace, threshold: number): void {
  const { graph, best, settled, settledCount, inFootprint, source } = workspace;
  const { rowStart, edgeTo, edgeWeight } = graph;
  inFootprint[source] = 1;
  // Settle order: a footprint node's footprint predecessor was settled before it only if it lies on
  // its best path, so iterate to a fixed point (the footprint is a handful of nodes).
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 0; i < settledCount; i++) {
      const x = settled[i]!;
      if (!inFootprint[x] || !isFootprintSource(graph, source, x)) continue;
      const bx = best[x]!;
      for (let e = rowStart[x]!; e < rowStart[x + 1]!; e++) {
        if (bx * edgeWeight[e]! < threshold) break;
        const y = edgeTo[e]!;
        if (y !== source && !inFootprint[y]) {
          inFootprint[y] = 1;
          changed = true;
        }
      }
    }
  }
}

/**
 * Least fixed point of "a node's worlds include every counted in-linkage's live worlds of its
 * source". The fixed point does not depend on the order work is done in.
 */
function propagateWorlds(workspace: PropagationWorkspace, threshold: number): void {
  const {
    graph,
    best,
    settled,
    settledCount,
    settlePosition,
    reach,
    lowReach,
    beyondReach,
    directReach,
    inFootprint,
    dirty,
    source,
    words,
    queue,
  } = workspace;
  const { rowStart, edgeTo, edgeWeight, edgeMask, edgeLowMask, nodeType } = graph;
  const full = 0xffffffff | 0;
  for (let k = 0; k < words; k++) {
    reach[source * words + k] = full;
    lowReach[source * words + k] = full;
  }
  // Work in settle order: a min-heap of settle positions (each queued at most once at a time). A
  // linkage forward in settle order is passed on in the same wave; one back to an earlier node
  // restarts the wave there, merged with any other such restart, instead of a cascade per update.
  const heap = queue;
  let size = 0;
  const push = (at: number) => {
    let i = size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent]! <= at) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = at;
  };
  const pop = () => {
    const top = heap[0]!;
    const last = heap[--size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && heap[child + 1]! < heap[child]!) child++;
      if (heap[child]! >= last) break;
      heap[i] = heap[child]!;
      i = child;
    }
    if (size > 0) heap[i] = last;
    return top;
  };
  // Positions 0..count-1 in order already form a valid min-heap.
  for (let i = 0; i < settledCount; i++) {
    heap[i] = i;
    dirty[i] = 1;
  }
  size = settledCount;
  while (size > 0) {
    const i = pop();
    dirty[i] = 0;
    const x = settled[i]!;
    const bx = best[x]!;
    const xw = x * words;
    const footprintLinkages = inFootprint[x] === 1 && isFootprintSource(graph, source, x);
    const end = rowStart[x + 1]!;
    for (let e = rowStart[x]!; e < end; e++) {
      if (bx * edgeWeight[e]! < threshold) break;
      const y = edgeTo[e]!;
      if (y === source) continue;
      const yw = y * words;
      const ew = e * words;
      const trackBeyond = inFootprint[y] === 1;
      let grew = 0;
      for (let k = 0; k < words; k++) {
        const mask = edgeMask[ew + k]!;
        const r = reach[yw + k]!;
        const nr = r | (reach[xw + k]! & mask);
        const l = lowReach[yw + k]!;
        const nl = l | (lowReach[xw + k]! & edgeLowMask[ew + k]!);
        grew |= (nr ^ r) | (nl ^ l);
        reach[yw + k] = nr;
        lowReach[yw + k] = nl;
        if (trackBeyond) {
          // Through a footprint linkage only the source's beyond worlds continue as beyond; through
          // any other linkage every world that reached x is now beyond the footprint.
          const carried = footprintLinkages ? beyondReach[xw + k]! : reach[xw + k]!;
          const b = beyondReach[yw + k]!;
          const nb = b | (carried & mask);
          grew |= nb ^ b;
          beyondReach[yw + k] = nb;
        }
      }
      if (x === source && nodeType[y] === TYPE_ASSET)
        for (let k = 0; k < words; k++) directReach[yw + k]! |= edgeMask[ew + k]!;
      if (grew !== 0) {
        const at = settlePosition[y]!;
        if (!dirty[at]) {
          dirty[at] = 1;
          push(at);
        }
      }
    }
  }
}

/** Share of worlds set in `bits` for node `node`. */
function worldShare(bits: Uint32Array, node: number, words: number): number {
  let count = 0;
  for (let k = node * words, end = k + words; k < end; k++) count += popcount32(bits[k]!);
  return count / (words * 32);
}

/**
 * Linkage-kind mix over all counted routes, not only the best path: each node's mix is the average,
 * over its counted in-linkages from nodes settled before it weighted by b(x)·w, of the
 * predecessor's mix extended by this hop (hops counted evenly along a route). Linkages back to
 * nodes already settled are echoes and do not shift the mix.
 */
function mixRouteKind(
  kindShare: Float64Array,
  routeHops: Float64Array,
  routeMass: Float64Array,
  x: number,
  y: number,
  m: number,
  kind: number,
): void {
  const hx = routeHops[x]!;
  const scale = (m * hx) / (hx + 1);
  kindShare[3 * y]! += scale * kindShare[3 * x]!;
  kindShare[3 * y + 1]! += scale * kindShare[3 * x + 1]!;
  kindShare[3 * y + 2]! += scale * kindShare[3 * x + 2]!;
  kindShare[3 * y + kind]! += m / (hx + 1);
  routeHops[y]! += m * (hx + 1);
  routeMass[y]! += m;
}

/** Restores the touched entries to their neutral values. Everything touched was settled. */
export function resetWorkspace(workspace: PropagationWorkspace): void {
  const {
    best,
    predEdge,
    predNode,
    kindShare,
    routeHops,
    routeMass,
    settled,
    settlePosition,
    reach,
    lowReach,
    beyondReach,
    directReach,
    inFootprint,
    dirty,
    words,
  } = workspace;
  for (let i = 0; i < workspace.settledCount; i++) {
    const x = settled[i]!;
    best[x] = 0;
    predEdge[x] = -1;
    predNode[x] = -1;
    kindShare[3 * x] = 0;
    kindShare[3 * x + 1] = 0;
    kindShare[3 * x + 2] = 0;
    routeHops[x] = 0;
    routeMass[x] = 0;
    settlePosition[x] = -1;
    inFootprint[x] = 0;
    dirty[i] = 0;
    for (let k = x * words, end = k + words; k < end; k++) {
      reach[k] = 0;
      lowReach[k] = 0;
      beyondReach[k] = 0;
      directReach[k] = 0;
    }
  }
  workspace.settledCount = 0;
  workspace.source = -1;
}

/** Probabilities of one node after a search (the source itself, when an asset, is affected with certainty). */
export interface NodeProbabilities {
  /** P(affected): share of worlds a live counted route reaches it. */
  readonly probability: number;
  /** Share of worlds reached through a route that leaves the source's footprint. */
  readonly beyond: number;
  /** P with unknown answers at their best control. */
  readonly low: number;
  /** Share of worlds reached by a direct linkage from the source. */
  readonly direct: number;
}

export function readNodeProbabilities(workspace: PropagationWorkspace, node: number): NodeProbabilities {
  if (node === workspace.source) return { probability: 1, beyond: 0, low: 1, direct: 1 };
  const { words } = workspace;
  const probability = worldShare(workspace.reach, node, words);
  return {
    probability,
    beyond: workspace.inFootprint[node] ? worldShare(workspace.beyondReach, node, words) : probability,
    low: worldShare(workspace.lowReach, node, words),
    direct: worldShare(workspace.directReach, node, words),
  };
}

/** P(asset affected) after a search. */
export function readAssetProbability(workspace: PropagationWorkspace, node: number): number {
  if (node === workspace.source) return 1;
  return worldShare(workspace.reach, node, workspace.words);
}
