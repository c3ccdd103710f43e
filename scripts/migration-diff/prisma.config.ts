// Used only by scripts/new-migration.mjs: Prisma 6.19 with its WASM schema engine ("js"), which
// works offline. It connects at start even for a schema-to-schema diff, so it needs a reachable
// PostgreSQL (MIGRATION_DIFF_DATABASE_URL); nothing is written there.
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: process.env.MIGRATION_DIFF_SCHEMA ?? "new.prisma",
  async adapter() {
    return new PrismaPg({ connectionString: process.env.MIGRATION_DIFF_DATABASE_URL });
  },
});
