import otSupplierBaselineJson from "./templates/ot-supplier-baseline.json" with { type: "json" };
import { formatTemplateIssue } from "./template-issues";
import type { Template } from "./template-schema";
import { validateTemplate } from "./validate-template";

let otSupplierBaseline: Template | undefined;

/**
 * The built-in "OT supplier baseline" template, validated on first use. It ships with the app, so
 * an invalid file is a build defect: fail loudly (a unit test keeps it from ever reaching users).
 */
export function getOtSupplierBaselineTemplate(): Template {
  if (!otSupplierBaseline) {
    const result = validateTemplate(otSupplierBaselineJson);
    if (!result.ok) {
      throw new Error(`built-in template is invalid:\n${result.errors.map(formatTemplateIssue).join("\n")}`);
    }
    otSupplierBaseline = result.template;
  }
  return otSupplierBaseline;
}

/** Built-in templates by key, for seeding. */
export const BUILT_IN_TEMPLATES = {
  "ot-supplier-baseline": getOtSupplierBaselineTemplate,
} as const satisfies Record<string, () => Template>;
