/**
 * A deliberately straightforward implementation of the same model, used to check the fast engine
 * (in property tests and in the benchmark). It keeps string-keyed maps and objects, does not sort
 * rows or prune the search by the threshold, and relaxes with a FIFO label-correcting loop until
 * nothing improves. The threshold is applied only when combining, exactly as the formulas say.
 */
import { DEFAULT_WEIGHTS, type ScoringConfig } from "./config";
import type { GraphDocument, GraphLinkageInput } from "./graph-format";

export interface ReferenceVendorScore {
  readonly id: string;
  readonly exposure: number;
  readonly directExposure: number;
  readonly assetsReached: number;
  readonly criticalAssetsReached: number;
}

export interface ReferenceIndex {
  readonly nodes: ReadonlyMap<string, { type: string; criticality?: number }>;
  readonly outgoing: ReadonlyMap<string, readonly GraphLinkageInput[]>;
}

export function indexReferenceGraph(document: GraphDocument): ReferenceIndex {
  const nodes = new Map<string, { type: string; criticality?: number }>();
  for (const node of document.nodes) nodes.set(node.id, { type: node.type, ...(node.criticality !== undefined ? { criticality: node.criticality } : {}) });
  const outgoing = new Map<string, GraphLinkageInput[]>();
  for (const linkage of document.linkages) {
    const list = outgoing.get(linkage.from) ?? [];
    list.push(linkage);
    outgoing.set(linkage.from, list);
  }
  return { nodes, outgoing };
}

export function scoreVendorByReference(index: ReferenceIndex, source: string, config: ScoringConfig = DEFAULT_WEIGHTS): ReferenceVendorScore {
  const best = new Map<string, number>([[source, 1]]);
  const queue: string[] = [source];
  for (let head = 0; head < queue.length; head++) {
    const x = queue[head]!;
    const bx = best.get(x)!;
    for (const linkage of index.outgoing.get(x) ?? []) {
      if (linkage.to === source) continue;
      const p = bx * linkage.weight;
      if (p > (best.get(linkage.to) ?? 0)) {
        best.set(linkage.to, p);
        queue.push(linkage.to);
      }
    }
  }

  const complement = new Map<string, number>();
  const direct = new Map<string, number>();
  for (const [x, bx] of best) {
    for (const linkage of index.outgoing.get(x) ?? []) {
      const p = bx * linkage.weight;
      if (p < config.probabilityThreshold || linkage.to === source) continue;
      if (index.nodes.get(linkage.to)?.type !== "asset") continue;
      complement.set(linkage.to, (complement.get(linkage.to) ?? 1) * (1 - p));
      if (x === source) direct.set(linkage.to, (direct.get(linkage.to) ?? 1) * (1 - p));
    }
  }

  let exposure = 0;
  let directExposure = 0;
  let criticalAssetsReached = 0;
  for (const [asset, rest] of complement) {
    const level = index.nodes.get(asset)!.criticality ?? config.defaultAssetCriticality;
    const weight = config.criticalityWeights[level]!;
    exposure += weight * (1 - rest);
    directExposure += weight * (1 - (direct.get(asset) ?? 1));
    if (level >= config.criticalAssetMinCriticality) criticalAssetsReached++;
  }
  return { id: source, exposure, directExposure, assetsReached: complement.size, criticalAssetsReached };
}
