import "server-only";

import { formatTemplateIssue, validateTemplate, type Template } from "@/lib/questionnaire";

/** A stored template, re-validated on the way out so a hand-edited row cannot reach the UI broken. */
export function loadTemplate(definition: unknown): Template {
  const result = validateTemplate(definition);
  if (!result.ok)
    throw new Error(
      `Stored template is invalid: ${result.errors.slice(0, 3).map(formatTemplateIssue).join("; ")}`,
    );
  return result.template;
}
