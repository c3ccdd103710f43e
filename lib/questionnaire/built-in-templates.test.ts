import { readFileSync } from "node:fs";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { getOtSupplierBaselineTemplate } from "./built-in-templates";
import { exportTemplateJson, parseTemplateJson } from "./template-json";
import type { LinkageRule, Question, Template } from "./template-schema";
import { validateAnswers } from "./validate-answers";
import { validateTemplate } from "./validate-template";
import { visibleQuestions } from "./visibility";

const FILE = path.join(import.meta.dirname, "templates", "ot-supplier-baseline.json");

function allQuestions(template: Template): Question[] {
  return template.sections.flatMap((section) => section.questions);
}

function rulesOf(question: Question): LinkageRule[] {
  const rules = [...(question.linkages ?? [])];
  if ("choices" in question) for (const choice of question.choices) rules.push(...(choice.linkages ?? []));
  if (question.type === "group") {
    for (const field of question.fields) {
      if (field.type === "single_choice")
        for (const choice of field.choices) rules.push(...(choice.linkages ?? []));
    }
  }
  return rules;
}

/** Answers every visible question with a plausible value, repeating until follow-ups stop appearing. */
function answerEverything(
  template: Template,
  pick: (question: Question) => unknown,
): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (let round = 0; round < 20; round += 1) {
    let changed = false;
    for (const { question } of visibleQuestions(template, answers)) {
      if (question.id in answers) continue;
      answers[question.id] = pick(question);
      changed = true;
    }
    if (!changed) return answers;
  }
  throw new Error("visibility did not settle");
}

function sampleAnswer(question: Question, preferYes: boolean): unknown {
  switch (question.type) {
    case "yesno":
      return preferYes ? "yes" : "dont_know";
    case "single_choice": {
      const unknown = question.choices.find((choice) => choice.unknown);
      return (
        !preferYes && unknown
          ? unknown
          : (question.choices.find((choice) => choice.id !== "none") ?? question.choices[0]!)
      ).id;
    }
    case "multiple_choice":
      return [question.choices[0]!.id];
    case "number":
      return !preferYes && question.allowDontKnow ? "dont_know" : (question.min ?? 0);
    case "date":
      return question.min ?? "2030-01-01";
    case "text":
      return "Answer";
    case "group":
      return [
        Object.fromEntries(
          question.fields.map((field) => [
            field.id,
            field.type === "single_choice"
              ? field.choices[0]!.id
              : field.type === "number"
                ? 1
                : field.type === "date"
                  ? "2024-01-01"
                  : field.type === "yesno"
                    ? "no"
                    : "x",
          ]),
        ),
      ];
    case "evidence":
      return [{ fileId: "file1", name: "evidence", kind: question.accept[0], bytes: 1 }];
  }
}

describe("OT supplier baseline template", () => {
  const output: unknown[] = [];
  beforeEach(() => {
    for (const method of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, method).mockImplementation((...args) => output.push(args));
    }
  });
  afterEach(() => {
    vi.restoreAllMocks();
    expect(output).toEqual([]);
  });

  it("validates without errors and prints nothing", () => {
    const result = validateTemplate(JSON.parse(readFileSync(FILE, "utf8")));
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(() => getOtSupplierBaselineTemplate()).not.toThrow();
  });

  it("has the ten sections of the question bank and at least 60 questions", () => {
    const template = getOtSupplierBaselineTemplate();
    expect(template.sections.map((section) => section.title)).toEqual([
      "Footprint and scope",
      "Firmware composition and SBOM",
      "SDKs, platforms and sub-suppliers",
      "Update channel and integrity",
      "Remote access and maintenance",
      "Identity, credentials and delegated management",
      "Connectivity and shared infrastructure",
      "Vulnerability handling and disclosure",
      "Logging, configuration and recoverability",
      "Development lifecycle and assurance",
    ]);
    expect(allQuestions(template).length).toBeGreaterThanOrEqual(60);
    for (const section of template.sections) expect(section.questions.length).toBeGreaterThanOrEqual(5);
  });

  it("is stored in the canonical export format", () => {
    const text = readFileSync(FILE, "utf8");
    const result = parseTemplateJson(text);
    expect(result.ok && exportTemplateJson(result.template)).toBe(text);
  });

  it("traces every question to at least one clause of the named standards", () => {
    const standards = new Set<string>();
    for (const question of allQuestions(getOtSupplierBaselineTemplate())) {
      expect(question.references?.length, question.id).toBeGreaterThan(0);
      for (const reference of question.references ?? []) standards.add(reference.standard);
    }
    expect([...standards].sort()).toEqual([
      "CISA Secure by Demand",
      "IEC 62443-2-4",
      "IEC 62443-4-1",
      "NIST IR 8259A",
      "NIST IR 8425",
      "NIST SP 800-161r1",
    ]);
  });

  it("uses every answer type, with component and credential lists and evidence requests", () => {
    const questions = allQuestions(getOtSupplierBaselineTemplate());
    const byId = new Map(questions.map((question) => [question.id, question]));
    expect(new Set(questions.map((question) => question.type))).toEqual(
      new Set(["yesno", "single_choice", "multiple_choice", "number", "date", "text", "group", "evidence"]),
    );
    expect(byId.get("fw_components")?.type).toBe("group");
    expect(byId.get("cred_list")?.type).toBe("group");
    for (const id of ["fw_sbom_file", "vuln_pentest_report", "dev_certificates"])
      expect(byId.get(id)?.type).toBe("evidence");
  });

  it("declares linkage rules on the questions the question bank marks as creating linkages", () => {
    const template = getOtSupplierBaselineTemplate();
    const kindsById = new Map(
      allQuestions(template).map((question) => [
        question.id,
        new Set(rulesOf(question).map((rule) => (rule.effect === "emit" ? rule.kind : "modify"))),
      ]),
    );
    const expected: Record<string, string> = {
      scope_zones: "adjacency",
      scope_cloud_dependency: "inheritance",
      fw_components: "inheritance",
      fw_binary_blobs: "inheritance",
      fw_fix_days: "modify",
      sub_sdks: "inheritance",
      sub_product_origin: "inheritance",
      sub_build_access_list: "trust",
      upd_paths: "inheritance",
      upd_signature: "modify",
      upd_key_custody: "trust",
      upd_fleet_fanout: "modify",
      ra_model: "trust",
      ra_mechanisms: "adjacency",
      ra_shared_platform: "trust",
      cred_defaults: "trust",
      cred_list: "trust",
      cred_delegated_push: "trust",
      net_hubs: "adjacency",
      net_bridges_zones: "modify",
      net_unauthenticated_writes: "trust",
      ops_siem_direct: "inheritance",
      ops_cloud_outage: "modify",
      dev_build_provenance: "modify",
    };
    for (const [id, kind] of Object.entries(expected)) expect(kindsById.get(id), id).toContain(kind);
    const perRow = allQuestions(template).flatMap((question) =>
      (question.linkages ?? []).filter((rule) => rule.effect === "emit" && rule.perRow),
    );
    expect(perRow.map((rule) => rule.id).sort()).toEqual([
      "cred_row_trust",
      "fw_component_in_product",
      "net_hub_adjacency",
      "sub_build_access_row",
      "sub_sdk_in_product",
      "sub_sdk_supplied_by",
    ]);
  });

  it("shows remote-access details only when remote access exists", () => {
    const template = getOtSupplierBaselineTemplate();
    const shown = (answers: Record<string, unknown>) =>
      visibleQuestions(template, answers).map(({ question }) => question.id);
    expect(shown({ ra_model: "none" })).not.toContain("ra_mechanisms");
    expect(shown({ ra_model: "none" })).not.toContain("dev_background_checks");
    expect(shown({ ra_model: "always_on" })).toEqual(
      expect.arrayContaining(["ra_mechanisms", "ra_mfa", "ra_session_approval", "dev_background_checks"]),
    );
    expect(shown({ ra_model: "dont_know" })).toContain("ra_mechanisms");
    expect(shown({ sub_sdks_present: "no" })).not.toContain("sub_sdks");
    expect(shown({ sub_sdks_present: "yes" })).toContain("sub_sdks");
    expect(shown({ cred_long_lived: "yes" })).toContain("cred_list");
  });

  it.each([
    ["a supplier answering yes and the first option everywhere", true],
    ["a supplier answering don't know wherever possible", false],
  ])("accepts a complete submission from %s", (_name, preferYes) => {
    const template = getOtSupplierBaselineTemplate();
    const answers = answerEverything(template, (question) => sampleAnswer(question, preferYes));
    const result = validateAnswers(template, answers, "submission");
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it("lists the required answers of an empty submission", () => {
    const template = getOtSupplierBaselineTemplate();
    const result = validateAnswers(template, {}, "submission");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.length).toBeGreaterThan(30);
    expect(result.errors.every((error) => error.code === "required" && error.sectionId !== null)).toBe(true);
  });
});
