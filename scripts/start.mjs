#!/usr/bin/env node
// npm start — the first quick-start command: install what is missing, build, and serve the portal
// with demo data (embedded PostgreSQL unless DATABASE_URL is set). `--dev` runs `next dev` instead.
import { spawnSync } from "node:child_process";

import { ensureBuild, ensureSetup } from "./ensure-setup.mjs";

const dev = process.argv.includes("--dev");
ensureSetup();
if (!dev) ensureBuild();
// tsx as a loader, not its CLI: one process for serve.ts (the CLI would add a parent of its own,
// and killing that one would leave serve.ts and the server running). react-server: the seed runs
// server-only use cases (lib/domain); the Next server it spawns gets its own node arguments.
const result = spawnSync(
  process.execPath,
  ["--conditions=react-server", "--import", "tsx", "scripts/serve.ts", ...(dev ? ["--dev"] : [])],
  { stdio: "inherit" },
);
process.exit(result.status ?? 1);
