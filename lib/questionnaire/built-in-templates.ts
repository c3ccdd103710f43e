import { formatTemplateIssue } from "./template-issues";
import type { Template } from "./template-schema";
import otSupplierBaselineV2Json from "./templates/ot-supplier-baseline-v2.json" with { type: "json" };
import otSupplierBaselineJson from "./templates/ot-supplier-baseline.json" with { type: "json" };
import { validateTemplate } from "./validate-template";

/** Versions of the built-in "OT supplier baseline" template; version 1 stays for assessments made with it. */
export type OtSupplierBaselineVersion = 1 | 2;
export const LATEST_OT_SUPPLIER_BASELINE_VERSION: OtSupplierBaselineVersion = 2;

const SOURCES: Record<OtSupplierBaselineVersion, unknown> = {
  1: otSupplierBaselineJson,
  2: otSupplierBaselineV2Json,
};
const validated = new Map<OtSupplierBaselineVersion, Template>();

/**
 * The built-in "OT supplier baseline" template (version 1 unless asked), validated on first use. It
 * ships with the app, so an invalid file is a build defect: fail loudly (a unit test keeps it from
 * ever reaching users). Version 2 (linkage rules 2, issue 12) adds questions and rewires the rules;
 * version 1 stays valid for the assessments made with it.
 */
export function getOtSupplierBaselineTemplate(version: OtSupplierBaselineVersion = 1): Template {
  let template = validated.get(version);
  if (!template) {
    const result = validateTemplate(SOURCES[version]);
    if (!result.ok) {
      throw new Error(
        `built-in template v${version} is invalid:\n${result.errors.map(formatTemplateIssue).join("\n")}`,
      );
    }
    template = result.template;
    validated.set(version, template);
  }
  return template;
}

/** The newest version of the built-in template: what new assessments and the sensitivity report use. */
export function getLatestOtSupplierBaselineTemplate(): Template {
  return getOtSupplierBaselineTemplate(LATEST_OT_SUPPLIER_BASELINE_VERSION);
}

/** Built-in templates (every version), for seeding; the seed sends assessments with the newest. */
export const BUILT_IN_TEMPLATES = {
  "ot-supplier-baseline": () => getOtSupplierBaselineTemplate(1),
  "ot-supplier-baseline@2": () => getOtSupplierBaselineTemplate(2),
} as const satisfies Record<string, () => Template>;
