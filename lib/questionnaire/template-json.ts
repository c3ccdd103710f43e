import { formatBytes, LIMITS, utf8Bytes } from "./limits";
import type { TemplateIssue } from "./template-issues";
import type { Template } from "./template-schema";
import { validateTemplate, type TemplateValidationResult } from "./validate-template";

/**
 * Imports a template from JSON text (an upload, a file, a database column). Never throws: oversized
 * input, JSON syntax errors and template errors all come back as a list of issues.
 */
export function parseTemplateJson(text: string): TemplateValidationResult {
  // Bytes, as the import page and the server action body limit count them (a character may be 4).
  if (text.length > LIMITS.templateJsonBytes || utf8Bytes(text) > LIMITS.templateJsonBytes) {
    return fail({
      path: "",
      message: `the template file is larger than ${formatBytes(LIMITS.templateJsonBytes)}`,
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail({
      path: "",
      message: `is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  return validateTemplate(data);
}

/** Exports a template as pretty-printed JSON that parseTemplateJson reads back unchanged. */
export function exportTemplateJson(template: Template): string {
  return `${JSON.stringify(template, null, 2)}\n`;
}

/**
 * Canonical form of a template's content (object keys sorted), for hashing or for telling whether
 * an "edited" template really changed before publishing it as a new version.
 */
export function canonicalizeTemplate(template: Template): string {
  return JSON.stringify(template, (_key, value: unknown) => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}

/**
 * Checks that `next` may be published as the successor of `previous`: templates are immutable once
 * an assessment uses them, so an edit must keep the key and take a higher version number.
 */
export function checkTemplateSuccession(previous: Template, next: Template): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  if (next.key !== previous.key) {
    issues.push({
      path: "key",
      message: `must stay "${previous.key}" for a new version of the same template`,
    });
  }
  if (next.version <= previous.version) {
    issues.push({ path: "version", message: `must be greater than ${previous.version}` });
  }
  if (canonicalizeTemplate({ ...next, version: previous.version }) === canonicalizeTemplate(previous)) {
    issues.push({ path: "", message: "nothing changed apart from the version number" });
  }
  return issues;
}

function fail(issue: TemplateIssue): TemplateValidationResult {
  return { ok: false, errors: [issue] };
}
