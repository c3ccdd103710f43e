// A brand-new, empty database for tests that must start from nothing (the migration runner tests):
// a fresh database on the local server, or a fresh embedded PGlite when no server is reachable.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { inject } from "vitest";

import { startEmbeddedDb } from "@/lib/db/embedded";

import { adminQuery, assertLocalDatabaseUrl, withDatabase } from "./database-url";

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const serverUrl = inject("serverUrl");
  if (serverUrl) {
    const base = assertLocalDatabaseUrl(serverUrl);
    const name = `trustmap_scratch_${randomBytes(5).toString("hex")}`;
    await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
    return {
      url: withDatabase(base, name),
      drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "trustmap-scratch-"));
  const embedded = await startEmbeddedDb({ dataDir: path.join(dir, "pglite"), port: 0 });
  return {
    url: embedded.url,
    async drop() {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
