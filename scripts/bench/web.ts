/**
 * Web benchmark: server response times of the risk-officer pages against a production build on the
 * synthetic portfolio (tests/support/scoring/generate-synthetic-portfolio.ts), under concurrent users.
 * This file reads the options and runs the steps; beside it: load-portfolio.ts
 * (database), server.ts (build copy, next start, sign-in), measure.ts (load and timing), report.ts.
 *
 *   npm run build            # once: the benchmark serves the existing production build
 *   npm run bench:web [-- --json] [--scale 0.1] [--duration 15] [--connections 20] [--max-requests 200000]
 *                     [--only <target name part>] [--slow-page-ms 5000] [--seed 20250601]
 *
 * It creates a fresh database on the local PostgreSQL (TEST_DATABASE_URL, default the local
 * server; anything not on this machine is refused), migrates it, bulk-loads one organisation with
 * the portfolio (full scale: 5,000 vendors, 50,000 components, 20,000 assets, 1,000,000 linkages,
 * plus one accepted assessment per vendor), scores it with recomputeScores, copies the build aside
 * and runs `next start` from the copy on a free loopback port, signs in as a risk officer through
 * next-auth's credentials callback, and loads each target with autocannon for a bounded time and
 * request count: the sign-in page and a static asset (the floor), the vendor page, the vendor score
 * page, compare for 4 vendors, the what-if page, the what-if itself (its server action, posted as
 * the browser posts it), the PDF report (no goal) and the portfolio. Median and p95 come from every
 * response's latency; the server's and PostgreSQL's CPU use during each window are read from /proc.
 * The engine call behind a what-if is also timed in this process (labelled in-process). The server
 * is stopped and the database dropped at the end, on Ctrl+C and on errors. With --json the last line
 * is one JSON object. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { PrismaPg } from "@prisma/adapter-pg";

import type { Db } from "../../lib/db/create-client";
import { migrate } from "../../lib/db/migrate";
import { recomputeScores } from "../../lib/domain/scoring/recompute-scores";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { vendorKey } from "../../lib/linkage/keys";
import { MODEL_VERSION } from "../../lib/scoring/index";
import { readOption } from "../bench-options";
import { cleanup, elapsed, log, onCleanup } from "./common";
import { BENCH_PASSWORD, createDatabase, loadPortfolio, readLoaded, type Loaded } from "./load-portfolio";
import {
  measure,
  measureWhatIfEngine,
  settle,
  type LoadOptions,
  type Measurement,
  type Target,
} from "./measure";
import { reportResults } from "./report";
import { findServerActionId, prepareBuild, signIn, startServer } from "./server";

const TARGETS = { pageP95Ms: 300, whatIfP95Ms: 150 };

// ---------------------------------------------------------------------------------------------
// Options

const json = process.argv.includes("--json");
const scale = readOption("--scale", 1);
const seed = readOption("--seed", 20250601);
const durationSeconds = readOption("--duration", 15);
const connections = Math.round(readOption("--connections", 20));
const maxRequests = Math.round(readOption("--max-requests", 200_000));
/** A page whose single request takes longer than this is timed sequentially, not hammered. */
const slowPageMs = readOption("--slow-page-ms", 5_000);
// For iterating on one change: keep the loaded database at the end, and reuse it in the next run
// (skips the minutes of loading and scoring; the build under test still comes from .next).
const keepDb = process.argv.includes("--keep-db");
const reuseDb = (() => {
  const at = process.argv.indexOf("--reuse-db");
  if (at < 0) return null;
  const name = process.argv[at + 1] ?? "";
  if (!/^trustmap_bench_[0-9a-f]{8}$/.test(name))
    throw new Error(
      "--reuse-db needs a database name printed by an earlier run with --keep-db (trustmap_bench_xxxxxxxx)",
    );
  return name;
})();
const load: LoadOptions = { connections, durationSeconds, maxRequests, slowPageMs };

async function main() {
  if (!existsSync(".next"))
    throw new Error(
      "No production build: run `npm run build` first (bench:web serves the existing .next build and never builds).",
    );
  // Copied first: a colleague's rebuild during the minutes of loading cannot affect the run.
  const build = await prepareBuild();
  const totalStarted = performance.now();
  log(
    `Trustmap web benchmark — model ${MODEL_VERSION}, node ${process.version}, scale ${scale}, ${connections} users, ${durationSeconds} s per page`,
  );

  const databaseUrl = await createDatabase({ reuseDb, keepDb });
  // As createPrismaClient, but with room for the snapshot transaction: at full scale
  // recomputeScores writes 5,000 snapshots in one interactive transaction, which can outlast
  // Prisma's default 5 s transaction timeout on a busy machine.
  const db = new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: 4, connectionTimeoutMillis: 5_000 }),
    omit: { user: { passwordHash: true } },
    transactionOptions: { timeout: 300_000, maxWait: 10_000 },
  }) as unknown as Db;
  onCleanup(() => db.$disconnect());
  let started = performance.now();
  let loaded: Loaded;
  let scored: { vendorsScored: number; millis: number } | null = null;
  if (reuseDb) {
    loaded = await readLoaded(db);
  } else {
    await migrate({ connectionString: databaseUrl });
    loaded = await loadPortfolio(databaseUrl, db, { scale, seed });
    started = performance.now();
    scored = await recomputeScores(db, loaded.organizationId);
    log(`recomputeScores: ${scored.vendorsScored} snapshots in ${elapsed(started)}`);
  }
  const ranked = await db.scoreSnapshot.findMany({
    where: { organizationId: loaded.organizationId },
    orderBy: [{ exposure: "desc" }, { id: "asc" }],
    take: 4,
    select: { vendorId: true, exposure: true },
  });
  if (ranked.length < 4) throw new Error(`only ${ranked.length} vendors were scored`);
  const [top] = ranked;

  started = performance.now();
  const { origin, logFile, buildId, buildDir, pid: serverPid } = await startServer(databaseUrl, build);
  log(`next start (build ${buildId}, served from a private copy) on ${origin} ready in ${elapsed(started)}`);
  const cookie = await signIn(origin, loaded.email, BENCH_PASSWORD);
  log("signed in as the risk officer");

  const staticAsset = (() => {
    const dir = path.join(buildDir, ".next/static/chunks");
    const file = existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith(".js"))
          .sort()[0]
      : undefined;
    return file ? `/_next/static/chunks/${file}` : null;
  })();
  // The what-if as the browser runs it: a POST of the server action with the vendor and a change
  // (its own strongest linkage at half the weight, i.e. a stronger control on it).
  const whatIfAction = findServerActionId(
    buildDir,
    "evaluateWhatIfAction",
    "app/(portal)/what-if/actions.ts",
  );
  const ownLinkage = await db.linkage.findFirst({
    where: { organizationId: loaded.organizationId, fromKey: vendorKey(top!.vendorId) },
    orderBy: [{ weight: "desc" }, { id: "asc" }],
    select: { id: true, weight: true },
  });
  const page = (name: string, pagePath: string, kind: Measurement["kind"] = "page"): Target => ({
    name,
    path: pagePath,
    kind,
    goalMs: kind === "floor" ? null : TARGETS.pageP95Ms,
    cookie: kind === "floor" ? undefined : cookie,
  });
  const targets: Target[] = [
    page("static page (floor)", "/sign-in", "floor"),
    ...(staticAsset ? [page("static asset (floor)", staticAsset, "floor")] : []),
    page("vendor page", `/vendors/${top!.vendorId}`),
    page("vendor score page", `/vendors/${top!.vendorId}/score`),
    page("compare 4 vendors", `/compare?${ranked.map((r) => `v=${r.vendorId}`).join("&")}`),
    page("what-if page", `/what-if?vendor=${top!.vendorId}`),
    ...(whatIfAction && ownLinkage
      ? (() => {
          const whatIfBody = (weight: number) =>
            JSON.stringify([
              {
                vendorId: top!.vendorId,
                changes: { controls: [], remove: [], reweight: [{ linkageId: ownLinkage.id, weight }] },
              },
            ]);
          const action = {
            path: `/what-if?vendor=${top!.vendorId}`,
            kind: "what-if" as const,
            goalMs: TARGETS.whatIfP95Ms,
            cookie,
            method: "POST" as const,
            headers: {
              "Next-Action": whatIfAction,
              "Content-Type": "text/plain;charset=UTF-8",
              Accept: "text/x-component",
            },
            check: (body: Buffer) => body.toString("utf8").includes('"ok":true'),
          };
          // A slider being dragged: every request a weight never asked before, so the server's
          // memo of evaluated scenarios never answers and each request runs the engine.
          let step = 0;
          const fresh = () =>
            whatIfBody(
              Number((ownLinkage.weight * (0.05 + 0.9 * ((++step % 900_000) / 900_000))).toFixed(9)),
            );
          return [
            { ...action, name: "what-if, new each request", body: fresh(), nextBody: fresh },
            // The same scenario again (toggled back, reloaded, a colleague's): answered from the memo.
            { ...action, name: "what-if, repeated", body: whatIfBody(ownLinkage.weight / 2) },
          ];
        })()
      : []),
    {
      ...page("vendor report PDF", `/api/vendors/${top!.vendorId}/report`),
      goalMs: null,
      kind: "info" as const,
      check: (body: Buffer) => {
        if (process.env.BENCH_SAVE_REPORT) writeFileSync(process.env.BENCH_SAVE_REPORT, body);
        return body.subarray(0, 5).toString("latin1") === "%PDF-";
      },
    },
    // Last: the portfolio page loads the most, and leftovers of an overloaded page linger.
    page("portfolio", "/scores"),
  ];
  const only = process.argv.includes("--only")
    ? (process.argv[process.argv.indexOf("--only") + 1] ?? "")
    : null;
  if (only !== null) targets.splice(0, targets.length, ...targets.filter((t) => t.name.includes(only)));
  if (!whatIfAction)
    log("what-if: no evaluateWhatIfAction in this build's server actions; only the engine is timed");
  const results: Measurement[] = [];
  for (const target of targets) {
    started = performance.now();
    const m = await measure(origin, target, serverPid, load);
    results.push(m);
    if (m.mode !== "skipped") {
      const floorMedian = results.find((r) => r.path === "/sign-in")?.medianMs ?? 50;
      const waited = await settle(origin, Math.max(3 * floorMedian, 100));
      if (waited > 2_000)
        m.note = `${m.note ?? ""}; server busy ${(waited / 1000).toFixed(1)} s after the window`.replace(
          /^; /,
          "",
        );
    }
    log(
      `${m.name.padEnd(24)} ${m.mode.padEnd(10)} ${m.medianMs === null ? m.note : `median ${m.medianMs.toFixed(1)} ms, p95 ${m.p95Ms!.toFixed(1)} ms, ${m.requests} requests, ${m.errors} errors`} (${elapsed(started)})`,
    );
  }
  const serverLog = readFileSync(logFile, "utf8");
  // The server's heavy lifting is over; time the engine without competing with it for the CPU.
  results.push(
    ...(await measureWhatIfEngine(db, loaded.organizationId, loaded.vendorIds, {
      ...load,
      seed,
      goalMs: TARGETS.whatIfP95Ms,
    })),
  );

  const failed = reportResults(
    results,
    {
      modelVersion: MODEL_VERSION,
      buildId,
      node: process.version,
      scale,
      seed,
      size: loaded.counts,
      connections,
      durationSeconds,
      snapshots: scored?.vendorsScored ?? null,
      recomputeMs: scored?.millis ?? null,
      reusedDatabase: reuseDb !== null,
      targets: TARGETS,
    },
    { serverLog, json, totalStarted },
  );
  if (failed.length) process.exitCode = 1;
}

main()
  .catch((error) => {
    process.stderr.write(`bench:web failed: ${(error as Error).stack ?? error}\n`);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
