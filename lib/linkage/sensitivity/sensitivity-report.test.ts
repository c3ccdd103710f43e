/**
 * The sensitivity report of the built-in template, printed so it shows in CI output, and its shape.
 */
import { describe, expect, it } from "vitest";
import { getOtSupplierBaselineTemplate } from "../../questionnaire";
import { computeSensitivity, formatSensitivity } from "./sensitivity-report";

describe("template sensitivity report", () => {
  const template = getOtSupplierBaselineTemplate();
  const report = computeSensitivity(template);

  it("prints the built-in template's report", () => {
    console.log(formatSensitivity(report));
    expect(report.template).toBe(template.key);
    expect(report.version).toBe(template.version);
    expect(report.questions.length).toBe(template.sections.reduce((n, s) => n + s.questions.length, 0));
  });

  it("has the shape the issue specifies, consistent with its counts", () => {
    for (const q of report.questions) {
      expect(Object.keys(q)).toEqual(expect.arrayContaining(["id", "number", "label", "emits", "best", "worst", "effect", "reversed"]));
    }
    expect(report.reversals).toBe(report.questions.filter((q) => q.reversed).length);
    expect(report.noEffect).toBe(report.questions.filter((q) => q.emits && q.effect === 0).length);
  });
});
