/** Result shapes returned by the engine. Plain data: safe to JSON-serialise into a snapshot. */
import type { LinkageKind, NodeType } from "./config";

export type KindBreakdown = Record<LinkageKind, number>;

/** One hop of an explaining path, quoting the linkage that created it. */
export interface ExplainingHop {
  readonly from: string;
  readonly to: string;
  readonly kind: LinkageKind;
  readonly weight: number;
  readonly reason?: string;
  /** Copied by reference from the input linkage; the engine never looks inside. */
  readonly provenance?: unknown;
}

export interface ExplainingPath {
  /** The asset this path reaches. */
  readonly asset: string;
  readonly assetName: string;
  readonly criticality: number;
  /** Probability that the asset is affected over all counted routes (not just this path). */
  readonly probability: number;
  /** Probability of this single most probable path. */
  readonly pathProbability: number;
  /** criticality weight × probability: this asset's share of the exposure. */
  readonly contribution: number;
  readonly hops: readonly ExplainingHop[];
}

export interface VendorScore {
  readonly id: string;
  readonly name: string;
  /** Σ over reached assets of criticality weight × P(affected). */
  readonly exposure: number;
  /** The part of exposure explained by the vendor's own one-hop linkages to assets (model 1's "direct"). */
  readonly directExposure: number;
  /**
   * E_f: the part of exposure that only the vendor's footprint explains (its own linkages and its
   * own components' outgoing linkages, stopping at the first asset); exposure − beyondFootprintExposure.
   */
  readonly footprintExposure: number;
  /** E − E_f: criticality-weighted probability of being reached through a route that leaves the footprint. */
  readonly beyondFootprintExposure: number;
  /** (E − E_f) / E, 0 when E is 0. In [0, 1]. */
  readonly amplification: number;
  /** E / E_f, or null when E_f is 0 (everything is beyond the footprint, or nothing is reached). */
  readonly amplificationMultiplier: number | null;
  /** Exposure with every unknown / "don't know" linkage at its best control; ≤ exposure. */
  readonly exposureLow: number;
  /** Exposure with unknowns at the pessimistic weight: the headline, equal to `exposure`. */
  readonly exposureHigh: number;
  /** exposureHigh − exposureLow: how much of the score is ignorance rather than reported weakness. */
  readonly evidenceGap: number;
  /** Exposure split by linkage kind over all counted routes into each asset; sums to exposure. */
  readonly byKind: KindBreakdown;
  readonly assetsReached: number;
  readonly criticalAssetsReached: number;
  readonly topPaths: readonly ExplainingPath[];
}

export interface AssetExposure {
  readonly id: string;
  readonly name: string;
  readonly criticality: number;
  readonly probability: number;
  readonly directProbability: number;
  readonly contribution: number;
}

export interface StructuralAmplifier {
  readonly id: string;
  readonly name: string;
  readonly type: NodeType;
  readonly subtype?: string;
  /** Σ over vendors of the exposure whose best path passes through this node (not ending at it). */
  readonly throughput: number;
  /** How many vendors route some exposure through this node. */
  readonly vendorCount: number;
}

export interface PortfolioScores {
  readonly modelVersion: string;
  /** In vendor id order. */
  readonly vendors: readonly VendorScore[];
}

export interface BlastRadiusAsset extends AssetExposure {
  /** The most probable path from the failing node; omitted beyond the requested path limit. */
  readonly path?: readonly ExplainingHop[];
}

export interface BlastRadius {
  readonly modelVersion: string;
  readonly source: string;
  /** Same formula as a vendor's exposure, with this node as the source. */
  readonly exposure: number;
  /** Sorted by contribution, descending. */
  readonly assets: readonly BlastRadiusAsset[];
}
