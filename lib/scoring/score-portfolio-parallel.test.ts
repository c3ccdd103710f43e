import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { generateHubPlant } from "@/tests/support/scoring/hub-graphs";

import { parseGraphJson, type GraphDocument } from "./graph-format";
import { scorePortfolioInWorkers } from "./score-portfolio-parallel";
import { scorePortfolio } from "./score-vendors";
import { buildScoringGraph } from "./scoring-graph";

function loadExample(): GraphDocument {
  const parsed = parseGraphJson(
    readFileSync(new URL("../../examples/graphs/small-plant.json", import.meta.url), "utf8"),
  );
  if (!parsed.ok) throw new Error("example must parse");
  return parsed.graph;
}

describe("scorePortfolioInWorkers", () => {
  it("gives exactly the single-threaded scores, explanations included", async () => {
    for (const graph of [buildScoringGraph(generateHubPlant(2)), buildScoringGraph(loadExample())]) {
      expect(JSON.stringify(await scorePortfolioInWorkers(graph, { workers: 2 }))).toBe(
        JSON.stringify(scorePortfolio(graph)),
      );
    }
  }, 60_000);
});
