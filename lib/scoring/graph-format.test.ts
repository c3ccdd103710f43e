import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { formatGraphIssues, parseGraphDocument, parseGraphJson } from "./graph-format";

const example = readFileSync(new URL("../../examples/graphs/small-plant.json", import.meta.url), "utf8");

describe("parseGraphDocument", () => {
  it("accepts the hand-written example and warns about the asset without criticality", () => {
    const result = parseGraphJson(example);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => w.path)).toEqual(["nodes[9].criticality"]);
  });

  it("keeps extra fields on nodes and linkages", () => {
    const result = parseGraphDocument({
      nodes: [
        { id: "v", type: "vendor", name: "V", duns: "123" },
        { id: "a", type: "asset", name: "A", criticality: 2, site: "north" },
      ],
      linkages: [
        { from: "v", to: "a", kind: "trust", weight: 0.3, provenance: { question: "q1" }, ticket: "RISK-1" },
      ],
      exportedBy: "someone",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.graph.nodes[0]!.duns).toBe("123");
    expect(result.graph.linkages[0]!.ticket).toBe("RISK-1");
    expect(result.graph.linkages[0]!.provenance).toEqual({ question: "q1" });
  });

  it("lists every error with its path", () => {
    const result = parseGraphDocument({
      nodes: [
        { id: "v", type: "vendor", name: "V" },
        { id: "v", type: "vendor", name: "again" },
        { id: "a", type: "machine", name: "A" },
        { id: "b", type: "asset", name: "B", criticality: 7 },
        { type: "component", name: "no id" },
      ],
      linkages: [
        { from: "v", to: "a", kind: "trust", weight: 0.5 },
        { from: "v", to: "gw-9", kind: "trust", weight: 0.5 },
        { from: "v", to: "b", kind: "friendship", weight: 1.5 },
        { from: "nope", to: "b", kind: "adjacency" },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(formatGraphIssues(result.errors).split("\n")).toEqual([
      'nodes[1].id: duplicate node id "v" (first used at nodes[0])',
      'nodes[2].type: must be one of "vendor", "component", "asset"',
      "nodes[3].criticality: must be an integer from 1 to 5",
      "nodes[4].id: is required",
      'linkages[1].to: unknown node id "gw-9"',
      'linkages[2].kind: must be one of "adjacency", "inheritance", "trust"',
      "linkages[2].weight: must be a number from 0 to 1",
      "linkages[3].weight: is required",
      'linkages[3].from: unknown node id "nope"',
    ]);
  });

  it("reports a wrong top-level shape and invalid JSON", () => {
    expect(parseGraphDocument([])).toMatchObject({ ok: false, errors: [{ path: "(document)" }] });
    expect(parseGraphDocument({ nodes: {} })).toMatchObject({
      ok: false,
      errors: [
        { path: "nodes", message: "must be an array of nodes" },
        { path: "linkages", message: "is required" },
      ],
    });
    const broken = parseGraphJson("{ nodes: [");
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.errors[0]!.message).toMatch(/^invalid JSON/);
  });
});
