/**
 * A deliberately straightforward implementation of the same model (model 2), used to check the fast
 * engine (in property tests and in the benchmark). It keeps string-keyed maps and objects, does not
 * sort rows or prune the best-path search by the threshold (a FIFO label-correcting loop relaxes
 * until nothing improves; the threshold is applied afterwards, exactly as the definition says), and
 * walks the sampled worlds one at a time with a plain breadth-first search instead of bit-parallel
 * words. The worlds themselves are the same (worlds.ts), so results agree exactly.
 */
import { DEFAULT_WEIGHTS, type ScoringConfig } from "@/lib/scoring/config";
import type { GraphDocument, GraphLinkageInput } from "@/lib/scoring/graph-format";
import { KIND_CODES } from "@/lib/scoring/scoring-graph";
import { chooseWorldCount, hashId, linkageSeed, writeWorldMask } from "@/lib/scoring/worlds";

export interface ReferenceVendorScore {
  readonly id: string;
  readonly exposure: number;
  readonly directExposure: number;
  readonly beyondFootprintExposure: number;
  readonly exposureLow: number;
  readonly assetsReached: number;
  readonly criticalAssetsReached: number;
}

interface ReferenceLinkage {
  readonly linkage: GraphLinkageInput;
  readonly live: Uint32Array;
  readonly liveLow: Uint32Array;
}

export interface ReferenceIndex {
  readonly nodes: ReadonlyMap<string, { type: string; criticality?: number; supplier?: string }>;
  readonly outgoing: ReadonlyMap<string, readonly ReferenceLinkage[]>;
  readonly worldCount: number;
}

export function indexReferenceGraph(
  document: GraphDocument,
  worldCount = chooseWorldCount(document.linkages.length),
): ReferenceIndex {
  const nodes = new Map<string, { type: string; criticality?: number; supplier?: string }>();
  for (const node of document.nodes)
    nodes.set(node.id, {
      type: node.type,
      ...(node.criticality !== undefined ? { criticality: node.criticality } : {}),
    });
  // Supplier: as written, else the one vendor linking directly.
  const directVendors = new Map<string, Set<string>>();
  for (const linkage of document.linkages) {
    if (nodes.get(linkage.from)?.type !== "vendor" || nodes.get(linkage.to)?.type !== "component") continue;
    const set = directVendors.get(linkage.to) ?? new Set<string>();
    set.add(linkage.from);
    directVendors.set(linkage.to, set);
  }
  for (const node of document.nodes) {
    if (node.type !== "component") continue;
    const vendors = directVendors.get(node.id);
    const supplier =
      typeof node.supplier === "string" ? node.supplier : vendors?.size === 1 ? [...vendors][0] : undefined;
    if (supplier !== undefined) nodes.get(node.id)!.supplier = supplier;
  }
  // Parallel linkages with the same (from, to, kind) take occurrence numbers in canonical order.
  const groups = new Map<string, GraphLinkageInput[]>();
  for (const linkage of document.linkages) {
    const key = JSON.stringify([linkage.from, linkage.to, linkage.kind]);
    groups.set(key, [...(groups.get(key) ?? []), linkage]);
  }
  const outgoing = new Map<string, ReferenceLinkage[]>();
  const words = worldCount / 32;
  for (const group of groups.values()) {
    group.sort(
      (a, b) =>
        b.weight - a.weight ||
        compare(a.reason ?? "", b.reason ?? "") ||
        compare(JSON.stringify(a.provenance ?? null), JSON.stringify(b.provenance ?? null)),
    );
    group.forEach((linkage, occurrence) => {
      const live = new Uint32Array(words);
      const liveLow = new Uint32Array(words);
      const low =
        linkage.unknown === true && typeof linkage.bestWeight === "number"
          ? Math.min(linkage.weight, linkage.bestWeight)
          : linkage.weight;
      writeWorldMask(
        linkageSeed(hashId(linkage.from), hashId(linkage.to), KIND_CODES[linkage.kind], occurrence),
        linkage.weight,
        worldCount,
        live,
        0,
        low,
        liveLow,
      );
      outgoing.set(linkage.from, [...(outgoing.get(linkage.from) ?? []), { linkage, live, liveLow }]);
    });
  }
  return { nodes, outgoing, worldCount };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const isLive = (mask: Uint32Array, world: number) => (mask[world >>> 5]! >>> (world & 31)) & 1;

export function scoreVendorByReference(
  index: ReferenceIndex,
  source: string,
  config: ScoringConfig = DEFAULT_WEIGHTS,
): ReferenceVendorScore {
  const best = new Map<string, number>([[source, 1]]);
  const queue: string[] = [source];
  for (let head = 0; head < queue.length; head++) {
    const x = queue[head]!;
    const bx = best.get(x)!;
    for (const { linkage } of index.outgoing.get(x) ?? []) {
      if (linkage.to === source) continue;
      const p = bx * linkage.weight;
      if (p > (best.get(linkage.to) ?? 0)) {
        best.set(linkage.to, p);
        queue.push(linkage.to);
      }
    }
  }
  const counted = (x: string): ReferenceLinkage[] =>
    (index.outgoing.get(x) ?? []).filter(
      ({ linkage }) =>
        (best.get(x) ?? 0) >= config.probabilityThreshold &&
        best.get(x)! * linkage.weight >= config.probabilityThreshold &&
        linkage.to !== source,
    );
  const isFootprintLinkage = (x: string) =>
    x === source || (index.nodes.get(x)?.type === "component" && index.nodes.get(x)?.supplier === source);

  const hits = new Map<string, { reach: number; beyond: number; low: number; direct: number }>();
  const count = (asset: string, field: "reach" | "beyond" | "low" | "direct") => {
    const entry = hits.get(asset) ?? { reach: 0, beyond: 0, low: 0, direct: 0 };
    entry[field]++;
    hits.set(asset, entry);
  };
  for (let world = 0; world < index.worldCount; world++) {
    // States: "f" reached by footprint linkages only so far, "b" by a route that left the footprint.
    const seen = new Set<string>([`${source}|f`]);
    const walk: [string, "f" | "b"][] = [[source, "f"]];
    const reached = new Set<string>();
    const beyond = new Set<string>();
    const direct = new Set<string>();
    for (let head = 0; head < walk.length; head++) {
      const [x, state] = walk[head]!;
      for (const { linkage, live } of counted(x)) {
        if (!isLive(live, world)) continue;
        const next = state === "f" && isFootprintLinkage(x) ? "f" : "b";
        reached.add(linkage.to);
        if (next === "b") beyond.add(linkage.to);
        if (x === source && index.nodes.get(linkage.to)?.type === "asset") direct.add(linkage.to);
        if (!seen.has(`${linkage.to}|${next}`)) {
          seen.add(`${linkage.to}|${next}`);
          walk.push([linkage.to, next]);
        }
      }
    }
    const lowReached = new Set<string>([source]);
    const lowWalk = [source];
    for (let head = 0; head < lowWalk.length; head++) {
      for (const { linkage, liveLow } of counted(lowWalk[head]!)) {
        if (!isLive(liveLow, world) || lowReached.has(linkage.to)) continue;
        lowReached.add(linkage.to);
        lowWalk.push(linkage.to);
      }
    }
    for (const node of reached) if (index.nodes.get(node)?.type === "asset") count(node, "reach");
    for (const node of beyond) if (index.nodes.get(node)?.type === "asset") count(node, "beyond");
    for (const node of direct) count(node, "direct");
    for (const node of lowReached)
      if (node !== source && index.nodes.get(node)?.type === "asset") count(node, "low");
  }

  let exposure = 0;
  let directExposure = 0;
  let beyondFootprintExposure = 0;
  let exposureLow = 0;
  let assetsReached = 0;
  let criticalAssetsReached = 0;
  for (const [asset, b] of best) {
    const node = index.nodes.get(asset)!;
    if (asset === source || node.type !== "asset" || b < config.probabilityThreshold) continue;
    const level = node.criticality ?? config.defaultAssetCriticality;
    const weight = config.criticalityWeights[level]!;
    const h = hits.get(asset) ?? { reach: 0, beyond: 0, low: 0, direct: 0 };
    exposure += (weight * h.reach) / index.worldCount;
    beyondFootprintExposure += (weight * h.beyond) / index.worldCount;
    exposureLow += (weight * h.low) / index.worldCount;
    directExposure += (weight * h.direct) / index.worldCount;
    assetsReached++;
    if (level >= config.criticalAssetMinCriticality) criticalAssetsReached++;
  }
  return {
    id: source,
    exposure,
    directExposure,
    beyondFootprintExposure,
    exposureLow,
    assetsReached,
    criticalAssetsReached,
  };
}
