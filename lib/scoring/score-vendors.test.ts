/**
 * The worked example from docs/scoring.md, checked number by number. If a number here changes, the
 * document must change with it (and MODEL_VERSION be bumped).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyGraphChanges } from "./apply-graph-changes";
import { MODEL_VERSION } from "./config";
import { parseGraphJson, type GraphDocument } from "./graph-format";
import { evaluateWhatIf, findAffectedVendors } from "./recompute-incrementally";
import { computeBlastRadius, rankStructuralAmplifiers, scorePortfolio, scoreVendor } from "./score-vendors";
import { buildScoringGraph } from "./scoring-graph";

function loadExample(): GraphDocument {
  const parsed = parseGraphJson(readFileSync(new URL("../../examples/graphs/small-plant.json", import.meta.url), "utf8"));
  if (!parsed.ok) throw new Error("example must parse");
  return parsed.graph;
}

const graph = buildScoringGraph(loadExample());

describe("worked example (docs/scoring.md)", () => {
  it("scores ACME: direct remote access plus inherited firmware", () => {
    const acme = scoreVendor(graph, "acme");
    expect(acme.exposure).toBeCloseTo(14.4, 12); // 16 × 0.7 + 8 × 0.4
    expect(acme.directExposure).toBeCloseTo(8, 12); // 16 × 0.5
    expect(acme.amplification).toBeCloseTo(6.4 / 14.4, 12);
    expect(acme.byKind).toEqual({ adjacency: 0, inheritance: expect.closeTo(3.2, 12), trust: expect.closeTo(11.2, 12) });
    expect(acme.assetsReached).toBe(2);
    expect(acme.criticalAssetsReached).toBe(2);
    expect(acme.topPaths.map((p) => [p.asset, p.probability, p.pathProbability])).toEqual([
      ["plc-1", expect.closeTo(0.7, 12), 0.5],
      ["plc-2", expect.closeTo(0.4, 12), 0.4],
    ]);
    expect(acme.topPaths[0]!.hops).toEqual([
      {
        from: "acme",
        to: "plc-1",
        kind: "trust",
        weight: 0.5,
        reason: "Remote maintenance with individual accounts, always on",
        provenance: { assessment: "asm-acme-2025", revision: 3, question: "ra.mode" },
      },
    ]);
  });

  it("scores CloudOps: everything arrives through its portal, including the historian echo", () => {
    const cloudops = scoreVendor(graph, "cloudops");
    // gw-1 4×0.6 + plc-1 16×0.3 + hmi-1 2×(1 − 0.8×0.7×0.985) + historian 4×0.15
    expect(cloudops.exposure).toBeCloseTo(2.4 + 4.8 + 0.8968 + 0.6, 12);
    expect(cloudops.directExposure).toBe(0);
    expect(cloudops.amplification).toBe(1);
    expect(cloudops.byKind.trust).toBeCloseTo(2.4 + 3.2 + (2 / 3) * 0.8968 + 0.3, 12);
    expect(cloudops.byKind.adjacency).toBeCloseTo(1.6 + (1 / 3) * 0.8968 + 0.3, 12);
    expect(cloudops.byKind.inheritance).toBe(0);
    expect(cloudops.assetsReached).toBe(4);
    expect(cloudops.criticalAssetsReached).toBe(1);
    expect(cloudops.topPaths.map((p) => p.asset)).toEqual(["plc-1", "gw-1", "hmi-1"]);
  });

  it("ranks the management portal and the gateway as structural amplifiers", () => {
    const ranking = rankStructuralAmplifiers(graph);
    expect(ranking.map((r) => [r.id, r.throughput])).toEqual([
      ["cloudops-portal", expect.closeTo(8.6968, 12)],
      ["gw-1", expect.closeTo(6.2968, 12)],
      ["acme-fw", expect.closeTo(3.2, 12)],
      ["hmi-1", expect.closeTo(0.6, 12)],
    ]);
  });

  it("answers 'what if the RTOS stack fails?' with its blast radius", () => {
    const radius = computeBlastRadius(graph, "rtos-net");
    expect(radius.exposure).toBeCloseTo(17.28, 12); // (16 + 8) × 0.9 × 0.8
    expect(radius.assets.map((a) => [a.id, a.probability])).toEqual([
      ["plc-1", expect.closeTo(0.72, 12)],
      ["plc-2", expect.closeTo(0.72, 12)],
    ]);
    expect(radius.assets[0]!.path!.map((h) => h.to)).toEqual(["acme-fw", "plc-1"]);
    const gateway = computeBlastRadius(graph, "gw-1");
    expect(gateway.assets.find((a) => a.id === "gw-1")).toMatchObject({ probability: 1, path: [] });
  });

  it("what-if: verifying firmware signatures lowers ACME without touching CloudOps", () => {
    const result = evaluateWhatIf(graph, { reweightLinkages: [{ match: { from: "acme", to: "acme-fw" }, weight: 0.1 }] });
    expect(result.deltas.map((d) => d.id)).toEqual(["acme"]);
    // plc-1: 1 − 0.5 × 0.92 = 0.54; plc-2: 0.08
    expect(result.deltas[0]!.after!.exposure).toBeCloseTo(16 * 0.54 + 8 * 0.08, 12);
    expect(result.deltas[0]!.exposureDelta).toBeCloseTo(16 * 0.54 + 8 * 0.08 - 14.4, 12);
    // The input graph is untouched.
    expect(scoreVendor(graph, "acme").exposure).toBeCloseTo(14.4, 12);
  });

  it("what-if: removing the portal's service account takes out the gateway path", () => {
    const result = evaluateWhatIf(graph, { removeLinkages: [{ from: "cloudops-portal", to: "gw-1", kind: "trust" }] }, { vendorIds: ["cloudops"] });
    const after = result.deltas[0]!.after!;
    // Only hmi-1 (0.2) and the historian behind it (0.1) remain.
    expect(after.exposure).toBeCloseTo(2 * (1 - 0.8 * (1 - 0.2 * 0.5 * 0.1)) + 4 * 0.1, 12);
  });

  it("finds affected vendors by reverse reachability", () => {
    const applied = applyGraphChanges(graph, { reweightLinkages: [{ match: { from: "gw-1", to: "plc-1" }, weight: 0.9 }] });
    expect(findAffectedVendors(graph, applied.seeds).map((v) => graph.nodes[v]!.id)).toEqual(["cloudops"]);
  });

  it("stamps the model version and sorts vendors by id", () => {
    const portfolio = scorePortfolio(graph);
    expect(portfolio.modelVersion).toBe(MODEL_VERSION);
    expect(portfolio.vendors.map((v) => v.id)).toEqual(["acme", "cloudops"]);
  });
});
