// Runs once per `vitest --project integration`: makes one fresh, migrated database for the run and
// drops it afterwards. Uses TEST_DATABASE_URL (default: the local server); when no server answers
// it falls back to an embedded PGlite so a fresh machine still runs every test.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import type { TestProject } from "vitest/node";

import { startEmbeddedDb } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";

import {
  adminQuery,
  assertLocalDatabaseUrl,
  DEFAULT_TEST_DATABASE_URL,
  isReachable,
  withDatabase,
} from "./database-url";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    /** URL of the PostgreSQL server's maintenance database, or "" when running on embedded PGlite. */
    serverUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
  const base = assertLocalDatabaseUrl(serverUrl);

  if (await isReachable(serverUrl)) {
    const name = `trustmap_test_${process.pid}_${randomBytes(3).toString("hex")}`;
    await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
    const url = withDatabase(base, name);
    await migrate({ connectionString: url });
    console.log(`[integration] PostgreSQL at ${base.host}, fresh database ${name}`);
    project.provide("databaseUrl", url);
    project.provide("serverUrl", serverUrl);
    return async () => {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    };
  }

  console.warn(`[integration] No PostgreSQL answers at ${base.host}: falling back to embedded PGlite.`);
  const dir = mkdtempSync(path.join(tmpdir(), "trustmap-it-"));
  const embedded = await startEmbeddedDb({ dataDir: path.join(dir, "pglite"), port: 0 });
  await migrate({ connectionString: embedded.url });
  project.provide("databaseUrl", embedded.url);
  project.provide("serverUrl", "");
  return async () => {
    await embedded.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
