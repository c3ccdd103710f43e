import { describe, expect, it } from "vitest";

import { DEFAULT_WEIGHTS } from "@/lib/scoring";

import { EMPTY_CHANGES, resolveScenarioOutcomes, type WhatIfLinkage } from "./controls";

const base: WhatIfLinkage = {
  id: "l1",
  from: "vendor:v/remote",
  to: "asset:zone",
  kind: "trust",
  weight: 0.6,
  reason: "",
  questionId: "ra_model",
  rowIndex: null,
  assessmentId: "a",
  revision: 1,
  custody: false,
  buyer: { zone: true, sources: [{ ruleId: "ra_path_vpn", weight: 0.6, applied: [] }] },
};
const weights = DEFAULT_WEIGHTS.controlWeights;

describe("resolveScenarioOutcomes with buyer-side controls", () => {
  it("a buyer control alone lowers the linkage by its factor, marked as the buyer's", () => {
    const [o] = resolveScenarioOutcomes(
      [base],
      { ...EMPTY_CHANGES, buyerControls: ["pam_with_approval"] },
      weights,
    );
    expect(o).toEqual({
      linkageId: "l1",
      removed: false,
      weight: 0.3,
      by: "buyer",
      buyerControls: ["pam_with_approval"],
    });
  });

  it("with a supplier control too, the buyer's factor scales what the supplier's control leaves", () => {
    const level = weights.trust["on-demand-with-mfa"]!;
    const [o] = resolveScenarioOutcomes(
      [base],
      { ...EMPTY_CHANGES, controls: ["remote-access-on-demand-mfa"], buyerControls: ["pam_with_approval"] },
      weights,
    );
    expect(o).toMatchObject({ by: "remote-access-on-demand-mfa", buyerControls: ["pam_with_approval"] });
    expect((o as { weight: number }).weight).toBeCloseTo(level * 0.5, 12);
  });

  it("changes nothing on a linkage that is not into a deployment, or that the control does not govern", () => {
    const { buyer: _b, ...elsewhere } = base;
    expect(
      resolveScenarioOutcomes(
        [elsewhere],
        { ...EMPTY_CHANGES, buyerControls: ["pam_with_approval"] },
        weights,
      ),
    ).toEqual([]);
    expect(
      resolveScenarioOutcomes(
        [base],
        { ...EMPTY_CHANGES, buyerControls: ["default_credentials_changed"] },
        weights,
      ),
    ).toEqual([]);
  });

  it("a slider on the linkage wins over buyer controls", () => {
    const [o] = resolveScenarioOutcomes(
      [base],
      {
        ...EMPTY_CHANGES,
        buyerControls: ["pam_with_approval"],
        reweight: [{ linkageId: "l1", weight: 0.5 }],
      },
      weights,
    );
    expect(o).toEqual({ linkageId: "l1", removed: false, weight: 0.5, by: "slider" });
  });
});
