import { describe, expect, it } from "vitest";

import type { Question } from "@/lib/questionnaire";

import { describeHopProvenance, explainAmplification, explainEvidenceGap, explainScore } from "./explain";
import { formatAnswerText } from "./format-answer";
import { printable, reportFileName } from "./vendor-report";

const q = (question: Record<string, unknown>) =>
  ({ id: "q", label: "Q", required: false, ...question }) as unknown as Question;
const choices = [
  { id: "a", label: "Always on" },
  { id: "b", label: "On demand" },
  { id: "dk", label: "Not sure", unknown: true },
];

describe("formatAnswerText", () => {
  it.each([
    [q({ type: "yesno" }), "yes", "Yes"],
    [q({ type: "yesno" }), "dont_know", "Don't know"],
    [q({ type: "yesno" }), undefined, "Not answered"],
    [q({ type: "single_choice", choices }), "b", "On demand"],
    [q({ type: "single_choice", choices }), "dk", "Don't know"],
    [q({ type: "multiple_choice", choices }), ["a", "b"], "Always on; On demand"],
    [q({ type: "number", unit: "days" }), 1200, "1,200 days"],
    [q({ type: "number" }), "dont_know", "Don't know"],
    [q({ type: "date" }), "2031-12-31", "2031-12-31"],
    [q({ type: "text", maxLength: 100 }), "  ", "Not answered"],
    [
      q({ type: "evidence", accept: ["pdf"], maxBytes: 10 }),
      [{ fileId: "f", name: "sbom.json", kind: "pdf", bytes: 1 }],
      "File: sbom.json",
    ],
    [
      q({
        type: "group",
        maxItems: 5,
        fields: [
          { id: "name", label: "Name", type: "text", required: true, maxLength: 50 },
          { id: "src", label: "Source code?", type: "yesno", required: false },
        ],
      }),
      [{ name: "FreeRTOS", src: "yes" }, { name: "Mbed TLS" }],
      "1. Name: FreeRTOS · Source code? Yes\n2. Name: Mbed TLS · Source code? —",
    ],
  ])("%#: %j", (question, value, expected) => {
    expect(formatAnswerText(question, value)).toBe(expected);
  });
});

describe("describeHopProvenance", () => {
  const provenance = {
    source: "ASSESSMENT",
    assessmentId: "asm1",
    revision: 2,
    sources: [{ questionId: "ra_model" }, { questionId: "ra_model" }, { questionId: "ra_mfa" }],
  };
  it("names every question of an assessment linkage by number and label, and other sources in words", () => {
    const questions: Record<string, { number: string; label: string }> = {
      ra_model: { number: "5.1", label: "Remote access: How do your staff reach our systems?" },
      ra_mfa: { number: "5.4", label: "Remote access: Is MFA enforced?" },
    };
    expect(describeHopProvenance(provenance, (a, q) => (a === "asm1" ? questions[q] : undefined))).toBe(
      "answer to question 5.1 “Remote access: How do your staff reach our systems?” (revision 2); answer to question 5.4 “Remote access: Is MFA enforced?” (revision 2)",
    );
    expect(describeHopProvenance({ source: "INVENTORY" })).toBe("your asset inventory");
    expect(describeHopProvenance({ source: "MANUAL" })).toBe("added by hand");
    expect(describeHopProvenance(undefined)).toBe("unknown source");
  });

  it("never prints a question key or an assessment id, even when the question is unknown", () => {
    const text = describeHopProvenance(provenance);
    expect(text).toBe("an answer of the supplier's assessment (revision 2)");
    expect(text).not.toMatch(/ra_model|asm1/);
  });
});

describe("explainScore", () => {
  const hop = (from: string, to: string) => ({ from, to, kind: "trust" as const, weight: 1 });
  const path = (contribution: number, ...keys: string[]) => ({
    asset: keys.at(-1)!,
    assetName: "",
    criticality: 5,
    probability: 1,
    pathProbability: 1,
    contribution,
    hops: keys.slice(1).map((k, i) => hop(keys[i]!, k)),
  });
  it("names the node most of the exposure on the top paths passes through", () => {
    const text = explainScore(
      "ACME",
      {
        exposure: 40,
        amplification: 0.75,
        topPaths: [path(16, "vendor:a", "component:gw", "asset:1"), path(8, "vendor:a", "asset:2")],
      },
      { "component:gw": "GW-2" },
    );
    expect(text).toContain("75 % of it arrives indirectly");
    expect(text).toContain("via GW-2 (67 % of the exposure on the top paths)");
  });
  it("says so when nothing is amplified or nothing is reached", () => {
    expect(
      explainScore("ACME", { exposure: 8, amplification: 0, topPaths: [path(8, "vendor:a", "asset:2")] }, {}),
    ).toContain("nothing is amplified");
    expect(explainScore("ACME", { exposure: 0, amplification: 0, topPaths: [] }, {})).toBe(
      "ACME reaches none of your assets through any known linkage.",
    );
  });
});

describe("model 2 explanations", () => {
  const hop = (from: string, to: string, kind: "trust" | "adjacency" | "inheritance" = "trust") => ({
    from,
    to,
    kind,
    weight: 1,
  });
  const path = (contribution: number, hops: ReturnType<typeof hop>[]) => ({
    asset: hops.at(-1)!.to,
    assetName: "",
    criticality: 5,
    probability: 1,
    pathProbability: 1,
    contribution,
    hops,
  });
  const meridian = {
    exposure: 20,
    amplification: 0.62,
    footprintExposure: 7.6,
    beyondFootprintExposure: 12.4,
    amplificationMultiplier: 20 / 7.6,
    exposureLow: 14,
    exposureHigh: 20,
    evidenceGap: 6,
    modelVersion: "trustmap-propagation/2.0.0",
    topPaths: [
      // Onward from the gateway Meridian's own firmware reaches: beyond the footprint.
      path(10, [
        hop("vendor:m", "vendor:m/component/firmware", "inheritance"),
        hop("vendor:m/component/firmware", "asset:gw", "inheritance"),
        hop("asset:gw", "asset:scada", "adjacency"),
      ]),
      // Through a shared update service.
      path(4, [
        hop("vendor:m", "pkg:nimbus-ota", "inheritance"),
        hop("pkg:nimbus-ota", "asset:panel", "inheritance"),
      ]),
      // Its own firmware on its own gateway: inside the footprint.
      path(6, [
        hop("vendor:m", "vendor:m/component/firmware", "inheritance"),
        hop("vendor:m/component/firmware", "asset:gw", "inheritance"),
      ]),
    ],
  };
  const names = { "asset:gw": "GW-2", "pkg:nimbus-ota": "Nimbus OTA" };

  it("says how much reaches beyond the vendor's own products and services, and through what", () => {
    const text = explainAmplification("Meridian", meridian, names);
    expect(text).toContain(
      "62 % of Meridian's exposure (12.4 of 20.0) reaches beyond its own products and services: through GW-2 onward (network adjacency), Nimbus OTA (inheritance).",
    );
    expect(text).toContain("Its own footprint accounts for 7.6; all routes together reach 2.6× that.");
    expect(text).not.toMatch(/indirect/);
  });

  it("a self-contained vendor and a vendor with no footprint of its own", () => {
    expect(
      explainAmplification(
        "Atlas",
        { ...meridian, amplification: 0, beyondFootprintExposure: 0, footprintExposure: 20 },
        names,
      ),
    ).toMatch(/^All of Atlas' exposure stays within its own products and services/);
    expect(
      explainAmplification(
        "Lumen",
        {
          ...meridian,
          amplification: 1,
          beyondFootprintExposure: 20,
          footprintExposure: 0,
          amplificationMultiplier: null,
        },
        names,
      ),
    ).toContain("Its own footprint reaches nothing by itself");
  });

  it("reads a sub-supplier's library inside others' products as beyond its footprint, and says \"Gateways'\"", () => {
    const lumen = {
      ...meridian,
      topPaths: [
        path(5, [
          hop("vendor:l", "sub_supplier:lumen", "inheritance"),
          hop("sub_supplier:lumen", "pkg:rtos", "inheritance"),
          hop("pkg:rtos", "asset:gw", "inheritance"),
          hop("asset:gw", "asset:scada", "adjacency"),
        ]),
      ],
    };
    expect(explainAmplification("Lumen", lumen, { ...names, "pkg:rtos": "RTOS kernel" })).toContain(
      "through RTOS kernel (inheritance).",
    );
    // An unnamed node never shows its key.
    expect(explainAmplification("Lumen", lumen, names)).toContain("through a component (inheritance).");
    expect(explainAmplification("Meridian Gateways", meridian, names)).toContain(
      "of Meridian Gateways' exposure",
    );
  });

  it("states the evidence gap as a range, or that there is none", () => {
    expect(explainEvidenceGap("Meridian", meridian)).toBe(
      'Unknown and "don\'t know" answers account for up to 6.0 of it (30 %): with the best control in their place exposure would be 14.0 rather than 20.0. Asking Meridian for those answers can only lower the score.',
    );
    expect(explainEvidenceGap("Meridian", { ...meridian, evidenceGap: 0, exposureLow: 20 })).toContain(
      "No unknown",
    );
  });

  it("explainScore uses model 2's reading for model 2 snapshots", () => {
    expect(explainScore("Meridian", meridian, names)).toContain(
      "reaches beyond its own products and services",
    );
    expect(
      explainScore("Meridian", { ...meridian, modelVersion: "trustmap-propagation/1.2.0" }, names),
    ).toContain("arrives indirectly");
  });
});

describe("printing", () => {
  it("keeps text in the built-in fonts' character set and file names in ASCII", () => {
    expect(printable("GW-2 → PLC ≥ 3 — “ok” ✓ 東京")).toBe("GW-2 -> PLC >= 3 — “ok” ? ??");
    expect(reportFileName("Nordgate Gateways GmbH & Co. KG")).toBe(
      "nordgate-gateways-gmbh-co-kg-trustmap-report.pdf",
    );
    expect(reportFileName("Société Générale")).toBe("societe-generale-trustmap-report.pdf");
    expect(reportFileName("東京")).toBe("vendor-trustmap-report.pdf");
  });
});
