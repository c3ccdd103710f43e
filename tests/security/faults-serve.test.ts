// The fault suite, finding 19: `npm start`'s server process (scripts/serve.ts) killed with
// kill -9 must not leave its Next.js server behind holding the port, and a port that is already
// taken is explained in words before anything is migrated. Real processes on loopback ports.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, afterEach, describe, expect, it } from "vitest";

import { acceptsConnections as accepts, freePort, waitFor } from "@/tests/support/fault-helpers";

const results: string[] = [];
const children = new Set<ChildProcess>();
const dirs: string[] = [];

afterEach(() => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  children.clear();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

// `next dev` rewrites tsconfig.json's include list when it starts; the test leaves the checkout as it found it.
const tsconfig = readFileSync("tsconfig.json", "utf8");

afterAll(() => {
  if (readFileSync("tsconfig.json", "utf8") !== tsconfig) writeFileSync("tsconfig.json", tsconfig);
  console.log(`\n[faults] serve results\n${results.map((r) => `  ${r}`).join("\n")}\n`);
});

/** serve.ts as `npm start` runs it (scripts/start.mjs: react-server conditions, for the seed's server-only use cases), in a data directory of its own. */
function serve(env: Record<string, string | undefined>, args: string[] = []) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "trustmap-serve-"));
  dirs.push(dataDir);
  const fullEnv: NodeJS.ProcessEnv = { ...process.env, TRUSTMAP_DATA_DIR: dataDir, ...env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete fullEnv[key];
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/serve.ts", ...args],
    { env: fullEnv, stdio: ["ignore", "pipe", "pipe"] },
  );
  children.add(child);
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.on("exit", (code, signal) => resolve(signal ?? code)),
  );
  return { child, exited, output: () => output };
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("finding 19: serve.ts and its Next.js server live and die together", () => {
  it("a taken HTTP port is explained in words, before any migration", async () => {
    const port = await freePort();
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(port, resolve));
    try {
      // Nothing listens on port 1: a serve that got as far as migrating would fail on the database instead.
      const started = Date.now();
      const run = serve({ PORT: String(port), DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none" });
      expect(await run.exited).toBe(1);
      const output = run.output();
      expect(output).toContain(`Port ${port} is already in use`);
      expect(output).toContain(`PORT=${port + 1} npm start`);
      expect(output).not.toMatch(/EADDRINUSE|ECONNREFUSED|\n\s+at /);
      results.push(`port ${port} taken: explained in words, exit 1 after ${Date.now() - started} ms`);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it("kill -9 of serve.ts (embedded mode) frees the HTTP port within a few seconds: no orphaned server", async () => {
    const [port, dbPort] = [await freePort(), await freePort()];
    const run = serve(
      {
        PORT: String(port),
        EMBEDDED_DB_PORT: String(dbPort),
        DATABASE_URL: undefined,
        NEXT_TELEMETRY_DISABLED: "1",
      },
      ["--dev"],
    );
    const { millis: ready } = await waitFor(
      "the portal to listen",
      async () => run.child.exitCode === null && accepts(port),
      240_000,
      250,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${run.output()}`);
    });
    expect(await accepts(dbPort)).toBe(true);

    run.child.kill("SIGKILL");
    expect(await run.exited).toBe("SIGKILL");
    const { millis: freed } = await waitFor(
      "the HTTP port to be free again",
      async () => !(await accepts(port)),
      5_000,
    );
    expect(await accepts(dbPort)).toBe(false);
    // Nothing of it is left holding the port: the next start can listen there.
    const next = net.createServer();
    await new Promise<void>((resolve, reject) => next.once("error", reject).listen(port, resolve));
    await new Promise<void>((resolve) => next.close(() => resolve()));
    expect(isAlive(run.child.pid!)).toBe(false);
    results.push(`kill -9 serve.ts (embedded, up after ${ready} ms): HTTP port free ${freed} ms later`);
  }, 300_000);
});
