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
  const parsed = parseGraphJson(
    readFileSync(new URL("../../examples/graphs/small-plant.json", import.meta.url), "utf8"),
  );
  if (!parsed.ok) throw new Error("example must parse");
  return parsed.graph;
}

const graph = buildScoringGraph(loadExample());

/**
 * The hand-computed values are exact for the model; the engine estimates them on 4,096 sampled
 * worlds (docs/scoring.md), so it is checked to within 2% of them.
 */
const near = (exact: number, relative = 0.02) =>
  expect.closeTo(exact, -Math.log10(Math.max(1e-12, 2 * relative * Math.abs(exact))));

describe("worked example (docs/scoring.md)", () => {
  it("scores ACME: direct remote access plus its own firmware, all inside its footprint", () => {
    const acme = scoreVendor(graph, "acme");
    expect(acme.exposure).toEqual(near(14.4)); // 16 × 0.7 + 8 × 0.4
    expect(acme.directExposure).toEqual(near(8)); // 16 × 0.5
    expect(acme.amplification).toBe(0); // acme-fw is ACME's own (the only vendor linking to it)
    expect(acme.footprintExposure).toBe(acme.exposure);
    expect(acme.byKind.adjacency).toBe(0);
    expect(acme.byKind.trust + acme.byKind.inheritance).toBeCloseTo(acme.exposure, 12);
    expect(acme.assetsReached).toBe(2);
    expect(acme.criticalAssetsReached).toBe(2);
    expect(acme.topPaths.map((p) => [p.asset, p.pathProbability])).toEqual([
      ["plc-1", 0.5],
      ["plc-2", 0.4],
    ]);
    expect(acme.topPaths.map((p) => p.probability)).toEqual([near(0.7), near(0.4)]);
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

  it("scores CloudOps: the gateway it configures carries most of its exposure beyond its footprint", () => {
    const cloudops = scoreVendor(graph, "cloudops");
    // gw-1 4×0.6 + plc-1 16×0.3 + hmi-1 2×0.44 + historian 4×0.22; the historian echo adds nothing.
    expect(cloudops.exposure).toEqual(near(8.96));
    // Beyond: plc-1 16×0.3 + hmi-1 via gw-1 2×0.3 + historian 4×0.22 = 6.28.
    expect(cloudops.beyondFootprintExposure).toEqual(near(6.28));
    expect(cloudops.footprintExposure).toEqual(near(2.68));
    expect(cloudops.amplification).toEqual(near(6.28 / 8.96));
    expect(cloudops.amplificationMultiplier).toEqual(near(8.96 / 2.68, 0.04));
    expect(cloudops.directExposure).toBe(0);
    // Kind mix over all routes: gw-1 all trust, plc-1 ⅔ trust, hmi-1 0.8 trust, historian 0.5778 trust.
    expect(cloudops.byKind.trust).toEqual(near(2.4 + 3.2 + 0.88 * 0.8 + (0.88 * (0.8 * 2.6)) / 3.6));
    expect(cloudops.byKind.adjacency + cloudops.byKind.trust).toBeCloseTo(cloudops.exposure, 12);
    expect(cloudops.byKind.inheritance).toBe(0);
    expect(cloudops.assetsReached).toBe(4);
    expect(cloudops.criticalAssetsReached).toBe(1);
    expect(cloudops.topPaths.map((p) => p.asset)).toEqual(["plc-1", "gw-1", "historian"]);
  });

  it("ranks the management portal and the gateway as structural amplifiers", () => {
    const ranking = rankStructuralAmplifiers(graph);
    expect(ranking.map((r) => r.id)).toEqual(["cloudops-portal", "gw-1", "acme-fw", "hmi-1"]);
    expect(ranking.map((r) => r.throughput)).toEqual([near(8.96), near(6.56), near(3.2), near(0.88)]);
  });

  it("answers 'what if the RTOS stack fails?' with its blast radius", () => {
    const radius = computeBlastRadius(graph, "rtos-net");
    expect(radius.exposure).toEqual(near(17.28)); // (16 + 8) × 0.9 × 0.8
    expect(radius.assets.map((a) => a.id)).toEqual(["plc-1", "plc-2"]);
    expect(radius.assets.map((a) => a.probability)).toEqual([near(0.72), near(0.72)]);
    expect(radius.assets[0]!.path!.map((h) => h.to)).toEqual(["acme-fw", "plc-1"]);
    const gateway = computeBlastRadius(graph, "gw-1");
    expect(gateway.assets.find((a) => a.id === "gw-1")).toMatchObject({ probability: 1, path: [] });
  });

  it("what-if: verifying firmware signatures lowers ACME without touching CloudOps", () => {
    const result = evaluateWhatIf(graph, {
      reweightLinkages: [{ match: { from: "acme", to: "acme-fw" }, weight: 0.1 }],
    });
    expect(result.deltas.map((d) => d.id)).toEqual(["acme"]);
    // plc-1: 1 − 0.5 × 0.92 = 0.54; plc-2: 0.08
    expect(result.deltas[0]!.after!.exposure).toEqual(near(16 * 0.54 + 8 * 0.08));
    expect(result.deltas[0]!.exposureDelta).toBeLessThan(0);
    // The input graph is untouched.
    expect(scoreVendor(graph, "acme").exposure).toBe(result.deltas[0]!.before!.exposure);
  });

  it("what-if: removing the portal's service account takes out the gateway path", () => {
    const result = evaluateWhatIf(
      graph,
      { removeLinkages: [{ from: "cloudops-portal", to: "gw-1", kind: "trust" }] },
      { vendorIds: ["cloudops"] },
    );
    const after = result.deltas[0]!.after!;
    // Only hmi-1 (0.2) and the historian behind it (0.1) remain; both inside or one step past the portal.
    expect(after.exposure).toEqual(near(2 * 0.2 + 4 * 0.1));
  });

  it("finds affected vendors by reverse reachability", () => {
    const applied = applyGraphChanges(graph, {
      reweightLinkages: [{ match: { from: "gw-1", to: "plc-1" }, weight: 0.9 }],
    });
    expect(findAffectedVendors(graph, applied.seeds).map((v) => graph.nodes[v]!.id)).toEqual(["cloudops"]);
  });

  it("stamps the model version and sorts vendors by id", () => {
    const portfolio = scorePortfolio(graph);
    expect(portfolio.modelVersion).toBe(MODEL_VERSION);
    expect(portfolio.vendors.map((v) => v.id)).toEqual(["acme", "cloudops"]);
  });
});
