/** The web benchmark's report: the results table, the verdict against the goals, the JSON line. */
import { elapsed, log } from "./common";
import type { Measurement } from "./measure";

/** The results as an aligned plain-text table (a row that never answered shows "> duration"). */
export function formatTable(rows: Measurement[], durationSeconds: number): string {
  const header = [
    "target",
    "path",
    "mode",
    "requests",
    "errors",
    "req/s",
    "median",
    "p95",
    "goal",
    "met",
    "CPU server/db",
  ];
  const cells = rows.map((m) => [
    m.name,
    m.path.length > 48 ? `${m.path.slice(0, 45)}...` : m.path,
    m.mode,
    String(m.requests),
    String(m.errors),
    m.requestsPerSecond === null ? "-" : m.requestsPerSecond.toFixed(0),
    m.medianMs === null
      ? m.mode === "skipped"
        ? "-"
        : `> ${durationSeconds} s`
      : `${m.medianMs.toFixed(1)} ms`,
    m.p95Ms === null ? (m.mode === "skipped" ? "-" : `> ${durationSeconds} s`) : `${m.p95Ms.toFixed(1)} ms`,
    m.targetP95Ms === null ? (m.kind === "floor" ? "floor" : "-") : `<= ${m.targetP95Ms} ms`,
    m.met === null ? "-" : m.met ? "yes" : "NO",
    m.serverCpu === undefined || !Number.isFinite(m.serverCpu)
      ? "-"
      : `${Math.round(m.serverCpu * 100)}/${Math.round((m.dbCpu ?? 0) * 100)} %`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((v, i) => v.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
}

/** The run's facts that go into the JSON line beside the results. */
export interface RunFacts {
  modelVersion: string;
  buildId: string;
  node: string;
  scale: number;
  seed: number;
  size: { vendors: number; components: number; assets: number; linkages: number };
  connections: number;
  durationSeconds: number;
  snapshots: number | null;
  recomputeMs: number | null;
  reusedDatabase: boolean;
  targets: { pageP95Ms: number; whatIfP95Ms: number };
}

/**
 * Prints the table, the notes, the verdict against the goals and the server's first error lines
 * (and with `json` the JSON line); returns the targets that failed (5xx), which fail the run.
 */
export function reportResults(
  results: Measurement[],
  run: RunFacts,
  options: { serverLog: string; json: boolean; totalStarted: number },
): string[] {
  const { targets } = run;
  log("");
  log(formatTable(results, run.durationSeconds));
  for (const r of results) if (r.note) log(`  ${r.name}: ${r.note}`);
  const floor = results.find((r) => r.kind === "floor" && r.p95Ms !== null);
  const missed = results.filter((r) => r.met === false).map((r) => r.name);
  // A page that is not there (404) is simply not built yet; one that fails (5xx) is a finding.
  const failed = results
    .filter((r) => r.mode === "skipped" && (r.status ?? 0) >= 500)
    .map((r) => `${r.name} (HTTP ${r.status})`);
  log(
    `targets: p95 <= ${targets.pageP95Ms} ms for pages, <= ${targets.whatIfP95Ms} ms for what-if — ${missed.length ? `missed by: ${missed.join(", ")}` : "all measured targets met"}${failed.length ? `; failed: ${failed.join(", ")}` : ""}`,
  );
  const serverErrors = options.serverLog
    .split("\n")
    .filter((l) => /error/i.test(l))
    .slice(0, 5);
  if (serverErrors.length) log(`server log (first error lines):\n  ${serverErrors.join("\n  ")}`);
  log(
    `total ${elapsed(options.totalStarted)}; peak RSS of this process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );

  if (options.json) {
    log(
      JSON.stringify({
        ...run,
        floorP95Ms: floor?.p95Ms ?? null,
        results: results.map((r) => ({
          ...r,
          medianMs: r.medianMs === null ? null : Number(r.medianMs.toFixed(2)),
          p95Ms: r.p95Ms === null ? null : Number(r.p95Ms.toFixed(2)),
          requestsPerSecond: r.requestsPerSecond === null ? null : Number(r.requestsPerSecond.toFixed(1)),
        })),
        failed,
        targetsMet: missed.length === 0 && failed.length === 0,
      }),
    );
  }
  return failed;
}
