import { CONDITION_KEYWORDS } from "./ids";
import { LIMITS } from "./limits";

export type ConditionKeyword = (typeof CONDITION_KEYWORDS)[number];
export type ComparisonOperator = "=" | "!=" | "<" | "<=" | ">" | ">=";
export type Punctuation = "(" | ")" | "[" | "]" | ",";

export type Token =
  | { type: "string"; value: string; position: number }
  | { type: "number"; value: number; position: number }
  | { type: "identifier"; value: string; position: number }
  | { type: "keyword"; value: ConditionKeyword; position: number }
  | { type: "operator"; value: ComparisonOperator; position: number }
  | { type: "punctuation"; value: Punctuation; position: number }
  | { type: "end"; position: number };

/** A syntax or limit error in a condition; `position` is a 0-based character offset. */
export class ConditionSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly position: number,
  ) {
    super(`${reason} at column ${position + 1}`);
    this.name = "ConditionSyntaxError";
  }
}

const KEYWORDS = new Set<string>(CONDITION_KEYWORDS);
const IDENTIFIER_START = /[A-Za-z_]/;
const IDENTIFIER_PART = /[A-Za-z0-9_]/;
const DIGIT = /[0-9]/;
const MAX_NUMBER_LENGTH = 20;
const MAX_IDENTIFIER_LENGTH = 64;

/** Common habits from other languages, answered with the spelling this one uses. */
const FOREIGN_OPERATORS: Record<string, string> = {
  "==": 'use "=" to compare',
  "&&": 'use "and"',
  "||": 'use "or"',
  "!": 'use "not" (or "!=" to compare)',
  "<>": 'use "!="',
};

/**
 * Splits a condition into tokens. Hand-written (no regex over the whole input, no eval) so that
 * every character is accounted for and input size is bounded before any work is done.
 */
export function tokenizeCondition(source: string): Token[] {
  if (source.length > LIMITS.conditionLength) {
    throw new ConditionSyntaxError(
      `condition is longer than ${LIMITS.conditionLength} characters`,
      LIMITS.conditionLength,
    );
  }
  const tokens: Token[] = [];
  let index = 0;

  const push = (token: Token) => {
    if (tokens.length >= LIMITS.conditionTokens) {
      throw new ConditionSyntaxError(
        `condition has more than ${LIMITS.conditionTokens} tokens`,
        token.position,
      );
    }
    tokens.push(token);
  };

  while (index < source.length) {
    const char = source[index]!;
    const start = index;

    if (char === " " || char === "\t" || char === "\n" || char === "\r") {
      index += 1;
      continue;
    }

    const pair = source.slice(index, index + 2);
    if (Object.hasOwn(FOREIGN_OPERATORS, pair)) {
      throw new ConditionSyntaxError(`unexpected "${pair}": ${FOREIGN_OPERATORS[pair]}`, start);
    }
    if (pair === "!=" || pair === "<=" || pair === ">=") {
      push({ type: "operator", value: pair, position: start });
      index += 2;
      continue;
    }
    if (char === "=" || char === "<" || char === ">") {
      push({ type: "operator", value: char, position: start });
      index += 1;
      continue;
    }
    if (char === "!") {
      throw new ConditionSyntaxError(`unexpected "!": ${FOREIGN_OPERATORS["!"]}`, start);
    }
    if (char === "(" || char === ")" || char === "[" || char === "]" || char === ",") {
      push({ type: "punctuation", value: char, position: start });
      index += 1;
      continue;
    }

    if (char === '"') {
      const { value, end } = readString(source, index);
      push({ type: "string", value, position: start });
      index = end;
      continue;
    }

    if (DIGIT.test(char) || (char === "-" && DIGIT.test(source[index + 1] ?? ""))) {
      const { value, end } = readNumber(source, index);
      push({ type: "number", value, position: start });
      index = end;
      continue;
    }

    if (IDENTIFIER_START.test(char)) {
      let end = index + 1;
      while (end < source.length && IDENTIFIER_PART.test(source[end]!)) end += 1;
      if (end - index > MAX_IDENTIFIER_LENGTH) {
        throw new ConditionSyntaxError(
          `identifier is longer than ${MAX_IDENTIFIER_LENGTH} characters`,
          start,
        );
      }
      const word = source.slice(index, end);
      if (KEYWORDS.has(word)) push({ type: "keyword", value: word as ConditionKeyword, position: start });
      else push({ type: "identifier", value: word, position: start });
      index = end;
      continue;
    }

    if (char === "'") {
      throw new ConditionSyntaxError("strings are written in double quotes", start);
    }
    throw new ConditionSyntaxError(`unexpected character ${JSON.stringify(char)}`, start);
  }

  push({ type: "end", position: source.length });
  return tokens;
}

function readString(source: string, start: number): { value: string; end: number } {
  let value = "";
  let index = start + 1;
  while (index < source.length) {
    const char = source[index]!;
    if (char === '"') return { value, end: index + 1 };
    if (char === "\\") {
      const next = source[index + 1];
      if (next !== '"' && next !== "\\") {
        throw new ConditionSyntaxError('only \\" and \\\\ escapes are allowed in strings', index);
      }
      value += next;
      index += 2;
    } else if (char === "\n" || char === "\r") {
      throw new ConditionSyntaxError("string is not closed before the end of the line", start);
    } else {
      value += char;
      index += 1;
    }
    if (value.length > LIMITS.conditionStringLength) {
      throw new ConditionSyntaxError(
        `string is longer than ${LIMITS.conditionStringLength} characters`,
        start,
      );
    }
  }
  throw new ConditionSyntaxError("string is not closed", start);
}

function readNumber(source: string, start: number): { value: number; end: number } {
  let end = start + 1;
  while (end < source.length && DIGIT.test(source[end]!)) end += 1;
  if (source[end] === "." && DIGIT.test(source[end + 1] ?? "")) {
    end += 1;
    while (end < source.length && DIGIT.test(source[end]!)) end += 1;
  }
  if (IDENTIFIER_PART.test(source[end] ?? "")) {
    throw new ConditionSyntaxError("a number must not run into letters", start);
  }
  const text = source.slice(start, end);
  if (text.length > MAX_NUMBER_LENGTH) {
    throw new ConditionSyntaxError(`number is longer than ${MAX_NUMBER_LENGTH} characters`, start);
  }
  return { value: Number(text), end };
}
