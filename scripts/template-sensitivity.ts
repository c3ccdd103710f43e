/**
 * Sensitivity report of a questionnaire template (issue 12):
 * `npm run template:sensitivity -- <template.json | --builtin> [--json]`.
 * Scores the two reference vendors (lib/linkage/sensitivity/reference-vendors.ts) and, per
 * question, their exposure with the best and the worst answer. Exit codes: 0 printed, 2 the template
 * is invalid, 1 bad usage or unreadable file.
 */
import { readFileSync } from "node:fs";

import { computeSensitivity, formatSensitivity } from "../lib/linkage/sensitivity/sensitivity-report";
import { getLatestOtSupplierBaselineTemplate } from "../lib/questionnaire/built-in-templates";
import { formatTemplateIssue } from "../lib/questionnaire/template-issues";
import { parseTemplateJson } from "../lib/questionnaire/template-json";
import type { Template } from "../lib/questionnaire/template-schema";

const args = process.argv.slice(2).filter((a) => a !== "--");
const json = args.includes("--json");
const targets = args.filter((a) => a !== "--json");
if (targets.length !== 1) {
  console.error("usage: npm run template:sensitivity -- <template.json | --builtin> [--json]");
  process.exit(1);
}

let template: Template;
if (targets[0] === "--builtin") {
  template = getLatestOtSupplierBaselineTemplate();
} else {
  let text: string;
  try {
    text = readFileSync(targets[0]!, "utf8");
  } catch (error) {
    console.error(
      `${targets[0]}: cannot read the file (${error instanceof Error && "code" in error ? String(error.code) : "unreadable"})`,
    );
    process.exit(1);
  }
  const parsed = parseTemplateJson(text);
  if (!parsed.ok) {
    for (const issue of parsed.errors) console.error(`${targets[0]}: ${formatTemplateIssue(issue)}`);
    process.exit(2);
  }
  template = parsed.template;
}

const report = computeSensitivity(template);
console.log(json ? JSON.stringify(report, null, 2) : formatSensitivity(report));
