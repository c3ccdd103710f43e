import { describe, expect, it } from "vitest";

import { makeRawTemplate } from "@/tests/support/questionnaire/template-fixtures";

import { formatTemplateIssue } from "./template-issues";
import { validateTemplate } from "./validate-template";

type Raw = ReturnType<typeof makeRawTemplate>;
type Mutation = (template: Raw) => void;
type Expected = [path: string, message: string][];

// Question positions in the fixture, so cases read as names rather than indices.
const Q = {
  has_remote: "sections[0].questions[0]",
  zones: "sections[0].questions[1]",
  ra_model: "sections[0].questions[2]",
  fix_days: "sections[0].questions[3]",
  eos: "sections[0].questions[4]",
  notes: "sections[0].questions[5]",
  ra_mfa: "sections[1].questions[0]",
  components: "sections[1].questions[1]",
  sbom: "sections[1].questions[2]",
} as const;

function question(template: Raw, id: keyof typeof Q): Record<string, any> {
  for (const section of template.sections) {
    for (const candidate of section.questions) if (candidate.id === id) return candidate;
  }
  throw new Error(`fixture has no question ${id}`);
}

const emitRule = (overrides: Record<string, unknown> = {}) => ({
  id: "extra_rule",
  effect: "emit",
  kind: "trust",
  from: { kind: "vendor" },
  to: { kind: "product" },
  weight: 0.5,
  unknownWeight: 0.5,
  reason: "Test.",
  ...overrides,
});

const modifyRule = (overrides: Record<string, unknown> = {}) => ({
  id: "extra_modifier",
  effect: "modify",
  targets: ["always_on_trust"],
  op: "multiply",
  value: 0.5,
  unknownValue: 1,
  reason: "Test.",
  ...overrides,
});

function expectErrors(mutate: Mutation, expected: Expected): void {
  const template = makeRawTemplate();
  mutate(template);
  const result = validateTemplate(template);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  const actual = result.errors.map(formatTemplateIssue);
  expect(result.errors.map((error) => error.path).sort(), actual.join("\n")).toEqual(
    expected.map(([path]) => path).sort(),
  );
  for (const [path, message] of expected) {
    expect(
      result.errors.some((error) => error.path === path && error.message.includes(message)),
      `expected "${path}: …${message}…" in\n${actual.join("\n")}`,
    ).toBe(true);
  }
}

describe("validateTemplate accepts", () => {
  it("the fixture template", () => {
    const result = validateTemplate(makeRawTemplate());
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it("returns the template data unchanged", () => {
    const raw = makeRawTemplate();
    const result = validateTemplate(raw);
    expect(result.ok && result.template).toEqual(raw);
  });

  it.each<[string, Mutation]>([
    [
      "a condition on an earlier section's question",
      (t) => (t.sections[1].condition = 'answered(notes) or ra_model = "always_on"'),
    ],
    ["a choice-vs-choice comparison", (t) => (question(t, "ra_mfa").condition = "has_remote = ra_model")],
    [
      "dont_know against a number allowing it",
      (t) => (question(t, "eos").condition = 'fix_days = "dont_know"'),
    ],
    ["a text question compared with a string", (t) => (question(t, "ra_mfa").condition = 'notes = "x"')],
    ["a number in a list", (t) => (question(t, "eos").condition = "fix_days in [1, 2]")],
    [
      "count() on a multiple-choice question",
      (t) => (question(t, "ra_model").condition = "count(zones) >= 1"),
    ],
    [
      "a rule whose when names its own question",
      (t) => (question(t, "notes").linkages = [emitRule({ when: 'notes = "x"' })]),
    ],
    [
      "a multiplier above 1",
      (t) => (question(t, "notes").linkages = [modifyRule({ value: 3, unknownValue: 3 })]),
    ],
    [
      "a set modifier",
      (t) => (question(t, "notes").linkages = [modifyRule({ op: "set", value: 0.2, unknownValue: 0.9 })]),
    ],
    [
      "answerOf naming the rule's own question",
      (t) =>
        (question(t, "zones").linkages = [
          emitRule({ from: { kind: "product" }, to: { kind: "zone", answerOf: "zones" } }),
        ]),
    ],
    ["a field choice modifying a per-row rule of its own group", () => undefined],
    [
      "two differently named nodes of one kind",
      (t) =>
        (question(t, "notes").linkages = [
          emitRule({
            from: { kind: "credential", name: "signing_key" },
            to: { kind: "credential", name: "backup_key" },
          }),
        ]),
    ],
    [
      "the same node kinds when one side is qualified",
      (t) =>
        (question(t, "zones").linkages = [
          emitRule({ from: { kind: "zone" }, to: { kind: "zone", answerOf: "zones" } }),
        ]),
    ],
    [
      "a yes/no rule with a compound when",
      (t) => (question(t, "has_remote").linkages[0].when = 'has_remote = "yes" or has_remote = "dont_know"'),
    ],
  ])("%s", (_name, mutate) => {
    const template = makeRawTemplate();
    mutate(template);
    const result = validateTemplate(template);
    expect(result.ok ? [] : result.errors.map(formatTemplateIssue)).toEqual([]);
  });
});

describe("validateTemplate rejects the template shell", () => {
  it.each<[string, unknown]>([
    ["null", null],
    ["a string", "template"],
    ["an array", []],
    ["a number", 42],
  ])("%s", (_name, input) => {
    const result = validateTemplate(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([{ path: "", message: "must be an object" }]);
  });

  it.each<[string, Mutation, Expected]>([
    ["a missing key", (t) => delete t.key, [["key", "is required"]]],
    ["a key with spaces", (t) => (t.key = "Bad Key"), [["key", "must start with a lowercase letter"]]],
    ["version 0", (t) => (t.version = 0), [["version", "must be at least 1"]]],
    ["a fractional version", (t) => (t.version = 1.5), [["version", "whole number"]]],
    ["a string version", (t) => (t.version = "1"), [["version", "must be a number"]]],
    ["no sections", (t) => (t.sections = []), [["sections", "needs at least one section"]]],
    ["sections that are not a list", (t) => (t.sections = {}), [["sections", "must be a list"]]],
    ["an unknown top-level field", (t) => (t.extends = "other"), [["extends", "unknown field"]]],
    ["an empty title", (t) => (t.title = "  "), [["title", "must not be empty"]]],
    ["a missing description", (t) => delete t.description, [["description", "is required"]]],
    ["a section that is not an object", (t) => (t.sections[1] = "x"), [["sections[1]", "must be an object"]]],
    [
      "a section without questions",
      (t) => (t.sections[1].questions = []),
      [["sections[1].questions", "needs at least one question"]],
    ],
    [
      "a duplicate section id",
      (t) => (t.sections[1].id = "general"),
      [["sections[1].id", 'duplicate section id "general"']],
    ],
    [
      "a section id with a dash",
      (t) => (t.sections[1].id = "remote-details"),
      [["sections[1].id", "must start with a lowercase letter"]],
    ],
    [
      "an unknown section field",
      (t) => (t.sections[0].hidden = true),
      [["sections[0].hidden", "unknown field"]],
    ],
  ])("%s", (_name, mutate, expected) => expectErrors(mutate, expected));

  it("reports too many sections", () => {
    const template = makeRawTemplate();
    const extra = template.sections[0].questions[5];
    template.sections = Array.from({ length: 101 }, (_, index) => ({
      id: `s${index}`,
      title: "S",
      questions: [{ ...extra, id: `q${index}` }],
    }));
    const result = validateTemplate(template);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors).toEqual([{ path: "sections", message: "may have at most 100 items" }]);
  });
});

describe("validateTemplate rejects questions", () => {
  it.each<[string, Mutation, Expected]>([
    [
      "a duplicate question id across sections",
      (t) => (question(t, "sbom").id = "notes"),
      [[`${Q.sbom}.id`, 'duplicate question id "notes" (first used at sections[0].questions[5])']],
    ],
    [
      "an id with capitals",
      (t) => (question(t, "notes").id = "Notes"),
      [[`${Q.notes}.id`, "must start with a lowercase letter"]],
    ],
    [
      "an id starting with a digit",
      (t) => (question(t, "notes").id = "1notes"),
      [[`${Q.notes}.id`, "must start with a lowercase letter"]],
    ],
    [
      "a reserved id",
      (t) => (question(t, "notes").id = "constructor"),
      [[`${Q.notes}.id`, '"constructor" is a reserved word']],
    ],
    ["a keyword id", (t) => (question(t, "notes").id = "and"), [[`${Q.notes}.id`, "reserved word"]]],
    ["a function-name id", (t) => (question(t, "notes").id = "count"), [[`${Q.notes}.id`, "reserved word"]]],
    [
      "an unknown type",
      (t) => (question(t, "notes").type = "slider"),
      [[`${Q.notes}.type`, "must be one of yesno, single_choice"]],
    ],
    ["a missing type", (t) => delete question(t, "notes").type, [[`${Q.notes}.type`, "must be one of"]]],
    [
      "a misspelt field",
      (t) => {
        const notes = question(t, "notes");
        notes.requried = notes.required;
        delete notes.required;
      },
      [
        [`${Q.notes}.requried`, "unknown field"],
        [`${Q.notes}.required`, "is required"],
      ],
    ],
    ["a missing label", (t) => delete question(t, "notes").label, [[`${Q.notes}.label`, "is required"]]],
    [
      "a blank label",
      (t) => (question(t, "notes").label = "   "),
      [[`${Q.notes}.label`, "must not be empty"]],
    ],
    [
      "a label that is too long",
      (t) => (question(t, "notes").label = "x".repeat(501)),
      [[`${Q.notes}.label`, "at most 500 characters"]],
    ],
    [
      "a non-boolean required",
      (t) => (question(t, "notes").required = "yes"),
      [[`${Q.notes}.required`, "must be a boolean"]],
    ],
    [
      "a reference without a clause",
      (t) => (question(t, "has_remote").references = [{ standard: "IEC 62443-2-4" }]),
      [[`${Q.has_remote}.references[0].clause`, "is required"]],
    ],
    [
      "a reference with an extra field",
      (t) => (question(t, "has_remote").references[0].url = "x"),
      [[`${Q.has_remote}.references[0].url`, "unknown field"]],
    ],
    [
      "a question that is not an object",
      (t) => (t.sections[0].questions[5] = 7),
      [[Q.notes, "must be an object"]],
    ],
  ])("%s", (_name, mutate, expected) => expectErrors(mutate, expected));
});

describe("validateTemplate rejects type-specific settings", () => {
  it.each<[string, Mutation, Expected]>([
    [
      "a single choice with one choice",
      (t) => (question(t, "ra_model").choices = [question(t, "ra_model").choices[1]]),
      [[`${Q.ra_model}.choices`, "needs at least two choices"]],
    ],
    [
      "duplicate choice ids",
      (t) => (question(t, "ra_model").choices[2].id = "none"),
      [[`${Q.ra_model}.choices[2].id`, 'duplicate choice id "none"']],
    ],
    [
      "a choice without a label",
      (t) => delete question(t, "ra_model").choices[0].label,
      [[`${Q.ra_model}.choices[0].label`, "is required"]],
    ],
    [
      "an exclusive choice on a single choice",
      (t) => (question(t, "ra_model").choices[0].exclusive = true),
      [[`${Q.ra_model}.choices[0].exclusive`, "only multiple-choice questions"]],
    ],
    [
      "two unknown choices",
      (t) => (question(t, "ra_model").choices[0].unknown = true),
      [[`${Q.ra_model}.choices`, 'at most one choice may be marked "unknown"']],
    ],
    [
      "a non-exclusive unknown choice in a multiple choice",
      (t) => delete question(t, "zones").choices[2].exclusive,
      [[`${Q.zones}.choices[2].exclusive`, "must also be exclusive"]],
    ],
    [
      "minSelected above maxSelected",
      (t) => (question(t, "zones").minSelected = 3),
      [[`${Q.zones}.minSelected`, "must not exceed maxSelected (2)"]],
    ],
    [
      "maxSelected above the number of choices",
      (t) => (question(t, "zones").maxSelected = 4),
      [[`${Q.zones}.maxSelected`, "must not exceed the number of choices (3)"]],
    ],
    [
      "a number min above max",
      (t) => (question(t, "fix_days").min = 400),
      [[`${Q.fix_days}.min`, "must not exceed max (365)"]],
    ],
    [
      "a number with a string max",
      (t) => (question(t, "fix_days").max = "365"),
      [[`${Q.fix_days}.max`, "must be a number"]],
    ],
    [
      "a date in the wrong format",
      (t) => (question(t, "eos").min = "2020/01/01"),
      [[`${Q.eos}.min`, "YYYY-MM-DD"]],
    ],
    [
      "an impossible date",
      (t) => (question(t, "eos").max = "2040-02-30"),
      [[`${Q.eos}.max`, "not a real calendar date"]],
    ],
    [
      "a date min after max",
      (t) => (question(t, "eos").min = "2041-01-01"),
      [[`${Q.eos}.min`, "must not be after max (2040-12-31)"]],
    ],
    [
      "a text without maxLength",
      (t) => delete question(t, "notes").maxLength,
      [[`${Q.notes}.maxLength`, "is required"]],
    ],
    [
      "a text with maxLength 0",
      (t) => (question(t, "notes").maxLength = 0),
      [[`${Q.notes}.maxLength`, "must be at least 1"]],
    ],
    [
      "a text with a huge maxLength",
      (t) => (question(t, "notes").maxLength = 10_000_000),
      [[`${Q.notes}.maxLength`, "must be at most 20000"]],
    ],
    [
      "choices on a text question",
      (t) => (question(t, "notes").choices = []),
      [[`${Q.notes}.choices`, "unknown field"]],
    ],
    [
      "a group without fields",
      (t) => (question(t, "components").fields = []),
      [[`${Q.components}.fields`, "needs at least one field"]],
    ],
    [
      "a group without maxItems",
      (t) => delete question(t, "components").maxItems,
      [[`${Q.components}.maxItems`, "is required"]],
    ],
    [
      "a group with minItems above maxItems",
      (t) => (question(t, "components").minItems = 5),
      [[`${Q.components}.minItems`, "must not exceed maxItems (3)"]],
    ],
    [
      "duplicate group field ids",
      (t) => (question(t, "components").fields[1].id = "name"),
      [[`${Q.components}.fields[1].id`, 'duplicate field id "name"']],
    ],
    [
      "a group field with a prototype name",
      (t) => (question(t, "components").fields[1].id = "constructor"),
      [[`${Q.components}.fields[1].id`, "reserved word"]],
    ],
    [
      "a nested group field",
      (t) => (question(t, "components").fields[1].type = "group"),
      [[`${Q.components}.fields[1].type`, "must be one of text, number, date, single_choice, yesno"]],
    ],
    [
      "a choice field without choices",
      (t) => delete question(t, "components").fields[2].choices,
      [[`${Q.components}.fields[2].choices`, "is required"]],
    ],
    [
      "a number field with min above max",
      (t) => Object.assign(question(t, "components").fields[3], { min: 5, max: 1 }),
      [[`${Q.components}.fields[3].min`, "must not exceed max (1)"]],
    ],
    [
      "an unknown evidence kind",
      (t) => (question(t, "sbom").accept = ["exe"]),
      [[`${Q.sbom}.accept[0]`, "must be one of"]],
    ],
    [
      "no accepted evidence kinds",
      (t) => (question(t, "sbom").accept = []),
      [[`${Q.sbom}.accept`, "needs at least 1 item"]],
    ],
    [
      "a repeated evidence kind",
      (t) => question(t, "sbom").accept.push("spdx_json"),
      [[`${Q.sbom}.accept`, '"spdx_json" more than once']],
    ],
    [
      "maxBytes of 0",
      (t) => (question(t, "sbom").maxBytes = 0),
      [[`${Q.sbom}.maxBytes`, "must be at least 1"]],
    ],
    [
      "maxBytes above the limit",
      (t) => (question(t, "sbom").maxBytes = 1e12),
      [[`${Q.sbom}.maxBytes`, "must be at most"]],
    ],
  ])("%s", (_name, mutate, expected) => expectErrors(mutate, expected));
});

describe("validateTemplate rejects conditions", () => {
  it.each<[string, Mutation, Expected]>([
    [
      "an unknown question id",
      (t) => (question(t, "sbom").condition = 'fw_sbom = "yes"'),
      [["sections[1].questions[2].condition", 'unknown question id "fw_sbom"']],
    ],
    [
      "a later question",
      (t) => (question(t, "has_remote").condition = 'notes = "x"'),
      [[`${Q.has_remote}.condition`, 'question "notes" comes later in the template']],
    ],
    [
      "the question itself",
      (t) => (question(t, "zones").condition = '"level_1" in zones'),
      [[`${Q.zones}.condition`, 'question "zones" comes later']],
    ],
    [
      "a section condition on its own question",
      (t) => (t.sections[1].condition = "answered(ra_mfa)"),
      [["sections[1].condition", 'question "ra_mfa" comes later']],
    ],
    [
      "a syntax error",
      (t) => (question(t, "notes").condition = 'ra_model == "none"'),
      [[`${Q.notes}.condition`, 'unexpected "==": use "=" to compare at column 10']],
    ],
    [
      "an empty condition",
      (t) => (question(t, "notes").condition = " "),
      [[`${Q.notes}.condition`, "must not be empty"]],
    ],
    [
      "a condition that is too long",
      (t) => (question(t, "notes").condition = `answered(x) or ${"a".repeat(1000)}`),
      [[`${Q.notes}.condition`, "at most 1000 characters"]],
    ],
    [
      "a choice literal that is not a choice",
      (t) => (question(t, "notes").condition = 'ra_model = "always"'),
      [
        [
          `${Q.notes}.condition`,
          '"always" is not a choice of "ra_model" (choices: none, always_on, on_demand, dont_know)',
        ],
      ],
    ],
    [
      "a bad yes/no literal",
      (t) => (question(t, "notes").condition = 'has_remote = "true"'),
      [[`${Q.notes}.condition`, '"true" is not a choice of "has_remote" (choices: yes, no, dont_know)']],
    ],
    [
      "a bad literal on the left",
      (t) => (question(t, "notes").condition = '"maybe" = has_remote'),
      [[`${Q.notes}.condition`, '"maybe" is not a choice of "has_remote"']],
    ],
    [
      "a bad literal with in",
      (t) => (question(t, "notes").condition = '"level_9" in zones'),
      [[`${Q.notes}.condition`, '"level_9" is not a choice of "zones"']],
    ],
    [
      "a bad literal in a list",
      (t) => (question(t, "notes").condition = 'ra_model in ["none", "bogus"]'),
      [[`${Q.notes}.condition`, '"bogus" is not a choice of "ra_model"']],
    ],
    [
      "= on a multiple-choice question",
      (t) => (question(t, "notes").condition = 'zones = "level_1"'),
      [[`${Q.notes}.condition`, '"zones" is a multiple-choice question: use "choice" in zones']],
    ],
    [
      "a group compared directly",
      (t) => (question(t, "sbom").condition = "components = 1"),
      [[`${Q.sbom}.condition`, '"components" is a group question: use count(components)']],
    ],
    [
      "count() on a yes/no question",
      (t) => (question(t, "notes").condition = "count(has_remote) > 1"),
      [
        [
          `${Q.notes}.condition`,
          'count() needs a multiple-choice, group or evidence question, but "has_remote" is not one',
        ],
      ],
    ],
    [
      "a number compared with a string",
      (t) => (question(t, "notes").condition = 'fix_days = "ten"'),
      [[`${Q.notes}.condition`, 'the number question "fix_days" can only be compared with a number']],
    ],
    [
      "ordering on a choice",
      (t) => (question(t, "notes").condition = 'ra_model > "none"'),
      [[`${Q.notes}.condition`, '">" cannot compare the choice question "ra_model"']],
    ],
    [
      "ordering on text",
      (t) => (question(t, "ra_mfa").condition = 'notes > "a"'),
      [[`${Q.ra_mfa}.condition`, '">" cannot compare the text question "notes"']],
    ],
    [
      "a bare identifier",
      (t) => (question(t, "notes").condition = "has_remote"),
      [[`${Q.notes}.condition`, 'a condition must be true or false; compare "has_remote" with a value']],
    ],
    [
      "a bare identifier under and",
      (t) => (question(t, "notes").condition = 'has_remote and ra_model = "none"'),
      [[`${Q.notes}.condition`, '"and" needs true/false operands']],
    ],
    [
      "a bare number",
      (t) => (question(t, "notes").condition = "1"),
      [[`${Q.notes}.condition`, "a condition must be true or false"]],
    ],
    [
      "an impossible date literal",
      (t) => (question(t, "notes").condition = 'eos < "2025-02-30"'),
      [[`${Q.notes}.condition`, '"2025-02-30" is not a date written YYYY-MM-DD']],
    ],
    [
      "dont_know on a date that does not allow it",
      (t) => (question(t, "notes").condition = 'eos = "dont_know"'),
      [[`${Q.notes}.condition`, '"dont_know" is not a date']],
    ],
    [
      "a list outside in",
      (t) => (question(t, "notes").condition = "ra_model in zones"),
      [[`${Q.notes}.condition`, 'the left side of "in zones" must be a choice id']],
    ],
    [
      "in on a single choice",
      (t) => (question(t, "notes").condition = '"none" in ra_model'),
      [[`${Q.notes}.condition`, 'the right side of "in" must be a multiple-choice question or a list']],
    ],
    [
      "a constant comparison",
      (t) => (question(t, "notes").condition = '"a" = "a"'),
      [[`${Q.notes}.condition`, "does not involve any question"]],
    ],
    [
      "__proto__",
      (t) => (question(t, "notes").condition = '__proto__ = "x"'),
      [[`${Q.notes}.condition`, 'unknown question id "__proto__"']],
    ],
    [
      "constructor",
      (t) => (question(t, "notes").condition = "answered(constructor)"),
      [[`${Q.notes}.condition`, 'unknown question id "constructor"']],
    ],
    [
      "several problems in one condition",
      (t) => (question(t, "notes").condition = 'ra_model = "x" and y = 1 and notes = "z"'),
      [
        [`${Q.notes}.condition`, '"x" is not a choice of "ra_model"'],
        [`${Q.notes}.condition`, 'unknown question id "y"'],
        [`${Q.notes}.condition`, 'question "notes" comes later'],
      ],
    ],
  ])("%s", (_name, mutate, expected) => expectErrors(mutate, expected));

  it("does not cascade errors from a broken question into conditions that name it", () => {
    expectErrors(
      (t) => {
        question(t, "ra_model").type = "wat";
        question(t, "notes").condition = 'ra_model = "anything"';
      },
      [[`${Q.ra_model}.type`, "must be one of"]],
    );
  });
});

describe("validateTemplate rejects linkage rules", () => {
  const R = `${Q.notes}.linkages[0]`;
  it.each<[string, Mutation, Expected]>([
    [
      "an unknown effect",
      (t) => (question(t, "notes").linkages = [emitRule({ effect: "create" })]),
      [[`${R}.effect`, 'must be "emit" or "modify"']],
    ],
    [
      "a rule that is not an object",
      (t) => (question(t, "notes").linkages = ["x"]),
      [[R, "must be an object"]],
    ],
    [
      "an unknown linkage kind",
      (t) => (question(t, "notes").linkages = [emitRule({ kind: "friendship" })]),
      [[`${R}.kind`, 'must be one of "adjacency", "inheritance", "trust"']],
    ],
    [
      "an unknown node kind",
      (t) => (question(t, "notes").linkages = [emitRule({ to: { kind: "toaster" } })]),
      [[`${R}.to.kind`, "must be one of"]],
    ],
    [
      "an extra endpoint field",
      (t) => (question(t, "notes").linkages = [emitRule({ to: { kind: "product", label: "x" } })]),
      [[`${R}.to.label`, "unknown field"]],
    ],
    [
      "a missing weight",
      (t) => (question(t, "notes").linkages = [emitRule({ weight: undefined })]),
      [[`${R}.weight`, "is required"]],
    ],
    [
      "a weight above 1",
      (t) => (question(t, "notes").linkages = [emitRule({ weight: 1.5, unknownWeight: 1 })]),
      [[`${R}.weight`, "must be between 0 and 1"]],
    ],
    [
      "a negative unknown weight",
      (t) => (question(t, "notes").linkages = [emitRule({ unknownWeight: -0.1 })]),
      [[`${R}.unknownWeight`, "must be between 0 and 1"]],
    ],
    [
      "a missing unknown weight",
      (t) => (question(t, "notes").linkages = [emitRule({ unknownWeight: undefined })]),
      [[`${R}.unknownWeight`, "is required"]],
    ],
    [
      "an optimistic unknown weight",
      (t) => (question(t, "notes").linkages = [emitRule({ weight: 0.6, unknownWeight: 0.3 })]),
      [
        [
          `${R}.unknownWeight`,
          "0.3 is lower than weight 0.6: an unknown answer must never look safer than a truthful one",
        ],
      ],
    ],
    [
      "a missing reason",
      (t) => (question(t, "notes").linkages = [emitRule({ reason: "" })]),
      [[`${R}.reason`, "must not be empty"]],
    ],
    [
      "a modifier field on an emit rule",
      (t) => (question(t, "notes").linkages = [emitRule({ targets: ["x"] })]),
      [[`${R}.targets`, "unknown field"]],
    ],
    [
      "a yes/no rule without when",
      (t) => delete question(t, "has_remote").linkages[0].when,
      [
        [
          `${Q.has_remote}.linkages[0].when`,
          'is required on rules of a yes/no question, or the rule fires on "yes" and "no" alike',
        ],
      ],
    ],
    [
      "a yes/no rule whose when ignores the question",
      (t) => (question(t, "has_remote").linkages[0].when = "true"),
      [[`${Q.has_remote}.linkages[0].when`, 'must test the answer of "has_remote" itself']],
    ],
    [
      "a when on a later question",
      (t) => (question(t, "notes").linkages = [emitRule({ when: "answered(ra_mfa)" })]),
      [[`${R}.when`, 'question "ra_mfa" comes later']],
    ],
    [
      "a when with a syntax error",
      (t) => (question(t, "notes").linkages = [emitRule({ when: "notes = " })]),
      [[`${R}.when`, "unexpected the end of the condition"]],
    ],
    [
      "a duplicate rule id",
      (t) => (question(t, "notes").linkages = [emitRule({ id: "remote_gate" })]),
      [[`${R}.id`, `duplicate linkage rule id "remote_gate" (first used at ${Q.has_remote}.linkages[0])`]],
    ],
    [
      "a rule id with capitals",
      (t) => (question(t, "notes").linkages = [emitRule({ id: "Rule" })]),
      [[`${R}.id`, "must start with a lowercase letter"]],
    ],
    [
      "name together with answerOf",
      (t) =>
        (question(t, "notes").linkages = [
          emitRule({ to: { kind: "zone", answerOf: "zones", name: "plant" } }),
        ]),
      [[`${R}.to`, "use only one of identifyBy, answerOf and name (found answerOf, name)"]],
    ],
    [
      "an endpoint name with a dash",
      (t) => (question(t, "notes").linkages = [emitRule({ to: { kind: "product", name: "my-product" } })]),
      [[`${R}.to.name`, "must start with a lowercase letter"]],
    ],
    [
      "the same named node at both ends",
      (t) =>
        (question(t, "notes").linkages = [
          emitRule({ from: { kind: "credential", name: "k" }, to: { kind: "credential", name: "k" } }),
        ]),
      [[`${R}.to`, "from and to are the same credential node"]],
    ],
    [
      "the same implicit node at both ends",
      (t) =>
        (question(t, "notes").linkages = [emitRule({ from: { kind: "vendor" }, to: { kind: "vendor" } })]),
      [[`${R}.to`, "from and to are the same vendor node"]],
    ],
    [
      "perRow outside a group",
      (t) => (question(t, "notes").linkages = [emitRule({ perRow: true })]),
      [[`${R}.perRow`, "only rules on a group question can emit one linkage per row"]],
    ],
    [
      "identifyBy without perRow",
      (t) => (question(t, "components").linkages[0].perRow = false),
      [
        [
          `${Q.components}.linkages[0].from.identifyBy`,
          "needs a per-row rule (perRow: true) on a group question",
        ],
        [`${Q.components}.fields[2].choices[0].linkages[0].targets[0]`, '"component_in_product" is not one'],
      ],
    ],
    [
      "identifyBy naming a missing field",
      (t) => (question(t, "components").linkages[0].from.identifyBy = ["name", "purl"]),
      [[`${Q.components}.linkages[0].from.identifyBy[1]`, '"purl" is not a field of the group "components"']],
    ],
    [
      "identifyBy and answerOf together",
      (t) => (question(t, "components").linkages[0].from.answerOf = "zones"),
      [
        [
          `${Q.components}.linkages[0].from`,
          "use only one of identifyBy, answerOf and name (found identifyBy, answerOf)",
        ],
      ],
    ],
    [
      "answerOf an unknown question",
      (t) => (question(t, "notes").linkages = [emitRule({ to: { kind: "zone", answerOf: "plants" } })]),
      [[`${R}.to.answerOf`, 'unknown question id "plants"']],
    ],
    [
      "answerOf a later question",
      (t) => (question(t, "has_remote").linkages[0].to = { kind: "zone", answerOf: "zones" }),
      [[`${Q.has_remote}.linkages[0].to.answerOf`, 'question "zones" comes later']],
    ],
    [
      "answerOf a text question",
      (t) => (question(t, "notes").linkages = [emitRule({ to: { kind: "zone", answerOf: "notes" } })]),
      [[`${R}.to.answerOf`, '"notes" must be a single- or multiple-choice question']],
    ],
    [
      "a modifier without targets",
      (t) => (question(t, "notes").linkages = [modifyRule({ targets: [] })]),
      [[`${R}.targets`, "needs at least 1 item"]],
    ],
    [
      "a modifier with an unknown target",
      (t) => (question(t, "notes").linkages = [modifyRule({ targets: ["nope"] })]),
      [[`${R}.targets[0]`, 'unknown linkage rule id "nope"']],
    ],
    [
      "a modifier targeting a modifier",
      (t) => (question(t, "notes").linkages = [modifyRule({ targets: ["slow_fixes"] })]),
      [[`${R}.targets[0]`, '"slow_fixes" is a modify rule; only emit rules can be modified']],
    ],
    [
      "an unknown op",
      (t) => (question(t, "notes").linkages = [modifyRule({ op: "add" })]),
      [[`${R}.op`, 'must be one of "multiply", "set"']],
    ],
    [
      "a set weight above 1",
      (t) => (question(t, "notes").linkages = [modifyRule({ op: "set", value: 1.5, unknownValue: 2 })]),
      [
        [`${R}.value`, "a weight set by a rule must be between 0 and 1"],
        [`${R}.unknownValue`, "a weight set by a rule must be between 0 and 1"],
      ],
    ],
    [
      "an absurd multiplier",
      (t) => (question(t, "notes").linkages = [modifyRule({ value: 50, unknownValue: 50 })]),
      [
        [`${R}.value`, "must be at most 10"],
        [`${R}.unknownValue`, "must be at most 10"],
      ],
    ],
    [
      "an optimistic unknown value",
      (t) => (question(t, "notes").linkages = [modifyRule({ value: 1.2, unknownValue: 1 })]),
      [[`${R}.unknownValue`, "1 is lower than value 1.2: an unknown answer must never look safer"]],
    ],
    [
      "an emit rule on a group field's choice",
      (t) => (question(t, "components").fields[2].choices[1].linkages = [emitRule()]),
      [
        [
          `${Q.components}.fields[2].choices[1].linkages[0].effect`,
          "may only modify per-row rules of its group",
        ],
      ],
    ],
    [
      "a field choice modifying another question's rule",
      (t) => (question(t, "components").fields[2].choices[0].linkages[0].targets = ["always_on_trust"]),
      [
        [
          `${Q.components}.fields[2].choices[0].linkages[0].targets[0]`,
          'may only modify per-row rules of its own group; "always_on_trust" is not one',
        ],
      ],
    ],
    [
      "too many rules on one question",
      (t) =>
        (question(t, "notes").linkages = Array.from({ length: 21 }, (_, index) =>
          emitRule({ id: `r${index}` }),
        )),
      [[`${Q.notes}.linkages`, "may have at most 20 items"]],
    ],
  ])("%s", (_name, mutate, expected) => expectErrors(mutate, expected));
});

describe("validateTemplate reports everything at once", () => {
  it("lists every error of a badly broken template, in template order", () => {
    const template = makeRawTemplate();
    template.version = 0;
    question(template, "has_remote").label = "";
    question(template, "ra_model").choices[2].id = "none";
    question(template, "notes").maxLength = -1;
    question(template, "sbom").condition = 'fw_sbom = "yes"';
    question(template, "components").linkages[0].unknownWeight = 0.1;
    t_section(template).id = "general";
    const result = validateTemplate(template);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(formatTemplateIssue)).toEqual([
      "version: must be at least 1",
      "sections[0].questions[0].label: must not be empty",
      'sections[0].questions[2].choices[2].id: duplicate choice id "none"',
      "sections[0].questions[5].maxLength: must be at least 1",
      'sections[1].id: duplicate section id "general" (first used at sections[0])',
      "sections[1].questions[1].linkages[0].unknownWeight: 0.1 is lower than weight 0.5: an unknown answer must never look safer than a truthful one",
      'sections[1].questions[2].condition: unknown question id "fw_sbom"',
    ]);
  });
});

function t_section(template: Raw): Record<string, any> {
  return template.sections[1];
}
