import { isIsoDate } from "./condition-checker";
import type { ConditionNode, ListNode } from "./condition-parser";

/** Returns the effective answer of a question, or undefined when it is unanswered or hidden. */
export type AnswerLookup = (questionId: string) => unknown;

/**
 * A value counts as an answer unless it is absent, null, blank text or an empty list. "dont_know"
 * is an answer: the supplier told us they do not know.
 */
export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/**
 * Evaluates a parsed condition. Total and side-effect free: it only reads answers through `lookup`,
 * never indexes objects by user-supplied names, and treats any comparison with a missing or
 * mismatched value as false (so `x != "a"` is false while x is unanswered; write `not (x = "a")`
 * to include unanswered).
 */
export function evaluateCondition(ast: ConditionNode, lookup: AnswerLookup): boolean {
  return evaluateBoolean(ast, lookup);
}

function evaluateBoolean(node: ConditionNode, lookup: AnswerLookup): boolean {
  switch (node.type) {
    case "and":
      return node.operands.every((operand) => evaluateBoolean(operand, lookup));
    case "or":
      return node.operands.some((operand) => evaluateBoolean(operand, lookup));
    case "not":
      return !evaluateBoolean(node.operand, lookup);
    case "compare":
      return compareValues(node.op, evaluateValue(node.left, lookup), evaluateValue(node.right, lookup));
    case "in":
      return containsValue(evaluateValue(node.right, lookup), evaluateValue(node.left, lookup));
    default:
      return evaluateValue(node, lookup) === true;
  }
}

function evaluateValue(node: ConditionNode | ListNode, lookup: AnswerLookup): unknown {
  switch (node.type) {
    case "literal":
      return node.value;
    case "list":
      return node.items.map((item) => item.value);
    case "identifier":
      return lookup(node.name);
    case "call": {
      const value = lookup(node.argument.name);
      if (node.fn === "answered") return isAnswered(value);
      return Array.isArray(value) ? value.length : 0;
    }
    default:
      return evaluateBoolean(node, lookup);
  }
}

function compareValues(op: string, left: unknown, right: unknown): boolean {
  if (!isComparable(left) || !isComparable(right)) return false;
  if (op === "=") return left === right;
  if (op === "!=") return typeof left === typeof right && left !== right;
  const ordered = orderValues(left, right);
  if (ordered === undefined) return false;
  switch (op) {
    case "<":
      return ordered < 0;
    case "<=":
      return ordered <= 0;
    case ">":
      return ordered > 0;
    case ">=":
      return ordered >= 0;
    default:
      return false;
  }
}

function isComparable(value: unknown): value is string | number | boolean {
  if (typeof value === "string") return value.trim().length > 0;
  if (typeof value === "number") return Number.isFinite(value);
  return typeof value === "boolean";
}

function orderValues(left: string | number | boolean, right: string | number | boolean): number | undefined {
  if (typeof left === "number" && typeof right === "number") return left - right;
  // ISO dates order correctly as strings; anything else is not orderable.
  if (typeof left === "string" && typeof right === "string" && isIsoDate(left) && isIsoDate(right)) {
    return left < right ? -1 : left > right ? 1 : 0;
  }
  return undefined;
}

function containsValue(collection: unknown, item: unknown): boolean {
  if (!Array.isArray(collection) || !isComparable(item)) return false;
  return collection.some((candidate) => candidate === item);
}
