/**
 * The sensitivity report of the built-in template, printed so it shows in CI output (version 1 as
 * the "before", the latest version as the "after"), its shape, and the goals of issue 12.
 */
import { describe, expect, it } from "vitest";

import { getLatestOtSupplierBaselineTemplate, getOtSupplierBaselineTemplate } from "../../questionnaire";
import { computeSensitivity, formatSensitivity } from "./sensitivity-report";

describe("template sensitivity report", () => {
  const before = computeSensitivity(getOtSupplierBaselineTemplate(1));
  const template = getLatestOtSupplierBaselineTemplate();
  const report = computeSensitivity(template);

  it("prints the built-in template's report, version 1 and the latest", () => {
    console.log(`${formatSensitivity(before)}\n\n${formatSensitivity(report)}`);
    expect(report.template).toBe(template.key);
    expect(report.version).toBe(template.version);
    expect(report.questions.length).toBe(template.sections.reduce((n, s) => n + s.questions.length, 0));
  });

  it("has the shape the issue specifies, consistent with its counts", () => {
    for (const q of report.questions) {
      expect(Object.keys(q)).toEqual(
        expect.arrayContaining(["id", "number", "label", "emits", "best", "worst", "effect", "reversed"]),
      );
    }
    expect(report.reversals).toBe(report.questions.filter((q) => q.reversed).length);
    expect(report.noEffect).toBe(report.questions.filter((q) => q.emits && q.effect === 0).length);
  });

  it("meets the goals: no reversal, every optimistic unknown explained, the worked vendors ≥ 8× apart per unit", () => {
    expect(report.questions.filter((q) => q.reversed).map((q) => q.id)).toEqual([]);
    expect(report.questions.filter((q) => q.unknownOptimistic && !q.explained).map((q) => q.id)).toEqual([]);
    expect(report.reference.ratio).toBeGreaterThanOrEqual(8);
  });

  // Issue 12 goals under scoring model 2. The 40-PLC fleet used to saturate (P ≈ 1 per PLC) because
  // every vendor-side control sat on 40 independent per-unit hops and the units' hops into the
  // shared gateway and zone were counted 40 times; template 2 now puts each control on the one hop
  // the fleet shares (docs/linkage-extraction.md, "Linkage rules 2").
  it("every emitting question without effect is explained", () => {
    expect(
      report.questions.filter((q) => q.emits && q.effect === 0 && !q.explained).map((q) => q.id),
    ).toEqual([]);
  });

  const plcEffect = (id: string) => {
    const q = report.questions.find((x) => x.id === id)!;
    return (q.worst.plc - q.best.plc) / report.reference.plc;
  };

  it("the PLC vendor's signature answer moves its exposure by at least 5 %", () => {
    expect(plcEffect("upd_signature")).toBeGreaterThanOrEqual(0.05);
  });

  it("the PLC vendor's remote-access answer moves its exposure by at least 5 %, and each remote-access control moves it", () => {
    expect(plcEffect("ra_model")).toBeGreaterThanOrEqual(0.05);
    for (const id of ["ra_accounts", "ra_mfa", "ra_session_approval", "ra_kill_switch", "ra_people"])
      expect(plcEffect(id), id).toBeGreaterThan(0.005);
  });

  it("a named shared gateway moves the PLC vendor (net_hubs has an effect)", () => {
    expect(report.questions.find((q) => q.id === "net_hubs")!.effect).toBeGreaterThan(0);
  });

  it("version 1 shows what the issue reported: firmware and SDK answers without effect, a reversal", () => {
    expect(before.noEffect).toBeGreaterThanOrEqual(10);
    expect(before.reversals).toBeGreaterThanOrEqual(1);
    expect(before.reference.ratio).toBeLessThan(3);
  });
});
