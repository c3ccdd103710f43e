import { describe, expect, it } from "vitest";

import { makeTemplate } from "@/tests/support/questionnaire/template-fixtures";

import { buildAnswerSchema, type AnswerValidationMode } from "./answer-schema";
import { validateAnswers } from "./validate-answers";
import { computeVisibility, pruneHiddenAnswers, visibleQuestions } from "./visibility";

const template = makeTemplate();

function validAnswers(): Record<string, unknown> {
  return {
    has_remote: "yes",
    zones: ["level_1"],
    ra_model: "always_on",
    fix_days: 30,
    eos: "2030-01-01",
    notes: "ok",
    ra_mfa: "no",
    components: [
      { name: "zephyr", version: "3.6", source: "binary", count: 2, released: "2024-05-01", critical: "yes" },
      { name: "mbedtls" },
    ],
    sbom: [{ fileId: "f1", name: "sbom.json", kind: "cyclonedx_json", bytes: 500 }],
  };
}

function errorsFor(answers: unknown, mode: AnswerValidationMode) {
  const result = validateAnswers(template, answers, mode);
  return result.ok ? [] : result.errors.map(({ path, code, message }) => ({ path, code, message }));
}

describe("visibility", () => {
  const ids = (answers: Record<string, unknown>) =>
    visibleQuestions(template, answers).map(({ question }) => question.id);

  it("hides a section while its condition is false, including while unanswered", () => {
    expect(ids({})).toEqual(["has_remote", "zones", "ra_model", "fix_days", "eos", "notes"]);
    expect(ids({ ra_model: "none" })).toEqual([
      "has_remote",
      "zones",
      "ra_model",
      "fix_days",
      "eos",
      "notes",
    ]);
    expect(computeVisibility(template, { ra_model: "none" }).sections).toEqual(new Set(["general"]));
  });

  it("shows follow-ups as answers change", () => {
    expect(ids({ ra_model: "always_on", has_remote: "no" })).toContain("components");
    expect(ids({ ra_model: "always_on", has_remote: "no" })).not.toContain("ra_mfa");
    expect(ids({ ra_model: "always_on", has_remote: "yes" })).toContain("ra_mfa");
    expect(ids({ ra_model: "always_on", components: [{ name: "a" }] })).not.toContain("sbom");
    expect(ids({ ra_model: "always_on", components: [{ name: "a" }, { name: "b" }] })).toContain("sbom");
  });

  it("treats a don't-know choice as an answer for != conditions", () => {
    expect(ids({ ra_model: "dont_know" })).toContain("components");
  });

  it("ignores answers behind a hidden section when evaluating later conditions", () => {
    const answers = { ra_model: "none", components: [{ name: "a" }, { name: "b" }] };
    expect(ids(answers)).not.toContain("sbom");
  });

  it("ignores malformed answers when evaluating conditions", () => {
    expect(ids({ ra_model: "bogus" })).not.toContain("components");
    expect(ids({ ra_model: "always_on", components: "a,b,c" })).not.toContain("sbom");
    expect(ids({ ra_model: "always_on", components: [1, 2] })).not.toContain("sbom");
    // Half-finished rows are well-formed drafts, so they do count.
    expect(ids({ ra_model: "always_on", components: [{}, {}] })).toContain("sbom");
  });

  it("prunes answers to hidden and unknown questions", () => {
    const answers = {
      ra_model: "none",
      has_remote: "yes",
      ra_mfa: "yes",
      components: [{ name: "a" }],
      extra: 1,
    };
    expect(pruneHiddenAnswers(template, answers)).toEqual({ ra_model: "none", has_remote: "yes" });
  });
});

describe("validateAnswers in submission mode", () => {
  it("accepts a complete, valid set of answers", () => {
    const result = validateAnswers(template, validAnswers(), "submission");
    expect(result).toEqual({ ok: true, answers: validAnswers() });
  });

  it("lists each missing required answer with its section, label and a clear message", () => {
    const result = validateAnswers(template, {}, "submission");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      {
        questionId: "has_remote",
        sectionId: "general",
        label: "Remote access?",
        path: "has_remote",
        code: "required",
        message: "answer this question",
      },
      {
        questionId: "ra_model",
        sectionId: "general",
        label: "Access model",
        path: "ra_model",
        code: "required",
        message: "answer this question",
      },
    ]);
  });

  it("requires visible follow-ups and uses type-specific wording", () => {
    expect(errorsFor({ has_remote: "yes", ra_model: "on_demand" }, "submission")).toEqual([
      { path: "ra_mfa", code: "required", message: "answer this question" },
      { path: "components", code: "required", message: "add at least one component" },
    ]);
    expect(errorsFor({ ...validAnswers(), sbom: [] }, "submission")).toEqual([
      { path: "sbom", code: "required", message: "attach a file" },
    ]);
  });

  it("counts blank text, null and empty lists as missing", () => {
    for (const blank of [null, "", "   ", []]) {
      expect(errorsFor({ ...validAnswers(), has_remote: blank }, "submission")).toContainEqual({
        path: "has_remote",
        code: "required",
        message: "answer this question",
      });
    }
  });

  it("accepts don't know as an answer to a required yes/no question", () => {
    expect(
      errorsFor({ ...validAnswers(), has_remote: "dont_know", ra_mfa: undefined }, "submission"),
    ).toEqual([]);
  });

  it("neither requires nor validates nor returns hidden answers", () => {
    const answers = { has_remote: "yes", ra_model: "none", components: "garbage", ra_mfa: 42, sbom: [{}] };
    const result = validateAnswers(template, answers, "submission");
    expect(result).toEqual({ ok: true, answers: { has_remote: "yes", ra_model: "none" } });
  });

  it("returns the valid answers alongside the errors", () => {
    const result = validateAnswers(template, { ...validAnswers(), notes: "x".repeat(30) }, "submission");
    expect(result.ok).toBe(false);
    expect(result.answers).not.toHaveProperty("notes");
    expect(result.answers).toHaveProperty("components");
  });

  it("reports answers to questions the template does not have", () => {
    expect(errorsFor({ ...validAnswers(), extra: "x" }, "submission")).toEqual([
      { path: "extra", code: "unknown_question", message: "is not a question of this template" },
    ]);
    expect(errorsFor(JSON.parse('{"__proto__": "x"}'), "draft")).toEqual([
      { path: "__proto__", code: "unknown_question", message: "is not a question of this template" },
    ]);
    expect(errorsFor({ constructor: "x" }, "draft")).toEqual([
      { path: "constructor", code: "unknown_question", message: "is not a question of this template" },
    ]);
  });

  it("caps the number of unknown-question errors", () => {
    const answers = Object.fromEntries(Array.from({ length: 1000 }, (_, index) => [`junk_${index}`, index]));
    const errors = errorsFor(answers, "draft");
    expect(errors).toHaveLength(21);
    expect(errors.at(-1)).toEqual({
      path: "",
      code: "unknown_question",
      message: "980 more answers to unknown questions",
    });
  });

  it.each([null, [], "answers", 42])("rejects %j as an answer set", (answers) => {
    expect(errorsFor(answers, "draft")).toEqual([
      { path: "", code: "invalid", message: "answers must be an object of question id → value" },
    ]);
  });
});

describe("validateAnswers per question type", () => {
  type Case = [
    name: string,
    questionId: string,
    value: unknown,
    errors: [path: string, message: string][],
    draftErrors?: [string, string][],
  ];
  // draftErrors defaults to errors: most shape problems are refused in drafts too.
  const cases: Case[] = [
    [
      "yes/no with another word",
      "has_remote",
      "maybe",
      [["has_remote", 'choose "yes", "no" or "don\'t know"']],
    ],
    ["yes/no with a boolean", "has_remote", true, [["has_remote", 'choose "yes", "no" or "don\'t know"']]],
    [
      "single choice with an unknown id",
      "ra_model",
      "bogus",
      [["ra_model", "choose one of the listed options"]],
    ],
    ["single choice with an array", "ra_model", ["none"], [["ra_model", "choose one of the listed options"]]],
    ["multiple choice with a string", "zones", "level_1", [["zones", "choose from the listed options"]]],
    [
      "multiple choice with an unknown id",
      "zones",
      ["level_9"],
      [["zones[0]", "is not one of the listed options"]],
    ],
    [
      "multiple choice with a repeat",
      "zones",
      ["level_1", "level_1"],
      [["zones[1]", '"Level 1" is selected twice']],
    ],
    [
      "multiple choice combining an exclusive choice",
      "zones",
      ["level_1", "unknown"],
      [["zones", '"Don\'t know" cannot be combined with other options']],
    ],
    [
      "multiple choice above maxSelected",
      "zones",
      ["level_1", "level_2", "unknown"],
      [
        ["zones", "cannot be combined"],
        ["zones", "select at most 2 options"],
      ],
      [["zones", "cannot be combined"]],
    ],
    [
      "multiple choice with too many entries",
      "zones",
      ["a", "b", "c", "d"],
      [["zones", "too many options selected"]],
    ],
    ["number as a string", "fix_days", "30", [["fix_days", "enter a number"]]],
    ["number NaN", "fix_days", Number.NaN, [["fix_days", "enter a number"]]],
    ["number Infinity", "fix_days", Number.POSITIVE_INFINITY, [["fix_days", "enter a number"]]],
    ["number with a fraction", "fix_days", 30.5, [["fix_days", "enter a whole number"]], []],
    ["number below min", "fix_days", -1, [["fix_days", "must be at least 0 days"]], []],
    ["number above max", "fix_days", 400, [["fix_days", "must be at most 365 days"]], []],
    ["number with another word", "fix_days", "dunno", [["fix_days", "enter a number"]]],
    ["date with an impossible day", "eos", "2030-02-30", [["eos", "enter a date as YYYY-MM-DD"]]],
    ["date in another format", "eos", "01/02/2030", [["eos", "enter a date as YYYY-MM-DD"]]],
    ["date as a number", "eos", 20300101, [["eos", "enter a date as YYYY-MM-DD"]]],
    ["date with a time", "eos", "2030-01-01T00:00:00Z", [["eos", "enter a date as YYYY-MM-DD"]]],
    ["date before min", "eos", "2019-12-31", [["eos", "must be on or after 2020-01-01"]], []],
    ["date after max", "eos", "2041-01-01", [["eos", "must be on or before 2040-12-31"]], []],
    ["date don't know where not allowed", "eos", "dont_know", [["eos", "enter a date as YYYY-MM-DD"]]],
    ["text too long", "notes", "x".repeat(21), [["notes", "must be at most 20 characters (currently 21)"]]],
    ["text as a number", "notes", 5, [["notes", "enter text"]]],
    ["group that is not a list", "components", { name: "a" }, [["components", "must be a list of rows"]]],
    [
      "group with too many rows",
      "components",
      [{ name: "a" }, { name: "b" }, { name: "c" }, { name: "d" }],
      [["components", "may have at most 3 components"]],
    ],
    [
      "group row that is not an object",
      "components",
      ["zephyr"],
      [["components[0]", "must be a row of fields"]],
    ],
    [
      "group row with an unknown field",
      "components",
      [{ name: "a", colour: "red" }],
      [["components[0].colour", "is not a field of this list"]],
    ],
    [
      "group row with a prototype key",
      "components",
      [JSON.parse('{"name": "a", "__proto__": {"x": 1}}')],
      [["components[0].__proto__", "is not a field of this list"]],
    ],
    [
      "group row missing a required field",
      "components",
      [{ name: "a" }, { version: "1" }],
      [["components[1].name", "Name is required"]],
      [],
    ],
    [
      "group row with a long text",
      "components",
      [{ name: "a".repeat(51) }],
      [["components[0].name", "must be at most 50 characters"]],
    ],
    [
      "group row with a bad choice",
      "components",
      [{ name: "a", source: "bogus" }],
      [["components[0].source", "choose one of the listed options"]],
    ],
    [
      "group row with a negative count",
      "components",
      [{ name: "a", count: -1 }],
      [["components[0].count", "must be at least 0"]],
      [],
    ],
    [
      "group row with a string count",
      "components",
      [{ name: "a", count: "2" }],
      [["components[0].count", "enter a number"]],
    ],
    [
      "group row with a bad date",
      "components",
      [{ name: "a", released: "yesterday" }],
      [["components[0].released", "enter a date as YYYY-MM-DD"]],
    ],
    [
      "group row with a bad yes/no",
      "components",
      [{ name: "a", critical: "y" }],
      [["components[0].critical", 'choose "yes", "no"']],
    ],
    ["evidence that is not a list", "sbom", "sbom.json", [["sbom", "must be a list of uploaded files"]]],
    [
      "evidence with too many files",
      "sbom",
      [1, 2, 3].map((index) => ({ fileId: `f${index}`, name: "a.json", kind: "spdx_json", bytes: 1 })),
      [["sbom", "attach at most 2 files"]],
    ],
    [
      "evidence of a kind not accepted here",
      "sbom",
      [{ fileId: "f1", name: "a.pdf", kind: "pdf", bytes: 10 }],
      [["sbom[0].kind", "PDF files are not accepted here (accepted: CycloneDX JSON, SPDX JSON)"]],
    ],
    [
      "evidence of an unknown kind",
      "sbom",
      [{ fileId: "f1", name: "a.exe", kind: "exe", bytes: 10 }],
      [["sbom[0].kind", "has an unknown file type"]],
    ],
    [
      "evidence above maxBytes",
      "sbom",
      [{ fileId: "f1", name: "a.json", kind: "spdx_json", bytes: 2000 }],
      [["sbom[0].bytes", "is larger than the limit of 1000 bytes"]],
    ],
    [
      "evidence with a path as file id",
      "sbom",
      [{ fileId: "../../etc/passwd", name: "a.json", kind: "spdx_json", bytes: 1 }],
      [["sbom[0].fileId", "has an invalid file id"]],
    ],
    [
      "evidence with extra fields",
      "sbom",
      [{ fileId: "f1", name: "a.json", kind: "spdx_json", bytes: 1, url: "http://x" }],
      [["sbom[0]", "has unknown fields: url"]],
    ],
    [
      "evidence without a name",
      "sbom",
      [{ fileId: "f1", kind: "spdx_json", bytes: 1 }],
      [["sbom[0].name", "needs a file name"]],
    ],
  ];

  it.each(cases)("%s", (_name, questionId, value, expected, draftExpected = expected) => {
    const answers = { ...validAnswers(), [questionId]: value };
    for (const [mode, wanted] of [
      ["submission", expected],
      ["draft", draftExpected],
    ] as const) {
      const errors = errorsFor(answers, mode);
      expect(
        errors.map((error) => error.path),
        `${mode}: ${JSON.stringify(errors)}`,
      ).toEqual(wanted.map(([path]) => path));
      wanted.forEach(([, message], index) => expect(errors[index]!.message).toContain(message));
      expect(errors.every((error) => error.code === "invalid")).toBe(true);
    }
  });

  it.each<[string, unknown]>([
    ["has_remote", "dont_know"],
    ["zones", ["unknown"]],
    ["zones", ["level_1", "level_2"]],
    ["fix_days", "dont_know"],
    ["fix_days", 0],
    ["fix_days", 365],
    ["eos", "2020-01-01"],
    ["eos", "2040-12-31"],
    ["notes", "x".repeat(20)],
    ["components", [{ name: "a", count: 0 }, { name: "b" }, { name: "c" }]],
    [
      "sbom",
      [
        { fileId: "f_1-A", name: "a.json", kind: "spdx_json", bytes: 1000 },
        { fileId: "f2", name: "b.json", kind: "cyclonedx_json", bytes: 0 },
      ],
    ],
  ])("accepts %s = %j", (questionId, value) => {
    expect(errorsFor({ ...validAnswers(), [questionId]: value }, "submission")).toEqual([]);
  });
});

describe("validateAnswers in draft mode", () => {
  it("requires nothing", () => {
    expect(validateAnswers(template, {}, "draft")).toEqual({ ok: true, answers: {} });
  });

  it("keeps answers to hidden questions so nothing typed is lost", () => {
    const answers = { ra_model: "none", components: [{ name: "a" }] };
    expect(validateAnswers(template, answers, "draft")).toEqual({ ok: true, answers });
  });

  it("still checks the shape of hidden answers", () => {
    expect(errorsFor({ ra_model: "none", components: "garbage" }, "draft")).toEqual([
      { path: "components", code: "invalid", message: "must be a list of rows" },
    ]);
  });

  it("accepts half-finished rows and out-of-range numbers", () => {
    expect(errorsFor({ fix_days: 9999, components: [{ version: "1.0" }, {}] }, "draft")).toEqual([]);
  });
});

describe("buildAnswerSchema", () => {
  it("gives the UI a per-question zod schema and caches it", () => {
    const question = template.sections[0]!.questions.find((candidate) => candidate.id === "fix_days")!;
    const schema = buildAnswerSchema(question, "submission");
    expect(buildAnswerSchema(question, "submission")).toBe(schema);
    expect(schema.safeParse(12).success).toBe(true);
    const failure = schema.safeParse(1000);
    expect(failure.success).toBe(false);
    if (!failure.success) expect(failure.error.issues[0]!.message).toBe("must be at most 365 days");
    expect(buildAnswerSchema(question, "draft").safeParse(1000).success).toBe(true);
  });
});
