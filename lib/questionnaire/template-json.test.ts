import { describe, expect, it } from "vitest";

import { makeRawTemplate, makeTemplate } from "@/tests/support/questionnaire/template-fixtures";

import { LIMITS } from "./limits";
import { formatTemplateIssue } from "./template-issues";
import {
  canonicalizeTemplate,
  checkTemplateSuccession,
  exportTemplateJson,
  parseTemplateJson,
} from "./template-json";

describe("parseTemplateJson / exportTemplateJson", () => {
  it("round-trips a template", () => {
    const template = makeTemplate();
    const text = exportTemplateJson(template);
    const result = parseTemplateJson(text);
    expect(result).toEqual({ ok: true, template });
    expect(result.ok && exportTemplateJson(result.template)).toBe(text);
  });

  it.each([
    ["{", "is not valid JSON"],
    ["", "is not valid JSON"],
    ["[1,]", "is not valid JSON"],
  ])("reports invalid JSON %j", (text, message) => {
    const result = parseTemplateJson(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toHaveLength(1);
      expect(formatTemplateIssue(result.errors[0]!)).toMatch(new RegExp(`^template: ${message}`));
    }
  });

  it("refuses oversized input before parsing it", () => {
    const result = parseTemplateJson(" ".repeat(LIMITS.templateJsonBytes + 1));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toContain("larger than 2 MB");
  });

  it("returns template errors by path", () => {
    const raw = makeRawTemplate();
    raw.sections[1].questions[2].condition = 'fw_sbom = "yes"';
    const result = parseTemplateJson(JSON.stringify(raw));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map(formatTemplateIssue)).toEqual([
        'sections[1].questions[2].condition: unknown question id "fw_sbom"',
      ]);
  });

  it("is not confused by __proto__ keys in the JSON", () => {
    const raw = JSON.stringify(makeRawTemplate()).replace(
      '"key":',
      '"__proto__": {"polluted": true}, "key":',
    );
    const result = parseTemplateJson(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map(formatTemplateIssue)).toEqual(["__proto__: unknown field"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("canonicalizeTemplate", () => {
  it("ignores key order", () => {
    const template = makeTemplate();
    const reordered = JSON.parse(JSON.stringify(template), (_key, value) =>
      value && typeof value === "object" && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).reverse())
        : value,
    );
    expect(canonicalizeTemplate(reordered)).toBe(canonicalizeTemplate(template));
  });
});

describe("checkTemplateSuccession", () => {
  const previous = makeTemplate();
  const edited = () => {
    const next = structuredClone(previous);
    next.version = 2;
    next.title = "Edited";
    return next;
  };

  it("accepts an edit published as a higher version", () => {
    expect(checkTemplateSuccession(previous, edited())).toEqual([]);
  });

  it.each([
    [
      "the same version",
      (next: ReturnType<typeof edited>) => (next.version = 1),
      [{ path: "version", message: "must be greater than 1" }],
    ],
    [
      "a lower version",
      (next: ReturnType<typeof edited>) => (next.version = 0),
      [{ path: "version", message: "must be greater than 1" }],
    ],
    [
      "a different key",
      (next: ReturnType<typeof edited>) => (next.key = "other"),
      [{ path: "key", message: 'must stay "test-template" for a new version of the same template' }],
    ],
    [
      "no change but the version",
      (next: ReturnType<typeof edited>) => (next.title = previous.title),
      [{ path: "", message: "nothing changed apart from the version number" }],
    ],
  ])("rejects %s", (_name, mutate, expected) => {
    const next = edited();
    mutate(next);
    expect(checkTemplateSuccession(previous, next)).toEqual(expected);
  });
});

describe("docs/questionnaire-format.md", () => {
  it("contains an example template that validates", async () => {
    const { readFileSync } = await import("node:fs");
    const path = await import("node:path");
    const doc = readFileSync(
      path.join(import.meta.dirname, "..", "..", "docs", "questionnaire-format.md"),
      "utf8",
    );
    const example = /```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const result = parseTemplateJson(example!);
    expect(result.ok ? [] : result.errors.map(formatTemplateIssue)).toEqual([]);
  });
});
