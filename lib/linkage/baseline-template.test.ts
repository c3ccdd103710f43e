/**
 * Extraction from the built-in "OT supplier baseline" template with realistic answers
 * (fixtures/baseline-answers.ts), and the properties the design asks for: honest unknowns,
 * determinism, answer-order independence and component dedup across vendors.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  acmeAnswers,
  acmeDeployments,
  acmeVendor,
  nordgateAnswers,
  nordgateDeployments,
  nordgateVendor,
  plantInventory,
} from "@/tests/support/linkage/baseline-answers";

import {
  getOtSupplierBaselineTemplate,
  validateAnswers,
  type GroupField,
  type Question,
} from "../questionnaire";
import { extractLinkages } from "./extract-linkages";
import type { ExtractionInput, ExtractionResult, LinkageKind } from "./types";

const template = getOtSupplierBaselineTemplate();
const questions = template.sections.flatMap((s) => s.questions);

function acmeInput(answers: Record<string, unknown> = acmeAnswers): ExtractionInput {
  return {
    template,
    answers,
    provenance: { assessmentId: "asm-acme", revision: 2 },
    vendor: acmeVendor,
    deployments: acmeDeployments,
    assets: plantInventory,
  };
}
const acme = extractLinkages(acmeInput());
const nordgate = extractLinkages({
  template,
  answers: nordgateAnswers,
  provenance: { assessmentId: "asm-nordgate", revision: 1 },
  vendor: nordgateVendor,
  deployments: nordgateDeployments,
  assets: plantInventory,
});

const countByKind = (result: ExtractionResult) => {
  const counts: Record<LinkageKind, number> = { adjacency: 0, inheritance: 0, trust: 0 };
  for (const l of result.linkages) counts[l.kind]++;
  return counts;
};

describe("realistic answers to the built-in template", () => {
  it("the fixtures are valid submissions", () => {
    for (const answers of [acmeAnswers, nordgateAnswers]) {
      const result = validateAnswers(template, answers, "submission");
      expect(result.ok ? [] : result.errors).toEqual([]);
    }
  });

  it("ACME: linkages of all three kinds, every one with provenance naming a real question and rule", () => {
    expect(countByKind(acme)).toEqual({ adjacency: 24, inheritance: 41, trust: 28 });
    const questionIds = new Set(questions.map((q) => q.id));
    for (const linkage of acme.linkages) {
      expect(linkage.weight).toBeGreaterThanOrEqual(0);
      expect(linkage.weight).toBeLessThanOrEqual(1);
      expect(linkage.reason.length).toBeGreaterThan(10);
      expect(linkage.provenance.length).toBeGreaterThan(0);
      for (const p of linkage.provenance) {
        expect(p).toMatchObject({ assessmentId: "asm-acme", revision: 2 });
        expect(questionIds.has(p.questionId)).toBe(true);
      }
      // every endpoint is a node of the result
      expect(acme.nodes.some((n) => n.key === linkage.fromKey)).toBe(true);
      expect(acme.nodes.some((n) => n.key === linkage.toKey)).toBe(true);
    }
    expect(countByKind(nordgate)).toEqual({ adjacency: 11, inheritance: 18, trust: 9 });
  });

  it("explains the cloud update path in words, with every control that shaped its weight", () => {
    const push = acme.linkages.find(
      (l) => l.fromKey === "vendor:vendor-acme/update_service/cloud_push" && l.toKey === "asset:plc-kiln-1",
    )!;
    expect(push.kind).toBe("inheritance");
    expect(push.weight).toBeCloseTo(0.8 * 0.9 * 0.9 * 1.5 * 0.95, 12);
    expect(push.reason).toMatch(/^The vendor cloud can push/);
    expect(push.provenance[0]!.modifiers.map((m) => m.ruleId)).toEqual([
      "upd_sig_checksum",
      "upd_ctl_stage",
      "upd_fanout",
      "dev_provenance_internal",
    ]);
  });

  it("hidden answers produce nothing", () => {
    // upd_key_custody / upd_key_holders are asked only for signed updates; ACME answered "checksum" but left stale answers.
    const rules = new Set(
      acme.linkages.flatMap((l) =>
        l.provenance.flatMap((p) => [p.ruleId, ...p.modifiers.map((m) => m.ruleId)]),
      ),
    );
    for (const id of ["upd_key_software", "upd_key_hsm_single", "upd_key_hsm_dual", "upd_key_many_holders"])
      expect(rules.has(id)).toBe(false);
    const { upd_key_custody: _custody, upd_key_holders: _holders, ...withoutHidden } = acmeAnswers;
    expect(extractLinkages(acmeInput(withoutHidden))).toEqual(acme);
  });

  it("don't know on a remote-access subcontractor gate yields the pessimistic linkage; zero-weight gates emit nothing", () => {
    const sub = acme.linkages.filter((l) => l.provenance.some((p) => p.ruleId === "ra_subcontractor_access"));
    expect(sub.map((l) => [l.toKey, l.weight, l.provenance[0]!.unknown])).toEqual([
      ["asset:zone-l1-kiln", 0.7, true],
      ["asset:zone-l2", 0.7, true],
    ]);
    const rules = new Set(acme.linkages.flatMap((l) => l.provenance.map((p) => p.ruleId)));
    for (const gate of [
      "sub_sdks_undisclosed",
      "sub_build_access_undisclosed",
      "cred_long_lived_undisclosed",
      "net_hubs_undisclosed",
    ])
      expect(rules.has(gate)).toBe(false);
  });

  it("named infrastructure matches the inventory; the rest needs mapping", () => {
    const hubs = acme.linkages.filter(
      (l) => l.provenance.some((p) => p.ruleId === "net_hub_adjacency") && l.fromKey === "asset:plc-kiln-1",
    );
    expect(hubs.map((l) => l.toKey)).toEqual([
      "asset:broker-l3",
      "asset:gw-01",
      "asset:unmapped:acme edgebox 200",
    ]);
    expect(acme.needsMapping.map((m) => [m.questionId, m.rowIndex, m.label])).toEqual([
      ["net_hubs", 2, "ACME EdgeBox 200"],
      ["net_protocols", undefined, "network peers"],
    ]);
    expect(acme.warnings).toEqual([]);
  });

  it("the same components reported by two vendors, spelt differently, are the same nodes", () => {
    const components = (r: ExtractionResult) =>
      new Set(r.nodes.filter((n) => n.key.startsWith("component:")).map((n) => n.key));
    const shared = [...components(acme)].filter((k) => components(nordgate).has(k)).sort();
    expect(shared).toEqual([
      "component:cpe:cpe:2.3:a:arm:mbed_tls:2.28.1:*:*:*:*:*:*:*", // CPE 2.3 string vs 2.2 URI
      "component:name:freertos plus tcp@10.4.3", // "FreeRTOS-Plus-TCP" vs "freertos plus tcp"
      "component:purl:pkg:github/mcu-tools/mcuboot@v1.9.0", // github purl case and a qualifier
    ]);
  });
});

describe("determinism", () => {
  it("same input, same output; plain JSON data", () => {
    expect(extractLinkages(acmeInput())).toEqual(acme);
    expect(JSON.parse(JSON.stringify(acme))).toEqual(acme);
  });

  it("independent of the order of answer keys, deployments and inventory", () => {
    const entries = Object.entries(acmeAnswers);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(entries, { minLength: entries.length }),
        fc.shuffledSubarray(acmeDeployments, { minLength: acmeDeployments.length }),
        fc.shuffledSubarray(plantInventory, { minLength: plantInventory.length }),
        (shuffledAnswers, deployments, assets) => {
          const result = extractLinkages({
            ...acmeInput(Object.fromEntries(shuffledAnswers)),
            deployments,
            assets,
          });
          expect(result).toEqual(acme);
        },
      ),
      { numRuns: 25 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Honest unknowns: for every question with rules, "don't know" (or no answer) gives each of its
// rules a weight at least as high as any truthful answer does.

const hasRules = (q: Question) =>
  (q.linkages?.length ?? 0) > 0 ||
  ((q.type === "single_choice" || q.type === "multiple_choice") &&
    q.choices.some((c) => (c.linkages?.length ?? 0) > 0)) ||
  (q.type === "group" &&
    q.fields.some((f) => f.type === "single_choice" && f.choices.some((c) => (c.linkages?.length ?? 0) > 0)));

function knownAnswer(q: Question): fc.Arbitrary<unknown> {
  switch (q.type) {
    case "yesno":
      return fc.constantFrom("yes", "no");
    case "single_choice":
      return fc.constantFrom(...q.choices.filter((c) => !c.unknown).map((c) => c.id));
    case "multiple_choice": {
      const plain = q.choices.filter((c) => !c.unknown && !c.exclusive).map((c) => c.id);
      const exclusive = q.choices.filter((c) => !c.unknown && c.exclusive).map((c) => [c.id]);
      return fc.oneof(
        fc.subarray(plain, { minLength: 1 }),
        ...(exclusive.length > 0 ? [fc.constantFrom(...exclusive)] : []),
      );
    }
    case "number":
      return q.integer
        ? fc.integer({ min: q.min ?? 0, max: q.max ?? 1000 })
        : fc.double({ min: q.min ?? 0, max: q.max ?? 1000, noNaN: true });
    case "group":
      return fc.array(fc.record(Object.fromEntries(q.fields.map((f) => [f.id, fieldAnswer(f)]))), {
        minLength: 1,
        maxLength: 4,
      });
    default:
      throw new Error(`no generator for ${q.type}`);
  }
}

function fieldAnswer(f: GroupField): fc.Arbitrary<string | number> {
  switch (f.type) {
    case "single_choice":
      return fc.constantFrom(...f.choices.filter((c) => !c.unknown).map((c) => c.id));
    case "yesno":
      return fc.constantFrom("yes", "no");
    case "number":
      return fc.integer({ min: f.min ?? 0, max: f.max ?? 100 });
    case "date":
      return fc.constant("2025-01-01");
    case "text":
      return fc.constantFrom(
        "GW-01",
        "Line 3 MQTT broker",
        "FreeRTOS",
        "pkg:github/a/b@1",
        "svc-x",
        "Unknown Box",
      );
  }
}

function unknownAnswers(q: Question): Array<Record<string, unknown>> {
  const variants: Array<Record<string, unknown>> = [{}]; // unanswered
  if (q.type === "yesno" || (q.type === "number" && q.allowDontKnow)) variants.push({ [q.id]: "dont_know" });
  if (q.type === "single_choice" || q.type === "multiple_choice") {
    const unknown = q.choices.find((c) => c.unknown);
    if (unknown) variants.push({ [q.id]: q.type === "single_choice" ? unknown.id : [unknown.id] });
  }
  return variants;
}

describe("honest unknowns", () => {
  const ruled = questions.filter(hasRules);

  it("covers every question of the built-in template that has linkage rules", () => {
    expect(ruled.length).toBeGreaterThan(30);
  });

  for (const q of ruled) {
    it(`${q.id}: don't know / unanswered ≥ any answer, rule by rule`, () => {
      const { [q.id]: _dropped, ...rest } = acmeAnswers;
      const unknownResults = unknownAnswers(q).map((extra) =>
        extractLinkages(acmeInput({ ...rest, ...extra })),
      );
      fc.assert(
        fc.property(knownAnswer(q), (value) => {
          const answered = extractLinkages(acmeInput({ ...rest, [q.id]: value }));
          const placeholders = new Set(answered.nodes.filter((n) => n.placeholder).map((n) => n.key));
          for (const linkage of answered.linkages) {
            // A per-row rule of an unknown list emits to a placeholder, and a zone missing from the
            // inventory is a placeholder the unknown expansion cannot name: compare the rule's weight there.
            const ruleLevel =
              q.type === "group" || placeholders.has(linkage.fromKey) || placeholders.has(linkage.toKey);
            for (const p of linkage.provenance) {
              if (p.custody) continue;
              const emittedHere = p.questionId === q.id;
              const modifiedHere = p.modifiers.some((m) => m.questionId === q.id);
              if (!emittedHere && !modifiedHere) continue;
              for (const unknown of unknownResults) {
                const unknownPlaceholders = new Set(
                  unknown.nodes.filter((n) => n.placeholder).map((n) => n.key),
                );
                const candidates = unknown.linkages.flatMap((l) =>
                  l.provenance
                    .filter((u) => u.ruleId === p.ruleId && !u.custody)
                    // An unknown multiple choice collapses to one placeholder node: compare the rule's weight there too.
                    .filter(
                      () =>
                        ruleLevel ||
                        unknownPlaceholders.has(l.fromKey) ||
                        unknownPlaceholders.has(l.toKey) ||
                        (l.fromKey === linkage.fromKey &&
                          l.toKey === linkage.toKey &&
                          l.kind === linkage.kind),
                    )
                    .filter((u) => q.type === "group" || u.rowIndex === p.rowIndex)
                    .map((u) => u.weight),
                );
                expect(
                  Math.max(-1, ...candidates),
                  `${p.ruleId} ${linkage.fromKey} -> ${linkage.toKey}`,
                ).toBeGreaterThanOrEqual(p.weight - 1e-12);
              }
            }
          }
        }),
        { numRuns: 15 },
      );
    });
  }
});
