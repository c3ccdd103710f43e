/**
 * Scores every vendor of a graph file (docs/graph-format.md).
 *
 *   npx tsx scripts/score.ts <graph.json> [--json] [--config overrides.json]
 *
 * Text output: one block per vendor, highest exposure first. `--json` prints
 * { modelVersion, vendors: [{ id, exposure, amplification, byKind, topPaths, ... }] } in the same order.
 * Exit codes: 0 scored, 1 usage error, 2 invalid or unreadable graph/config file (every error listed).
 */
import { readFileSync } from "node:fs";
import {
  MODEL_VERSION,
  ScoringConfigError,
  buildScoringGraph,
  formatGraphIssues,
  parseGraphJson,
  resolveScoringConfig,
  scorePortfolio,
  type ScoringConfigOverrides,
  type VendorScore,
} from "../lib/scoring/index";

const USAGE = "usage: npx tsx scripts/score.ts <graph.json> [--json] [--config overrides.json]";

function fail(code: number, message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function parseArguments(argv: readonly string[]) {
  let file: string | undefined;
  let json = false;
  let configFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--json") json = true;
    else if (arg === "--config") configFile = argv[++i] ?? fail(1, `--config needs a file\n${USAGE}`);
    else if (arg === "--help" || arg === "-h") fail(0, USAGE);
    else if (arg.startsWith("-")) fail(1, `unknown option ${arg}\n${USAGE}`);
    else if (file === undefined) file = arg;
    else fail(1, `only one graph file, got "${file}" and "${arg}"\n${USAGE}`);
  }
  if (file === undefined) fail(1, USAGE);
  return { file, json, configFile };
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    return fail(2, `${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

// Six decimals: beyond that the digits are floating-point noise, not information.
const round = (value: number) => Math.round(value * 1e6) / 1e6;

function toJsonVendor(score: VendorScore) {
  return {
    id: score.id,
    exposure: round(score.exposure),
    amplification: round(score.amplification),
    byKind: { adjacency: round(score.byKind.adjacency), inheritance: round(score.byKind.inheritance), trust: round(score.byKind.trust) },
    topPaths: score.topPaths.map((path) => ({ ...path, probability: round(path.probability), pathProbability: round(path.pathProbability), contribution: round(path.contribution) })),
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
    `  exposure ${fixed(score.exposure)}  amplification ${(score.amplification * 100).toFixed(1)}%  (direct ${fixed(score.directExposure)}; ${score.assetsReached} assets reached, ${score.criticalAssetsReached} critical)`,
    `  by kind: adjacency ${fixed(score.byKind.adjacency)}  inheritance ${fixed(score.byKind.inheritance)}  trust ${fixed(score.byKind.trust)}`,
  ];
  const top = score.topPaths[0];
  if (!top) {
    lines.push("  top path: none (reaches no asset)");
  } else {
    const route = top.hops.map((hop) => ` -[${hop.kind} ${hop.weight}]-> ${hop.to}`).join("");
    lines.push(`  top path: ${score.id}${route}  (asset p=${fixed(top.probability)}, contribution ${fixed(top.contribution)})`);
    for (const hop of top.hops) if (hop.reason) lines.push(`    ${hop.from} -> ${hop.to}: ${hop.reason}`);
  }
  return lines.join("\n");
}

function main(): void {
  const { file, json, configFile } = parseArguments(process.argv.slice(2));

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
  if (parsed.warnings.length > 0) process.stderr.write(`${file}: warnings\n${formatGraphIssues(parsed.warnings)}\n`);
  if (!parsed.ok) fail(2, `${file}: ${parsed.errors.length} error(s)\n${formatGraphIssues(parsed.errors)}`);

  const portfolio = scorePortfolio(buildScoringGraph(parsed.graph), { config });
  const vendors = [...portfolio.vendors].sort((a, b) => b.exposure - a.exposure || (a.id < b.id ? -1 : 1));
  if (json) {
    process.stdout.write(`${JSON.stringify({ modelVersion: MODEL_VERSION, vendors: vendors.map(toJsonVendor) }, null, 2)}\n`);
  } else {
    process.stdout.write(`Trustmap vendor scores (model ${MODEL_VERSION}), ${vendors.length} vendor(s), highest exposure first\n\n`);
    process.stdout.write(`${vendors.map(formatVendorText).join("\n\n")}\n`);
  }
}

main();
