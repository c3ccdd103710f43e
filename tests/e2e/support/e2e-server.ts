// Serves the production build for Playwright on a fresh, migrated, demo-seeded database: a new
// database on the local PostgreSQL (TEST_DATABASE_URL), or an embedded PGlite when none answers.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";

import { createPrismaClient } from "../../../lib/db/create-client";
import { startEmbeddedDb, type EmbeddedDb } from "../../../lib/db/embedded";
import { migrate } from "../../../lib/db/migrate";
import { startMailSink } from "../../../lib/mail/sink";
import { seedDemo } from "../../../prisma/seed/demo";
import { NEXT_SERVER_NODE_ARGS } from "../../../scripts/next-server-args";
import {
  adminQuery,
  assertLocalDatabaseUrl,
  DEFAULT_TEST_DATABASE_URL,
  isReachable,
  withDatabase,
} from "../../integration/database-url";

const port = Number(process.env.E2E_PORT ?? 3100);

async function listStaleE2eDatabases(url: string, olderThanMs: number): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'trustmap\\_e2e\\_%'`,
    );
    return rows
      .map((r) => r.datname)
      .filter((name) => {
        const started = Number(/^trustmap_e2e_(\d+)_/.exec(name)?.[1]);
        // Names from before this scheme carry no time: always stale.
        return !Number.isFinite(started) || started * 1000 < olderThanMs;
      });
  } finally {
    await client.end();
  }
}
const serverUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
const base = assertLocalDatabaseUrl(serverUrl);

let cleanup: () => Promise<void>;
let url: string;
let embedded: EmbeddedDb | undefined;
if (await isReachable(serverUrl)) {
  // Playwright ends this process with SIGKILL, so the cleanup below does not always run: drop the
  // databases of earlier runs here (named with their start time; older than an hour is abandoned).
  const stale = await listStaleE2eDatabases(serverUrl, Date.now() - 60 * 60 * 1000);
  for (const db of stale)
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`).catch(() => {});
  const name = `trustmap_e2e_${Math.floor(Date.now() / 1000)}_${randomBytes(3).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  url = withDatabase(base, name);
  cleanup = () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
} else {
  const dir = mkdtempSync(path.join(tmpdir(), "trustmap-e2e-"));
  embedded = await startEmbeddedDb({ dataDir: path.join(dir, "pglite"), port: 0 });
  url = embedded.url;
  cleanup = async () => {
    await embedded?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}

await migrate({ connectionString: url });
const db = createPrismaClient({ connectionString: url, max: 1 });
await seedDemo(db);
await db.$disconnect();

// Real SMTP delivery to a local sink whose files the specs read (E2E_MAIL_DIR).
const mailDir = process.env.E2E_MAIL_DIR ?? path.resolve("test-results/mail");
rmSync(mailDir, { recursive: true, force: true });
const sink = await startMailSink({ dir: mailDir, port: 0 });
const evidenceDir = mkdtempSync(path.join(tmpdir(), "trustmap-e2e-evidence-"));

const child = spawn(
  process.execPath,
  [...NEXT_SERVER_NODE_ARGS, path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(port)],
  {
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: url,
      DATABASE_POOL_MAX: embedded ? "1" : "5",
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: `http://localhost:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      MAIL_SINK_DIR: mailDir,
      EVIDENCE_DIR: evidenceDir,
    },
  },
);

let done = false;
async function shutdown(code: number) {
  if (done) return;
  done = true;
  child.kill("SIGTERM");
  await sink.stop().catch(() => {});
  rmSync(evidenceDir, { recursive: true, force: true });
  await cleanup().catch((e) => console.error("[e2e] cleanup failed:", e));
  process.exit(code);
}
process.on("SIGTERM", () => void shutdown(0));
process.on("SIGINT", () => void shutdown(0));
child.on("exit", (code) => void shutdown(code ?? 0));
