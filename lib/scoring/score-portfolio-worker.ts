/** Worker side of scorePortfolioInWorkers: rebuilds a ScoringGraph view over the shared arrays. */
import { parentPort, workerData } from "node:worker_threads";

import type { GraphNodeInput } from "./graph-format";
import type { SharedField, WorkerInput } from "./score-portfolio-parallel";
import { scoreVendorIndex } from "./score-vendors";
import type { ScoringGraph } from "./scoring-graph";

const input = workerData as WorkerInput;
const a = input.arrays as unknown as Pick<ScoringGraph, SharedField>;
const nodes = input.nodes as unknown as GraphNodeInput[];
const graph: ScoringGraph = {
  nodeCount: nodes.length,
  nodes,
  indexById: new Map(nodes.map((n, i) => [n.id, i])),
  nodeType: a.nodeType,
  criticality: a.criticality,
  rank: a.rank,
  vendorIndices: a.vendorIndices,
  rowStart: a.rowStart,
  edgeTo: a.edgeTo,
  edgeWeight: a.edgeWeight,
  edgeKind: a.edgeKind,
  edgeLinkage: a.edgeLinkage,
  // No linkage objects here: hops come back without reason and provenance (filled by the caller).
  linkages: new Proxy([], {
    get: (target, key) =>
      key === "length"
        ? Number.MAX_SAFE_INTEGER
        : typeof key === "string" && /^\d+$/.test(key)
          ? {}
          : Reflect.get(target, key),
  }),
  addedLinkages: [],
  supplier: a.supplier,
  nodeHash: a.nodeHash,
  worldCount: input.worldCount,
  worldWords: input.worldCount >>> 5,
  edgeMask: a.edgeMask,
  edgeLowMask: a.edgeLowMask,
};
parentPort!.postMessage(input.vendors.map((v) => scoreVendorIndex(graph, v, input.config)));
