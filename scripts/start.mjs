#!/usr/bin/env node
// npm start — the first quick-start command: install what is missing, build, and serve the portal
// with demo data (embedded PostgreSQL unless DATABASE_URL is set). `--dev` runs `next dev` instead.
import { spawnSync } from "node:child_process";
import { ensureBuild, ensureSetup } from "./ensure-setup.mjs";

const dev = process.argv.includes("--dev");
ensureSetup();
if (!dev) ensureBuild();
const result = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/serve.ts", ...(dev ? ["--dev"] : [])], { stdio: "inherit" });
process.exit(result.status ?? 1);
