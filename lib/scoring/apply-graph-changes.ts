/**
 * Produces a new ScoringGraph with linkages removed, re-weighted or added and nodes upserted,
 * without touching the original (what-if must never mutate the portfolio it is asked about).
 *
 * Only the rows whose outgoing linkages change are rebuilt and re-sorted; every other row is
 * block-copied, so a change costs O(E) memory copying plus O(changed rows · log) sorting instead of a
 * full rebuild. The result is equivalent to building the changed document from scratch (tested).
 */
import type { LinkageKind } from "./config";
import type { GraphLinkageInput, GraphNodeInput } from "./graph-format";
import {
  assertValidWeight,
  collectVendorIndices,
  createRowComparator,
  KIND_CODES,
  linkageAt,
  resolveSuppliers,
  ScoringInputError,
  writeNodeAttributes,
  writeRowWorlds,
  type ScoringGraph,
} from "./scoring-graph";
import { hashId } from "./worlds";

/** Picks existing linkages: by their optional `id`, by endpoints (and kind), or by a predicate. */
export type LinkageSelector =
  | { readonly id: string }
  | { readonly from: string; readonly to: string; readonly kind?: LinkageKind }
  | { readonly where: (linkage: GraphLinkageInput) => boolean };

/** A set of edits; applied as remove, then re-weight, then add, then node upserts. */
export interface GraphChanges {
  readonly removeLinkages?: readonly LinkageSelector[];
  readonly reweightLinkages?: readonly { readonly match: LinkageSelector; readonly weight: number }[];
  readonly addLinkages?: readonly GraphLinkageInput[];
  /** New nodes are added; existing ids have their type, name, criticality and extras replaced. */
  readonly upsertNodes?: readonly GraphNodeInput[];
}

export interface AppliedGraphChanges {
  readonly graph: ScoringGraph;
  /**
   * Nodes of the *original* graph whose outgoing linkages or own attributes changed. A vendor's
   * score can only change if its search in the original graph reached one of these.
   */
  readonly seeds: readonly number[];
  /** Ids of vendors present in the new graph but not (as vendors) in the original. */
  readonly newVendorIds: readonly string[];
  /** How many existing linkages the selectors matched (removed + re-weighted). */
  readonly matchedLinkageCount: number;
}

/** Calls `visit(row, edgeSlot)` for every edge the selector matches. */
function forEachMatchingEdge(
  graph: ScoringGraph,
  selector: LinkageSelector,
  visit: (row: number, edge: number) => void,
): void {
  const { rowStart } = graph;
  if ("from" in selector) {
    const x = graph.indexById.get(selector.from);
    const y = graph.indexById.get(selector.to);
    if (x === undefined || y === undefined) return;
    const kind = selector.kind === undefined ? -1 : KIND_CODES[selector.kind];
    for (let e = rowStart[x]!; e < rowStart[x + 1]!; e++) {
      if (graph.edgeTo[e] === y && (kind < 0 || graph.edgeKind[e] === kind)) visit(x, e);
    }
    return;
  }
  const test = "id" in selector ? (l: GraphLinkageInput) => l.id === selector.id : selector.where;
  // Linkage objects are read in the order they were created (which is their order in memory), not
  // in row order, which jumps across a million of them: a predicate over every linkage is then
  // bound by the predicate, not by cache misses.
  const edgeOf = obtainEdgeOfLinkage(graph);
  for (let l = 0; l < edgeOf.length; l++) {
    const e = edgeOf[l]!;
    if (e >= 0 && test(linkageAt(graph, l))) visit(rowOfEdge(rowStart, e), e);
  }
}

const edgeOfLinkageCache = new WeakMap<ScoringGraph, Int32Array>();

/** Edge slot of each linkage index, -1 for linkages no row refers to any more (after patches). */
function obtainEdgeOfLinkage(graph: ScoringGraph): Int32Array {
  let edgeOf = edgeOfLinkageCache.get(graph);
  if (edgeOf) return edgeOf;
  edgeOf = new Int32Array(graph.linkages.length + graph.addedLinkages.length).fill(-1);
  const { edgeLinkage } = graph;
  for (let e = 0; e < edgeLinkage.length; e++) edgeOf[edgeLinkage[e]!] = e;
  edgeOfLinkageCache.set(graph, edgeOf);
  return edgeOf;
}

/** The row (source node) of edge slot e: the last x with rowStart[x] ≤ e (empty rows skipped). */
function rowOfEdge(rowStart: Int32Array, e: number): number {
  let low = 0;
  let high = rowStart.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (rowStart[middle]! <= e) low = middle;
    else high = middle - 1;
  }
  return low;
}

export interface ApplyOptions {
  /**
   * Write the new edge arrays into scratch buffers kept per original graph instead of allocating
   * ~17 bytes per edge (17 MB at 1,000,000 linkages) for every what-if. The returned graph is then
   * only valid until the next `reuseBuffers` call on the same original graph: for evaluations that
   * score and drop it synchronously.
   */
  readonly reuseBuffers?: boolean;
}

interface EdgeBuffers {
  edgeTo: Int32Array;
  edgeWeight: Float64Array;
  edgeKind: Uint8Array;
  edgeLinkage: Int32Array;
  edgeMask: Uint32Array;
  edgeLowMask: Uint32Array;
}

const scratchBuffers = new WeakMap<ScoringGraph, EdgeBuffers>();

function allocateEdges(graph: ScoringGraph, edgeCount: number, reuse: boolean): EdgeBuffers {
  const words = graph.worldWords;
  const fresh = (n: number): EdgeBuffers => ({
    edgeTo: new Int32Array(n),
    edgeWeight: new Float64Array(n),
    edgeKind: new Uint8Array(n),
    edgeLinkage: new Int32Array(n),
    edgeMask: new Uint32Array(n * words),
    edgeLowMask: new Uint32Array(n * words),
  });
  if (!reuse) return fresh(edgeCount);
  let buffers = scratchBuffers.get(graph);
  if (!buffers || buffers.edgeTo.length < edgeCount) {
    // Room for a few added linkages, so a scenario that adds some does not reallocate every time.
    buffers = fresh(edgeCount + 64);
    scratchBuffers.set(graph, buffers);
  }
  // Every slot below edgeCount is written, so the stale contents need no clearing.
  return {
    edgeTo: buffers.edgeTo.subarray(0, edgeCount),
    edgeWeight: buffers.edgeWeight.subarray(0, edgeCount),
    edgeKind: buffers.edgeKind.subarray(0, edgeCount),
    edgeLinkage: buffers.edgeLinkage.subarray(0, edgeCount),
    edgeMask: buffers.edgeMask.subarray(0, edgeCount * words),
    edgeLowMask: buffers.edgeLowMask.subarray(0, edgeCount * words),
  };
}

export function applyGraphChanges(
  graph: ScoringGraph,
  changes: GraphChanges,
  options: ApplyOptions = {},
): AppliedGraphChanges {
  const oldCount = graph.nodeCount;
  const baseCount = graph.linkages.length;
  const addedLinkages: GraphLinkageInput[] = graph.addedLinkages.slice();
  const appendLinkage = (linkage: GraphLinkageInput) => baseCount + addedLinkages.push(linkage) - 1;
  const linkageOf = (l: number) => (l < baseCount ? graph.linkages[l]! : addedLinkages[l - baseCount]!);
  const removedEdges = new Set<number>();
  const replacedLinkage = new Map<number, number>();
  const dirtyRows = new Set<number>();
  const seeds = new Set<number>();

  for (const selector of changes.removeLinkages ?? []) {
    forEachMatchingEdge(graph, selector, (row, edge) => {
      removedEdges.add(edge);
      dirtyRows.add(row);
    });
  }
  for (const { match, weight } of changes.reweightLinkages ?? []) {
    forEachMatchingEdge(graph, match, (row, edge) => {
      if (removedEdges.has(edge)) return;
      const original = linkageOf(graph.edgeLinkage[edge]!);
      const updated = { ...original, weight };
      assertValidWeight(updated, graph.edgeLinkage[edge]!);
      replacedLinkage.set(edge, appendLinkage(updated));
      dirtyRows.add(row);
    });
  }
  const matchedLinkageCount = removedEdges.size + replacedLinkage.size;

  // Nodes first, so added linkages may point at nodes created in the same change set. Without
  // upserts the node tables are shared with the original (they are never mutated).
  const upserts = changes.upsertNodes ?? [];
  const newCount =
    oldCount + new Set(upserts.filter((n) => !graph.indexById.has(n.id)).map((n) => n.id)).size;
  let nodes = graph.nodes;
  let indexById = graph.indexById;
  let nodeType = graph.nodeType;
  let criticality = graph.criticality;
  if (upserts.length > 0) {
    const nodeList = graph.nodes.slice();
    const ids = new Map(graph.indexById);
    nodeType = new Uint8Array(newCount);
    nodeType.set(graph.nodeType);
    criticality = new Uint8Array(newCount);
    criticality.set(graph.criticality);
    for (const node of upserts) {
      let index = ids.get(node.id);
      if (index === undefined) {
        index = nodeList.push(node) - 1;
        ids.set(node.id, index);
      } else {
        nodeList[index] = node;
        if (index < oldCount) seeds.add(index);
      }
      writeNodeAttributes(node, index, nodeType, criticality);
    }
    nodes = nodeList;
    indexById = ids;
  }
  const rank = newCount === oldCount ? graph.rank : rankNodeIds(nodes);

  const addedByRow = new Map<number, number[]>();
  (changes.addLinkages ?? []).forEach((linkage, i) => {
    const x = indexById.get(linkage.from);
    const y = indexById.get(linkage.to);
    if (x === undefined)
      throw new ScoringInputError(`addLinkages[${i}].from: unknown node id "${linkage.from}"`);
    if (y === undefined) throw new ScoringInputError(`addLinkages[${i}].to: unknown node id "${linkage.to}"`);
    assertValidWeight(linkage, i);
    const l = appendLinkage(linkage);
    const list = addedByRow.get(x) ?? [];
    list.push(l);
    addedByRow.set(x, list);
    dirtyRows.add(x);
  });
  for (const row of dirtyRows) if (row < oldCount) seeds.add(row);

  // Rebuild the dirty rows. The old row is already in canonical order, so the untouched edges keep
  // their order and only the few changed or added linkages are sorted and merged in: O(row) instead
  // of re-sorting a hub row with thousands of edges. Sort keys come from typed arrays; linkage
  // objects are read only on a full tie.
  const tieBreak = createRowComparator(linkageOf, (l) => indexById.get(linkageOf(l).to)!, rank);
  const compareKeys = (
    wa: number,
    ta: number,
    ka: number,
    la: number,
    wb: number,
    tb: number,
    kb: number,
    lb: number,
  ) => wb - wa || rank[ta]! - rank[tb]! || ka - kb || tieBreak(la, lb);
  const rebuiltRows = new Map<number, { linkage: Int32Array; target: Int32Array }>();
  for (const row of dirtyRows) {
    const kept: number[] = [];
    const changed: { l: number; t: number; w: number; k: number }[] = [];
    if (row < oldCount) {
      for (let e = graph.rowStart[row]!; e < graph.rowStart[row + 1]!; e++) {
        if (removedEdges.has(e)) continue;
        const replacement = replacedLinkage.get(e);
        if (replacement === undefined) kept.push(e);
        else
          changed.push({
            l: replacement,
            t: graph.edgeTo[e]!,
            w: linkageOf(replacement).weight,
            k: graph.edgeKind[e]!,
          });
      }
    }
    for (const l of addedByRow.get(row) ?? []) {
      const linkage = linkageOf(l);
      changed.push({ l, t: indexById.get(linkage.to)!, w: linkage.weight, k: KIND_CODES[linkage.kind] });
    }
    changed.sort((a, b) => compareKeys(a.w, a.t, a.k, a.l, b.w, b.t, b.k, b.l));
    const size = kept.length + changed.length;
    const linkage = new Int32Array(size);
    const target = new Int32Array(size);
    let i = 0;
    let j = 0;
    for (let out = 0; out < size; out++) {
      const e = kept[i];
      const c = changed[j];
      const takeKept =
        e !== undefined &&
        (c === undefined ||
          compareKeys(
            graph.edgeWeight[e]!,
            graph.edgeTo[e]!,
            graph.edgeKind[e]!,
            graph.edgeLinkage[e]!,
            c.w,
            c.t,
            c.k,
            c.l,
          ) <= 0);
      if (takeKept) {
        linkage[out] = graph.edgeLinkage[e]!;
        target[out] = graph.edgeTo[e]!;
        i++;
      } else {
        linkage[out] = c!.l;
        target[out] = c!.t;
        j++;
      }
    }
    rebuiltRows.set(row, { linkage, target });
  }

  const edgeCount =
    graph.edgeTo.length +
    [...rebuiltRows].reduce(
      (sum, [row, slots]) =>
        sum + slots.linkage.length - (row < oldCount ? graph.rowStart[row + 1]! - graph.rowStart[row]! : 0),
      0,
    );
  const rowStart = new Int32Array(newCount + 1);
  const { edgeTo, edgeWeight, edgeKind, edgeLinkage, edgeMask, edgeLowMask } = allocateEdges(
    graph,
    edgeCount,
    options.reuseBuffers === true,
  );
  const words = graph.worldWords;
  let nodeHash = graph.nodeHash;
  if (newCount !== oldCount) {
    nodeHash = new Uint32Array(newCount);
    nodeHash.set(graph.nodeHash);
    for (let i = oldCount; i < newCount; i++) nodeHash[i] = hashId(nodes[i]!.id);
  }
  const worlds = {
    worldCount: graph.worldCount,
    worldWords: words,
    nodeHash,
    edgeTo,
    edgeKind,
    edgeWeight,
    edgeLinkage,
    edgeMask,
    edgeLowMask,
  };

  const sortedDirty = [...rebuiltRows.keys()].sort((a, b) => a - b);
  let written = 0;
  let nextRow = 0;
  const copyCleanRows = (until: number) => {
    // Rows nextRow..until-1 are unchanged originals (or new nodes without edges): one block copy.
    const limit = Math.min(until, oldCount);
    if (nextRow < limit) {
      const start = graph.rowStart[nextRow]!;
      const end = graph.rowStart[limit]!;
      const shift = written - start;
      edgeTo.set(graph.edgeTo.subarray(start, end), written);
      edgeWeight.set(graph.edgeWeight.subarray(start, end), written);
      edgeKind.set(graph.edgeKind.subarray(start, end), written);
      edgeLinkage.set(graph.edgeLinkage.subarray(start, end), written);
      edgeMask.set(graph.edgeMask.subarray(start * words, end * words), written * words);
      edgeLowMask.set(graph.edgeLowMask.subarray(start * words, end * words), written * words);
      for (let x = nextRow; x < limit; x++) rowStart[x] = graph.rowStart[x]! + shift;
      written += end - start;
      nextRow = limit;
    }
    for (; nextRow < until; nextRow++) rowStart[nextRow] = written;
  };
  for (const row of sortedDirty) {
    copyCleanRows(row);
    rowStart[row] = written;
    const rebuilt = rebuiltRows.get(row)!;
    for (let i = 0; i < rebuilt.linkage.length; i++) {
      const l = rebuilt.linkage[i]!;
      const linkage = linkageOf(l);
      edgeTo[written] = rebuilt.target[i]!;
      edgeWeight[written] = linkage.weight;
      edgeKind[written] = KIND_CODES[linkage.kind];
      edgeLinkage[written] = l;
      written++;
    }
    writeRowWorlds(worlds, linkageOf, row, rowStart[row]!, written);
    nextRow = row + 1;
  }
  copyCleanRows(newCount);
  rowStart[newCount] = written;

  // Without node upserts the node tables (and so the vendor order) are the original's.
  const vendorIndices = upserts.length === 0 ? graph.vendorIndices : collectVendorIndices(nodeType, rank);
  // Inference reads vendor rows only; recomputing it whole is cheap. A component whose supplier
  // changes changes the footprint of whoever reaches it, so it is a seed like a changed row.
  const supplier = resolveSuppliers(nodes, indexById, nodeType, vendorIndices, rowStart, edgeTo);
  for (let c = 0; c < oldCount; c++) if (supplier[c] !== graph.supplier[c]) seeds.add(c);
  const next: ScoringGraph = {
    nodeCount: newCount,
    nodes,
    indexById,
    nodeType,
    criticality,
    rank,
    vendorIndices,
    rowStart,
    edgeTo,
    edgeWeight,
    edgeKind,
    edgeLinkage,
    linkages: graph.linkages,
    addedLinkages,
    supplier,
    nodeHash,
    worldCount: graph.worldCount,
    worldWords: words,
    edgeMask,
    edgeLowMask,
  };
  const newVendorIds: string[] = [];
  for (const v of next.vendorIndices)
    if (v >= oldCount || graph.nodeType[v] !== nodeType[v]) newVendorIds.push(nodes[v]!.id);
  return { graph: next, seeds: [...seeds].sort((a, b) => a - b), newVendorIds, matchedLinkageCount };
}

/** Rank of each node id in code-unit order (the engine's only node tie-break). */
function rankNodeIds(nodes: readonly GraphNodeInput[]): Int32Array {
  const order = nodes.map((_, i) => i).sort((a, b) => (nodes[a]!.id < nodes[b]!.id ? -1 : 1));
  const rank = new Int32Array(nodes.length);
  order.forEach((node, position) => (rank[node] = position));
  return rank;
}
