/**
 * Where buyer-side controls act, shared by the extractor (stored controls, at extraction) and the
 * what-if (hypothetical controls, on already extracted linkages, nothing stored). Pure and
 * client-safe: the what-if page previews the same weights the server evaluates.
 */
import { applyBuyerControls, BUYER_CONTROLS, buyerControlEffects, type BuyerControl } from "./buyer-controls";
import { assetKey } from "./keys";
import type { Deployment, InventoryAsset, LinkageKind } from "./types";

/** What one buyer control means, in the words the deployment form and the what-if use. */
export interface BuyerControlLabel {
  readonly label: string;
  /** One line: what the buyer has in place when they tick it. */
  readonly meaning: string;
}

export const BUYER_CONTROL_LABELS: Readonly<Record<BuyerControl, BuyerControlLabel>> = {
  outbound_blocked: {
    label: "Outbound internet blocked",
    meaning:
      "The unit cannot open connections to the internet; the vendor's cloud reaches it only if you open a path.",
  },
  pam_with_approval: {
    label: "PAM with approval",
    meaning: "Vendor remote sessions go through your privileged-access management, and you approve each one.",
  },
  default_credentials_changed: {
    label: "Default credentials changed and verified",
    meaning:
      "Factory and shared default passwords were replaced, and someone checked that they no longer work.",
  },
  ot_ids_watching_downloads: {
    label: "OT IDS watches downloads",
    meaning: "Your OT intrusion detection alerts on logic and firmware downloads to the unit.",
  },
  allow_listing: {
    label: "Allow-listing on HMI / EWS",
    meaning: "Only software on your list can run on the HMI or engineering workstation.",
  },
  key_switch_run: {
    label: "PLC key switch kept in RUN",
    meaning: "Logic and firmware downloads need someone at the cabinet to turn the key.",
  },
  unidirectional_gateway: {
    label: "Unidirectional gateway",
    meaning: "A data diode: data leaves the zone, nothing from outside networks comes in.",
  },
};

/** What the buyer has at one node a vendor's linkages reach: a deployment, or the zone deployments sit in. */
export interface BuyerControlTarget {
  readonly controls: Set<BuyerControl>;
  /** The target is the zone a controlled deployment sits in, not the deployment itself. */
  readonly zone: boolean;
}

/**
 * Per target node key: the buyer controls of the vendor's deployments there, and for a zone asset
 * the controls that *every* deployment of the vendor in that zone has. With `withEmpty`, every
 * deployment and zone is listed even without controls (the what-if adds hypothetical ones).
 */
export function indexBuyerControls(
  deployments: readonly Deployment[],
  assets: readonly InventoryAsset[],
  options: { withEmpty?: boolean } = {},
): Map<string, BuyerControlTarget> {
  const index = new Map<string, BuyerControlTarget>();
  const add = (key: string, controls: readonly BuyerControl[], zone: boolean) => {
    const entry = index.get(key) ?? { controls: new Set<BuyerControl>(), zone };
    if (entry.zone !== zone) return; // an asset that is both: its own controls win
    for (const c of controls) entry.controls.add(c);
    index.set(key, entry);
  };
  for (const d of deployments) {
    if (!options.withEmpty && (!d.buyerControls || d.buyerControls.length === 0)) continue;
    add(assetKey(d.assetId), d.buyerControls ?? [], false);
  }
  const byZone = new Map<string, BuyerControl[][]>();
  for (const d of deployments) {
    const zone = d.zone == null ? undefined : assets.find((a) => a.id === d.zone || a.name === d.zone);
    if (!zone) continue;
    byZone.set(zone.id, [...(byZone.get(zone.id) ?? []), [...(d.buyerControls ?? [])]]);
  }
  for (const [zoneId, lists] of byZone) {
    const common = lists.reduce((acc, list) => acc.filter((c) => list.includes(c)));
    if (options.withEmpty || common.length > 0) add(assetKey(zoneId), common, true);
  }
  return index;
}

/** One provenance source of a stored linkage, as far as buyer controls care. */
export interface BuyerControlSource {
  readonly ruleId: string;
  readonly weight: number;
  readonly custody?: boolean;
  /** Buyer controls already applied to `weight` at extraction. */
  readonly applied?: readonly BuyerControl[];
}

/**
 * The weight a stored linkage would have with `controls` added at its target: each source gets the
 * controls it does not have yet, and the linkage keeps its highest source (as the extractor merges).
 * Custody sources are facts about ownership and stay. Never above `weight`.
 */
export function weightWithBuyerControls(
  weight: number,
  kind: LinkageKind,
  sources: readonly BuyerControlSource[],
  target: { readonly zone: boolean },
  controls: readonly BuyerControl[],
): { weight: number; controls: BuyerControl[] } {
  if (sources.length === 0) return { weight, controls: [] };
  let best = 0;
  const used = new Set<BuyerControl>();
  for (const s of sources) {
    if (s.custody) {
      best = Math.max(best, s.weight);
      continue;
    }
    const fresh = controls.filter((c) => !s.applied?.includes(c));
    const effects = buyerControlEffects(fresh, s.ruleId, kind, target.zone);
    for (const e of effects) used.add(e.control);
    best = Math.max(best, applyBuyerControls(s.weight, effects));
  }
  const next = Math.min(weight, best);
  return { weight: next, controls: next < weight ? BUYER_CONTROLS.filter((c) => used.has(c)) : [] };
}
