/**
 * The web benchmark's measuring: each target is warmed, probed, and loaded with autocannon for a
 * bounded time and request count (a page slower than --slow-page-ms is timed with one user
 * instead); the server's and PostgreSQL's CPU during the window come from /proc. The what-if
 * engine is also timed in this process, alone and with users queueing.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";

import type { Db } from "../../lib/db/create-client";
import { getCompiledGraph } from "../../lib/domain/graph-store/graph-cache";
import { vendorKey } from "../../lib/linkage/keys";
import { evaluateWhatIf, scoreVendor } from "../../lib/scoring/index";
import { createRandom } from "../../lib/scoring/random";
import { elapsed, log, quantile } from "./common";

type Autocannon = (
  options: Record<string, unknown>,
  callback?: (error: Error | null, result: AutocannonResult) => void,
) => AutocannonInstance;
interface AutocannonInstance {
  on(
    event: "response",
    listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void,
  ): void;
  stop(): void;
}
interface AutocannonResult {
  errors: number;
  timeouts: number;
  non2xx: number;
  requests: { total: number };
}
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

export interface Measurement {
  name: string;
  path: string;
  kind: "page" | "floor" | "what-if" | "info";
  mode: string;
  status: number | null;
  requests: number;
  requestsPerSecond: number | null;
  medianMs: number | null;
  p95Ms: number | null;
  errors: number;
  targetP95Ms: number | null;
  met: boolean | null;
  /** Cores' worth of CPU the server process tree and all PostgreSQL processes used during the window. */
  serverCpu?: number;
  dbCpu?: number;
  note?: string;
}

/** One thing to load: a page, an asset, a route, or a server action posted as the browser does. */
export interface Target {
  name: string;
  path: string;
  kind: Measurement["kind"];
  goalMs: number | null;
  cookie?: string;
  method?: "GET" | "POST";
  body?: string;
  /** When set, every request under load sends the next body from this (e.g. a new what-if each time). */
  nextBody?: () => string;
  headers?: Record<string, string>;
  /** A first answer whose body fails this check is not measured (e.g. a server action answering ok: false). */
  check?: (body: Buffer) => boolean;
}

async function timedRequest(
  origin: string,
  t: Target,
): Promise<{ status: number; ms: number; location: string | null; body: Buffer }> {
  const started = performance.now();
  const response = await fetch(`${origin}${t.path}`, {
    method: t.method ?? "GET",
    body: t.body,
    headers: { ...(t.cookie ? { Cookie: t.cookie } : {}), ...t.headers },
    redirect: "manual",
  });
  const body = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    ms: performance.now() - started,
    location: response.headers.get("location"),
    body,
  };
}

async function runAutocannon(
  origin: string,
  t: Target,
  seconds: number,
  limit: number,
  connections: number,
): Promise<{ latencies: number[]; result: AutocannonResult; seconds: number }> {
  const url = `${origin}${t.path}`;
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url))
    throw new Error(`refusing to load anything but loopback: ${url}`);
  const latencies: number[] = [];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        timeout: 60,
        method: t.method ?? "GET",
        body: t.body,
        headers: { ...(t.cookie ? { cookie: t.cookie } : {}), ...t.headers },
        renderProgressBar: false,
        renderResultsTable: false,
        ...(t.nextBody
          ? {
              requests: [
                { setupRequest: (request: Record<string, unknown>) => ({ ...request, body: t.nextBody!() }) },
              ],
            }
          : {}),
      },
      (error, result) =>
        error ? reject(error) : resolve({ latencies, result, seconds: (performance.now() - started) / 1000 }),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (latencies.length >= limit) instance.stop();
    });
  });
}

/**
 * Requests still queued in the server when a load window closes keep it busy for a while; wait
 * until a trivial page answers quickly again so they do not slow down the next target.
 */
export async function settle(origin: string, quickMs: number): Promise<number> {
  const started = performance.now();
  let quickInARow = 0;
  while (quickInARow < 3 && performance.now() - started < 120_000) {
    const { ms } = await timedRequest(origin, {
      name: "settle",
      path: "/sign-in",
      kind: "floor",
      goalMs: null,
    });
    quickInARow = ms <= quickMs ? quickInARow + 1 : 0;
    if (quickInARow === 0) await new Promise((r) => setTimeout(r, 500));
  }
  return performance.now() - started;
}

/** CPU seconds used so far by a process tree (the server) or by every PostgreSQL process, from /proc. */
function cpuSeconds(match: { rootPid: number } | { comm: string }): number {
  const ticksPerSecond = 100; // USER_HZ on Linux
  let stats: { pid: number; ppid: number; comm: string; ticks: number; reaped: number }[] = [];
  try {
    stats = readdirSync("/proc")
      .filter((d) => /^\d+$/.test(d))
      .flatMap((d) => {
        try {
          const text = readFileSync(`/proc/${d}/stat`, "utf8");
          const close = text.lastIndexOf(")");
          const fields = text.slice(close + 2).split(" ");
          // utime + stime, plus cutime + cstime: the CPU of children already reaped (PostgreSQL backends
          // that ended during the window count through the postmaster).
          return [
            {
              pid: Number(d),
              comm: text.slice(text.indexOf("(") + 1, close),
              ppid: Number(fields[1]),
              ticks: Number(fields[11]) + Number(fields[12]),
              reaped: Number(fields[13]) + Number(fields[14]),
            },
          ];
        } catch {
          return [];
        }
      });
  } catch {
    return NaN; // no /proc: not Linux
  }
  if ("comm" in match) {
    const named = stats.filter((p) => p.comm === match.comm);
    const pids = new Set(named.map((p) => p.pid));
    return named.reduce((sum, p) => sum + p.ticks + (pids.has(p.ppid) ? 0 : p.reaped), 0) / ticksPerSecond;
  }
  const tree = new Set([match.rootPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of stats)
      if (!tree.has(p.pid) && tree.has(p.ppid)) {
        tree.add(p.pid);
        grew = true;
      }
  }
  return stats.filter((p) => tree.has(p.pid)).reduce((sum, p) => sum + p.ticks, 0) / ticksPerSecond;
}

/** How hard and how long each target is loaded. */
export interface LoadOptions {
  /** Concurrent users. */
  connections: number;
  durationSeconds: number;
  maxRequests: number;
  /** A page whose single request takes longer than this is timed sequentially, not hammered. */
  slowPageMs: number;
}

/** Loads one target under `options` and times it; the server's CPU is read from its process tree. */
export async function measure(
  origin: string,
  t: Target,
  serverPid: number,
  options: LoadOptions,
): Promise<Measurement> {
  const { connections, durationSeconds, maxRequests, slowPageMs } = options;
  const base = { name: t.name, path: t.path, kind: t.kind, targetP95Ms: t.goalMs };
  const met = (p95: number, errors: number) => (t.goalMs === null ? null : p95 <= t.goalMs && errors === 0);
  // The first request warms module caches and, for graph pages, loads the organisation's compiled
  // graph into the server's cache (as the first visitor after a change would).
  const first = await timedRequest(origin, t);
  if (first.status !== 200 || (t.check && !t.check(first.body))) {
    const why =
      first.status !== 200
        ? `HTTP ${first.status}${first.location ? ` -> ${first.location}` : ""}`
        : `unexpected answer: ${first.body.subarray(0, 160).toString("utf8").replace(/\s+/g, " ")}`;
    return {
      ...base,
      mode: "skipped",
      status: first.status,
      requests: 1,
      requestsPerSecond: null,
      medianMs: null,
      p95Ms: null,
      errors: 0,
      met: null,
      note: `${why}: not measured`,
    };
  }
  const probe: number[] = [];
  for (let i = 0; i < 3; i++) probe.push((await timedRequest(origin, t)).ms);
  probe.sort((a, b) => a - b);
  if (probe[1]! > slowPageMs) {
    // Twenty users on a page that takes seconds would only queue (and could exhaust the server's
    // memory); time it sequentially instead and say so.
    const samples = [...probe];
    const until = performance.now() + durationSeconds * 1000;
    while (performance.now() < until && samples.length < 20) samples.push((await timedRequest(origin, t)).ms);
    samples.sort((a, b) => a - b);
    const p95 = quantile(samples, 0.95);
    return {
      ...base,
      mode: "1 user",
      status: 200,
      requests: samples.length,
      requestsPerSecond: null,
      medianMs: quantile(samples, 0.5),
      p95Ms: p95,
      errors: 0,
      met: met(p95, 0),
      note: `first request ${(first.ms / 1000).toFixed(1)} s; one request takes over ${slowPageMs} ms, so it was timed with 1 user, not ${connections}`,
    };
  }
  await runAutocannon(origin, t, Math.min(3, durationSeconds), maxRequests, connections); // warm-up at full concurrency
  const cpuBefore = { server: cpuSeconds({ rootPid: serverPid }), db: cpuSeconds({ comm: "postgres" }) };
  const { latencies, result, seconds } = await runAutocannon(
    origin,
    t,
    durationSeconds,
    maxRequests,
    connections,
  );
  const cpu = {
    server: (cpuSeconds({ rootPid: serverPid }) - cpuBefore.server) / seconds,
    db: (cpuSeconds({ comm: "postgres" }) - cpuBefore.db) / seconds,
  };
  latencies.sort((a, b) => a - b);
  const errors = result.errors + result.timeouts + result.non2xx;
  const cpuNote = Number.isFinite(cpu.server)
    ? `; CPU during the window: server ${Math.round(cpu.server * 100)} %, PostgreSQL (all its processes, anyone's) ${Math.round(cpu.db * 100)} % of one core${latencies.length ? `, server ${((cpu.server * seconds * 1000) / latencies.length).toFixed(1)} ms CPU per request` : ""}`
    : "";
  if (latencies.length === 0) {
    return {
      ...base,
      mode: `${connections} users`,
      status: 200,
      requests: 0,
      requestsPerSecond: 0,
      medianMs: null,
      p95Ms: null,
      errors,
      met: t.goalMs === null ? null : false,
      serverCpu: cpu.server,
      dbCpu: cpu.db,
      note: `no response completed within the ${durationSeconds} s window (single request ${probe[1]!.toFixed(0)} ms; first ${first.ms.toFixed(0)} ms)${cpuNote}`,
    };
  }
  const p95 = quantile(latencies, 0.95);
  return {
    ...base,
    mode: `${connections} users`,
    status: 200,
    requests: latencies.length,
    requestsPerSecond: latencies.length / seconds,
    medianMs: quantile(latencies, 0.5),
    p95Ms: p95,
    errors,
    met: met(p95, errors),
    serverCpu: cpu.server,
    dbCpu: cpu.db,
    note: `first request ${first.ms.toFixed(0)} ms; single ${probe[1]!.toFixed(0)} ms; response ${(first.body.length / 1024).toFixed(0)} kB${cpuNote}`,
  };
}

/** The engine call a what-if makes, on the graph the server caches, alone and with users queueing. */
export async function measureWhatIfEngine(
  db: Db,
  organizationId: string,
  vendorIds: string[],
  options: LoadOptions & { seed: number; goalMs: number },
): Promise<Measurement[]> {
  const { connections, durationSeconds, maxRequests, seed, goalMs } = options;
  const started = performance.now();
  const compiled = await getCompiledGraph(db, organizationId);
  log(
    `what-if: compiled graph loaded from the database in ${elapsed(started)} (the server does this once per graph version)`,
  );
  const random = createRandom(seed ^ 0x5eed);
  const candidates = vendorIds
    .map(vendorKey)
    .filter((k) => compiled.graph.indexById.has(k) && compiled.assessedVendorKeys.has(k));
  // One what-if per vendor: halve the weight of the first hop of its top path (a stronger control).
  const scenarios: {
    vendor: string;
    hop: { from: string; to: string; kind: "adjacency" | "inheritance" | "trust"; weight: number };
  }[] = [];
  for (let i = 0; i < 400 && scenarios.length < 100 && candidates.length > 0; i++) {
    const vendor = candidates[Math.floor(random() * candidates.length)]!;
    const hop = scoreVendor(compiled.graph, vendor, { config: compiled.config }).topPaths[0]?.hops[0];
    if (hop) scenarios.push({ vendor, hop });
  }
  const run = (s: (typeof scenarios)[number]) =>
    evaluateWhatIf(
      compiled.graph,
      {
        reweightLinkages: [
          { match: { from: s.hop.from, to: s.hop.to, kind: s.hop.kind }, weight: s.hop.weight / 2 },
        ],
      },
      { vendorIds: [s.vendor], config: compiled.config, transient: true },
    );
  for (const s of scenarios.slice(0, 10)) run(s); // warm-up (JIT)

  const alone: number[] = [];
  for (const s of scenarios) {
    const t = performance.now();
    run(s);
    alone.push(performance.now() - t);
  }
  alone.sort((a, b) => a - b);

  // Closed loop: `connections` users each wait for their answer, then ask again; one thread serves
  // them in turn, so each latency includes the wait behind the others (as in one Node.js server).
  const queued: number[] = [];
  const queue = Array.from({ length: connections }, () => performance.now());
  const until = performance.now() + Math.min(durationSeconds, 10) * 1000;
  let n = 0;
  while (performance.now() < until && queued.length < maxRequests) {
    const askedAt = queue.shift()!;
    run(scenarios[n++ % scenarios.length]!);
    const now = performance.now();
    queued.push(now - askedAt);
    queue.push(now);
  }
  queued.sort((a, b) => a - b);
  const make = (name: string, mode: string, samples: number[], note: string): Measurement => ({
    name,
    path: "(in-process: evaluateWhatIf on the cached compiled graph)",
    kind: "what-if",
    mode,
    status: null,
    requests: samples.length,
    requestsPerSecond: null,
    medianMs: quantile(samples, 0.5),
    p95Ms: quantile(samples, 0.95),
    errors: 0,
    targetP95Ms: goalMs,
    met: quantile(samples, 0.95) <= goalMs,
    note,
  });
  return [
    make(
      "what-if engine, 1 user",
      "in-process",
      alone,
      `${alone.length} vendors, one reweighted hop each; no HTTP, no rendering`,
    ),
    make(
      `what-if engine, ${connections} users`,
      "in-process, queued",
      queued,
      `${connections} users queueing on one thread (closed loop); no HTTP, no rendering`,
    ),
  ];
}
