/**
 * The exact reference for model 2, by plain Monte Carlo sampling of the model's own definition:
 * every linkage is independently live with probability = its weight (no threshold, no shared
 * worlds), an asset is affected when a live route from the vendor reaches it. Used as the oracle in
 * tests and by `npm run score -- <graph.json> --samples N [--seed S]`; slow on purpose.
 */
import { DEFAULT_WEIGHTS, type ScoringConfig } from "./config";
import { createRandom } from "./random";
import { linkageAt, TYPE_ASSET, TYPE_COMPONENT, type ScoringGraph } from "./scoring-graph";

export const MAX_SAMPLES = 1_000_000;

export interface SampledVendorExposure {
  readonly id: string;
  readonly exposure: number;
  /** Standard error of the exposure estimate. */
  readonly standardError: number;
  readonly beyondFootprintExposure: number;
  readonly footprintExposure: number;
  readonly amplification: number;
  /** Same worlds with unknown linkages at their best-control weight. */
  readonly exposureLow: number;
}

export interface SampleOptions {
  readonly samples: number;
  readonly seed?: number;
  readonly config?: ScoringConfig;
  /** Restrict to these vendor ids (default: every vendor, in id order). */
  readonly vendorIds?: readonly string[];
}

/** Monte Carlo estimate of every vendor's exposure and footprint split. */
export function sampleVendorExposure(graph: ScoringGraph, options: SampleOptions): SampledVendorExposure[] {
  const { samples } = options;
  if (!(Number.isInteger(samples) && samples >= 1 && samples <= MAX_SAMPLES))
    throw new RangeError(`samples must be an integer from 1 to ${MAX_SAMPLES}`);
  const config = options.config ?? DEFAULT_WEIGHTS;
  const random = createRandom(options.seed ?? 1);
  const vendors = options.vendorIds
    ? options.vendorIds.map((id) => graph.indexById.get(id)!)
    : Array.from(graph.vendorIndices);
  const { nodeCount, rowStart, edgeTo, edgeWeight, nodeType, supplier } = graph;
  const edgeCount = edgeTo.length;
  const lowWeight = new Float64Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    const linkage = linkageAt(graph, graph.edgeLinkage[e]!);
    lowWeight[e] =
      linkage.unknown === true && typeof linkage.bestWeight === "number"
        ? Math.min(edgeWeight[e]!, linkage.bestWeight)
        : edgeWeight[e]!;
  }
  const value = new Float64Array(nodeCount);
  for (let x = 0; x < nodeCount; x++)
    if (nodeType[x] === TYPE_ASSET)
      value[x] = config.criticalityWeights[graph.criticality[x] || config.defaultAssetCriticality]!;

  const sum = new Float64Array(vendors.length);
  const sumSquares = new Float64Array(vendors.length);
  const beyondSum = new Float64Array(vendors.length);
  const lowSum = new Float64Array(vendors.length);
  const live = new Uint8Array(edgeCount);
  const liveLow = new Uint8Array(edgeCount);
  // state bits per node: 1 reached by a footprint-only route, 2 reached by a route that left it.
  const state = new Uint8Array(nodeCount);
  const reachedLow = new Uint8Array(nodeCount);
  const queue = new Int32Array(2 * nodeCount);
  for (let s = 0; s < samples; s++) {
    for (let e = 0; e < edgeCount; e++) {
      const u = random();
      live[e] = u < edgeWeight[e]! ? 1 : 0;
      liveLow[e] = u < lowWeight[e]! ? 1 : 0;
    }
    vendors.forEach((v, i) => {
      state.fill(0);
      reachedLow.fill(0);
      let head = 0;
      let tail = 0;
      state[v] = 1;
      queue[tail++] = v;
      queue[tail++] = 1;
      while (head < tail) {
        const x = queue[head++]!;
        const from = queue[head++]!;
        const footprint = from === 1 && (x === v || (nodeType[x] === TYPE_COMPONENT && supplier[x] === v));
        const next = footprint ? 1 : 2;
        for (let e = rowStart[x]!; e < rowStart[x + 1]!; e++) {
          const y = edgeTo[e]!;
          if (!live[e] || y === v || state[y]! & next) continue;
          state[y]! |= next;
          queue[tail++] = y;
          queue[tail++] = next;
        }
      }
      // Low end: plain reachability over the low-weight liveness.
      head = 0;
      tail = 0;
      reachedLow[v] = 1;
      queue[tail++] = v;
      while (head < tail) {
        const x = queue[head++]!;
        for (let e = rowStart[x]!; e < rowStart[x + 1]!; e++) {
          const y = edgeTo[e]!;
          if (!liveLow[e] || reachedLow[y]) continue;
          reachedLow[y] = 1;
          queue[tail++] = y;
        }
      }
      let total = 0;
      let beyond = 0;
      let low = 0;
      for (let x = 0; x < nodeCount; x++) {
        if (value[x] === 0) continue;
        if (state[x]) total += value[x]!;
        if (state[x]! & 2) beyond += value[x]!;
        if (reachedLow[x] && x !== v) low += value[x]!;
      }
      sum[i]! += total;
      sumSquares[i]! += total * total;
      beyondSum[i]! += beyond;
      lowSum[i]! += low;
    });
  }
  return vendors.map((v, i) => {
    const exposure = sum[i]! / samples;
    const variance = Math.max(0, sumSquares[i]! / samples - exposure * exposure);
    const beyond = beyondSum[i]! / samples;
    return {
      id: graph.nodes[v]!.id,
      exposure,
      standardError: Math.sqrt(variance / samples),
      beyondFootprintExposure: beyond,
      footprintExposure: exposure - beyond,
      amplification: exposure > 0 ? beyond / exposure : 0,
      exposureLow: lowSum[i]! / samples,
    };
  });
}
