#!/usr/bin/env node
// `prisma generate` wants to download the schema engine first, even though the Prisma 7 client
// needs no engine binary at run time. Where the engine is not installed (offline machines),
// point PRISMA_SCHEMA_ENGINE_BINARY at any existing executable so generation completes.
// On a machine where the engine exists or can be downloaded this changes nothing.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

const env = { ...process.env };
const enginesDir = path.resolve("node_modules/@prisma/engines");
const hasEngine =
  existsSync(enginesDir) && readdirSync(enginesDir).some((f) => f.startsWith("schema-engine"));
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && !hasEngine) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}
const result = spawnSync(
  process.execPath,
  [path.resolve("node_modules/prisma/build/index.js"), "generate", ...process.argv.slice(2)],
  { stdio: "inherit", env },
);
process.exit(result.status ?? 1);
