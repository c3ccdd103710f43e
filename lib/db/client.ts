import "server-only";

import { getEnv } from "@/lib/env";

import { createPrismaClient, type Db } from "./create-client";
import { registerDatabaseProbe } from "./health";

// One client per server process; Next's dev server reloads modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { trustmapDb?: Db };

export function getDb(): Db {
  if (!globalForDb.trustmapDb) {
    const env = getEnv();
    globalForDb.trustmapDb = createPrismaClient({
      connectionString: env.DATABASE_URL,
      max: env.DATABASE_POOL_MAX,
    });
    const db = globalForDb.trustmapDb;
    registerDatabaseProbe(() => db.$queryRaw`SELECT 1`);
  }
  return globalForDb.trustmapDb;
}
