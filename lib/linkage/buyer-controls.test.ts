/**
 * Buyer-side controls (issue 12 item 6): per deployment, factors on the vendor's linkages into it
 * (and into its zone), quoted in the reason and listed in provenance; they never raise a weight.
 */
import { describe, expect, it } from "vitest";

import { getOtSupplierBaselineTemplate } from "../questionnaire";
import { BUYER_CONTROLS, type BuyerControl } from "./buyer-controls";
import { extractLinkages } from "./extract-linkages";
import { PLC_REFERENCE, REFERENCE_INVENTORY, type ReferenceVendor } from "./sensitivity/reference-vendors";
import { adaptAnswers, referenceExposure } from "./sensitivity/sensitivity-report";

const v2 = getOtSupplierBaselineTemplate(2);
const base = adaptAnswers(v2, PLC_REFERENCE.answers);
const withControls = (
  controls: readonly BuyerControl[],
  count = PLC_REFERENCE.deployments.length,
): ReferenceVendor => ({
  ...PLC_REFERENCE,
  deployments: PLC_REFERENCE.deployments.map((d, i) => (i < count ? { ...d, buyerControls: controls } : d)),
});
const extract = (ref: ReferenceVendor, answers = base) =>
  extractLinkages({
    template: v2,
    answers,
    provenance: { assessmentId: "a", revision: 1 },
    vendor: ref.vendor,
    deployments: ref.deployments,
    assets: REFERENCE_INVENTORY,
  });
const weightInto = (ref: ReferenceVendor, ruleId: string, toKey: string, answers = base) =>
  extract(ref, answers).linkages.find(
    (l) => l.toKey === toKey && l.provenance.some((p) => p.ruleId === ruleId && !p.custody),
  )!;

describe("buyer-side controls", () => {
  it("a PLC key switch kept in RUN lowers the update path into that PLC, and says so", () => {
    const before = weightInto(PLC_REFERENCE, "upd_path_cloud_push", "asset:plc-01");
    const after = weightInto(withControls(["key_switch_run"]), "upd_path_cloud_push", "asset:plc-01");
    expect(after.weight).toBeCloseTo(before.weight * 0.3, 12);
    expect(after.reason).toContain("key switch stays in RUN");
    expect(after.provenance[0]!.buyerControls).toEqual([{ control: "key_switch_run", factor: 0.3 }]);
  });

  it("only the controlled deployment is affected", () => {
    const ref = withControls(["key_switch_run"], 1);
    expect(weightInto(ref, "upd_path_cloud_push", "asset:plc-02").weight).toBe(
      weightInto(PLC_REFERENCE, "upd_path_cloud_push", "asset:plc-02").weight,
    );
  });

  it("changed default credentials lower shared defaults, not hard-coded ones", () => {
    const shared = { ...base, cred_defaults: "shared_default" };
    expect(
      weightInto(withControls(["default_credentials_changed"]), "cred_shared_default", "asset:plc-01", shared)
        .weight,
    ).toBeCloseTo(0.2, 12); // the unit hop (1: one credential, every unit); its 0.5 sits on the vendor's hop
    const hard = { ...base, cred_defaults: "hard_coded" };
    expect(
      weightInto(withControls(["default_credentials_changed"]), "cred_hard_coded", "asset:plc-01", hard)
        .weight,
    ).toBe(1); // a hard-coded credential: the control does not apply (its 0.9 sits on the vendor's hop)
  });

  it("PAM with approval halves the remote-access path into the zone only when every deployment there has it", () => {
    const zone = "asset:zone-cell";
    const before = weightInto(PLC_REFERENCE, "ra_session_zone", zone).weight;
    const all = weightInto(withControls(["pam_with_approval"]), "ra_session_zone", zone);
    expect(all.weight).toBeCloseTo(before * 0.5, 12);
    expect(all.reason).toContain("Your PAM with approval halves this path");
    expect(weightInto(withControls(["pam_with_approval"], 39), "ra_session_zone", zone).weight).toBe(before);
    // and the vendor session's logins on each unit with PAM
    expect(weightInto(withControls(["pam_with_approval"]), "ra_unit_logins", "asset:plc-01").weight).toBe(
      0.5,
    );
  });

  it("a unidirectional gateway caps the vendor's cloud and remote paths at 0.05", () => {
    const ref = withControls(["unidirectional_gateway"]);
    expect(weightInto(ref, "upd_path_cloud_push", "asset:plc-01").weight).toBeLessThanOrEqual(0.05);
    expect(weightInto(ref, "ra_session_zone", "asset:zone-cell").weight).toBeLessThanOrEqual(0.05);
    expect(weightInto(ref, "ra_unit_logins", "asset:plc-01").weight).toBeLessThanOrEqual(0.05);
  });

  it("never raises a weight or the exposure, whichever controls are in place", () => {
    const plain = referenceExposure(v2, PLC_REFERENCE, base);
    for (const control of BUYER_CONTROLS) {
      expect(referenceExposure(v2, withControls([control]), base), control).toBeLessThanOrEqual(plain + 1e-9);
    }
    expect(referenceExposure(v2, withControls([...BUYER_CONTROLS]), base)).toBeLessThanOrEqual(plain + 1e-9);
  });

  // Under model 2 this failed while the fleet saturated (86 %): per-unit hops now carry the buyer's
  // controls and the vendor's controls sit on the hops the fleet shares (issue 12).
  it("every buyer control together lowers the PLC vendor's exposure by a fifth", () => {
    const plain = referenceExposure(v2, PLC_REFERENCE, base);
    expect(referenceExposure(v2, withControls([...BUYER_CONTROLS]), base)).toBeLessThan(plain * 0.8);
  });
});
