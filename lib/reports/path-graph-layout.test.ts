import { describe, expect, it } from "vitest";

import { layoutPathGraph, nodeTypeOf, truncateLabel } from "./path-graph-layout";

const hop = (
  from: string,
  to: string,
  kind: "adjacency" | "inheritance" | "trust" = "trust",
  weight = 0.5,
) => ({ from, to, kind, weight });

describe("layoutPathGraph", () => {
  it("puts the vendor left, each node in the layer of its earliest position, and merges shared hops", () => {
    const layout = layoutPathGraph(
      [
        { hops: [hop("vendor:v", "component:sdk"), hop("component:sdk", "asset:a")] },
        { hops: [hop("vendor:v", "component:sdk", "trust", 0.9), hop("component:sdk", "asset:b")] },
        { hops: [hop("vendor:v", "asset:a"), hop("asset:a", "asset:c", "adjacency")] },
      ],
      (key) => key.split(":")[1]!,
      500,
    );
    const layer = Object.fromEntries(layout.nodes.map((n) => [n.key, n.layer]));
    expect(layer).toEqual({ "vendor:v": 0, "component:sdk": 1, "asset:a": 1, "asset:b": 2, "asset:c": 2 });
    expect(layout.edges).toHaveLength(5);
    expect(layout.edges.find((e) => e.to === "component:sdk")!.weight).toBe(0.9);
    for (const n of layout.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.x + n.width).toBeLessThanOrEqual(500 + 1e-9);
      expect(n.y + n.height).toBeLessThanOrEqual(layout.height);
    }
    // Nodes in one layer never overlap.
    for (const nodes of [0, 1, 2].map((l) => layout.nodes.filter((n) => n.layer === l))) {
      const ys = nodes.map((n) => n.y).sort((a, b) => a - b);
      for (let i = 1; i < ys.length; i++)
        expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(nodes[0]!.height);
    }
  });

  it("is empty without paths", () => {
    expect(layoutPathGraph([], (k) => k, 500)).toMatchObject({ nodes: [], edges: [], height: 0 });
  });

  it("names node types by key and shortens long labels", () => {
    expect(["vendor:x", "vendor:x/svc", "component:purl:a", "asset:y", "infra:z"].map(nodeTypeOf)).toEqual([
      "vendor",
      "component",
      "component",
      "asset",
      "other",
    ]);
    expect(truncateLabel("a very long component name", 10)).toBe("a very lo…");
    expect(truncateLabel("short", 10)).toBe("short");
  });
});
