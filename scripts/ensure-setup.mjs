// Shared by `npm start` and `npm test`: installs dependencies when they are missing or older than
// package-lock.json, and generates the Prisma client. Plain Node so it runs before any install.
import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

export function ensureSetup() {
  const marker = "node_modules/.package-lock.json";
  const stale = !existsSync(marker) || statSync("package-lock.json").mtimeMs > statSync(marker).mtimeMs;
  if (stale) {
    console.log("▸ Installing dependencies (npm ci) …");
    execFileSync(npm, ["ci", "--no-audit", "--no-fund"], { stdio: "inherit" });
  }
  if (stale || !existsSync("lib/generated/prisma/client.ts")) {
    execFileSync(process.execPath, ["scripts/prisma-generate.mjs"], { stdio: "inherit" });
  }
}

/** Builds the production bundle unless one exists that is newer than every source file. */
export function ensureBuild({ force = false } = {}) {
  const buildId = ".next/BUILD_ID";
  if (!force && existsSync(buildId) && !sourcesNewerThan(statSync(buildId).mtimeMs)) return;
  console.log("▸ Building the portal (next build) …");
  execFileSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit" });
}

function sourcesNewerThan(time) {
  let files;
  try {
    files = listSources();
  } catch {
    return true; // not a git checkout: cannot tell, so rebuild
  }
  return files.some((f) => existsSync(f) && statSync(f).mtimeMs > time);
}

function listSources() {
  return execFileSync(
    "git",
    [
      "ls-files",
      "-mco",
      "--exclude-standard",
      "app",
      "components",
      "lib",
      "prisma",
      "next.config.js",
      "package-lock.json",
      "postcss.config.mjs",
    ],
    { encoding: "utf8" },
  )
    .split("\n")
    .filter(Boolean);
}
