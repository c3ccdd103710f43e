import type { ConditionNode, ListNode } from "./condition-parser";
import { DATE_PATTERN, DONT_KNOW, YESNO_VALUES, type Question } from "./template-schema";

/** How a condition may see a question id at the place where the condition is written. */
export type ResolvedIdentifier =
  | { status: "ok"; question: Question }
  /** Declared later in the template (or the question itself where that is not allowed). */
  | { status: "later" }
  | { status: "unknown" }
  /** Declared but structurally invalid: its own errors are reported, so type checks are skipped. */
  | { status: "unchecked" };

export type ConditionScope = (name: string) => ResolvedIdentifier;

type OperandType =
  | { kind: "boolean" }
  | { kind: "string"; value: string }
  | { kind: "number"; question?: Question }
  | { kind: "date"; question: Question }
  | { kind: "text"; question: Question }
  | { kind: "choice"; question: Question; ids: readonly string[] }
  | { kind: "choices"; question: Question; ids: readonly string[] }
  | { kind: "collection"; question: Question }
  | { kind: "list"; items: (string | number)[] }
  | { kind: "any" };

/**
 * Statically checks a parsed condition against the template: every id exists and is visible from
 * here, choice literals are real choice ids, and operators are applied to compatible answer types.
 * Returns one message per problem; an empty list means the condition is sound.
 */
export function checkCondition(ast: ConditionNode, scope: ConditionScope): string[] {
  const errors: string[] = [];
  const type = typeOf(ast, scope, errors);
  if (type.kind !== "boolean" && type.kind !== "any") {
    errors.push(`a condition must be true or false; ${describeNonBoolean(ast)}`);
  }
  return errors;
}

function typeOf(node: ConditionNode | ListNode, scope: ConditionScope, errors: string[]): OperandType {
  switch (node.type) {
    case "literal":
      if (typeof node.value === "boolean") return { kind: "boolean" };
      if (typeof node.value === "number") return { kind: "number" };
      return { kind: "string", value: node.value };
    case "list":
      return { kind: "list", items: node.items.map((item) => item.value as string | number) };
    case "identifier":
      return typeOfIdentifier(node.name, scope, errors);
    case "call": {
      const argument = typeOfIdentifier(node.argument.name, scope, errors);
      if (node.fn === "answered") return { kind: "boolean" };
      if (argument.kind !== "choices" && argument.kind !== "collection" && argument.kind !== "any") {
        errors.push(
          `count() needs a multiple-choice, group or evidence question, but "${node.argument.name}" is not one`,
        );
      }
      return { kind: "number" };
    }
    case "not":
      requireBoolean(node.operand, scope, errors, '"not"');
      return { kind: "boolean" };
    case "and":
    case "or":
      for (const operand of node.operands) requireBoolean(operand, scope, errors, `"${node.type}"`);
      return { kind: "boolean" };
    case "compare":
      checkComparison(node.op, typeOf(node.left, scope, errors), typeOf(node.right, scope, errors), errors);
      return { kind: "boolean" };
    case "in":
      checkMembership(typeOf(node.left, scope, errors), typeOf(node.right, scope, errors), errors);
      return { kind: "boolean" };
  }
}

function typeOfIdentifier(name: string, scope: ConditionScope, errors: string[]): OperandType {
  const resolved = scope(name);
  switch (resolved.status) {
    case "unknown":
      errors.push(`unknown question id "${name}"`);
      return { kind: "any" };
    case "later":
      errors.push(`question "${name}" comes later in the template; a condition may only use earlier answers`);
      return { kind: "any" };
    case "unchecked":
      return { kind: "any" };
    case "ok":
      return typeOfQuestion(resolved.question);
  }
}

function typeOfQuestion(question: Question): OperandType {
  switch (question.type) {
    case "yesno":
      return { kind: "choice", question, ids: YESNO_VALUES };
    case "single_choice":
      return { kind: "choice", question, ids: question.choices.map((choice) => choice.id) };
    case "multiple_choice":
      return { kind: "choices", question, ids: question.choices.map((choice) => choice.id) };
    case "number":
      return { kind: "number", question };
    case "date":
      return { kind: "date", question };
    case "text":
      return { kind: "text", question };
    case "group":
    case "evidence":
      return { kind: "collection", question };
  }
}

function requireBoolean(
  node: ConditionNode,
  scope: ConditionScope,
  errors: string[],
  operator: string,
): void {
  const type = typeOf(node, scope, errors);
  if (type.kind !== "boolean" && type.kind !== "any") {
    errors.push(`${operator} needs true/false operands; ${describeNonBoolean(node)}`);
  }
}

function describeNonBoolean(node: ConditionNode): string {
  if (node.type === "identifier") {
    return `compare "${node.name}" with a value (e.g. ${node.name} = "yes") or use answered(${node.name})`;
  }
  return "use a comparison, answered(), count() with a comparison, true or false";
}

function checkComparison(op: string, left: OperandType, right: OperandType, errors: string[]): void {
  if (left.kind === "any" || right.kind === "any") return;
  for (const side of [left, right]) {
    if (side.kind === "choices") {
      errors.push(
        `"${side.question.id}" is a multiple-choice question: use "choice" in ${side.question.id} or count(${side.question.id})`,
      );
      return;
    }
    if (side.kind === "collection") {
      errors.push(
        `"${side.question.id}" is a ${side.question.type} question: use count(${side.question.id}) or answered(${side.question.id})`,
      );
      return;
    }
    if (side.kind === "list") {
      errors.push(`a list can only follow "in"`);
      return;
    }
  }
  const ordering = op !== "=" && op !== "!=";
  const [question, literal] = left.kind === "string" ? [right, left] : [left, right];

  if (question.kind === "choice") {
    if (ordering) {
      errors.push(`"${op}" cannot compare the choice question "${question.question.id}"; use = or !=`);
    } else if (literal.kind === "string") {
      checkChoiceLiteral(question.question, question.ids, literal.value, errors);
    } else if (literal.kind !== "choice") {
      errors.push(
        `the choice question "${question.question.id}" can only be compared with a choice id in double quotes`,
      );
    }
    return;
  }
  if (question.kind === "number") {
    if (literal.kind === "number") return;
    if (
      !ordering &&
      literal.kind === "string" &&
      literal.value === DONT_KNOW &&
      allowsDontKnow(question.question)
    )
      return;
    errors.push(`${describeOperand(question)} can only be compared with a number`);
    return;
  }
  if (question.kind === "date") {
    if (literal.kind === "date") return;
    if (literal.kind === "string") {
      if (literal.value === DONT_KNOW && !ordering && allowsDontKnow(question.question)) return;
      if (!isIsoDate(literal.value)) {
        errors.push(
          `"${literal.value}" is not a date written YYYY-MM-DD (compared with "${question.question.id}")`,
        );
      }
      return;
    }
    errors.push(
      `the date question "${question.question.id}" can only be compared with a date such as "2025-01-31"`,
    );
    return;
  }
  if (question.kind === "text") {
    if (ordering)
      errors.push(`"${op}" cannot compare the text question "${question.question.id}"; use = or !=`);
    else if (literal.kind !== "string" && literal.kind !== "text") {
      errors.push(`the text question "${question.question.id}" can only be compared with a string`);
    }
    return;
  }
  if (question.kind === "boolean") {
    if (ordering || literal.kind !== "boolean")
      errors.push("true/false values can only be compared with = or != to true or false");
    return;
  }
  if (question.kind === "string") {
    // Both sides are literals: legal but constant, so almost certainly a mistake.
    errors.push("the comparison does not involve any question");
  }
}

function checkMembership(left: OperandType, right: OperandType, errors: string[]): void {
  if (left.kind === "any" || right.kind === "any") return;
  if (right.kind === "choices") {
    if (left.kind === "string") checkChoiceLiteral(right.question, right.ids, left.value, errors);
    else errors.push(`the left side of "in ${right.question.id}" must be a choice id in double quotes`);
    return;
  }
  if (right.kind === "list") {
    if (left.kind === "choice") {
      for (const item of right.items) {
        if (typeof item !== "string")
          errors.push(`the list for "${left.question.id}" may only contain choice ids`);
        else checkChoiceLiteral(left.question, left.ids, item, errors);
      }
    } else if (left.kind === "number") {
      if (right.items.some((item) => typeof item !== "number"))
        errors.push("a number can only be looked up in a list of numbers");
    } else if (left.kind === "text") {
      if (right.items.some((item) => typeof item !== "string"))
        errors.push("a text answer can only be looked up in a list of strings");
    } else {
      errors.push(`the left side of "in [...]" must be a single-choice, yes/no, number or text question`);
    }
    return;
  }
  errors.push(`the right side of "in" must be a multiple-choice question or a list such as ["a", "b"]`);
}

function checkChoiceLiteral(
  question: Question,
  ids: readonly string[],
  value: string,
  errors: string[],
): void {
  if (!ids.includes(value)) {
    errors.push(`"${value}" is not a choice of "${question.id}" (choices: ${ids.join(", ")})`);
  }
}

function describeOperand(type: OperandType): string {
  if ("question" in type && type.question) return `the ${type.question.type} question "${type.question.id}"`;
  return "count()";
}

function allowsDontKnow(question: Question | undefined): boolean {
  return (question?.type === "number" || question?.type === "date") && question.allowDontKnow === true;
}

/** A real calendar date written YYYY-MM-DD (rejects 2025-02-30). */
export function isIsoDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
