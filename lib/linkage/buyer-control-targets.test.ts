/**
 * Where buyer-side controls act and what they do to a stored linkage (the what-if path): the same
 * factors as at extraction, never twice for a control already stored, never above today's weight.
 */
import { describe, expect, it } from "vitest";

import { getOtSupplierBaselineTemplate } from "../questionnaire";
import { indexBuyerControls, weightWithBuyerControls } from "./buyer-control-targets";
import { BUYER_CONTROLS, type BuyerControl } from "./buyer-controls";
import { extractLinkages } from "./extract-linkages";
import { PLC_REFERENCE, REFERENCE_INVENTORY } from "./sensitivity/reference-vendors";
import { adaptAnswers } from "./sensitivity/sensitivity-report";
import type { Deployment, ExtractedLinkage } from "./types";

const zone = { id: "z1", name: "Cell 1", type: "zone" };
const dep = (
  assetId: string,
  buyerControls: BuyerControl[] = [],
  z: string | null = "Cell 1",
): Deployment => ({
  assetId,
  assetName: assetId,
  assetType: "controller",
  zone: z,
  buyerControls,
});

describe("indexBuyerControls", () => {
  it("lists controlled deployments, and a zone only with the controls every deployment there has", () => {
    const index = indexBuyerControls(
      [dep("p1", ["pam_with_approval", "key_switch_run"]), dep("p2", ["pam_with_approval"])],
      [zone],
    );
    expect([...index.get("asset:p1")!.controls]).toEqual(["pam_with_approval", "key_switch_run"]);
    expect(index.get("asset:p1")!.zone).toBe(false);
    expect([...index.get("asset:z1")!.controls]).toEqual(["pam_with_approval"]);
    expect(index.get("asset:z1")!.zone).toBe(true);
  });

  it("leaves out deployments and zones without controls unless asked for every target", () => {
    const deployments = [dep("p1"), dep("p2", [], null)];
    expect(indexBuyerControls(deployments, [zone]).size).toBe(0);
    const all = indexBuyerControls(deployments, [zone], { withEmpty: true });
    expect([...all.keys()].sort()).toEqual(["asset:p1", "asset:p2", "asset:z1"]);
  });
});

describe("weightWithBuyerControls", () => {
  const src = (ruleId: string, weight: number, applied: BuyerControl[] = []) => ({ ruleId, weight, applied });

  it("applies each control's factor to the sources it governs", () => {
    const r = weightWithBuyerControls(0.6, "trust", [src("ra_path_vpn", 0.6)], { zone: true }, [
      "pam_with_approval",
    ]);
    expect(r.weight).toBeCloseTo(0.3, 12);
    expect(r.controls).toEqual(["pam_with_approval"]);
  });

  it("does not apply a control twice when it is already stored", () => {
    const r = weightWithBuyerControls(
      0.3,
      "trust",
      [src("ra_path_vpn", 0.3, ["pam_with_approval"])],
      { zone: true },
      ["pam_with_approval"],
    );
    expect(r).toEqual({ weight: 0.3, controls: [] });
  });

  it("keeps the highest source, so an ungoverned source holds the linkage up", () => {
    const r = weightWithBuyerControls(
      0.7,
      "inheritance",
      [src("upd_path_cloud_push", 0.7), src("cred_hard_coded", 0.5)],
      { zone: false },
      ["key_switch_run"],
    );
    expect(r.weight).toBeCloseTo(0.5, 12);
  });

  it("leaves custody sources alone and only zone-wide controls act on a zone", () => {
    const custody = { ruleId: "upd_path_cloud_push", weight: 1, custody: true };
    expect(
      weightWithBuyerControls(1, "inheritance", [custody], { zone: false }, [...BUYER_CONTROLS]).weight,
    ).toBe(1);
    // The key switch acts on the unit, not on the zone it sits in.
    expect(
      weightWithBuyerControls(0.7, "inheritance", [src("upd_path_cloud_push", 0.7)], { zone: true }, [
        "key_switch_run",
      ]).weight,
    ).toBe(0.7);
  });

  it("on a real extraction, supposing a control equals storing it (the what-if matches the saved result)", () => {
    const template = getOtSupplierBaselineTemplate(2);
    // Shared default credentials, so that every control has something to act on.
    const answers = { ...adaptAnswers(template, PLC_REFERENCE.answers), cred_defaults: "shared_default" };
    const run = (controls: BuyerControl[]) =>
      extractLinkages({
        template,
        answers,
        provenance: { assessmentId: "a", revision: 1 },
        vendor: PLC_REFERENCE.vendor,
        deployments: PLC_REFERENCE.deployments.map((d) => ({ ...d, buyerControls: controls })),
        assets: REFERENCE_INVENTORY,
      }).linkages;
    const key = (l: ExtractedLinkage) => `${l.fromKey}|${l.toKey}|${l.kind}`;
    const targets = indexBuyerControls(PLC_REFERENCE.deployments, REFERENCE_INVENTORY, { withEmpty: true });
    for (const control of BUYER_CONTROLS) {
      const stored = new Map(run([control]).map((l) => [key(l), l.weight]));
      let lowered = 0;
      for (const l of run([])) {
        const target = targets.get(l.toKey);
        if (!target) continue;
        const sources = l.provenance.map((p) => ({
          ruleId: p.ruleId,
          weight: p.weight,
          ...(p.custody && { custody: true }),
        }));
        const supposed = weightWithBuyerControls(l.weight, l.kind, sources, target, [control]).weight;
        expect(supposed, `${control} on ${key(l)}`).toBeCloseTo(stored.get(key(l))!, 12);
        if (supposed < l.weight) lowered++;
      }
      expect(lowered, control).toBeGreaterThan(0);
    }
  });
});
