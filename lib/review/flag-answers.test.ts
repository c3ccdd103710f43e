import { describe, expect, it } from "vitest";

import { extractLinkages } from "../linkage";
import { validateTemplate, type Template } from "../questionnaire";
import { flagAnswers, isDontKnowAnswer } from "./flag-answers";

function makeTemplate(questions: unknown[]): Template {
  const result = validateTemplate({
    key: "flag-test",
    version: 1,
    title: "Flag test",
    description: "",
    sections: [{ id: "main", title: "Main", questions }],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.template;
}

const template = makeTemplate([
  {
    id: "path",
    type: "single_choice",
    label: "Update path",
    required: true,
    choices: [
      {
        id: "cloud",
        label: "Cloud push",
        linkages: [
          {
            id: "p_cloud",
            effect: "emit",
            kind: "inheritance",
            from: { kind: "update_service" },
            to: { kind: "product" },
            weight: 0.8,
            unknownWeight: 0.9,
            reason: "Cloud push.",
          },
        ],
      },
      { id: "media", label: "USB stick" },
    ],
  },
  {
    id: "sig",
    type: "single_choice",
    label: "Signature verification",
    required: true,
    choices: [
      {
        id: "bootloader",
        label: "Bootloader",
        linkages: [
          {
            id: "m_boot",
            effect: "modify",
            targets: ["p_cloud"],
            op: "multiply",
            value: 0.2,
            unknownValue: 1,
            reason: "Verified in the bootloader.",
          },
        ],
      },
      { id: "dont_know", label: "Don't know", unknown: true },
    ],
  },
  { id: "notes", type: "text", label: "Notes", required: false, maxLength: 200 },
  { id: "days", type: "number", label: "Days to patch", required: false, allowDontKnow: true },
]);

function flags(answers: Record<string, unknown>) {
  const extraction = extractLinkages({
    template,
    answers,
    provenance: { assessmentId: "asm-1", revision: 1 },
    vendor: { id: "v1", name: "Vendor One" },
    deployments: [{ assetId: "plc-1", assetName: "PLC 1", assetType: "controller" }],
    assets: [{ id: "plc-1", name: "PLC 1", type: "controller" }],
  });
  // "question: dontKnow? from -> to kind weight; …" lines, for compact expectations.
  return [...flagAnswers(template, answers, extraction)]
    .map(([id, f]) =>
      `${id}:${f.dontKnow ? " don't know" : ""} ${f.linkages.map((l) => `${l.to} ${l.kind} ${Number(l.weight.toFixed(2))}`).join("; ")}`.trimEnd(),
    )
    .sort();
}

describe("flagAnswers", () => {
  it.each([
    [
      "an unsigned cloud push flags the path and the answer that left its weight high",
      { path: "cloud", sig: "dont_know", notes: "x", days: 3 },
      ["path: PLC 1 inheritance 0.8", "sig: don't know PLC 1 inheritance 0.8"],
    ],
    [
      "bootloader verification brings the linkage below the threshold: nothing is flagged",
      { path: "cloud", sig: "bootloader", notes: "x", days: 3 },
      [],
    ],
    ["no cloud path, no linkage: nothing is flagged", { path: "media", sig: "bootloader", days: 3 }, []],
    [
      "a don't know without a linkage is still flagged, with no linkage",
      { path: "media", sig: "bootloader", days: "dont_know" },
      ["days: don't know"],
    ],
  ])("%s", (_name, answers, expected) => {
    expect(flags(answers)).toEqual(expected);
  });

  it("leaves custody linkages (vendor → the update service it runs, weight 1) out", () => {
    const all = flags({ path: "cloud", sig: "dont_know" }).join(" | ");
    expect(all).not.toContain("update_service");
    expect(all).not.toMatch(/ 1(;|$| \|)/);
  });

  it("a lower threshold flags the bootloader-verified linkage too", () => {
    const answers = { path: "cloud", sig: "bootloader" };
    const extraction = extractLinkages({
      template,
      answers,
      provenance: { assessmentId: "asm-1", revision: 1 },
      vendor: { id: "v1", name: "Vendor One" },
      deployments: [{ assetId: "plc-1", assetName: "PLC 1", assetType: "controller" }],
      assets: [],
    });
    const result = flagAnswers(template, answers, extraction, 0.1);
    expect(result.get("path")?.linkages.map((l) => Number(l.weight.toFixed(2)))).toEqual([0.16]);
    expect(result.get("sig")?.dontKnow).toBe(false);
  });
});

describe("isDontKnowAnswer", () => {
  const [path, sig, notes, days] = template.sections[0]!.questions;
  it.each([
    [sig!, "dont_know", true],
    [sig!, "bootloader", false],
    [days!, "dont_know", true],
    [days!, 4, false],
    [notes!, "dont_know", true],
    [path!, undefined, false],
  ])("%# %j", (question, value, expected) => {
    expect(isDontKnowAnswer(question, value)).toBe(expected);
  });
});
