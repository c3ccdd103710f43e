/**
 * Full recompute over worker_threads: vendors are independent, so they are split over workers that
 * share the compiled graph's typed arrays (SharedArrayBuffer copies, made once per graph) and return
 * plain scores. Workers see no linkage objects: the main thread fills each explaining hop's reason
 * and provenance from the graph afterwards. Results are identical to scorePortfolio (tested).
 *
 * Node-only (worker_threads); not exported from lib/scoring/index.ts, so the portal's bundles never
 * see it. Run from TypeScript source, the workers load it with tsx.
 */
import { Worker } from "node:worker_threads";

import { DEFAULT_WEIGHTS, MODEL_VERSION, type ScoringConfig } from "./config";
import { KIND_CODES, linkageAt, type ScoringGraph } from "./scoring-graph";
import type { ExplainingHop, PortfolioScores, VendorScore } from "./types";

/** The typed arrays a worker needs, by ScoringGraph field name. */
export const SHARED_FIELDS = [
  "nodeType",
  "criticality",
  "rank",
  "vendorIndices",
  "rowStart",
  "edgeTo",
  "edgeWeight",
  "edgeKind",
  "edgeLinkage",
  "supplier",
  "nodeHash",
  "edgeMask",
  "edgeLowMask",
] as const;
export type SharedField = (typeof SHARED_FIELDS)[number];

export interface WorkerInput {
  readonly arrays: Record<SharedField, ArrayBufferView>;
  readonly nodes: readonly { id: string; name: string; type: string; subtype?: string }[];
  readonly worldCount: number;
  readonly config: ScoringConfig;
  readonly vendors: readonly number[];
}

const sharedCache = new WeakMap<ScoringGraph, Record<SharedField, ArrayBufferView>>();

function shareArrays(graph: ScoringGraph): Record<SharedField, ArrayBufferView> {
  let shared = sharedCache.get(graph);
  if (shared) return shared;
  shared = {} as Record<SharedField, ArrayBufferView>;
  for (const field of SHARED_FIELDS) {
    const source = graph[field] as unknown as Int32Array;
    const Constructor = source.constructor as new (buffer: SharedArrayBuffer) => Int32Array;
    const copy = new Constructor(new SharedArrayBuffer(source.byteLength));
    copy.set(source);
    shared[field] = copy;
  }
  sharedCache.set(graph, shared);
  return shared;
}

/**
 * Run from TypeScript source (tsx, tests), the worker registers tsx's loader before importing the
 * worker module; Node 20 does not pass a parent's --import hooks on to workers.
 */
function workerEntry(): URL {
  const fromSource = import.meta.url.endsWith(".ts");
  const entry = new URL(`./score-portfolio-worker.${fromSource ? "ts" : "js"}`, import.meta.url).href;
  if (!fromSource) return new URL(entry);
  const tsx = import.meta.resolve("tsx/esm/api");
  const code = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(entry)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

/** The same result as scorePortfolio(graph, { config }), computed on `workers` threads. */
export async function scorePortfolioInWorkers(
  graph: ScoringGraph,
  options: { readonly config?: ScoringConfig; readonly workers?: number } = {},
): Promise<PortfolioScores> {
  const config = options.config ?? DEFAULT_WEIGHTS;
  const count = Math.max(1, options.workers ?? 2);
  const arrays = shareArrays(graph);
  const nodes = graph.nodes.map((n) => ({
    id: n.id,
    name: n.name,
    type: n.type,
    ...(n.subtype !== undefined && { subtype: n.subtype }),
  }));
  // Interleaved, so big and small vendors spread evenly.
  const parts = Array.from({ length: count }, (_, w) =>
    Array.from(graph.vendorIndices).filter((_, i) => i % count === w),
  );
  const results = await Promise.all(
    parts.map(
      (vendors) =>
        new Promise<VendorScore[]>((resolve, reject) => {
          const input: WorkerInput = { arrays, nodes, worldCount: graph.worldCount, config, vendors };
          const worker = new Worker(workerEntry(), { workerData: input });
          worker.once("message", (scores: VendorScore[]) => {
            resolve(scores);
            void worker.terminate();
          });
          worker.once("error", reject);
        }),
    ),
  );
  const byId = new Map(results.flat().map((s) => [s.id, s]));
  const vendors = Array.from(graph.vendorIndices, (v) =>
    fillExplanations(graph, byId.get(graph.nodes[v]!.id)!),
  );
  return { modelVersion: MODEL_VERSION, vendors };
}

/** Each hop is the first edge of its row with that target, kind and weight: the one the search took. */
function fillExplanations(graph: ScoringGraph, score: VendorScore): VendorScore {
  const hopWithText = (hop: ExplainingHop): ExplainingHop => {
    const x = graph.indexById.get(hop.from)!;
    const y = graph.indexById.get(hop.to)!;
    for (let e = graph.rowStart[x]!; e < graph.rowStart[x + 1]!; e++) {
      if (
        graph.edgeTo[e] !== y ||
        graph.edgeKind[e] !== KIND_CODES[hop.kind] ||
        graph.edgeWeight[e] !== hop.weight
      )
        continue;
      const linkage = linkageAt(graph, graph.edgeLinkage[e]!);
      const filled: { -readonly [K in keyof ExplainingHop]: ExplainingHop[K] } = { ...hop };
      if (linkage.reason !== undefined) filled.reason = linkage.reason;
      if (linkage.provenance !== undefined) filled.provenance = linkage.provenance;
      return filled;
    }
    return hop;
  };
  return {
    ...score,
    topPaths: score.topPaths.map((path) => ({ ...path, hops: path.hops.map(hopWithText) })),
  };
}
