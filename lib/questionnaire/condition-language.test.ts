import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { evaluateCondition, isAnswered } from "./condition-evaluator";
import { collectConditionIdentifiers, parseCondition, type ConditionNode } from "./condition-parser";
import { LIMITS } from "./limits";

function parseOrThrow(source: string): ConditionNode {
  const result = parseCondition(source);
  if (!result.ok) throw new Error(result.error.message);
  return result.ast;
}

function evaluate(source: string, answers: Record<string, unknown>): boolean {
  return evaluateCondition(parseOrThrow(source), (id) =>
    Object.hasOwn(answers, id) ? answers[id] : undefined,
  );
}

describe("parseCondition", () => {
  it.each([
    'ra_model = "none"',
    'ra_model != "none" and (fw_sbom = "yes" or count(components) > 2)',
    '"cloud" in product_classes',
    "not answered(x)",
    "not not answered(x)",
    'ra_model in ["always_on", "third_party"]',
    "fix_days in [1, 2, 3]",
    "x >= -5 and x <= 10.5",
    'eos < "2030-01-01"',
    "true",
    "answered(a) = false",
    'a = "say \\"hi\\" \\\\"',
    "  a   =  1  ",
    "x in []",
  ])("parses %s", (source) => {
    expect(parseCondition(source).ok).toBe(true);
  });

  it("builds flat and/or nodes and binds and tighter than or", () => {
    const ast = parseOrThrow("a = 1 or b = 2 and c = 3 or d = 4");
    expect(ast.type).toBe("or");
    if (ast.type !== "or") return;
    expect(ast.operands.map((operand) => operand.type)).toEqual(["compare", "and", "compare"]);
  });

  it("parses escapes inside strings", () => {
    const ast = parseOrThrow('a = "say \\"hi\\""');
    expect(ast).toMatchObject({ type: "compare", right: { type: "literal", value: 'say "hi"' } });
  });

  it("lists every identifier once", () => {
    const ids = collectConditionIdentifiers(
      parseOrThrow('a = "x" or (count(b) > 1 and not answered(a)) or "y" in c'),
    );
    expect(ids.map((identifier) => identifier.name)).toEqual(["a", "b", "c"]);
  });

  it.each([
    ["", "condition is empty at column 1"],
    ["   ", "condition is empty"],
    ["a =", "unexpected the end of the condition at column 4"],
    ["a == 1", 'unexpected "==": use "=" to compare at column 3'],
    ["a = 1 && b = 2", 'use "and"'],
    ["a = 1 || b = 2", 'use "or"'],
    ["!answered(a)", 'use "not"'],
    ["a <> 1", 'use "!="'],
    ["a = 'x'", "strings are written in double quotes"],
    ['a = "x', "string is not closed at column 5"],
    ['a = "x\\n"', 'only \\" and \\\\ escapes are allowed'],
    ["a = 1 b", 'unexpected "b" at column 7'],
    ["(a = 1", "expected a closing parenthesis but found the end of the condition"],
    ["a = 1)", 'unexpected ")"'],
    ["a = 12abc", "a number must not run into letters"],
    ["a = 1 = 2", 'unexpected "="'],
    ["a in [b]", "a list may only contain strings and numbers"],
    ['a in ["x" "y"]', '"]" to close the list'],
    ["count(1)", "count() takes one question id"],
    ["count(a, b)", '")" after the argument of count()'],
    ["eval(a)", 'unknown function "eval" (available: count, answered)'],
    ["constructor(a)", 'unknown function "constructor"'],
    ["a = and", 'unexpected "and"'],
    ["a = 1 # comment", 'unexpected character "#"'],
    ["a = `x`", 'unexpected character "`"'],
    ["a.b = 1", 'unexpected character "."'],
    ["a[0] = 1", 'unexpected "["'],
    ["a = 1;", 'unexpected character ";"'],
    ["x = 1 and", "unexpected the end of the condition"],
    ["not", "unexpected the end of the condition"],
    ["a = ]", 'unexpected "]"'],
    ["a = -", 'unexpected character "-"'],
  ])("rejects %j with %j", (source, message) => {
    const result = parseCondition(source);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(message);
  });
});

describe("parseCondition with hostile input", () => {
  const cases: [string, string, string][] = [
    ["a huge string", `a = "${"x".repeat(5_000)}"`, `longer than ${LIMITS.conditionLength} characters`],
    [
      "a long string literal",
      `a = "${"x".repeat(LIMITS.conditionStringLength + 1)}"`,
      "string is longer than",
    ],
    ["deep parentheses", `${"(".repeat(100)}a = 1${")".repeat(100)}`, "nested more than"],
    ["deep not chains", `${"not ".repeat(100)}answered(a)`, "nested more than"],
    ["too many tokens", Array.from({ length: 100 }, () => "a=1").join(" or "), "more than 300 tokens"],
    ["a long identifier", `${"a".repeat(65)} = 1`, "identifier is longer than 64"],
    ["a long number", `a = ${"9".repeat(30)}`, "number is longer than"],
    ["a control character", "a = 1\u0000", 'unexpected character "\\u0000"'],
    ["a unicode lookalike", "a \u2260 1", "unexpected character"],
    ["a javascript payload", "a = 1; process.exit(1)", 'unexpected character ";"'],
    ["a template literal", "a = `${process.exit(1)}`", 'unexpected character "`"'],
    ["an arrow function", "(() => 1)()", 'unexpected ")"'],
    ["property access", "constructor.constructor", 'unexpected character "."'],
    ["an object literal", '{"a": 1}', 'unexpected character "{"'],
  ];
  it.each(cases)("rejects %s cleanly", (_name, source, message) => {
    const result = parseCondition(source);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toContain(message);
      expect(result.error.message.length).toBeLessThan(200);
    }
  });

  it("accepts nesting right up to the depth limit", () => {
    const depth = LIMITS.conditionDepth;
    expect(parseCondition(`${"(".repeat(depth)}a = 1${")".repeat(depth)}`).ok).toBe(true);
    expect(parseCondition(`${"(".repeat(depth + 1)}a = 1${")".repeat(depth + 1)}`).ok).toBe(false);
  });

  it("parses prototype-ish names as plain identifiers that evaluate to nothing", () => {
    for (const name of ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty"]) {
      expect(parseCondition(`${name} = "x"`).ok).toBe(true);
      expect(evaluate(`${name} = "x"`, {})).toBe(false);
      expect(evaluate(`answered(${name})`, {})).toBe(false);
      expect(evaluate(`count(${name}) > 0`, {})).toBe(false);
    }
  });

  it("does not read inherited properties even when answers come from JSON with __proto__", () => {
    const answers = JSON.parse('{"__proto__": {"polluted": "yes"}}') as Record<string, unknown>;
    expect(evaluate('polluted = "yes"', answers)).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("evaluateCondition", () => {
  const answers = {
    ra_model: "always_on",
    fw_sbom: "no",
    product_classes: ["cloud", "gateway"],
    components: [{ name: "a" }, { name: "b" }, { name: "c" }],
    fix_days: 45,
    unknown_days: "dont_know",
    eos: "2027-06-30",
    notes: "  ",
    empty_list: [],
    nothing: null,
  };
  it.each([
    ['ra_model != "none" and (fw_sbom = "yes" or count(components) > 2)', true],
    ['ra_model != "none" and (fw_sbom = "yes" or count(components) > 3)', false],
    ['"cloud" in product_classes', true],
    ['"plc" in product_classes', false],
    ['not ("plc" in product_classes)', true],
    ['ra_model in ["always_on", "third_party"]', true],
    ['ra_model in ["none"]', false],
    ["not answered(x)", true],
    ["answered(ra_model)", true],
    ["answered(notes)", false],
    ["answered(empty_list)", false],
    ["answered(nothing)", false],
    ["answered(unknown_days)", true],
    ["count(product_classes) = 2", true],
    ["count(missing) = 0", true],
    ["count(ra_model) = 0", true],
    ["fix_days > 30 and fix_days <= 45", true],
    ["fix_days < 45", false],
    ["fix_days >= 45", true],
    ["fix_days != 45", false],
    ["fix_days in [30, 45]", true],
    ["unknown_days > 30", false],
    ["unknown_days <= 30", false],
    ['unknown_days = "dont_know"', true],
    ['eos < "2028-01-01"', true],
    ['eos >= "2027-06-30"', true],
    ['eos > "not a date"', false],
    // Unanswered values make every comparison false, including !=.
    ['missing = "x"', false],
    ['missing != "x"', false],
    ['not (missing = "x")', true],
    ["missing < 3", false],
    ['notes = "  "', false],
    ['"x" in missing', false],
    ["missing in [1]", false],
    // Mismatched types never compare equal or ordered.
    ['fix_days = "45"', false],
    ['fix_days != "45"', false],
    ['ra_model > "a"', false],
    ["product_classes = 2", false],
    ["true", true],
    ["false", false],
    ["answered(x) = false", true],
    ["a = 1 or true", true],
    ["true and false", false],
    ["1 = 1", true],
  ])("%s → %s", (source, expected) => {
    expect(evaluate(source, answers)).toBe(expected);
  });

  it("short-circuits without touching later answers", () => {
    const seen: string[] = [];
    const ast = parseOrThrow('a = "x" and b = "y"');
    evaluateCondition(ast, (id) => {
      seen.push(id);
      return undefined;
    });
    expect(seen).toEqual(["a"]);
  });

  it("evaluates long flat chains without deep recursion", () => {
    const source = Array.from({ length: 70 }, (_, index) => `a${index}=1`).join(" or ");
    expect(evaluate(source, { a69: 1 })).toBe(true);
  });
});

describe("isAnswered", () => {
  it.each([
    [undefined, false],
    [null, false],
    ["", false],
    ["   ", false],
    [[], false],
    ["x", true],
    [0, true],
    [false, true],
    ["dont_know", true],
    [[1], true],
    [{}, true],
  ])("%j → %s", (value, expected) => {
    expect(isAnswered(value)).toBe(expected);
  });
});

describe("condition language properties", () => {
  const fragments = [
    " ",
    "a",
    "b",
    "x_1",
    "=",
    "!=",
    "<",
    ">=",
    "and",
    "or",
    "not",
    "in",
    "(",
    ")",
    "[",
    "]",
    ",",
    '"a"',
    '"',
    "1",
    "-2.5",
    "true",
    "count(",
    "answered(",
    "__proto__",
    "constructor",
    "\\",
    "'",
  ];
  const grammarish = fc
    .array(fc.constantFrom(...fragments), { maxLength: 60 })
    .map((parts) => parts.join(" "));

  it("never throws on arbitrary text and always reports a position inside the input", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), grammarish), (source) => {
        const result = parseCondition(source);
        if (!result.ok) {
          expect(result.error.position).toBeGreaterThanOrEqual(0);
          expect(result.error.position).toBeLessThanOrEqual(Math.max(source.length, LIMITS.conditionLength));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("evaluates every parsable condition to a boolean against arbitrary answers", () => {
    const answerValue = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string()),
      fc.object(),
    );
    fc.assert(
      fc.property(
        grammarish,
        fc.dictionary(fc.constantFrom("a", "b", "x_1", "__proto__", "constructor"), answerValue),
        (source, answers) => {
          const result = parseCondition(source);
          if (!result.ok) return;
          const value = evaluateCondition(result.ast, (id) =>
            Object.hasOwn(answers, id) ? answers[id] : undefined,
          );
          expect(typeof value).toBe("boolean");
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("treats not as exact negation", () => {
    fc.assert(
      fc.property(
        grammarish,
        fc.dictionary(fc.constantFrom("a", "b"), fc.oneof(fc.string(), fc.integer())),
        (source, answers) => {
          const result = parseCondition(source);
          const negated = parseCondition(`not (${source})`);
          if (!result.ok || !negated.ok) return;
          const lookup = (id: string) => (Object.hasOwn(answers, id) ? answers[id] : undefined);
          expect(evaluateCondition(negated.ast, lookup)).toBe(!evaluateCondition(result.ast, lookup));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
