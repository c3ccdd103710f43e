// The fault suite (issue 10, findings 15, 16 and 20): recomputes that survive a server killed and
// a database lost at the worst moment, a worker that heals by itself, and outage errors that are
// recognised as such. Outages are cut in a TCP proxy in front of the test's own database (the
// shared PostgreSQL is never stopped); "killed" means a real child process and SIGKILL.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

import pg from "pg";
import { afterAll, afterEach, describe, expect, inject, it } from "vitest";

import { createPrismaClient, type Db } from "@/lib/db/create-client";
import { acceptAssessment } from "@/lib/domain/review/review-assessment";
import { getLatestRun } from "@/lib/domain/scoring/read-scores";
import { requestFullRecompute } from "@/lib/domain/scoring/request-full-recompute";
import { isDatabaseUnavailable, toActionFailure } from "@/lib/errors";
import { startScoringWorker, stopScoringWorker } from "@/lib/jobs/scoring-queue";
import { waitFor } from "@/tests/support/fault-helpers";
import { startFaultProxy, type FaultProxy } from "@/tests/support/fault-proxy";

import { acmeOnASmallPlant, withMailSink } from "../integration/fixtures";
import { testDb } from "../integration/setup";

withMailSink();

// Short timings so that a fault heals within seconds; production defaults are minutes.
const WORKER = { pollMs: 200, maxBackoffMs: 1_000, graceMs: 500, leaseMs: 1_500 };
const CONVERGE_MS = 20_000;

const results: string[] = [];
let proxy: FaultProxy | undefined;
const clients: Db[] = [];
const children = new Set<ChildProcess>();

afterEach(async () => {
  await stopScoringWorker();
  for (const child of children) child.kill("SIGKILL");
  children.clear();
  await Promise.all(clients.splice(0).map((c) => c.$disconnect().catch(() => {})));
  await proxy?.close();
  proxy = undefined;
});

afterAll(() => {
  console.log(`\n[faults] results\n${results.map((r) => `  ${r}`).join("\n")}\n`);
});

/** A Prisma client (and its URL) that reaches the test database only through a proxy the test can cut. */
async function throughProxy() {
  const url = new URL(inject("databaseUrl"));
  proxy = await startFaultProxy({ host: url.hostname, port: Number(url.port || 5432) });
  const proxiedUrl = proxy.urlFor(url.toString());
  const db = createPrismaClient({ connectionString: proxiedUrl, max: 2 });
  clients.push(db);
  return { proxy, db, url: proxiedUrl };
}

const currentScore = (vendorId: string) =>
  testDb().currentScore.findFirst({ where: { vendorId }, select: { exposure: true } });

/** Accepts in a child process that the test kills (SIGKILL) the moment `trigger` matches a completed command. */
async function acceptInKilledChild(
  trigger: (tag: string) => boolean,
  env: { url: string; actor: object; assessmentId: string },
) {
  const fired = proxy!.arm({ match: trigger, action: "hold" });
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.resolve("tests/support/accept-in-child.ts")],
    {
      env: {
        ...process.env,
        DATABASE_URL: env.url,
        ACTOR: JSON.stringify(env.actor),
        ASSESSMENT_ID: env.assessmentId,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  children.add(child);
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on("exit", (code, signal) => resolve(signal ?? code)),
  );
  const outcome = await Promise.race([fired.then((tag) => ({ tag })), exited.then((code) => ({ code }))]);
  if (!("tag" in outcome))
    throw new Error(`the child finished before the fault (exit ${String(outcome.code)}):\n${output}`);
  child.kill("SIGKILL");
  expect(await exited).toBe("SIGKILL");
  children.delete(child);
  return outcome.tag;
}

describe("finding 15: the rescore after an acceptance is durable", () => {
  it("a server killed right after the acceptance commits: the score converges by itself", async () => {
    const { vendor, a, risk } = await acmeOnASmallPlant({ accept: false });
    const { db, url } = await throughProxy();
    let commits = 0;
    await acceptInKilledChild((tag) => tag === "COMMIT" && ++commits === 1, {
      url,
      actor: risk,
      assessmentId: a.id,
    });

    expect(
      await testDb().assessment.findUniqueOrThrow({ where: { id: a.id }, select: { status: true } }),
    ).toEqual({ status: "ACCEPTED" });
    expect(await currentScore(vendor.id)).toBeNull();
    startScoringWorker(db, WORKER);
    const { millis } = await waitFor("the vendor's score", () => currentScore(vendor.id), CONVERGE_MS);
    results.push(
      `server killed after the acceptance's COMMIT: score converged ${millis} ms after a worker started`,
    );
  });

  it("a server killed mid-recompute (run claimed, then SIGKILL): the stale run is reaped, requeued and finished", async () => {
    const { vendor, a, risk } = await acmeOnASmallPlant({ accept: false });
    const { db, url } = await throughProxy();
    let committed = false;
    // The first statement after the acceptance's COMMIT that updates one row claims the rescore.
    await acceptInKilledChild(
      (tag) => (tag === "COMMIT" ? !(committed = true) : committed && tag === "UPDATE 1"),
      { url, actor: risk, assessmentId: a.id },
    );

    startScoringWorker(db, WORKER);
    const { millis } = await waitFor("the vendor's score", () => currentScore(vendor.id), CONVERGE_MS);
    const runs = await testDb().scoringRun.findMany({
      orderBy: { createdAt: "asc" },
      select: { status: true, error: true },
    });
    expect(runs.map((r) => r.status)).toEqual(["FAILED", "SUCCEEDED"]);
    expect(runs[0]!.error).toMatch(/interrupted/);
    results.push(
      `server killed mid-recompute: stale run reaped and requeued, score converged in ${millis} ms`,
    );
  });

  it("PostgreSQL stops right after the acceptance commits: the reviewer sees success, the score converges once it is back", async () => {
    const { vendor, a, risk } = await acmeOnASmallPlant({ accept: false });
    const { proxy, db } = await throughProxy();
    const stopped = proxy.arm({ match: (tag) => tag === "COMMIT", action: "forward-then-down" });

    const accepted = await acceptAssessment(db, risk, a.id);
    await stopped;
    expect(accepted).toMatchObject({ id: a.id, vendorsRescored: 0 });
    expect(await currentScore(vendor.id)).toBeNull();

    startScoringWorker(db, WORKER);
    await new Promise((r) => setTimeout(r, 1_000));
    await proxy.up();
    const { millis } = await waitFor("the vendor's score", () => currentScore(vendor.id), CONVERGE_MS);
    results.push(
      `database down right after the acceptance's COMMIT: no error shown, score converged ${millis} ms after it came back`,
    );
  });

  it("the recompute button reads full runs only: a stuck incremental run never disables it", async () => {
    const { org, risk } = await acmeOnASmallPlant({ accept: false });
    await testDb().scoringRun.create({
      data: {
        organizationId: org.id,
        kind: "full",
        trigger: "manual",
        status: "SUCCEEDED",
        createdAt: new Date(Date.now() - 60_000),
      },
    });
    await testDb().scoringRun.create({
      data: {
        organizationId: org.id,
        kind: "incremental",
        trigger: "assessment accepted",
        status: "RUNNING",
      },
    });
    expect(await getLatestRun(testDb(), risk)).toMatchObject({ kind: "full", status: "SUCCEEDED" });
  });
});

describe("finding 16: the scoring worker heals after a failed start", () => {
  it("started while PostgreSQL is down, it runs a full recompute requested once the database is back", async () => {
    const { a, risk } = await acmeOnASmallPlant();
    const { proxy, db, url } = await throughProxy();
    // Any queue the worker uses reaches the database through the proxy too.
    const saved = {
      DATABASE_URL: process.env.DATABASE_URL,
      JOBS_DATABASE_URL: process.env.JOBS_DATABASE_URL,
    };
    process.env.DATABASE_URL = url;
    delete process.env.JOBS_DATABASE_URL;
    try {
      await proxy.down();
      await Promise.resolve(startScoringWorker(db, WORKER)).catch(() => {});
      await new Promise((r) => setTimeout(r, 1_500));
      await proxy.up();

      const { runId } = await requestFullRecompute(testDb(), risk).catch(() => ({ runId: "" }));
      const run = () =>
        testDb().scoringRun.findFirst({
          where: { organizationId: risk.organizationId, kind: "full" },
          orderBy: { createdAt: "desc" },
          select: { id: true, status: true },
        });
      const { millis } = await waitFor(
        "the full run to succeed",
        async () => (await run())?.status === "SUCCEEDED",
        15_000,
      );
      expect((await run())!.id).toBe(runId);
      expect(await testDb().scoringRun.count({ where: { status: { in: ["QUEUED", "RUNNING"] } } })).toBe(0);
      results.push(
        `worker started during an outage: full recompute (assessment ${a.id.slice(0, 6)}…) succeeded ${millis} ms after the request`,
      );
    } finally {
      Object.assign(process.env, saved);
      if (saved.JOBS_DATABASE_URL === undefined) delete process.env.JOBS_DATABASE_URL;
    }
  });
});

describe("finding 20: outage errors are classified as the database being unavailable", () => {
  it("57P01 (a backend terminated by an administrator or a shutdown) is unavailable, not a generic error", async () => {
    const db = createPrismaClient({ connectionString: inject("databaseUrl"), max: 1 });
    clients.push(db);
    const admin = new pg.Client({ connectionString: inject("databaseUrl") });
    await admin.connect();
    try {
      const sleeping = db.$queryRaw`SELECT pg_sleep(10) AS "faultSuiteSleep"`.then(
        () => null,
        (e: unknown) => e,
      );
      // Terminate only our own backend in our own database, as `pg_ctl stop -m fast` would.
      await waitFor(
        "the sleeping query",
        async () =>
          (
            await admin.query(
              `SELECT pg_terminate_backend(pid) AS t FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%faultSuiteSleep%' AND pid <> pg_backend_pid()`,
            )
          ).rows.some((r) => r.t),
        5_000,
      );
      const error = await sleeping;
      expect(error).toBeTruthy();
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(toActionFailure(error)).toMatchObject({ code: "UNAVAILABLE" });
      results.push(`57P01 (terminated backend): classified UNAVAILABLE`);
    } finally {
      await admin.end();
    }
  });

  it("a connection cut mid-query and a refused connection are unavailable", async () => {
    const { proxy, db } = await throughProxy();
    const midQuery = db.$queryRaw`SELECT pg_sleep(5)`.then(
      () => null,
      (e: unknown) => e,
    );
    await new Promise((r) => setTimeout(r, 300));
    await proxy.down();
    const cut = await midQuery;
    const refused = await db.vendor.count().then(
      () => null,
      (e: unknown) => e,
    );
    for (const error of [cut, refused]) {
      expect(error).toBeTruthy();
      expect(isDatabaseUnavailable(error)).toBe(true);
    }
    // The pg driver's own messages, which carry no code.
    for (const message of [
      "Client has encountered a connection error and is not queryable",
      "Server has closed the connection.",
    ]) {
      expect(isDatabaseUnavailable(new Error(message))).toBe(true);
    }
    expect(isDatabaseUnavailable(new Error("Unique constraint failed on the fields: (`email`)"))).toBe(false);
    results.push(`connection cut mid-query / refused: classified UNAVAILABLE`);
  });
});
