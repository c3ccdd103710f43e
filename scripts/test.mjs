#!/usr/bin/env node
// npm test — the second quick-start command: install what is missing, then run every suite:
// type check, lint, unit tests, integration tests on PostgreSQL (TEST_DATABASE_URL, default the
// local server, falling back to an embedded PGlite), and Playwright end-to-end tests in Chromium
// against a production build. Stops at the first failing suite.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

import { ensureBuild, ensureSetup } from "./ensure-setup.mjs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
ensureSetup();

const hasBrowser =
  ["/usr/bin/chromium", "/usr/bin/chromium-browser"].some(existsSync) ||
  Boolean(process.env.PLAYWRIGHT_CHROMIUM_PATH) ||
  playwrightHasOwnBrowser();
if (!hasBrowser) {
  console.error(
    "\n✖ No Chromium for the end-to-end tests. Install one with `sudo apt-get install -y chromium` (Debian/Ubuntu)\n" +
      "  or `npx playwright install chromium`, or set PLAYWRIGHT_CHROMIUM_PATH.\n",
  );
  process.exit(1);
}

const bin = (name) => `node_modules/${name}`;
const suites = [
  ["type check", [bin("typescript/bin/tsc"), "--noEmit", "-p", "."]],
  ["lint", [bin("eslint/bin/eslint.js"), "."]],
  ["formatting", [bin("prettier/bin/prettier.cjs"), "--check", "--log-level", "warn", "."]],
  ["import cycles", [bin("tsx/dist/cli.mjs"), "scripts/check-cycles.ts"]],
  ["unit tests", [bin("vitest/vitest.mjs"), "run", "--project", "unit"]],
  ["integration tests", [bin("vitest/vitest.mjs"), "run", "--project", "integration"]],
  ["security tests", [bin("vitest/vitest.mjs"), "run", "--project", "security"]],
  ["production build", null],
  ["end-to-end tests", [bin("@playwright/test/cli.js"), "test"]],
];

const results = [];
for (const [name, args] of suites) {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  let ok = true;
  if (args === null) {
    try {
      ensureBuild({ force: true });
    } catch {
      ok = false;
    }
  } else {
    ok = spawnSync(process.execPath, args, { stdio: "inherit", env }).status === 0;
  }
  results.push({ name, ok, seconds: ((Date.now() - started) / 1000).toFixed(1) });
  if (!ok) break;
}

console.log("\n━━ summary ━━");
for (const r of results) console.log(`${r.ok ? "✓" : "✖"} ${r.name} (${r.seconds}s)`);
const failed = results.filter((r) => !r.ok).length;
const passed = results.length - failed;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

function playwrightHasOwnBrowser() {
  try {
    const r = spawnSync(
      process.execPath,
      [bin("@playwright/test/cli.js"), "install", "--dry-run", "chromium"],
      { encoding: "utf8" },
    );
    const m = /Install location:\s*(\S+)/.exec(r.stdout ?? "");
    return Boolean(m && existsSync(m[1]));
  } catch {
    return false;
  }
}
