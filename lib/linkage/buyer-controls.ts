/**
 * Buyer-side controls (issue 12 item 6): what the buyer already has around a deployment — outbound
 * internet blocked, PAM with approval, default credentials changed and verified, an OT IDS watching
 * downloads, allow-listing, a PLC key switch kept in RUN, a unidirectional gateway. Each is a factor
 * on the vendor's linkages into that deployment (and, for remote access, into the zone it sits in),
 * applied after the template's modifiers and quoted in the linkage's reason ("your PAM halves this
 * path"). Pure data: the factors are documented in docs/linkage-extraction.md.
 */
// The engine's kind (the same union as ./types' LinkageKind): ./types imports BuyerControl from here.
import type { LinkageKind } from "../scoring/config";

export const BUYER_CONTROLS = [
  "outbound_blocked",
  "pam_with_approval",
  "default_credentials_changed",
  "ot_ids_watching_downloads",
  "allow_listing",
  "key_switch_run",
  "unidirectional_gateway",
] as const;
export type BuyerControl = (typeof BUYER_CONTROLS)[number];

/** What a buyer control does to a linkage that reaches a deployment (or its zone). */
export interface BuyerControlEffect {
  readonly control: BuyerControl;
  /** Multiplier (≤ 1: a buyer control only ever lowers a weight). */
  readonly factor: number;
  /** Instead of a factor: the weight is capped at this value (a unidirectional gateway). */
  readonly cap?: number;
  readonly reason: string;
}

interface Rule {
  readonly factor: number;
  readonly cap?: number;
  readonly reason: string;
  /** Which linkages: by the id of the template rule that emitted them, by prefix. */
  readonly rulePrefixes: readonly string[];
  readonly kinds?: readonly LinkageKind[];
  /** Also applies to the linkage into the zone the deployment sits in (remote access). */
  readonly zone?: true;
}

const UPDATES_AND_FIRMWARE = ["upd_path_", "fw_firmware_in_product"];
const VENDOR_CLOUD = [
  "upd_path_cloud_push",
  "scope_platform_",
  "cred_delegated_mgmt",
  "ops_",
  "net_outbound",
];
/** Remote-access hops into the plant: the buyer's jump host into the zone, the vendor's session into the zone and the units. */
const REMOTE = ["ra_path_", "ra_session_", "ra_unit_", "ra_site_media_"];

export const BUYER_CONTROL_RULES: Readonly<Record<BuyerControl, Rule>> = {
  outbound_blocked: {
    factor: 0.3,
    rulePrefixes: VENDOR_CLOUD,
    reason:
      "Your firewall blocks the unit's outbound internet: the vendor's cloud reaches it only through paths you open.",
  },
  pam_with_approval: {
    factor: 0.5,
    rulePrefixes: ["ra_path_", "ra_session_", "ra_unit_"],
    zone: true,
    reason:
      "Your PAM with approval halves this path: every vendor session goes through an account you approve.",
  },
  default_credentials_changed: {
    factor: 0.2,
    rulePrefixes: ["cred_shared_default"],
    reason: "You changed the default credentials and verified it.",
  },
  ot_ids_watching_downloads: {
    factor: 0.8,
    rulePrefixes: [...UPDATES_AND_FIRMWARE, "cred_delegated_mgmt"],
    reason: "Your OT IDS watches logic and firmware downloads to the unit.",
  },
  allow_listing: {
    factor: 0.6,
    rulePrefixes: [...UPDATES_AND_FIRMWARE, ...REMOTE],
    zone: true,
    reason: "Application allow-listing on the unit stops code that is not on your list.",
  },
  key_switch_run: {
    factor: 0.3,
    rulePrefixes: [...UPDATES_AND_FIRMWARE, "cred_delegated_mgmt", "ra_unit_"],
    reason:
      "The controller's key switch stays in RUN: logic and firmware downloads need someone at the cabinet.",
  },
  unidirectional_gateway: {
    factor: 1,
    cap: 0.05,
    rulePrefixes: [...VENDOR_CLOUD, ...REMOTE],
    zone: true,
    reason: "A unidirectional gateway (data diode) separates the unit from outside networks.",
  },
};

/** The buyer controls that apply to a linkage emitted by `ruleId` into a deployment (or its zone). */
export function buyerControlEffects(
  controls: readonly BuyerControl[],
  ruleId: string,
  kind: LinkageKind,
  intoZone: boolean,
): BuyerControlEffect[] {
  const effects: BuyerControlEffect[] = [];
  for (const control of controls) {
    const rule = BUYER_CONTROL_RULES[control];
    if (intoZone && !rule.zone) continue;
    if (rule.kinds && !rule.kinds.includes(kind)) continue;
    if (!rule.rulePrefixes.some((p) => ruleId.startsWith(p))) continue;
    effects.push({
      control,
      factor: rule.factor,
      ...(rule.cap !== undefined && { cap: rule.cap }),
      reason: rule.reason,
    });
  }
  return effects;
}

/** Applies the effects to a weight: every factor, then the lowest cap. Never raises it. */
export function applyBuyerControls(weight: number, effects: readonly BuyerControlEffect[]): number {
  let w = weight;
  for (const e of effects) w *= e.factor;
  for (const e of effects) if (e.cap !== undefined) w = Math.min(w, e.cap);
  return Math.min(weight, w);
}
