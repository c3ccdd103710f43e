import { parseCondition, type ConditionNode } from "./condition-parser";
import type { Template } from "./template-schema";

/**
 * Parsed conditions per template, cached by identity: the UI re-evaluates visibility on every
 * keystroke, and templates are immutable, so parsing once per template object is enough.
 */
const cache = new WeakMap<Template, Map<string, ConditionNode>>();

/**
 * Returns the AST of a condition that belongs to a validated template. A condition that does not
 * parse means the template skipped validateTemplate, which is a programming error, so it throws.
 */
export function getCompiledCondition(template: Template, source: string): ConditionNode {
  let conditions = cache.get(template);
  if (!conditions) {
    conditions = new Map();
    cache.set(template, conditions);
  }
  const cached = conditions.get(source);
  if (cached) return cached;
  const parsed = parseCondition(source);
  if (!parsed.ok) {
    throw new Error(
      `template "${template.key}" v${template.version} was not validated: ${parsed.error.message}`,
    );
  }
  conditions.set(source, parsed.ast);
  return parsed.ast;
}
