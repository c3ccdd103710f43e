import { describe, expect, it } from "vitest";

import { buildScoringGraph } from "@/lib/scoring";

import { memoOnGraph } from "./graph-memo";

const graphOf = () =>
  buildScoringGraph({
    nodes: [
      { id: "v", type: "vendor", name: "V" },
      { id: "a", type: "asset", name: "A", criticality: 3 },
    ],
    linkages: [{ from: "v", to: "a", kind: "trust", weight: 0.5 }],
  });

describe("memoOnGraph", () => {
  it("computes once per graph, namespace and key", () => {
    const graph = graphOf();
    let calls = 0;
    const compute = () => ++calls;
    expect(memoOnGraph(graph, "n", "k", compute)).toBe(1);
    expect(memoOnGraph(graph, "n", "k", compute)).toBe(1);
    expect(memoOnGraph(graph, "other", "k", compute)).toBe(2);
    expect(memoOnGraph(graph, "n", "k2", compute)).toBe(3);
    // A new graph version is a new object: nothing carries over.
    expect(memoOnGraph(graphOf(), "n", "k", compute)).toBe(4);
  });

  it("keeps only the most recently used entries of a namespace", () => {
    const graph = graphOf();
    let calls = 0;
    const get = (key: string) => memoOnGraph(graph, "lru", key, () => `${key}:${++calls}`, 2);
    get("a");
    get("b");
    expect(get("a")).toBe("a:1"); // a is now the most recent
    get("c"); // evicts b, the least recently used
    expect(get("a")).toBe("a:1");
    expect(get("b")).toBe("b:4");
    expect(calls).toBe(4);
  });

  it("does not remember a computation that throws", () => {
    const graph = graphOf();
    expect(() =>
      memoOnGraph(graph, "t", "k", () => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(memoOnGraph(graph, "t", "k", () => 7)).toBe(7);
  });
});
