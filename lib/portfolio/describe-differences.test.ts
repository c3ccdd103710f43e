import { describe, expect, it } from "vitest";

import {
  describeDifferences,
  listNames,
  type ComparedVendorFacts,
} from "@/lib/portfolio/describe-differences";

const numbers = new Map<string, number>();
const assetNumber = (name: string) => numbers.get(name) ?? numbers.set(name, numbers.size).get(name)!;

const vendor = (id: string, reached: [string, number][]): ComparedVendorFacts => ({
  id,
  name: id,
  score: null,
  unknownAnswers: null,
  components: new Map(),
  assetLinks: new Map(),
  // Assets are numbered by name here, as the compiled graph numbers its nodes.
  reached: new Map(reached.map(([name, criticality]) => [assetNumber(name), { name, criticality }])),
});

describe("listNames", () => {
  it("names up to three and counts the rest, also when given only the first few", () => {
    expect(listNames([])).toBe("");
    expect(listNames(["A"])).toBe("A");
    expect(listNames(["A", "B"])).toBe("A and B");
    expect(listNames(["A", "B", "C"])).toBe("A, B and C");
    expect(listNames(["A", "B", "C", "D"])).toBe("A, B, C and 1 more");
    expect(listNames(["A", "B", "C"], 20_000)).toBe("A, B, C and 19997 more");
  });
});

describe("describeDifferences: reach", () => {
  it("names the most critical assets only one vendor reaches (then by name), and counts the others", () => {
    const a = vendor("A", [
      ["shared", 3],
      ["zeta", 5],
      ["alpha", 2],
      ["beta", 5],
      ["gamma", 4],
      ["delta", 1],
    ]);
    const b = vendor("B", [
      ["shared", 3],
      ["own", 1],
    ]);
    const sentences = describeDifferences([a, b]);
    expect(sentences).toContain("Only A reaches beta, zeta, gamma and 2 more.");
    expect(sentences).toContain("Only B reaches own.");
    expect(sentences).toContain("Both reach 1 of the same asset, among them shared.");
  });

  it("picks the same three as sorting everything would, on a large reach", () => {
    const many: [string, number][] = Array.from({ length: 5000 }, (_, i) => [
      `asset-${String((i * 7919) % 5000).padStart(4, "0")}`,
      1 + ((i * 31) % 5),
    ]);
    const a = vendor("A", [...many, ["shared", 1]]);
    const b = vendor("B", [
      ["shared", 1],
      ["b-only", 1],
    ]);
    const expected = [...many]
      .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
      .slice(0, 3)
      .map(([n]) => n);
    expect(describeDifferences([a, b])).toContain(`Only A reaches ${expected.join(", ")} and 4997 more.`);
  });

  it("says nothing about reach when one vendor reaches only what the others reach too", () => {
    const a = vendor("A", [["x", 3]]);
    const b = vendor("B", [
      ["x", 3],
      ["y", 2],
    ]);
    const sentences = describeDifferences([a, b]);
    expect(sentences.some((s) => s.startsWith("Only A"))).toBe(false);
    expect(sentences).toContain("Only B reaches y.");
  });
});

describe("describeDifferences: model 2", () => {
  const scored = (id: string, score: NonNullable<ComparedVendorFacts["score"]>) => ({
    ...vendor(id, []),
    score,
  });
  const byKind = { adjacency: 0, inheritance: 10, trust: 0 };
  it("says amplification reaches beyond the vendor's own footprint, and names the widest evidence gap", () => {
    const sentences = describeDifferences([
      scored("Meridian", {
        exposure: 20,
        amplification: 0.62,
        byKind,
        criticalAssetsReached: 2,
        evidenceGap: 6,
        exposureLow: 14,
        exposureHigh: 20,
      }),
      scored("Atlas", {
        exposure: 10,
        amplification: 0,
        byKind,
        criticalAssetsReached: 2,
        evidenceGap: 0.5,
        exposureLow: 9.5,
        exposureHigh: 10,
      }),
    ]);
    expect(sentences).toContain(
      "Meridian amplifies the most: 62 % of its exposure reaches beyond its own products and services, against 0 % for Atlas.",
    );
    expect(sentences).toContain(
      "Meridian's score rests most on unknown answers: it could be as low as 14.0 rather than 20.0 (evidence gap 6.0, against 0.5 for Atlas).",
    );
    expect(sentences.join(" ")).not.toMatch(/indirect/);
  });
});
