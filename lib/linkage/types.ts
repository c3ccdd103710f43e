/** Input and output shapes of linkage extraction. Plain data only: safe to JSON-serialise. */
import type { Template } from "../questionnaire";
import type { BuyerControl } from "./buyer-controls";

export type LinkageKind = "adjacency" | "inheritance" | "trust";
export type ExtractedNodeType = "vendor" | "component" | "asset";

export interface ExtractionInput {
  readonly template: Template;
  /** The accepted revision's answers: question id → value. */
  readonly answers: Readonly<Record<string, unknown>>;
  readonly provenance: { readonly assessmentId: string; readonly revision: number };
  readonly vendor: { readonly id: string; readonly name: string };
  /** Where the buyer recorded this vendor's products sit. */
  readonly deployments: readonly Deployment[];
  /** The buyer's inventory, to match infrastructure the supplier names. */
  readonly assets: readonly InventoryAsset[];
  readonly config?: Partial<ExtractionConfig>;
}

export interface Deployment {
  readonly assetId: string;
  readonly assetName: string;
  readonly assetType: string;
  /** The zone the asset sits in (a zone asset's id or name, or a level such as "level_2"). */
  readonly zone?: string | null;
  /** What the buyer already has around this deployment (see buyer-controls.ts); lowers the vendor's linkages into it. */
  readonly buyerControls?: readonly BuyerControl[];
}

export interface InventoryAsset {
  readonly id: string;
  readonly name: string;
  /** e.g. "controller", "gateway", "broker", "zone". Assets of a type in `config.zoneAssetTypes` are zones. */
  readonly type: string;
  readonly aliases?: readonly string[];
}

/** Knobs of the extractor itself; the template owns every answer-driven weight. */
export interface ExtractionConfig {
  /**
   * Weight of the "custody" linkage from the vendor to the nodes it operates itself (its platform,
   * update services, remote-access paths, credentials): compromising the vendor compromises them.
   */
  readonly custodyWeight: number;
  /** Lower bound, per kind, for linkages emitted in the unknown state (e.g. scoring's resolveUnknownWeight). */
  readonly unknownWeightFloor: Readonly<Partial<Record<LinkageKind, number>>>;
  /** Drop linkages whose final weight is 0 (gate questions answered "yes" emit weight 0 on purpose). */
  readonly dropZeroWeight: boolean;
  /**
   * true: one linkage per (from, to, kind), keeping the highest weight, with every source in its
   * provenance. false: merge only within one question (the format doc's rule 5), so parallel
   * linkages from different questions reach the scoring engine separately and combine by noisy-OR.
   */
  readonly mergeAcrossQuestions: boolean;
  /** Inventory asset types that are zones (matched against zone choices such as "level_2"). */
  readonly zoneAssetTypes: readonly string[];
}

export const DEFAULT_EXTRACTION_CONFIG: ExtractionConfig = Object.freeze({
  custodyWeight: 1,
  unknownWeightFloor: Object.freeze({}),
  dropZeroWeight: true,
  mergeAcrossQuestions: true,
  zoneAssetTypes: Object.freeze(["zone", "network_segment", "network-segment", "segment"]),
});

export interface ExtractedNode {
  readonly key: string;
  readonly type: ExtractedNodeType;
  readonly name: string;
  readonly subtype?: string;
  readonly identity?: {
    readonly purl?: string;
    readonly cpe?: string;
    readonly normalizedName?: string;
    readonly version?: string;
  };
  /** A stand-in for something the inventory does not (yet) hold; see needsMapping. */
  readonly placeholder?: true;
}

/** A modifier that changed a linkage's weight. */
export interface AppliedModifier {
  readonly ruleId: string;
  readonly questionId: string;
  readonly op: "multiply" | "set";
  readonly value: number;
  /** The question was unknown, so the rule's unknownValue was used. */
  readonly unknown: boolean;
  readonly rowIndex?: number;
}

/** One source of a linkage: the answer (and rule) that produced it. */
export interface LinkageProvenance {
  readonly assessmentId: string;
  readonly revision: number;
  readonly questionId: string;
  readonly ruleId: string;
  readonly rowIndex?: number;
  readonly choiceId?: string;
  /** The emitting question was unknown (unanswered or "don't know"): the rule's unknownWeight was used. */
  readonly unknown: boolean;
  /** The weight this source alone produced, after modifiers. */
  readonly weight: number;
  readonly reason: string;
  readonly modifiers: readonly AppliedModifier[];
  /** Set on vendor → operated-node linkages, which exist because this source's node is the vendor's. */
  readonly custody?: true;
  /** Buyer-side controls that lowered this source's weight (already included in `weight`). */
  readonly buyerControls?: readonly {
    readonly control: BuyerControl;
    readonly factor: number;
    readonly cap?: number;
  }[];
}

export interface ExtractedLinkage {
  readonly fromKey: string;
  readonly toKey: string;
  readonly kind: LinkageKind;
  /** In [0, 1]: the highest weight among the merged sources. */
  readonly weight: number;
  /** The reason of the source that set the weight, with the controls that adjusted it. */
  readonly reason: string;
  /** Every source, the one that set the weight first. Never empty. */
  readonly provenance: readonly LinkageProvenance[];
}

export interface NeedsMapping {
  readonly questionId: string;
  readonly rowIndex?: number;
  readonly label: string;
  readonly reason: string;
  /** The placeholder node the linkages point at until the buyer maps it. */
  readonly nodeKey: string;
}

export interface ExtractionResult {
  readonly nodes: readonly ExtractedNode[];
  readonly linkages: readonly ExtractedLinkage[];
  readonly needsMapping: readonly NeedsMapping[];
  readonly warnings: readonly string[];
}
