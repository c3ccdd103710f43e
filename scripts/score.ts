/**
 * Scores every vendor of a graph file (docs/graph-format.md).
 *
 *   npx tsx scripts/score.ts <graph.json> [--json] [--config overrides.json] [--samples N [--seed S]]
 *
 * Text output: one block per vendor, highest exposure first. `--json` prints
 * { modelVersion, vendors: [{ id, exposure, amplification, byKind, topPaths, ... }] } in the same order.
 * `--samples N` (1..1,000,000) instead estimates every vendor's exposure by plain Monte Carlo sampling
 * of the model's definition (each linkage live with probability = its weight, no threshold): the
 * exact reference the engine is checked against, printed next to the engine's own numbers.
 * Exit codes: 0 scored, 1 usage error, 2 invalid or unreadable graph/config file or an out-of-range
 * option (every error listed, each naming the node or option).
 */
import { readFileSync } from "node:fs";

import {
  buildScoringGraph,
  formatGraphIssues,
  MODEL_VERSION,
  parseGraphJson,
  resolveScoringConfig,
  scorePortfolio,
  ScoringConfigError,
  type PortfolioScores,
  type ScoringConfigOverrides,
  type VendorScore,
} from "../lib/scoring/index";
import {
  MAX_SAMPLES,
  sampleVendorExposure,
  type SampledVendorExposure,
} from "../lib/scoring/sample-exposure";

const USAGE =
  "usage: npx tsx scripts/score.ts <graph.json> [--json] [--config overrides.json] [--samples N [--seed S]]";

function fail(code: number, message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function parseArguments(argv: readonly string[]) {
  let file: string | undefined;
  let json = false;
  let configFile: string | undefined;
  let samples: number | undefined;
  let seed: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--json") json = true;
    else if (arg === "--config") configFile = argv[++i] ?? fail(1, `--config needs a file\n${USAGE}`);
    else if (arg === "--samples") samples = readInteger("--samples", argv[++i], 1, MAX_SAMPLES);
    else if (arg === "--seed") seed = readInteger("--seed", argv[++i], 0, 2 ** 32 - 1);
    else if (arg === "--help" || arg === "-h") fail(0, USAGE);
    else if (arg.startsWith("-")) fail(1, `unknown option ${arg}\n${USAGE}`);
    else if (file === undefined) file = arg;
    else fail(1, `only one graph file, got "${file}" and "${arg}"\n${USAGE}`);
  }
  if (file === undefined) fail(1, USAGE);
  if (seed !== undefined && samples === undefined) fail(1, `--seed only applies with --samples\n${USAGE}`);
  return { file, json, configFile, samples, seed };
}

function readInteger(option: string, text: string | undefined, min: number, max: number): number {
  const value = Number(text);
  if (text === undefined || text.trim() === "" || !Number.isInteger(value) || value < min || value > max) {
    fail(
      2,
      `${option}: must be an integer from ${min} to ${max.toLocaleString("en-US")}, got ${text === undefined ? "nothing" : JSON.stringify(text)}`,
    );
  }
  return value;
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    return fail(
      2,
      `${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

// Six decimals: beyond that the digits are floating-point noise, not information.
const round = (value: number) => Math.round(value * 1e6) / 1e6;

function toJsonVendor(score: VendorScore) {
  return {
    id: score.id,
    exposure: round(score.exposure),
    amplification: round(score.amplification),
    footprintExposure: round(score.footprintExposure),
    beyondFootprintExposure: round(score.beyondFootprintExposure),
    amplificationMultiplier:
      score.amplificationMultiplier === null ? null : round(score.amplificationMultiplier),
    exposureLow: round(score.exposureLow),
    exposureHigh: round(score.exposureHigh),
    evidenceGap: round(score.evidenceGap),
    byKind: {
      adjacency: round(score.byKind.adjacency),
      inheritance: round(score.byKind.inheritance),
      trust: round(score.byKind.trust),
    },
    topPaths: score.topPaths.map((path) => ({
      ...path,
      probability: round(path.probability),
      pathProbability: round(path.pathProbability),
      contribution: round(path.contribution),
    })),
    name: score.name,
    directExposure: round(score.directExposure),
    assetsReached: score.assetsReached,
    criticalAssetsReached: score.criticalAssetsReached,
  };
}

function formatVendorText(score: VendorScore): string {
  const fixed = (value: number) => value.toFixed(3);
  const lines = [
    `${score.id}  ${score.name}`,
    `  exposure ${fixed(score.exposure)} (range ${fixed(score.exposureLow)}–${fixed(score.exposureHigh)}, evidence gap ${fixed(score.evidenceGap)})  amplification ${(score.amplification * 100).toFixed(1)}%${score.amplificationMultiplier === null ? "" : ` (×${score.amplificationMultiplier.toFixed(2)})`}`,
    `  footprint ${fixed(score.footprintExposure)}  beyond footprint ${fixed(score.beyondFootprintExposure)}  (direct ${fixed(score.directExposure)}; ${score.assetsReached} assets reached, ${score.criticalAssetsReached} critical)`,
    `  by kind: adjacency ${fixed(score.byKind.adjacency)}  inheritance ${fixed(score.byKind.inheritance)}  trust ${fixed(score.byKind.trust)}`,
  ];
  const top = score.topPaths[0];
  if (!top) {
    lines.push("  top path: none (reaches no asset)");
  } else {
    const route = top.hops.map((hop) => ` -[${hop.kind} ${hop.weight}]-> ${hop.to}`).join("");
    lines.push(
      `  top path: ${score.id}${route}  (asset p=${fixed(top.probability)}, contribution ${fixed(top.contribution)})`,
    );
    for (const hop of top.hops) if (hop.reason) lines.push(`    ${hop.from} -> ${hop.to}: ${hop.reason}`);
  }
  return lines.join("\n");
}

function printSampled(
  portfolio: PortfolioScores,
  sampled: readonly SampledVendorExposure[],
  samples: number,
  seed: number,
  json: boolean,
): void {
  const engine = new Map(portfolio.vendors.map((v) => [v.id, v]));
  const rows = [...sampled].sort((a, b) => b.exposure - a.exposure || (a.id < b.id ? -1 : 1));
  if (json) {
    const vendors = rows.map((s) => ({
      id: s.id,
      exposure: round(s.exposure),
      standardError: round(s.standardError),
      footprintExposure: round(s.footprintExposure),
      beyondFootprintExposure: round(s.beyondFootprintExposure),
      amplification: round(s.amplification),
      exposureLow: round(s.exposureLow),
      engine: {
        exposure: round(engine.get(s.id)!.exposure),
        amplification: round(engine.get(s.id)!.amplification),
      },
    }));
    process.stdout.write(
      `${JSON.stringify({ modelVersion: MODEL_VERSION, reference: "sampling", samples, seed, vendors }, null, 2)}\n`,
    );
    return;
  }
  process.stdout.write(
    `Sampling reference (model ${MODEL_VERSION}): ${samples} samples, seed ${seed}; each linkage live with probability = its weight, no threshold\n\n`,
  );
  process.stdout.write(
    "vendor                exposure ± s.e.      amplification   engine exposure  engine ampl.  difference\n",
  );
  for (const s of rows) {
    const mine = engine.get(s.id)!;
    const difference =
      s.exposure > 0 ? `${(((mine.exposure - s.exposure) / s.exposure) * 100).toFixed(1)}%` : "-";
    process.stdout.write(
      `${s.id.padEnd(20)}  ${s.exposure.toFixed(3).padStart(9)} ± ${s.standardError.toFixed(3).padEnd(7)}  ${(s.amplification * 100).toFixed(1).padStart(6)}%        ${mine.exposure.toFixed(3).padStart(9)}  ${(mine.amplification * 100).toFixed(1).padStart(8)}%   ${difference.padStart(8)}\n`,
    );
  }
}

function main(): void {
  const { file, json, configFile, samples, seed } = parseArguments(process.argv.slice(2));

  let overrides: ScoringConfigOverrides = {};
  if (configFile) {
    try {
      overrides = JSON.parse(readText(configFile)) as ScoringConfigOverrides;
    } catch (error) {
      fail(2, `${configFile}: invalid JSON: ${(error as Error).message}`);
    }
  }
  let config;
  try {
    config = resolveScoringConfig(overrides);
  } catch (error) {
    if (error instanceof ScoringConfigError) fail(2, `${configFile}:\n${error.problems.join("\n")}`);
    throw error;
  }

  const parsed = parseGraphJson(readText(file));
  if (parsed.warnings.length > 0)
    process.stderr.write(`${file}: warnings\n${formatGraphIssues(parsed.warnings)}\n`);
  if (!parsed.ok) fail(2, `${file}: ${parsed.errors.length} error(s)\n${formatGraphIssues(parsed.errors)}`);

  const graph = buildScoringGraph(parsed.graph);
  const portfolio = scorePortfolio(graph, { config });
  if (samples !== undefined) {
    printSampled(
      portfolio,
      sampleVendorExposure(graph, { samples, seed: seed ?? 1, config }),
      samples,
      seed ?? 1,
      json,
    );
    return;
  }
  const vendors = [...portfolio.vendors].sort((a, b) => b.exposure - a.exposure || (a.id < b.id ? -1 : 1));
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ modelVersion: MODEL_VERSION, vendors: vendors.map(toJsonVendor) }, null, 2)}\n`,
    );
  } else {
    process.stdout.write(
      `Trustmap vendor scores (model ${MODEL_VERSION}), ${vendors.length} vendor(s), highest exposure first\n\n`,
    );
    process.stdout.write(`${vendors.map(formatVendorText).join("\n\n")}\n`);
  }
}

main();
