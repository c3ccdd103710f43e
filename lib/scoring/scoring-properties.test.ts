import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  arbitraryGraph,
  arbitraryReweighting,
  arbitraryWeight,
  permuteDocument,
} from "@/tests/support/scoring/arbitrary-graph";
import { indexReferenceGraph, scoreVendorByReference } from "@/tests/support/scoring/reference-model";

import { applyGraphChanges } from "./apply-graph-changes";
import { DEFAULT_WEIGHTS, LINKAGE_KINDS, resolveLinkageWeight, resolveScoringConfig } from "./config";
import type { GraphDocument, GraphLinkageInput } from "./graph-format";
import { evaluateWhatIf, recomputeIncrementally } from "./recompute-incrementally";
import { listVendorAssetExposure, scorePortfolio } from "./score-vendors";
import { buildScoringGraph } from "./scoring-graph";

const TOLERANCE = 1e-9;
const runs = { numRuns: 300 };

const exposures = (document: GraphDocument) =>
  new Map(scorePortfolio(buildScoringGraph(document)).vendors.map((score) => [score.id, score.exposure]));

function expectNoLower(before: Map<string, number>, after: Map<string, number>) {
  for (const [id, exposure] of before) expect(after.get(id)!).toBeGreaterThanOrEqual(exposure - TOLERANCE);
}

describe("scoring engine properties", () => {
  it("agrees with the straightforward reference implementation", () => {
    fc.assert(
      fc.property(arbitraryGraph, (document) => {
        // Few worlds: the reference walks them one by one.
        const reference = indexReferenceGraph(document, 64);
        for (const score of scorePortfolio(buildScoringGraph(document, { worldCount: 64 })).vendors) {
          const expected = scoreVendorByReference(reference, score.id);
          expect(score.exposure).toBeCloseTo(expected.exposure, 9);
          expect(score.directExposure).toBeCloseTo(expected.directExposure, 9);
          expect(score.beyondFootprintExposure).toBeCloseTo(expected.beyondFootprintExposure, 9);
          expect(score.exposureLow).toBeCloseTo(expected.exposureLow, 9);
          expect(score.assetsReached).toBe(expected.assetsReached);
          expect(score.criticalAssetsReached).toBe(expected.criticalAssetsReached);
        }
      }),
      runs,
    );
  });

  it("is deterministic and independent of input order (bit for bit, paths included)", () => {
    fc.assert(
      fc.property(
        arbitraryGraph,
        fc.array(fc.nat(), { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 40 }),
        (document, nodeKeys, linkageKeys) => {
          const first = JSON.stringify(scorePortfolio(buildScoringGraph(document)));
          const again = JSON.stringify(scorePortfolio(buildScoringGraph(document)));
          const shuffled = JSON.stringify(
            scorePortfolio(buildScoringGraph(permuteDocument(document, nodeKeys, linkageKeys))),
          );
          expect(again).toBe(first);
          expect(shuffled).toBe(first);
        },
      ),
      runs,
    );
  });

  it("never lowers an exposure when a linkage is added", () => {
    fc.assert(
      fc.property(
        arbitraryGraph,
        fc.nat(),
        fc.nat(),
        fc.constantFrom(...LINKAGE_KINDS),
        arbitraryWeight,
        (document, from, to, kind, weight) => {
          const extra: GraphLinkageInput = {
            from: document.nodes[from % document.nodes.length]!.id,
            to: document.nodes[to % document.nodes.length]!.id,
            kind,
            weight,
          };
          expectNoLower(
            exposures(document),
            exposures({ ...document, linkages: [...document.linkages, extra] }),
          );
        },
      ),
      runs,
    );
  });

  it("never lowers an exposure when a weight is raised, never raises one when a control is strengthened", () => {
    fc.assert(
      fc.property(arbitraryReweighting, ({ lower, higher }) =>
        expectNoLower(exposures(lower), exposures(higher)),
      ),
      runs,
    );
  });

  it("terminates on cycles, including certain (weight 1) cycles through every node", () => {
    const ids = ["v0", "c0", "c1", "a0", "a1"];
    const document: GraphDocument = {
      nodes: ids.map((id) => ({
        id,
        type: id[0] === "v" ? "vendor" : id[0] === "c" ? "component" : "asset",
        name: id,
        criticality: 5,
      })),
      linkages: ids.flatMap((from) => ids.map((to) => ({ from, to, kind: "trust" as const, weight: 1 }))),
    };
    const [score] = scorePortfolio(buildScoringGraph(document)).vendors;
    expect(score!.exposure).toBe(32);
    expect(score!.assetsReached).toBe(2);
  });

  it("keeps amplification at its floor (0) for a vendor with only direct linkages", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            asset: fc.integer({ min: 0, max: 4 }),
            weight: arbitraryWeight,
            kind: fc.constantFrom(...LINKAGE_KINDS),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        (links) => {
          const document: GraphDocument = {
            nodes: [
              { id: "v", type: "vendor", name: "v" },
              ...[0, 1, 2, 3, 4].map((i) => ({
                id: `a${i}`,
                type: "asset" as const,
                name: `a${i}`,
                criticality: 1 + i,
              })),
            ],
            linkages: links.map(({ asset, weight, kind }) => ({ from: "v", to: `a${asset}`, kind, weight })),
          };
          const [score] = scorePortfolio(buildScoringGraph(document)).vendors;
          expect(score!.amplification).toBe(0);
          expect(score!.directExposure).toBe(score!.exposure);
        },
      ),
      runs,
    );
  });

  it("removes an asset from a vendor's exposure when its only path is removed", () => {
    fc.assert(
      fc.property(arbitraryGraph, fc.nat(), (document, pick) => {
        const assets = document.nodes.filter((n) => n.type === "asset");
        const target = assets[pick % assets.length]!.id;
        // Cutting every linkage into the asset removes every path, however many there were.
        const cut = { ...document, linkages: document.linkages.filter((l) => l.to !== target) };
        const graph = buildScoringGraph(cut);
        for (const vendor of document.nodes.filter((n) => n.type === "vendor")) {
          expect(listVendorAssetExposure(graph, vendor.id).map((a) => a.id)).not.toContain(target);
        }
      }),
      runs,
    );
  });

  it("removing the single linkage on a vendor's only path drops that asset (and only lowers exposure)", () => {
    fc.assert(
      fc.property(fc.array(arbitraryWeight, { minLength: 3, maxLength: 3 }), (weights) => {
        const [w0, w1, w2] = weights.map((w) => Math.max(0.25, w)); // 0.25³ stays above the 0.01 threshold;
        const document: GraphDocument = {
          nodes: [
            { id: "v", type: "vendor", name: "v" },
            { id: "fw", type: "component", name: "fw" },
            { id: "gw", type: "asset", name: "gw", criticality: 3 },
            { id: "plc", type: "asset", name: "plc", criticality: 5 },
          ],
          linkages: [
            { from: "v", to: "fw", kind: "inheritance", weight: w0! },
            { from: "fw", to: "gw", kind: "inheritance", weight: w1! },
            { from: "gw", to: "plc", kind: "adjacency", weight: w2! },
          ],
        };
        const before = listVendorAssetExposure(buildScoringGraph(document), "v").map((a) => a.id);
        expect(before).toContain("plc");
        const without = { ...document, linkages: document.linkages.slice(0, 2) };
        expect(listVendorAssetExposure(buildScoringGraph(without), "v").map((a) => a.id)).toEqual(["gw"]);
      }),
    );
  });

  it("never lets an unknown answer score better than any answered control, whatever the overrides", () => {
    fc.assert(
      fc.property(
        arbitraryGraph,
        fc.constantFrom(...LINKAGE_KINDS),
        fc.dictionary(
          fc.constantFrom(
            "flat-network",
            "unsigned-update",
            "custom-control",
            "always-on-shared-credentials",
          ),
          fc.double({ min: 0, max: 1, noNaN: true }),
        ),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(),
        (document, kind, overrides, unknownAnswerWeight, pick) => {
          const config = resolveScoringConfig({ unknownAnswerWeight, controlWeights: { [kind]: overrides } });
          const controls = Object.keys(config.controlWeights[kind]);
          const control = controls[pick % controls.length]!;
          const assets = document.nodes.filter((n) => n.type === "asset");
          const target = assets[pick % assets.length]!.id;
          // The same vendor and linkage, once answered and once "don't know" (the same sampled worlds).
          const withAnswer = (weight: number): GraphDocument => ({
            nodes: [...document.nodes, { id: "x", type: "vendor", name: "x" }],
            linkages: [...document.linkages, { from: "x", to: target, kind, weight }],
          });
          const score = (doc: GraphDocument) =>
            scorePortfolio(buildScoringGraph(doc), { config, vendorIds: ["x"] }).vendors[0]!.exposure;
          expect(score(withAnswer(resolveLinkageWeight(kind, "unknown", config)))).toBeGreaterThanOrEqual(
            score(withAnswer(resolveLinkageWeight(kind, control, config))),
          );
        },
      ),
      runs,
    );
  });

  it("keeps the breakdown consistent: kinds sum to exposure, amplification in [0, 1]", () => {
    fc.assert(
      fc.property(arbitraryGraph, (document) => {
        for (const score of scorePortfolio(buildScoringGraph(document)).vendors) {
          const { adjacency, inheritance, trust } = score.byKind;
          expect(adjacency + inheritance + trust).toBeCloseTo(score.exposure, 9);
          expect(score.amplification).toBeGreaterThanOrEqual(0);
          expect(score.amplification).toBeLessThanOrEqual(1);
          expect(score.footprintExposure + score.beyondFootprintExposure).toBeCloseTo(score.exposure, 9);
          expect(score.exposureLow).toBeLessThanOrEqual(score.exposureHigh);
          expect(score.exposureHigh).toBe(score.exposure);
          for (const path of score.topPaths) expect(path.probability).toBeLessThanOrEqual(1);
        }
      }),
      runs,
    );
  });

  it("patching a graph gives the same scores as building the changed document from scratch", () => {
    fc.assert(
      fc.property(
        arbitraryGraph,
        fc.nat(),
        arbitraryWeight,
        fc.nat(),
        fc.nat(),
        (document, pick, weight, from, to) => {
          fc.pre(document.linkages.length > 1);
          const removed = document.linkages[pick % document.linkages.length]!;
          const reweighted = document.linkages[(pick + 1) % document.linkages.length]!;
          const added: GraphLinkageInput = {
            from: document.nodes[from % document.nodes.length]!.id,
            to: "new-asset",
            kind: "trust",
            weight,
          };
          const newNode = { id: "new-asset", type: "asset" as const, name: "new", criticality: 4 };
          const applied = applyGraphChanges(buildScoringGraph(document), {
            removeLinkages: [{ where: (l) => l === removed }],
            reweightLinkages: [{ match: { where: (l) => l === reweighted }, weight: weight / 2 }],
            addLinkages: [
              added,
              {
                from: document.nodes[to % document.nodes.length]!.id,
                to: document.nodes[from % document.nodes.length]!.id,
                kind: "adjacency",
                weight,
              },
            ],
            upsertNodes: [newNode],
          });
          const expectedDocument: GraphDocument = {
            nodes: [...document.nodes, newNode],
            linkages: [
              ...document.linkages
                .filter((l) => l !== removed)
                .map((l) => (l === reweighted ? { ...l, weight: weight / 2 } : l)),
              added,
              {
                from: document.nodes[to % document.nodes.length]!.id,
                to: document.nodes[from % document.nodes.length]!.id,
                kind: "adjacency",
                weight,
              },
            ],
          };
          expect(JSON.stringify(scorePortfolio(applied.graph))).toBe(
            JSON.stringify(scorePortfolio(buildScoringGraph(expectedDocument))),
          );
        },
      ),
      runs,
    );
  });

  it("transient what-ifs (scratch buffers reused) give the same deltas as allocating ones, one after another", () => {
    fc.assert(
      fc.property(
        arbitraryGraph,
        fc.array(fc.tuple(fc.nat(), arbitraryWeight, fc.boolean()), { minLength: 1, maxLength: 4 }),
        (document, edits) => {
          fc.pre(document.linkages.length > 0);
          const graph = buildScoringGraph(document);
          const vendorIds = document.nodes.filter((n) => n.type === "vendor").map((n) => n.id);
          // Several scenarios in a row on the same graph: each transient one overwrites the last one's buffers.
          for (const [pick, weight, remove] of edits) {
            const l = document.linkages[pick % document.linkages.length]!;
            const changes = remove
              ? { removeLinkages: [{ from: l.from, to: l.to, kind: l.kind }] }
              : {
                  reweightLinkages: [{ match: { from: l.from, to: l.to, kind: l.kind }, weight }],
                  addLinkages: [{ from: l.to, to: l.from, kind: "trust" as const, weight }],
                };
            const transient = evaluateWhatIf(graph, changes, { vendorIds, transient: true });
            const allocating = evaluateWhatIf(graph, changes, { vendorIds });
            expect(JSON.stringify(transient.deltas)).toBe(JSON.stringify(allocating.deltas));
          }
          // The portfolio itself is untouched by any of it.
          expect(JSON.stringify(scorePortfolio(graph))).toBe(
            JSON.stringify(scorePortfolio(buildScoringGraph(document))),
          );
        },
      ),
      runs,
    );
  });

  it("incremental recompute equals a full recompute", () => {
    fc.assert(
      fc.property(arbitraryGraph, fc.nat(), arbitraryWeight, fc.nat(), (document, pick, weight, from) => {
        fc.pre(document.linkages.length > 0);
        const graph = buildScoringGraph(document);
        const previous = scorePortfolio(graph);
        const changed = document.linkages[pick % document.linkages.length]!;
        const result = recomputeIncrementally(graph, previous, {
          removeLinkages: [{ from: changed.from, to: changed.to, kind: changed.kind }],
          addLinkages: [
            { from: document.nodes[from % document.nodes.length]!.id, to: changed.to, kind: "trust", weight },
          ],
        });
        expect(JSON.stringify(result.scores)).toBe(JSON.stringify(scorePortfolio(result.graph)));
      }),
      runs,
    );
  });

  it("applies the configured default criticality to assets without one", () => {
    const document: GraphDocument = {
      nodes: [
        { id: "v", type: "vendor", name: "v" },
        { id: "a", type: "asset", name: "a" },
      ],
      linkages: [{ from: "v", to: "a", kind: "trust", weight: 0.5 }],
    };
    const graph = buildScoringGraph(document);
    expect(scorePortfolio(graph).vendors[0]!.exposure).toBe(0.5 * DEFAULT_WEIGHTS.criticalityWeights[3]);
    const config = resolveScoringConfig({ defaultAssetCriticality: 5 });
    expect(scorePortfolio(graph, { config }).vendors[0]!.exposure).toBe(0.5 * 16);
  });
});
