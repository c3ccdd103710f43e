/**
 * The compiled, immutable graph the engine searches: integer node indices and a CSR (compressed
 * sparse row) adjacency in typed arrays, so a search touches a few flat arrays instead of millions of
 * objects.
 *
 * Canonical order is what makes results independent of input order: node tie-breaks use the rank of
 * the node id in plain code-unit order, and every row is sorted by (weight desc, target rank, kind,
 * reason, provenance). Sorting rows by weight first also lets a search stop scanning a row as soon
 * as the remaining hops fall below the probability threshold.
 */
import type { LinkageKind, NodeType } from "./config";
import type { GraphDocument, GraphLinkageInput, GraphNodeInput } from "./graph-format";
import { chooseWorldCount, hashId, linkageSeed, writeWorldMask } from "./worlds";

export const KIND_CODES: Readonly<Record<LinkageKind, number>> = { adjacency: 0, inheritance: 1, trust: 2 };
export const KIND_BY_CODE: readonly LinkageKind[] = ["adjacency", "inheritance", "trust"];
export const TYPE_CODES: Readonly<Record<NodeType, number>> = { vendor: 0, component: 1, asset: 2 };
export const TYPE_VENDOR = 0;
export const TYPE_COMPONENT = 1;
export const TYPE_ASSET = 2;

export interface ScoringGraph {
  readonly nodeCount: number;
  /** The input node objects, by node index (names, subtypes and extra fields for output). */
  readonly nodes: readonly GraphNodeInput[];
  readonly indexById: ReadonlyMap<string, number>;
  readonly nodeType: Uint8Array;
  /** 1..5 for assets with a recorded criticality, 0 otherwise (the config default then applies). */
  readonly criticality: Uint8Array;
  /** Position of the node id in code-unit order; the only tie-break the engine uses between nodes. */
  readonly rank: Int32Array;
  /** Vendor node indices in id order. */
  readonly vendorIndices: Int32Array;
  /** Row x spans edge slots rowStart[x] .. rowStart[x+1]-1. */
  readonly rowStart: Int32Array;
  readonly edgeTo: Int32Array;
  readonly edgeWeight: Float64Array;
  readonly edgeKind: Uint8Array;
  /** Index into `linkages` for reason and provenance. */
  readonly edgeLinkage: Int32Array;
  /** Linkage objects by linkage index (see linkageAt); after patches some are no longer referenced. */
  readonly linkages: readonly GraphLinkageInput[];
  /**
   * Linkages added by patches, indexed from linkages.length on. Kept apart so a what-if on a
   * million-linkage graph shares the big array instead of copying it.
   */
  readonly addedLinkages: readonly GraphLinkageInput[];
  /**
   * Per node: the vendor index that supplies it (its footprint), or -1. Components only: the file's
   * `supplier`, else the one vendor linking to it directly, else none (shared). See resolveSuppliers.
   */
  readonly supplier: Int32Array;
  /** Stable hash of each node id (seeds the linkage worlds; never depends on input order). */
  readonly nodeHash: Uint32Array;
  /** Worlds per linkage (multiple of 32) and words per linkage in the masks below. */
  readonly worldCount: number;
  readonly worldWords: number;
  /** Live-world bit masks per edge slot: edge e owns words e·worldWords .. (e+1)·worldWords-1. */
  readonly edgeMask: Uint32Array;
  /** The same masks with unknown linkages at their best-control weight (the range's low end). */
  readonly edgeLowMask: Uint32Array;
}

/** Options of buildScoringGraph. */
export interface BuildGraphOptions {
  /** Sampled worlds per linkage, a power of two from 32 to 65536 (default: chooseWorldCount). */
  readonly worldCount?: number;
}

/** The linkage object behind linkage index `l`. */
export function linkageAt(
  graph: Pick<ScoringGraph, "linkages" | "addedLinkages">,
  l: number,
): GraphLinkageInput {
  const base = graph.linkages;
  return l < base.length ? base[l]! : graph.addedLinkages[l - base.length]!;
}

export class ScoringInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ScoringInputError";
  }
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Builds the compiled graph. Throws ScoringInputError on unknown node ids or duplicates. */
export function buildScoringGraph(document: GraphDocument, options: BuildGraphOptions = {}): ScoringGraph {
  const worldCount = options.worldCount ?? chooseWorldCount(document.linkages.length);
  if (!(
    Number.isInteger(worldCount) &&
    worldCount >= 32 &&
    (worldCount & (worldCount - 1)) === 0 &&
    worldCount <= 65536
  )) {
    throw new ScoringInputError(`worldCount must be a power of two from 32 to 65536, got ${worldCount}`);
  }
  const sortedNodes = [...document.nodes].sort((a, b) => compareIds(a.id, b.id));
  const nodeCount = sortedNodes.length;
  const indexById = new Map<string, number>();
  const nodeType = new Uint8Array(nodeCount);
  const criticality = new Uint8Array(nodeCount);
  const rank = new Int32Array(nodeCount);
  for (let i = 0; i < nodeCount; i++) {
    const node = sortedNodes[i]!;
    if (indexById.has(node.id)) throw new ScoringInputError(`duplicate node id "${node.id}"`);
    indexById.set(node.id, i);
    writeNodeAttributes(node, i, nodeType, criticality);
    rank[i] = i;
  }

  const linkageCount = document.linkages.length;
  const from = new Int32Array(linkageCount);
  const to = new Int32Array(linkageCount);
  for (let l = 0; l < linkageCount; l++) {
    const linkage = document.linkages[l]!;
    from[l] = resolveEndpoint(indexById, linkage.from, l, "from");
    to[l] = resolveEndpoint(indexById, linkage.to, l, "to");
    assertValidWeight(linkage, l);
  }

  // Counting sort by source gives the rows; each row is then put in canonical order.
  const rowStart = new Int32Array(nodeCount + 1);
  for (let l = 0; l < linkageCount; l++) rowStart[from[l]! + 1]!++;
  for (let x = 0; x < nodeCount; x++) rowStart[x + 1]! += rowStart[x]!;
  const cursor = rowStart.slice(0, nodeCount);
  const edgeLinkage = new Int32Array(linkageCount);
  for (let l = 0; l < linkageCount; l++) edgeLinkage[cursor[from[l]!]!++] = l;

  const linkages = document.linkages;
  const order = createRowComparator(
    (l) => linkages[l]!,
    (l) => to[l]!,
    rank,
  );
  for (let x = 0; x < nodeCount; x++) sortRow(edgeLinkage, rowStart[x]!, rowStart[x + 1]!, order);

  const edgeTo = new Int32Array(linkageCount);
  const edgeWeight = new Float64Array(linkageCount);
  const edgeKind = new Uint8Array(linkageCount);
  for (let e = 0; e < linkageCount; e++) {
    const l = edgeLinkage[e]!;
    const linkage = linkages[l]!;
    edgeTo[e] = to[l]!;
    edgeWeight[e] = linkage.weight;
    edgeKind[e] = KIND_CODES[linkage.kind];
  }

  const vendorIndices = collectVendorIndices(nodeType, rank);
  const nodeHash = new Uint32Array(nodeCount);
  for (let i = 0; i < nodeCount; i++) nodeHash[i] = hashId(sortedNodes[i]!.id);
  const worldWords = worldCount >>> 5;
  const edgeMask = new Uint32Array(linkageCount * worldWords);
  const edgeLowMask = new Uint32Array(linkageCount * worldWords);
  const worlds = {
    worldCount,
    worldWords,
    nodeHash,
    edgeTo,
    edgeKind,
    edgeWeight,
    edgeLinkage,
    edgeMask,
    edgeLowMask,
  };
  for (let x = 0; x < nodeCount; x++)
    writeRowWorlds(worlds, (l) => linkages[l]!, x, rowStart[x]!, rowStart[x + 1]!);

  return {
    nodeCount,
    nodes: sortedNodes,
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
    linkages,
    addedLinkages: [],
    supplier: resolveSuppliers(sortedNodes, indexById, nodeType, vendorIndices, rowStart, edgeTo),
    nodeHash,
    worldCount,
    worldWords,
    edgeMask,
    edgeLowMask,
  };
}

/** What writeRowWorlds reads and writes. */
export interface WorldArrays {
  readonly worldCount: number;
  readonly worldWords: number;
  readonly nodeHash: Uint32Array;
  readonly edgeTo: Int32Array;
  readonly edgeKind: Uint8Array;
  readonly edgeWeight: Float64Array;
  readonly edgeLinkage: Int32Array;
  readonly edgeMask: Uint32Array;
  readonly edgeLowMask: Uint32Array;
}

/**
 * Writes the world masks of one canonically ordered row (edge slots start..end-1 of node x). The
 * occurrence index numbers parallel linkages with the same target and kind in row order (weight
 * descending), so raising one of them can only hand it an earlier seed whose worlds a heavier one
 * had: the union stays monotone.
 */
export function writeRowWorlds(
  worlds: WorldArrays,
  linkageOf: (l: number) => GraphLinkageInput,
  x: number,
  start: number,
  end: number,
): void {
  const {
    worldCount,
    worldWords,
    nodeHash,
    edgeTo,
    edgeKind,
    edgeWeight,
    edgeLinkage,
    edgeMask,
    edgeLowMask,
  } = worlds;
  const seen = end - start > 16 ? new Map<number, number>() : undefined;
  for (let e = start; e < end; e++) {
    const target = edgeTo[e]!;
    const kind = edgeKind[e]!;
    let occurrence = 0;
    if (seen) {
      const key = target * 3 + kind;
      occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
    } else {
      for (let f = start; f < e; f++) if (edgeTo[f] === target && edgeKind[f] === kind) occurrence++;
    }
    const linkage = linkageOf(edgeLinkage[e]!);
    const weight = edgeWeight[e]!;
    const low =
      linkage.unknown === true && typeof linkage.bestWeight === "number"
        ? Math.min(weight, linkage.bestWeight)
        : weight;
    writeWorldMask(
      linkageSeed(nodeHash[x]!, nodeHash[target]!, kind, occurrence),
      weight,
      worldCount,
      edgeMask,
      e * worldWords,
      low,
      edgeLowMask,
    );
  }
}

/**
 * The supplier of every component: the file's `supplier` when it names a vendor, else the vendor
 * that links to it directly when exactly one does, else -1 (shared, or nobody's). Vendors and
 * assets have none.
 */
export function resolveSuppliers(
  nodes: readonly GraphNodeInput[],
  indexById: ReadonlyMap<string, number>,
  nodeType: Uint8Array,
  vendorIndices: Int32Array,
  rowStart: Int32Array,
  edgeTo: Int32Array,
): Int32Array {
  const supplier = new Int32Array(nodes.length).fill(-1);
  // -2: linked directly by more than one vendor.
  const inferred = new Int32Array(nodes.length).fill(-1);
  for (const v of vendorIndices) {
    for (let e = rowStart[v]!; e < rowStart[v + 1]!; e++) {
      const c = edgeTo[e]!;
      if (nodeType[c] !== TYPE_COMPONENT) continue;
      inferred[c] = inferred[c] === -1 || inferred[c] === v ? v : -2;
    }
  }
  for (let c = 0; c < nodes.length; c++) {
    if (nodeType[c] !== TYPE_COMPONENT) continue;
    const named = nodes[c]!.supplier;
    if (typeof named === "string") {
      const explicit = indexById.get(named);
      if (explicit === undefined || nodeType[explicit] !== TYPE_VENDOR)
        throw new ScoringInputError(`node "${nodes[c]!.id}": supplier "${named}" is not a vendor node`);
      supplier[c] = explicit;
    } else if (inferred[c]! >= 0) {
      supplier[c] = inferred[c]!;
    }
  }
  return supplier;
}

export function writeNodeAttributes(
  node: GraphNodeInput,
  index: number,
  nodeType: Uint8Array,
  criticality: Uint8Array,
): void {
  const type = TYPE_CODES[node.type];
  if (type === undefined)
    throw new ScoringInputError(`node "${node.id}" has unknown type "${String(node.type)}"`);
  nodeType[index] = type;
  const level = node.criticality;
  criticality[index] =
    type === TYPE_ASSET && typeof level === "number" && Number.isInteger(level) && level >= 1 && level <= 5
      ? level
      : 0;
}

function resolveEndpoint(
  indexById: ReadonlyMap<string, number>,
  id: string,
  linkageIndex: number,
  end: "from" | "to",
): number {
  const index = indexById.get(id);
  if (index === undefined)
    throw new ScoringInputError(`linkages[${linkageIndex}].${end}: unknown node id "${id}"`);
  return index;
}

export function assertValidWeight(linkage: GraphLinkageInput, linkageIndex: number): void {
  const w = linkage.weight;
  if (!(typeof w === "number" && w >= 0 && w <= 1))
    throw new ScoringInputError(`linkages[${linkageIndex}].weight: must be a number from 0 to 1`);
  if (KIND_CODES[linkage.kind] === undefined)
    throw new ScoringInputError(`linkages[${linkageIndex}].kind: unknown kind "${String(linkage.kind)}"`);
}

export function collectVendorIndices(nodeType: Uint8Array, rank: Int32Array): Int32Array {
  const vendors: number[] = [];
  for (let i = 0; i < nodeType.length; i++) if (nodeType[i] === TYPE_VENDOR) vendors.push(i);
  vendors.sort((a, b) => rank[a]! - rank[b]!);
  return Int32Array.from(vendors);
}

/**
 * Canonical row order over linkage indices. Full ties (same target, kind and weight) fall back to
 * reason and provenance so that even which parallel linkage gets quoted in an explanation does not
 * depend on input order; that comparison is rare, so the JSON cost does not matter.
 */
export function createRowComparator(
  linkageOf: (l: number) => GraphLinkageInput,
  targetOf: (l: number) => number,
  rank: Int32Array,
) {
  return (a: number, b: number): number => {
    const la = linkageOf(a);
    const lb = linkageOf(b);
    if (la.weight !== lb.weight) return lb.weight - la.weight;
    const ra = rank[targetOf(a)]!;
    const rb = rank[targetOf(b)]!;
    if (ra !== rb) return ra - rb;
    const ka = KIND_CODES[la.kind]!;
    const kb = KIND_CODES[lb.kind]!;
    if (ka !== kb) return ka - kb;
    const reasonOrder = compareIds(la.reason ?? "", lb.reason ?? "");
    if (reasonOrder !== 0) return reasonOrder;
    return compareIds(JSON.stringify(la.provenance ?? null), JSON.stringify(lb.provenance ?? null));
  };
}

function sortRow(
  slots: Int32Array,
  start: number,
  end: number,
  compare: (a: number, b: number) => number,
): void {
  if (end - start < 2) return;
  slots.subarray(start, end).sort(compare);
}
