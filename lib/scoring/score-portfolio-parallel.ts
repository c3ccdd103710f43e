/**
 * Full recompute over worker_threads: vendors are independent, so they are split over workers that
 * share the compiled graph's typed arrays (SharedArrayBuffer copies, made once per graph) and return
 * plain scores. Workers see no linkage objects: the main thread fills each explaining hop's reason
 * and provenance from the graph afterwards. Results are identical to scorePortfolio (tested).
 *
 * Node-only (worker_threads); not exported from lib/scoring/index.ts, so the portal's bundles never
 * see it. Run from TypeScript source, the workers load it with tsx.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

import { DEFAULT_WEIGHTS, MODEL_VERSION, type ScoringConfig } from "./config";
import { KIND_CODES, linkageAt, TYPE_VENDOR, type ScoringGraph } from "./scoring-graph";
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
 * The worker module. Run from TypeScript source (tsx, tests), the worker registers tsx's loader
 * before importing it; Node 20 does not pass a parent's --import hooks on to workers. Inside a
 * bundle (the Next.js server), import.meta.url no longer points at lib/scoring: the sources are
 * then found from the working directory (the project root, where `npm start` runs) and tsx from
 * the project's own node_modules.
 */
function workerEntry(): URL {
  let entry = new URL(
    `./score-portfolio-worker.${import.meta.url.endsWith(".js") ? "js" : "ts"}`,
    import.meta.url,
  );
  if (entry.protocol !== "file:" || !existsSync(fileURLToPath(entry)))
    entry = pathToFileURL(path.join(process.cwd(), "lib", "scoring", "score-portfolio-worker.ts"));
  if (!existsSync(fileURLToPath(entry))) throw new Error(`scoring worker module not found at ${entry.href}`);
  if (entry.pathname.endsWith(".js")) return entry;
  const tsx = resolveTsxApi();
  const code = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(entry.href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

/**
 * tsx's ESM API as a file URL, from the project's node_modules (its package exports, "import"
 * condition): createRequire would give the CommonJS build, and import.meta.resolve is not
 * available inside a bundle.
 */
function resolveTsxApi(): string {
  const manifestPath = createRequire(path.join(process.cwd(), "package.json")).resolve("tsx/package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
    exports: Record<string, { import: { default: string } }>;
  };
  return pathToFileURL(path.join(path.dirname(manifestPath), manifest.exports["./esm/api"]!.import.default))
    .href;
}

/** Options of scorePortfolioInWorkers. */
export interface ParallelScoreOptions {
  readonly config?: ScoringConfig;
  /** Threads to use (default 2); 1 still runs in one worker. */
  readonly workers?: number;
  /** Restrict to these vendor ids (default: every vendor); results come back in id order. */
  readonly vendorIds?: readonly string[];
}

/** The same result as scorePortfolio(graph, { config, vendorIds }), computed on `workers` threads. */
export async function scorePortfolioInWorkers(
  graph: ScoringGraph,
  options: ParallelScoreOptions = {},
): Promise<PortfolioScores> {
  const config = options.config ?? DEFAULT_WEIGHTS;
  const count = Math.max(1, options.workers ?? 2);
  const entry = workerEntry();
  const arrays = shareArrays(graph);
  const nodes = graph.nodes.map((n) => ({
    id: n.id,
    name: n.name,
    type: n.type,
    ...(n.subtype !== undefined && { subtype: n.subtype }),
  }));
  const vendorIndices = options.vendorIds
    ? options.vendorIds
        .map((id) => requireVendorIndex(graph, id))
        .sort((a, b) => graph.rank[a]! - graph.rank[b]!)
    : Array.from(graph.vendorIndices);
  // Interleaved, so big and small vendors spread evenly.
  const parts = Array.from({ length: count }, (_, w) => vendorIndices.filter((_, i) => i % count === w));
  const results = await Promise.all(
    parts.map(
      (vendors) =>
        new Promise<VendorScore[]>((resolve, reject) => {
          const input: WorkerInput = { arrays, nodes, worldCount: graph.worldCount, config, vendors };
          const worker = new Worker(entry, { workerData: input });
          worker.once("message", (scores: VendorScore[]) => {
            resolve(scores);
            void worker.terminate();
          });
          worker.once("error", reject);
          worker.once("exit", (code) => reject(new Error(`scoring worker exited with code ${code}`)));
        }),
    ),
  );
  const byId = new Map(results.flat().map((s) => [s.id, s]));
  const vendors = vendorIndices.map((v) => fillExplanations(graph, byId.get(graph.nodes[v]!.id)!));
  return { modelVersion: MODEL_VERSION, vendors };
}

function requireVendorIndex(graph: ScoringGraph, id: string): number {
  const index = graph.indexById.get(id);
  if (index === undefined || graph.nodeType[index] !== TYPE_VENDOR)
    throw new RangeError(`node "${id}" is not a vendor`);
  return index;
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
