/**
 * The extractor's output feeds lib/scoring unchanged: two vendors' extractions plus the inventory
 * become one graph document, which parses cleanly and scores.
 */
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

import { getOtSupplierBaselineTemplate } from "../questionnaire";
import {
  buildScoringGraph,
  computeBlastRadius,
  parseGraphDocument,
  scorePortfolio,
  type GraphLinkageInput,
} from "../scoring";
import { extractLinkages } from "./extract-linkages";
import { toGraphDocument } from "./to-graph-document";
import type { ExtractionResult } from "./types";

const template = getOtSupplierBaselineTemplate();
const extractAcme = (answers: Record<string, unknown>) =>
  extractLinkages({
    template,
    answers,
    provenance: { assessmentId: "asm-acme", revision: 2 },
    vendor: acmeVendor,
    deployments: acmeDeployments,
    assets: plantInventory,
  });
const acme = extractAcme(acmeAnswers);
const nordgate = extractLinkages({
  template,
  answers: nordgateAnswers,
  provenance: { assessmentId: "asm-nordgate", revision: 1 },
  vendor: nordgateVendor,
  deployments: nordgateDeployments,
  assets: plantInventory,
});

// The buyer's own adjacency: what sits in which zone, what talks through which gateway.
const buyerLinkages: GraphLinkageInput[] = [
  {
    from: "asset:zone-l1-kiln",
    to: "asset:plc-kiln-1",
    kind: "adjacency",
    weight: 0.6,
    reason: "Flat cell network",
  },
  {
    from: "asset:zone-l1-kiln",
    to: "asset:plc-kiln-2",
    kind: "adjacency",
    weight: 0.6,
    reason: "Flat cell network",
  },
  {
    from: "asset:zone-l2",
    to: "asset:plc-mill-1",
    kind: "adjacency",
    weight: 0.4,
    reason: "Supervisory network reaches the mill PLC",
  },
  {
    from: "asset:gw-01",
    to: "asset:plc-kiln-1",
    kind: "adjacency",
    weight: 0.8,
    reason: "Modbus/OPC UA translation for the kiln",
  },
  {
    from: "asset:gw-01",
    to: "asset:plc-kiln-2",
    kind: "adjacency",
    weight: 0.8,
    reason: "Modbus/OPC UA translation for the kiln",
  },
  {
    from: "asset:broker-l3",
    to: "asset:hist-1",
    kind: "adjacency",
    weight: 0.5,
    reason: "Historian subscribes to line 3",
  },
];

function score(results: ExtractionResult[]) {
  const parsed = parseGraphDocument(
    toGraphDocument(results, { assets: plantInventory, extraLinkages: buyerLinkages }),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const graph = buildScoringGraph(parsed.graph);
  return { parsed, graph, portfolio: scorePortfolio(graph) };
}

describe("extraction → graph document → scores", () => {
  const { parsed, graph, portfolio } = score([acme, nordgate]);

  it("parses: only placeholders (unmapped infrastructure, network peers) lack a criticality", () => {
    const missing = parsed.warnings
      .filter((w) => w.path.endsWith(".criticality"))
      .map((w) => parsed.graph.nodes[Number(/nodes\[(\d+)\]/.exec(w.path)![1])]!);
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.every((n) => n.placeholder === true)).toBe(true);
    // the shared components appear once although both vendors reported them
    expect(parsed.graph.nodes.filter((n) => n.id === "component:name:freertos plus tcp@10.4.3")).toHaveLength(
      1,
    );
  });

  it("scores both vendors, with paths that quote the supplier's answers", () => {
    const byId = new Map(portfolio.vendors.map((v) => [v.id, v]));
    const a = byId.get("vendor:vendor-acme")!;
    const n = byId.get("vendor:vendor-nordgate")!;
    expect(a.exposure).toBeGreaterThan(0);
    expect(n.exposure).toBeGreaterThan(0);
    // ACME: checksum-only cloud pushes, always-on access, never-expiring shared service password
    expect(a.exposure).toBeGreaterThan(n.exposure);
    expect(a.byKind.adjacency + a.byKind.inheritance + a.byKind.trust).toBeCloseTo(a.exposure, 9);
    const hop = a.topPaths[0]!.hops[0]!;
    expect(hop.reason).toBeTruthy();
    expect(Array.isArray(hop.provenance)).toBe(true);
    expect((hop.provenance as Array<{ assessmentId: string }>)[0]!.assessmentId).toBe("asm-acme");
  });

  it("a shared component's blast radius spans both vendors' products (common-mode inheritance)", () => {
    const blast = computeBlastRadius(graph, "component:name:freertos plus tcp@10.4.3");
    const reached = new Set(blast.assets.map((a) => a.id));
    for (const id of ["asset:plc-kiln-1", "asset:plc-mill-1", "asset:gw-01", "asset:gw-02"])
      expect(reached.has(id)).toBe(true);
  });

  it("answering don't know never lowers a vendor's exposure below a truthful strong answer", () => {
    const exposure = (answers: Record<string, unknown>) =>
      score([extractAcme(answers), nordgate]).portfolio.vendors.find((v) => v.id === "vendor:vendor-acme")!
        .exposure;
    for (const [question, strong] of [
      ["ra_mfa", "phishing_resistant"],
      ["upd_signature", "bootloader"],
      ["cred_defaults", "unique_forced"],
      ["ra_model", "on_demand"],
    ] as const) {
      expect(exposure({ ...acmeAnswers, [question]: "dont_know" }), question).toBeGreaterThanOrEqual(
        exposure({ ...acmeAnswers, [question]: strong }),
      );
    }
  });
});
