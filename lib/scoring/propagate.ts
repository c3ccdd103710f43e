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
  /**
   * Per node, ROUTE_MIX_STRIDE slots: the share of each linkage kind over all counted routes into it
   * (slots 0-2, by kind code), then scratch for the mix: mean route length and total route weight
   * (slots 3 and 4). One node's slots share a cache line; the search updates them together.
   */
  readonly routeMix: Float64Array;
  /** Scratch for per-search subtree sums (structural amplifiers). */
  readonly subtree: Float64Array;
  /**
   * Per settled node x: the end of its counted linkages (rows are sorted by weight, so they are a
   * prefix of the row: rowStart[x] .. countedEnd[x]-1 have b(x)·w ≥ ε). Later passes loop to it.
   */
  readonly countedEnd: Int32Array;
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
  /** Scratch: the targets one row pass made grow (grown to the longest row passed). */
  grownTargets: Int32Array;
}

/** Slots per node in PropagationWorkspace.routeMix. */
export const ROUTE_MIX_STRIDE = 5;
const HOPS = 3;
const MASS = 4;

export function createPropagationWorkspace(graph: ScoringGraph): PropagationWorkspace {
  const n = graph.nodeCount;
  const words = graph.worldWords;
  const best = new Float64Array(n);
  return {
    graph,
    best,
    predEdge: new Int32Array(n).fill(-1),
    predNode: new Int32Array(n).fill(-1),
    routeMix: new Float64Array(ROUTE_MIX_STRIDE * n),
    subtree: new Float64Array(n),
    countedEnd: new Int32Array(n),
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
    grownTargets: new Int32Array(256),
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
  markFootprint(workspace);
  propagateWorlds(workspace);
}

/**
 * Most-probable-path search (Dijkstra on -log w, done directly on products). Terminates on cycles
 * because a node is settled once and a settled node can never be improved.
 */
function searchBestPaths(workspace: PropagationWorkspace, source: number, threshold: number): void {
  const { graph, best, predEdge, predNode, settled, settlePosition, heap, routeMix, countedEnd } = workspace;
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
    const mix = ROUTE_MIX_STRIDE * x;
    const mass = routeMix[mix + MASS]!;
    if (mass > 0) {
      routeMix[mix]! /= mass;
      routeMix[mix + 1]! /= mass;
      routeMix[mix + 2]! /= mass;
      routeMix[mix + HOPS]! /= mass;
    }
    const bx = best[x]!;
    const end = rowStart[x + 1]!;
    let e = rowStart[x]!;
    for (; e < end; e++) {
      const p = bx * edgeWeight[e]!;
      // Rows are sorted by weight, descending: nothing further in this row can clear the threshold.
      if (p < threshold) break;
      const y = edgeTo[e]!;
      // The source was settled first, so "not settled" excludes it. A settled y has
      // best[y] ≥ bx ≥ p: only unsettled nodes can improve or take a share of the kind mix.
      if (settlePosition[y]! >= 0) continue;
      mixRouteKind(routeMix, x, y, p, edgeKind[e]!);
      if (p > best[y]!) {
        best[y] = p;
        predEdge[y] = e;
        predNode[y] = x;
        heap.pushOrRaise(y);
      }
    }
    countedEnd[x] = e;
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
function markFootprint(workspace: PropagationWorkspace): void {
  const { graph, inFootprint, source, countedEnd } = workspace;
  const { rowStart, edgeTo } = graph;
  // A worklist (the queue is free until the world pass): the footprint is a handful of nodes, and
  // only the source and its own components pass the mark on.
  const stack = workspace.queue;
  let size = 0;
  inFootprint[source] = 1;
  stack[size++] = source;
  while (size > 0) {
    const x = stack[--size]!;
    if (!isFootprintSource(graph, source, x)) continue;
    for (let e = rowStart[x]!, end = countedEnd[x]!; e < end; e++) {
      const y = edgeTo[e]!;
      if (inFootprint[y]) continue;
      inFootprint[y] = 1;
      stack[size++] = y;
    }
  }
}

/**
 * Least fixed point of "a node's worlds include every counted in-linkage's live worlds of its
 * source". The fixed point does not depend on the order work is done in.
 */
function propagateWorlds(workspace: PropagationWorkspace): void {
  const { graph, settled, settledCount, settlePosition, reach, lowReach, directReach, dirty, source, words } =
    workspace;
  const { rowStart, edgeTo, edgeMask, nodeType } = graph;
  const { countedEnd } = workspace;
  const full = 0xffffffff | 0;
  for (let k = 0; k < words; k++) {
    reach[source * words + k] = full;
    lowReach[source * words + k] = full;
  }
  // Direct worlds: the source's own counted linkages into assets.
  for (let e = rowStart[source]!, end = countedEnd[source]!; e < end; e++) {
    const y = edgeTo[e]!;
    if (y === source || nodeType[y] !== TYPE_ASSET) continue;
    for (let k = 0; k < words; k++) directReach[y * words + k]! |= edgeMask[e * words + k]!;
  }
  // Work in settle order: a min-heap of settle positions (each queued at most once at a time). A
  // linkage forward in settle order is passed on in the same wave; one back to an earlier node
  // restarts the wave there, merged with any other such restart, instead of a cascade per update.
  const heap = workspace.queue;
  // Positions 0..count-1 in order already form a valid min-heap.
  for (let i = 0; i < settledCount; i++) {
    heap[i] = i;
    dirty[i] = 1;
  }
  let size = settledCount;
  const passRow = words === 2 ? passRowTwoWords : passRowAnyWords;
  while (size > 0) {
    // Pop the smallest position.
    const i = heap[0]!;
    const last = heap[--size]!;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && heap[child + 1]! < heap[child]!) child++;
      if (heap[child]! >= last) break;
      heap[at] = heap[child]!;
      at = child;
    }
    if (size > 0) heap[at] = last;
    dirty[i] = 0;

    const x = settled[i]!;
    if (countedEnd[x]! - rowStart[x]! > workspace.grownTargets.length)
      workspace.grownTargets = new Int32Array(2 * (countedEnd[x]! - rowStart[x]!));
    const grown = passRow(workspace, x);
    // Queue every target that grew.
    const grownTargets = workspace.grownTargets;
    for (let g = 0; g < grown; g++) {
      const position = settlePosition[grownTargets[g]!]!;
      if (dirty[position]) continue;
      dirty[position] = 1;
      let up = size++;
      while (up > 0) {
        const parent = (up - 1) >> 1;
        if (heap[parent]! <= position) break;
        heap[up] = heap[parent]!;
        up = parent;
      }
      heap[up] = position;
    }
  }
}

/**
 * Passes node x's worlds along its counted linkages; returns how many targets grew (listed in
 * workspace.grownTargets). x's own words are read once: a linkage back to x itself (which could
 * only add beyond worlds) leaves x queued again, so the fixed point is the same.
 */
function passRowTwoWords(workspace: PropagationWorkspace, x: number): number {
  const { graph, reach, lowReach, beyondReach, inFootprint, source, grownTargets } = workspace;
  const { rowStart, edgeTo, edgeMask, edgeLowMask } = graph;
  const xw = x * 2;
  const r0 = reach[xw]!;
  const r1 = reach[xw + 1]!;
  const l0 = lowReach[xw]!;
  const l1 = lowReach[xw + 1]!;
  // Through a footprint linkage only the source's beyond worlds continue as beyond; through any
  // other linkage every world that reached x is now beyond the footprint.
  const footprintLinkages = inFootprint[x] === 1 && isFootprintSource(graph, source, x);
  const c0 = footprintLinkages ? beyondReach[xw]! : r0;
  const c1 = footprintLinkages ? beyondReach[xw + 1]! : r1;
  let grown = 0;
  for (let e = rowStart[x]!, end = workspace.countedEnd[x]!; e < end; e++) {
    const y = edgeTo[e]!;
    if (y === source) continue;
    const yw = y * 2;
    const ew = e * 2;
    const m0 = edgeMask[ew]!;
    const m1 = edgeMask[ew + 1]!;
    const a0 = reach[yw]!;
    const a1 = reach[yw + 1]!;
    const b0 = lowReach[yw]!;
    const b1 = lowReach[yw + 1]!;
    const na0 = a0 | (r0 & m0);
    const na1 = a1 | (r1 & m1);
    const nb0 = b0 | (l0 & edgeLowMask[ew]!);
    const nb1 = b1 | (l1 & edgeLowMask[ew + 1]!);
    let grew = (na0 ^ a0) | (na1 ^ a1) | (nb0 ^ b0) | (nb1 ^ b1);
    if (grew !== 0) {
      reach[yw] = na0;
      reach[yw + 1] = na1;
      lowReach[yw] = nb0;
      lowReach[yw + 1] = nb1;
    }
    if (inFootprint[y] === 1) {
      const d0 = beyondReach[yw]!;
      const d1 = beyondReach[yw + 1]!;
      const nd0 = d0 | (c0 & m0);
      const nd1 = d1 | (c1 & m1);
      beyondReach[yw] = nd0;
      beyondReach[yw + 1] = nd1;
      grew |= (nd0 ^ d0) | (nd1 ^ d1);
    }
    if (grew !== 0) grownTargets[grown++] = y;
  }
  return grown;
}

/** passRowTwoWords for any number of words per node. */
function passRowAnyWords(workspace: PropagationWorkspace, x: number): number {
  const { graph, reach, lowReach, beyondReach, inFootprint, source, grownTargets, words } = workspace;
  const { rowStart, edgeTo, edgeMask, edgeLowMask } = graph;
  const xw = x * words;
  const footprintLinkages = inFootprint[x] === 1 && isFootprintSource(graph, source, x);
  let grown = 0;
  for (let e = rowStart[x]!, end = workspace.countedEnd[x]!; e < end; e++) {
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
        const carried = footprintLinkages ? beyondReach[xw + k]! : reach[xw + k]!;
        const b = beyondReach[yw + k]!;
        const nb = b | (carried & mask);
        grew |= nb ^ b;
        beyondReach[yw + k] = nb;
      }
    }
    if (grew !== 0) grownTargets[grown++] = y;
  }
  return grown;
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
function mixRouteKind(routeMix: Float64Array, x: number, y: number, m: number, kind: number): void {
  const mx = ROUTE_MIX_STRIDE * x;
  const my = ROUTE_MIX_STRIDE * y;
  const hx = routeMix[mx + HOPS]!;
  const scale = (m * hx) / (hx + 1);
  routeMix[my]! += scale * routeMix[mx]!;
  routeMix[my + 1]! += scale * routeMix[mx + 1]!;
  routeMix[my + 2]! += scale * routeMix[mx + 2]!;
  routeMix[my + kind]! += m / (hx + 1);
  routeMix[my + HOPS]! += m * (hx + 1);
  routeMix[my + MASS]! += m;
}

/** Restores the touched entries to their neutral values. Everything touched was settled. */
export function resetWorkspace(workspace: PropagationWorkspace): void {
  const {
    best,
    predEdge,
    predNode,
    routeMix,
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
    const mix = ROUTE_MIX_STRIDE * x;
    routeMix[mix] = 0;
    routeMix[mix + 1] = 0;
    routeMix[mix + 2] = 0;
    routeMix[mix + HOPS] = 0;
    routeMix[mix + MASS] = 0;
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
