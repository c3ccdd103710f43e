import { describe, expect, it } from "vitest";

import {
  acmeAnswers,
  acmeDeployments,
  acmeVendor,
  plantInventory,
} from "@/tests/support/linkage/baseline-answers";

import { getOtSupplierBaselineTemplate } from "../questionnaire";
import {
  buildScoringGraph,
  DEFAULT_WEIGHTS,
  resolveBestControlWeight,
  resolveScoringConfig,
  scoreVendor,
  type GraphDocument,
} from "../scoring";
import { resolveComponentSuppliers, withModel2Inputs } from "./component-suppliers";
import { extractLinkages } from "./extract-linkages";
import { toGraphDocument } from "./to-graph-document";
import type { ExtractionResult, LinkageProvenance } from "./types";

const src = (over: Partial<LinkageProvenance>): LinkageProvenance => ({
  assessmentId: "a1",
  revision: 1,
  questionId: "q",
  ruleId: "r",
  unknown: false,
  weight: 0.5,
  reason: "",
  modifiers: [],
  ...over,
});

const result = (
  nodes: ExtractionResult["nodes"],
  linkages: ExtractionResult["linkages"],
): ExtractionResult => ({ nodes, linkages, needsMapping: [], warnings: [] });

describe("component suppliers from extraction", () => {
  const doc = toGraphDocument(
    [
      result(
        [
          { key: "vendor:v1", type: "vendor", name: "V1" },
          { key: "vendor:v2", type: "vendor", name: "V2" },
          {
            key: "vendor:v1/platform",
            type: "component",
            name: "V1 platform",
            subtype: "management-platform",
          },
          { key: "vendor:v1/firmware", type: "component", name: "V1 firmware", subtype: "firmware" },
          { key: "shared-ota", type: "component", name: "Shared OTA", subtype: "update-service" },
          { key: "sub_supplier:rtos", type: "component", name: "RTOS Inc", subtype: "sub-supplier" },
          { key: "pkg:rtos", type: "component", name: "RTOS kernel" },
          { key: "asset:plc", type: "asset", name: "PLC" },
        ],
        [
          {
            fromKey: "vendor:v1",
            toKey: "vendor:v1/platform",
            kind: "inheritance",
            weight: 1,
            reason: "",
            provenance: [src({ custody: true, weight: 1 })],
          },
          {
            fromKey: "vendor:v1",
            toKey: "vendor:v1/firmware",
            kind: "inheritance",
            weight: 0.6,
            reason: "",
            provenance: [src({ ruleId: "fw_vendor_builds_firmware", weight: 0.6 })],
          },
          // Two vendors claim custody of the same node: the sources disagree.
          {
            fromKey: "vendor:v1",
            toKey: "shared-ota",
            kind: "inheritance",
            weight: 1,
            reason: "",
            provenance: [src({ custody: true, weight: 1 })],
          },
          {
            fromKey: "vendor:v2",
            toKey: "shared-ota",
            kind: "inheritance",
            weight: 1,
            reason: "",
            provenance: [src({ custody: true, weight: 1 })],
          },
          {
            fromKey: "sub_supplier:rtos",
            toKey: "pkg:rtos",
            kind: "inheritance",
            weight: 0.7,
            reason: "",
            provenance: [src({ ruleId: "sub_sdk_supplied_by", weight: 0.7 })],
          },
          {
            fromKey: "pkg:rtos",
            toKey: "asset:plc",
            kind: "inheritance",
            weight: 0.7,
            reason: "",
            provenance: [src({ weight: 0.7 })],
          },
        ],
      ),
      // The RTOS maker is a vendor of the organisation too, linked to its sub-supplier node by hand.
      result([{ key: "vendor:rtos", type: "vendor", name: "RTOS Inc" }], []),
    ],
    { extraLinkages: [{ from: "vendor:rtos", to: "sub_supplier:rtos", kind: "inheritance", weight: 0.9 }] },
  );
  const supplier = (id: string) => doc.nodes.find((n) => n.id === id)!.supplier;

  it("custody and 'vendor builds' linkages name the supplier", () => {
    expect(supplier("vendor:v1/platform")).toBe("vendor:v1");
    expect(supplier("vendor:v1/firmware")).toBe("vendor:v1");
  });

  it("a sub-supplier's node belongs to the sub-supplier's vendor node; its library inside V1's product does not", () => {
    expect(supplier("sub_supplier:rtos")).toBe("vendor:rtos");
    // V1's answers (assessment a1) put the kernel in V1's product: the node is the kernel inside V1's units.
    expect(supplier("pkg:rtos")).toBeUndefined();
  });

  it("a component the sub-supplier's vendor's own answers attach to the sub-supplier is its own", () => {
    const own: GraphDocument = {
      ...doc,
      nodes: [...doc.nodes, { id: "pkg:rtos-tools", type: "component", name: "RTOS build tools" }],
      linkages: [
        ...doc.linkages,
        {
          from: "vendor:rtos",
          to: "vendor:rtos/firmware",
          kind: "inheritance",
          weight: 1,
          provenance: [src({ assessmentId: "a-rtos", ruleId: "fw_vendor_builds_firmware", weight: 1 })],
        },
        {
          from: "sub_supplier:rtos",
          to: "pkg:rtos-tools",
          kind: "inheritance",
          weight: 0.5,
          provenance: [src({ assessmentId: "a-rtos", weight: 0.5 })],
        },
      ],
    };
    const suppliers = resolveComponentSuppliers(own);
    expect(suppliers.get("pkg:rtos-tools")).toBe("vendor:rtos");
    expect(suppliers.has("pkg:rtos")).toBe(false);
  });

  it("leaves the supplier unset where sources disagree, and never sets it on vendors or assets", () => {
    expect(supplier("shared-ota")).toBeUndefined();
    expect(supplier("asset:plc")).toBeUndefined();
    expect(supplier("vendor:v1")).toBeUndefined();
  });

  it("a sub-supplier two vendors link into supplies nothing by name", () => {
    const twice: GraphDocument = {
      ...doc,
      linkages: [...doc.linkages, { from: "vendor:v2", to: "sub_supplier:rtos", kind: "trust", weight: 0.3 }],
    };
    const suppliers = resolveComponentSuppliers(twice);
    expect(suppliers.has("sub_supplier:rtos")).toBe(false);
    expect(suppliers.has("pkg:rtos")).toBe(false);
  });

  it("an RTOS embedded in three vendors' firmware amplifies everything it reaches (issue 11: A = 1)", () => {
    // Each embedding vendor's answers: it builds its firmware, which runs on its own unit, and names
    // the RTOS maker as the supplier of the kernel inside it (one kernel node: common-mode inheritance).
    const embedding = ["v1", "v2", "v3"].map((v) =>
      result(
        [
          { key: `vendor:${v}`, type: "vendor", name: v.toUpperCase() },
          { key: `vendor:${v}/firmware`, type: "component", name: `${v} firmware`, subtype: "firmware" },
          { key: "sub_supplier:rtos", type: "component", name: "RTOS Inc", subtype: "sub-supplier" },
          { key: "pkg:rtos", type: "component", name: "RTOS kernel" },
          { key: `asset:${v}-unit`, type: "asset", name: `${v} unit` },
        ],
        [
          {
            fromKey: `vendor:${v}`,
            toKey: `vendor:${v}/firmware`,
            kind: "inheritance",
            weight: 1,
            reason: "",
            provenance: [src({ assessmentId: v, ruleId: "fw_vendor_builds_firmware", weight: 1 })],
          },
          {
            fromKey: `vendor:${v}/firmware`,
            toKey: `asset:${v}-unit`,
            kind: "inheritance",
            weight: 0.6,
            reason: "",
            provenance: [src({ assessmentId: v, weight: 0.6 })],
          },
          {
            fromKey: "sub_supplier:rtos",
            toKey: "pkg:rtos",
            kind: "inheritance",
            weight: 0.5,
            reason: "",
            provenance: [src({ assessmentId: v, ruleId: "sub_sdk_supplied_by", weight: 0.5 })],
          },
          {
            fromKey: "pkg:rtos",
            toKey: `asset:${v}-unit`,
            kind: "inheritance",
            weight: 0.4,
            reason: "",
            provenance: [src({ assessmentId: v, weight: 0.4 })],
          },
        ],
      ),
    );
    const three = toGraphDocument(
      [...embedding, result([{ key: "vendor:rtos", type: "vendor", name: "RTOS Inc" }], [])],
      { extraLinkages: [{ from: "vendor:rtos", to: "sub_supplier:rtos", kind: "inheritance", weight: 0.9 }] },
    );
    const graph = buildScoringGraph(three);
    const rtos = scoreVendor(graph, "vendor:rtos");
    expect(rtos.exposure).toBeGreaterThan(0);
    expect(rtos.footprintExposure).toBe(0);
    expect(rtos.amplification).toBe(1);
    for (const v of ["v1", "v2", "v3"]) {
      const embedder = scoreVendor(graph, `vendor:${v}`);
      expect(embedder.amplification, v).toBeLessThan(rtos.amplification);
    }
  });

  it("a file's own supplier wins over extraction", () => {
    const own: GraphDocument = {
      ...doc,
      nodes: doc.nodes.map((n) => (n.id === "pkg:rtos" ? { ...n, supplier: "vendor:v2" } : n)),
    };
    expect(withModel2Inputs(own).nodes.find((n) => n.id === "pkg:rtos")!.supplier).toBe("vendor:v2");
  });
});

describe("unknown-answer linkages", () => {
  const linkage = (kind: "trust" | "adjacency", weight: number, provenance: LinkageProvenance[]) =>
    toGraphDocument([
      result(
        [
          { key: "vendor:v", type: "vendor", name: "V" },
          { key: "asset:x", type: "asset", name: "X" },
        ],
        [{ fromKey: "vendor:v", toKey: "asset:x", kind, weight, reason: "", provenance }],
      ),
    ]).linkages[0]!;

  it("marks a linkage whose weight an unknown answer set, with the best control's weight", () => {
    const l = linkage("trust", 0.9, [src({ unknown: true, weight: 0.9 })]);
    expect(l.unknown).toBe(true);
    expect(l.bestWeight).toBe(resolveBestControlWeight("trust", DEFAULT_WEIGHTS));
    expect(l.bestWeight!).toBeLessThanOrEqual(0.9);
  });

  it("never puts bestWeight above the weight", () => {
    // Adjacency's best control (unidirectional gateway) is 0.05, above this weight.
    const l = linkage("adjacency", 0.01, [src({ unknown: true, weight: 0.01 })]);
    expect(l.bestWeight).toBe(0.01);
  });

  it("a known source of the same linkage keeps the low end at its weight", () => {
    const l = linkage("adjacency", 0.9, [
      src({ unknown: true, weight: 0.9 }),
      src({ questionId: "q2", weight: 0.6 }),
    ]);
    expect(l.unknown).toBe(true);
    expect(l.bestWeight).toBe(0.6);
  });

  it("leaves linkages set by known answers alone", () => {
    const l = linkage("trust", 0.9, [
      src({ weight: 0.9 }),
      src({ questionId: "q2", unknown: true, weight: 0.5 }),
    ]);
    expect(l.unknown).toBeUndefined();
    expect(l.bestWeight).toBeUndefined();
  });

  it("follows the organisation's config for the best control", () => {
    const config = resolveScoringConfig({ controlWeights: { adjacency: { "air-gap": 0.02 } } });
    const doc = toGraphDocument(
      [
        result(
          [
            { key: "vendor:v", type: "vendor", name: "V" },
            { key: "asset:x", type: "asset", name: "X" },
          ],
          [
            {
              fromKey: "vendor:v",
              toKey: "asset:x",
              kind: "adjacency",
              weight: 0.9,
              reason: "",
              provenance: [src({ unknown: true, weight: 0.9 })],
            },
          ],
        ),
      ],
      { config },
    );
    expect(doc.linkages[0]!.bestWeight).toBe(0.02);
  });
});

describe("a real extraction", () => {
  it("gives the vendor its firmware and operated nodes, and its score an exposure range", () => {
    const acme = extractLinkages({
      template: getOtSupplierBaselineTemplate(),
      answers: { ...acmeAnswers, ra_mechanisms: "dont_know" },
      provenance: { assessmentId: "asm-acme", revision: 1 },
      vendor: acmeVendor,
      deployments: acmeDeployments,
      assets: plantInventory,
    });
    const doc = toGraphDocument([acme], { assets: plantInventory });
    const owned = doc.nodes.filter((n) => n.supplier === `vendor:${acmeVendor.id}`);
    expect(owned.length).toBeGreaterThan(0);
    const score = scoreVendor(buildScoringGraph(doc), `vendor:${acmeVendor.id}`);
    expect(score.footprintExposure).toBeGreaterThan(0);
    expect(score.exposureLow).toBeLessThanOrEqual(score.exposureHigh);
  });
});
