// Pure and client-safe: the what-if page previews effective weights with the same function the
// server uses to evaluate them.
import {
  BUYER_CONTROL_LABELS,
  weightWithBuyerControls,
  type BuyerControlSource,
} from "@/lib/linkage/buyer-control-targets";
import { BUYER_CONTROLS, type BuyerControl } from "@/lib/linkage/buyer-controls";
import type { ControlLevelName } from "@/lib/linkage/weight-table";
import type { LinkageKind } from "@/lib/scoring";

/** A control a supplier could put in place, mapped to the weight table's level for one linkage kind. */
export interface WhatIfControl {
  id: string;
  label: string;
  description: string;
  kind: LinkageKind;
  /** Key in the organisation's controlWeights[kind] table: a level of the one weight table (lib/linkage/weight-table.ts). */
  level: ControlLevelName;
  /** Applies to linkages whose creating answer's question id starts with one of these ("" = any). */
  questionPrefixes: readonly string[];
  /** Questions a remediation request comments on, when the questionnaire has them. */
  commentQuestions: readonly string[];
  /** What the supplier is asked to do, in a remediation comment. */
  ask: string;
}

export const WHAT_IF_CONTROLS = [
  {
    id: "remote-access-on-demand-mfa",
    label: "Remote access on demand with MFA",
    description:
      "Vendor staff and subcontractors reach your systems only through sessions you open, with multi-factor authentication.",
    kind: "trust",
    level: "on-demand-with-mfa",
    questionPrefixes: ["ra_"],
    commentQuestions: ["ra_model", "ra_mfa"],
    ask: "switch remote access to on-demand sessions that we open, with multi-factor authentication for everyone",
  },
  {
    id: "remote-access-session-approval",
    label: "On-demand remote access with MFA and session approval",
    description: "As above, and every session needs your approval before it starts.",
    kind: "trust",
    level: "on-demand-mfa-and-session-approval",
    questionPrefixes: ["ra_"],
    commentQuestions: ["ra_model", "ra_session_approval"],
    ask: "switch remote access to on-demand sessions with multi-factor authentication that we approve one by one",
  },
  {
    id: "signed-updates-bootloader",
    label: "Signed updates verified in bootloader",
    description:
      "Every update's signature is checked by the bootloader or a hardware root of trust before it runs.",
    kind: "inheritance",
    level: "signed-verified-in-bootloader",
    questionPrefixes: ["upd_"],
    commentQuestions: ["upd_signature"],
    ask: "have the bootloader (or a hardware root of trust) verify the signature of every update before it runs",
  },
  {
    id: "sbom-vex-monitored",
    label: "Components tracked with SBOM and VEX",
    description:
      "Embedded components and SDKs are listed in an SBOM and their advisories are monitored with VEX statements.",
    kind: "inheritance",
    level: "sbom-and-vex-monitored",
    questionPrefixes: ["fw_", "sub_sdks"],
    commentQuestions: ["fw_upstream_monitoring", "fw_components"],
    ask: "publish an SBOM for every release and monitor advisories for each component, with VEX statements",
  },
  {
    id: "segmented-firewall",
    label: "Network segmented behind a firewall",
    description:
      "The product's network paths into shared gateways, brokers and zones pass a filtering firewall.",
    kind: "adjacency",
    level: "segmented-firewall",
    questionPrefixes: [""],
    commentQuestions: ["net_hubs", "scope_zones"],
    ask: "document how the product can be segmented behind a filtering firewall, and support that configuration",
  },
  {
    id: "individual-credentials",
    label: "Individual accounts instead of shared credentials",
    description: "No shared, default or long-lived service credentials: each person has their own account.",
    kind: "trust",
    level: "always-on-individual-accounts",
    questionPrefixes: ["cred_", "net_unauthenticated"],
    commentQuestions: ["cred_defaults", "cred_list"],
    ask: "replace shared, default and long-lived credentials with individual, revocable accounts",
  },
] as const satisfies readonly WhatIfControl[];

export type WhatIfControlId = (typeof WHAT_IF_CONTROLS)[number]["id"];
export const WHAT_IF_CONTROL_IDS = WHAT_IF_CONTROLS.map((c) => c.id) as [
  WhatIfControlId,
  ...WhatIfControlId[],
];

/** The fields of a linkage that the what-if needs, flattened from its provenance. */
export interface WhatIfLinkage {
  id: string;
  from: string;
  to: string;
  kind: LinkageKind;
  weight: number;
  reason: string;
  /** The question of the source that set the weight (the first provenance source). */
  questionId: string | null;
  rowIndex: number | null;
  assessmentId: string | null;
  revision: number | null;
  /** Vendor → a node it operates itself: exists because the vendor runs it, so no control applies. */
  custody: boolean;
  /**
   * Set when the linkage ends at one of its vendor's deployments (or the zone they sit in): what a
   * buyer-side control there would act on — the provenance sources, with the controls already stored.
   */
  buyer?: { zone: boolean; sources: BuyerControlSource[] };
}

/** A buyer-side control as a what-if toggle: "what if every deployment of this vendor (or of all vendors) had it". */
export interface BuyerWhatIfControl {
  id: BuyerControl;
  label: string;
  description: string;
}

export const BUYER_WHAT_IF_CONTROLS: readonly BuyerWhatIfControl[] = BUYER_CONTROLS.map((id) => ({
  id,
  label: BUYER_CONTROL_LABELS[id].label,
  description: BUYER_CONTROL_LABELS[id].meaning,
}));

/** The weight a linkage would have with these buyer-side controls at its target (its own weight when none acts). */
export function buyerControlledWeight(linkage: WhatIfLinkage, controls: readonly BuyerControl[]) {
  if (!linkage.buyer || controls.length === 0) return { weight: linkage.weight, controls: [] };
  return weightWithBuyerControls(
    linkage.weight,
    linkage.kind,
    linkage.buyer.sources,
    linkage.buyer,
    controls,
  );
}

/** Does this control apply to this linkage? Custody linkages are facts about ownership, not controls. */
export function controlApplies(control: WhatIfControl, linkage: WhatIfLinkage): boolean {
  if (linkage.custody || linkage.kind !== control.kind || linkage.questionId === null) return false;
  return control.questionPrefixes.some((p) => linkage.questionId!.startsWith(p));
}

/** What the user chose; stored as WhatIfScenario.changes. Linkages are named by their ids. */
export interface ScenarioChanges {
  controls: WhatIfControlId[];
  /** Buyer-side controls supposed at every deployment in scope (nothing is stored). */
  buyerControls?: BuyerControl[];
  remove: string[];
  reweight: { linkageId: string; weight: number }[];
}

export type ControlWeights = Readonly<Record<LinkageKind, Readonly<Record<string, number>>>>;

/** The weight a control gives, from the organisation's table (unknown level: no change). */
export function controlWeight(control: WhatIfControl, weights: ControlWeights): number | undefined {
  const table = weights[control.kind];
  return Object.hasOwn(table, control.level) ? table[control.level] : undefined;
}

export type LinkageOutcome =
  | { linkageId: string; removed: true }
  | {
      linkageId: string;
      removed: false;
      weight: number;
      /** "buyer": only buyer-side controls lowered it (nothing to ask the supplier). */
      by: "slider" | WhatIfControlId | "buyer";
      /** The buyer-side controls that lowered it, if any. */
      buyerControls?: BuyerControl[];
    };

/**
 * The effective change per linkage: removal wins over a slider, a slider over controls. A control
 * never raises a weight (min of the current weight and the control's level): putting a control in
 * place can only make things better. Buyer-side controls then scale what the supplier's control
 * leaves by the share they take off the linkage (their factors and caps, lib/linkage/buyer-controls.ts).
 */
export function resolveScenarioOutcomes(
  linkages: readonly WhatIfLinkage[],
  changes: ScenarioChanges,
  weights: ControlWeights,
): LinkageOutcome[] {
  const removed = new Set(changes.remove);
  const sliders = new Map(changes.reweight.map((r) => [r.linkageId, r.weight]));
  const controls = WHAT_IF_CONTROLS.filter((c) => changes.controls.includes(c.id));
  const buyerControls = BUYER_CONTROLS.filter((c) => changes.buyerControls?.includes(c));
  const outcomes: LinkageOutcome[] = [];
  for (const l of linkages) {
    if (removed.has(l.id)) {
      outcomes.push({ linkageId: l.id, removed: true });
      continue;
    }
    const slider = sliders.get(l.id);
    if (slider !== undefined) {
      if (slider !== l.weight)
        outcomes.push({ linkageId: l.id, removed: false, weight: slider, by: "slider" });
      continue;
    }
    let best: { weight: number; by: WhatIfControlId } | null = null;
    for (const c of controls) {
      if (!controlApplies(c, l)) continue;
      const w = controlWeight(c, weights);
      if (w !== undefined && w < l.weight && (best === null || w < best.weight))
        best = { weight: w, by: c.id };
    }
    const buyer = buyerControlledWeight(l, buyerControls);
    if (buyer.weight < l.weight) {
      const supplier = best?.weight ?? l.weight;
      outcomes.push({
        linkageId: l.id,
        removed: false,
        weight: l.weight > 0 ? (supplier * buyer.weight) / l.weight : 0,
        by: best?.by ?? "buyer",
        buyerControls: buyer.controls,
      });
    } else if (best) outcomes.push({ linkageId: l.id, removed: false, ...best });
  }
  return outcomes;
}

export const EMPTY_CHANGES: ScenarioChanges = { controls: [], buyerControls: [], remove: [], reweight: [] };
