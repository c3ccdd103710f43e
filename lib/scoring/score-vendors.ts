/**
 * Turns searches into scores: vendor exposure, amplification, kind breakdown, explaining paths,
 * structural amplifier ranking and blast radius.
 */
import { DEFAULT_WEIGHTS, MODEL_VERSION, type ScoringConfig } from "./config";
import {
  obtainWorkspace,
  propagateFrom,
  readAssetProbability,
  readNodeProbabilities,
  ROUTE_MIX_STRIDE,
  type PropagationWorkspace,
} from "./propagate";
import { KIND_BY_CODE, linkageAt, TYPE_ASSET, TYPE_VENDOR, type ScoringGraph } from "./scoring-graph";
import type {
  AssetExposure,
  BlastRadius,
  BlastRadiusAsset,
  ExplainingHop,
  ExplainingPath,
  PortfolioScores,
  StructuralAmplifier,
  VendorScore,
} from "./types";
import { popcount32 } from "./worlds";

/** Options shared by the scoring entry points. */
export interface ScoreOptions {
  /** Resolved config (see resolveScoringConfig); defaults to DEFAULT_WEIGHTS. */
  readonly config?: ScoringConfig;
}

/** Criticality actually used for a node: recorded value, else the configured default (assets only). */
export function resolveCriticality(graph: ScoringGraph, node: number, config: ScoringConfig): number {
  if (graph.nodeType[node] !== TYPE_ASSET) return 0;
  return graph.criticality[node] || config.defaultAssetCriticality;
}

interface SearchSummary {
  exposure: number;
  directExposure: number;
  beyondExposure: number;
  lowExposure: number;
  byKind: [number, number, number];
  assetsReached: number;
  criticalAssetsReached: number;
  /** Best assets by contribution, descending (ties by node rank). */
  topAssets: number[];
  topContributions: number[];
}

/**
 * Reads the totals out of a finished search. When `throughput` is given, adds to it, for every
 * node, the exposure whose best path passes through that node (subtree sums over the best-path
 * tree, taken in reverse settle order so every child is done before its parent).
 */
function summariseSearch(
  workspace: PropagationWorkspace,
  config: ScoringConfig,
  topCount: number,
  throughput?: Float64Array,
  vendorCount?: Int32Array,
): SearchSummary {
  const { graph, settled, settledCount, routeMix } = workspace;
  const weights = config.criticalityWeights;
  const minCritical = config.criticalAssetMinCriticality;
  const summary: SearchSummary = {
    exposure: 0,
    directExposure: 0,
    beyondExposure: 0,
    lowExposure: 0,
    byKind: [0, 0, 0],
    assetsReached: 0,
    criticalAssetsReached: 0,
    topAssets: [],
    topContributions: [],
  };

  // Settle order is canonical, so summing in it keeps the floating-point result deterministic.
  const { reach, directReach, beyondReach, lowReach, inFootprint, words, source } = workspace;
  const worldShare = 1 / (words * 32);
  for (let i = 0; i < settledCount; i++) {
    const a = settled[i]!;
    if (graph.nodeType[a] !== TYPE_ASSET) continue;
    const level = graph.criticality[a] || config.defaultAssetCriticality;
    // Shares of worlds, as readNodeProbabilities gives them, counted inline (no object per asset).
    let reached = 0;
    let direct = 0;
    let beyond = 0;
    let low = 0;
    if (a === source) {
      reached = direct = low = words * 32;
    } else {
      for (let k = a * words, end = k + words; k < end; k++) {
        reached += popcount32(reach[k]!);
        direct += popcount32(directReach[k]!);
        low += popcount32(lowReach[k]!);
        beyond += popcount32(beyondReach[k]!);
      }
      if (!inFootprint[a]) beyond = reached;
    }
    const contribution = weights[level]! * (reached * worldShare);
    summary.exposure += contribution;
    summary.directExposure += weights[level]! * (direct * worldShare);
    summary.beyondExposure += weights[level]! * (beyond * worldShare);
    summary.lowExposure += weights[level]! * (low * worldShare);
    summary.byKind[0] += contribution * routeMix[ROUTE_MIX_STRIDE * a]!;
    summary.byKind[1] += contribution * routeMix[ROUTE_MIX_STRIDE * a + 1]!;
    summary.byKind[2] += contribution * routeMix[ROUTE_MIX_STRIDE * a + 2]!;
    summary.assetsReached++;
    if (level >= minCritical) summary.criticalAssetsReached++;
    if (topCount > 0) insertTop(summary, a, contribution, topCount, graph.rank);
  }

  if (throughput) {
    const subtree = workspace.subtree;
    const { predNode } = workspace;
    for (let i = settledCount - 1; i >= 1; i--) {
      const x = settled[i]!;
      const own = ownContribution(workspace, x, config);
      const total = subtree[x]! + own;
      const passing = total - own;
      if (passing > 0) {
        throughput[x]! += passing;
        if (vendorCount) vendorCount[x]!++;
      }
      subtree[predNode[x]!]! += total;
      subtree[x] = 0;
    }
    subtree[settled[0]!] = 0;
  }
  return summary;
}

function ownContribution(workspace: PropagationWorkspace, node: number, config: ScoringConfig): number {
  const graph = workspace.graph;
  if (graph.nodeType[node] !== TYPE_ASSET) return 0;
  const level = graph.criticality[node] || config.defaultAssetCriticality;
  return config.criticalityWeights[level]! * readAssetProbability(workspace, node);
}

function insertTop(
  summary: SearchSummary,
  node: number,
  contribution: number,
  topCount: number,
  rank: Int32Array,
): void {
  const { topAssets, topContributions } = summary;
  let at = topAssets.length;
  while (at > 0) {
    const other = topContributions[at - 1]!;
    if (other > contribution || (other === contribution && rank[topAssets[at - 1]!]! < rank[node]!)) break;
    at--;
  }
  if (at >= topCount) return;
  topAssets.splice(at, 0, node);
  topContributions.splice(at, 0, contribution);
  if (topAssets.length > topCount) {
    topAssets.pop();
    topContributions.pop();
  }
}

/** Walks the best-path tree back from `target`; only called for the few paths that are output. */
export function explainPathTo(workspace: PropagationWorkspace, target: number): ExplainingHop[] {
  const { graph, predEdge, predNode } = workspace;
  const hops: ExplainingHop[] = [];
  for (let x = target; predNode[x]! >= 0; x = predNode[x]!) {
    const edge = predEdge[x]!;
    const linkage = linkageAt(graph, graph.edgeLinkage[edge]!);
    const hop: { -readonly [K in keyof ExplainingHop]: ExplainingHop[K] } = {
      from: graph.nodes[predNode[x]!]!.id,
      to: graph.nodes[x]!.id,
      kind: KIND_BY_CODE[graph.edgeKind[edge]!]!,
      weight: graph.edgeWeight[edge]!,
    };
    if (linkage.reason !== undefined) hop.reason = linkage.reason;
    if (linkage.provenance !== undefined) hop.provenance = linkage.provenance;
    hops.push(hop);
  }
  return hops.reverse();
}

function buildExplainingPath(
  workspace: PropagationWorkspace,
  asset: number,
  contribution: number,
  config: ScoringConfig,
): ExplainingPath {
  const { graph } = workspace;
  const node = graph.nodes[asset]!;
  return {
    asset: node.id,
    assetName: node.name,
    criticality: resolveCriticality(graph, asset, config),
    probability: readAssetProbability(workspace, asset),
    pathProbability: workspace.best[asset]!,
    contribution,
    hops: explainPathTo(workspace, asset),
  };
}

function buildVendorScore(
  workspace: PropagationWorkspace,
  vendor: number,
  summary: SearchSummary,
  config: ScoringConfig,
): VendorScore {
  const node = workspace.graph.nodes[vendor]!;
  const { exposure } = summary;
  // Clamped because the parts are summed separately and may differ by rounding.
  const beyond = Math.min(exposure, summary.beyondExposure);
  const footprint = exposure - beyond;
  const low = Math.min(exposure, summary.lowExposure);
  return {
    id: node.id,
    name: node.name,
    exposure,
    directExposure: Math.min(exposure, summary.directExposure),
    footprintExposure: footprint,
    beyondFootprintExposure: beyond,
    amplification: exposure > 0 ? Math.min(1, Math.max(0, beyond / exposure)) : 0,
    amplificationMultiplier: footprint > 0 ? exposure / footprint : null,
    exposureLow: low,
    exposureHigh: exposure,
    evidenceGap: exposure - low,
    byKind: { adjacency: summary.byKind[0], inheritance: summary.byKind[1], trust: summary.byKind[2] },
    assetsReached: summary.assetsReached,
    criticalAssetsReached: summary.criticalAssetsReached,
    topPaths: summary.topAssets.map((asset, i) =>
      buildExplainingPath(workspace, asset, summary.topContributions[i]!, config),
    ),
  };
}

function requireNode(graph: ScoringGraph, id: string): number {
  const index = graph.indexById.get(id);
  if (index === undefined) throw new RangeError(`unknown node id "${id}"`);
  return index;
}

function requireVendor(graph: ScoringGraph, id: string): number {
  const index = requireNode(graph, id);
  if (graph.nodeType[index] !== TYPE_VENDOR) throw new RangeError(`node "${id}" is not a vendor`);
  return index;
}

/** Scores one node as a source with the workspace it leaves behind (for what-if and tests). */
export function scoreVendorIndex(graph: ScoringGraph, vendor: number, config: ScoringConfig): VendorScore {
  const workspace = obtainWorkspace(graph);
  propagateFrom(workspace, vendor, config);
  return buildVendorScore(workspace, vendor, summariseSearch(workspace, config, config.topPathCount), config);
}

/** Scores a single vendor. */
export function scoreVendor(graph: ScoringGraph, vendorId: string, options: ScoreOptions = {}): VendorScore {
  return scoreVendorIndex(graph, requireVendor(graph, vendorId), options.config ?? DEFAULT_WEIGHTS);
}

/** Per-asset detail for one vendor: every reached asset with its probability and contribution. */
export function listVendorAssetExposure(
  graph: ScoringGraph,
  vendorId: string,
  options: ScoreOptions = {},
): AssetExposure[] {
  const config = options.config ?? DEFAULT_WEIGHTS;
  const workspace = obtainWorkspace(graph);
  propagateFrom(workspace, requireVendor(graph, vendorId), config);
  return collectAssetExposure(workspace, config).map(({ path: _path, ...asset }) => asset);
}

function collectAssetExposure(
  workspace: PropagationWorkspace,
  config: ScoringConfig,
  pathLimit = 0,
): BlastRadiusAsset[] {
  const { graph, settled, settledCount } = workspace;
  const assets: { index: number; asset: BlastRadiusAsset }[] = [];
  for (let i = 0; i < settledCount; i++) {
    const a = settled[i]!;
    if (graph.nodeType[a] !== TYPE_ASSET) continue;
    const criticality = resolveCriticality(graph, a, config);
    const { probability, direct } = readNodeProbabilities(workspace, a);
    assets.push({
      index: a,
      asset: {
        id: graph.nodes[a]!.id,
        name: graph.nodes[a]!.name,
        criticality,
        probability,
        directProbability: direct,
        contribution: config.criticalityWeights[criticality]! * probability,
      },
    });
  }
  assets.sort(
    (p, q) => q.asset.contribution - p.asset.contribution || graph.rank[p.index]! - graph.rank[q.index]!,
  );
  return assets.map(({ index, asset }, i) =>
    i < pathLimit ? { ...asset, path: explainPathTo(workspace, index) } : asset,
  );
}

export interface ScorePortfolioOptions extends ScoreOptions {
  /** Restrict to these vendor ids (default: every vendor). */
  readonly vendorIds?: readonly string[];
}

/** Scores every vendor (or the given ones). Vendors come back in id order. */
export function scorePortfolio(graph: ScoringGraph, options: ScorePortfolioOptions = {}): PortfolioScores {
  const config = options.config ?? DEFAULT_WEIGHTS;
  const vendors = options.vendorIds
    ? options.vendorIds.map((id) => requireVendor(graph, id)).sort((a, b) => graph.rank[a]! - graph.rank[b]!)
    : Array.from(graph.vendorIndices);
  const workspace = obtainWorkspace(graph);
  const scores: VendorScore[] = [];
  for (const vendor of vendors) {
    propagateFrom(workspace, vendor, config);
    scores.push(
      buildVendorScore(workspace, vendor, summariseSearch(workspace, config, config.topPathCount), config),
    );
  }
  return { modelVersion: MODEL_VERSION, vendors: scores };
}

export interface RankAmplifiersOptions extends ScoreOptions {
  /** How many entries to return (default 20). */
  readonly limit?: number;
}

/**
 * Components and assets ranked by how much vendor exposure flows *through* them on best paths,
 * summed over all vendors. A node that only receives exposure (a leaf asset) has throughput 0.
 */
export function rankStructuralAmplifiers(
  graph: ScoringGraph,
  options: RankAmplifiersOptions = {},
): StructuralAmplifier[] {
  const config = options.config ?? DEFAULT_WEIGHTS;
  const throughput = new Float64Array(graph.nodeCount);
  const vendorCount = new Int32Array(graph.nodeCount);
  const workspace = obtainWorkspace(graph);
  for (const vendor of graph.vendorIndices) {
    propagateFrom(workspace, vendor, config);
    summariseSearch(workspace, config, 0, throughput, vendorCount);
  }
  const candidates: number[] = [];
  for (let x = 0; x < graph.nodeCount; x++)
    if (graph.nodeType[x] !== TYPE_VENDOR && throughput[x]! > 0) candidates.push(x);
  candidates.sort((a, b) => throughput[b]! - throughput[a]! || graph.rank[a]! - graph.rank[b]!);
  return candidates.slice(0, options.limit ?? 20).map((x) => {
    const node = graph.nodes[x]!;
    const entry: StructuralAmplifier = {
      id: node.id,
      name: node.name,
      type: node.type,
      throughput: throughput[x]!,
      vendorCount: vendorCount[x]!,
    };
    return node.subtype !== undefined ? { ...entry, subtype: node.subtype } : entry;
  });
}

export interface BlastRadiusOptions extends ScoreOptions {
  /** Explaining paths are built for the first this-many assets (default 100); all get probabilities. */
  readonly pathLimit?: number;
}

/** "What changes if this node fails?": every affected asset with probability and best path. */
export function computeBlastRadius(
  graph: ScoringGraph,
  nodeId: string,
  options: BlastRadiusOptions = {},
): BlastRadius {
  const config = options.config ?? DEFAULT_WEIGHTS;
  const workspace = obtainWorkspace(graph);
  propagateFrom(workspace, requireNode(graph, nodeId), config);
  const assets = collectAssetExposure(workspace, config, options.pathLimit ?? 100);
  let exposure = 0;
  // Summed in settle order (not display order) to match a vendor's exposure bit for bit.
  const summary = summariseSearch(workspace, config, 0);
  exposure = summary.exposure;
  return { modelVersion: MODEL_VERSION, source: nodeId, exposure, assets };
}
