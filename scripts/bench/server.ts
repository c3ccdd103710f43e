/**
 * The web benchmark's server: a private copy of the production build (others may rebuild .next
 * meanwhile), `next start` from it on a free loopback port, a next-auth sign-in, and the ids the
 * build gave its server actions.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import { NEXT_SERVER_NODE_ARGS } from "../next-server-args";
import { log, onCleanup } from "./common";

async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/**
 * A private copy of the production build to serve from: others may rebuild .next while the
 * benchmark runs, and a server whose files change underneath it fails with missing manifests.
 * Without the dev and cache folders it is a few tens of MB; symlinks (Next.js's links to external
 * packages) are kept as they are and resolve through a node_modules link to the project's.
 */
function snapshotBuild(scratch: string): { dir: string; buildId: string } {
  const readId = () => (existsSync(".next/BUILD_ID") ? readFileSync(".next/BUILD_ID", "utf8").trim() : null);
  const before = readId();
  if (!before)
    throw new Error(
      "No production build: run `npm run build` first (bench:web serves the existing .next build and never builds).",
    );
  const dir = path.join(scratch, "app");
  mkdirSync(path.join(dir, ".next"), { recursive: true });
  for (const entry of readdirSync(".next")) {
    if (["dev", "cache", "types", "diagnostics"].includes(entry)) continue;
    cpSync(path.join(".next", entry), path.join(dir, ".next", entry), {
      recursive: true,
      verbatimSymlinks: true,
    });
  }
  for (const file of ["next.config.js", "next.config.mjs", "next.config.ts", "package.json"])
    if (existsSync(file)) cpSync(file, path.join(dir, file));
  if (existsSync("public")) symlinkSync(path.resolve("public"), path.join(dir, "public"));
  symlinkSync(path.resolve("node_modules"), path.join(dir, "node_modules"));
  // next.config.js reads the request limits from lib/questionnaire/request-limits.json.
  const limits = "lib/questionnaire/request-limits.json";
  mkdirSync(path.join(dir, path.dirname(limits)), { recursive: true });
  cpSync(limits, path.join(dir, limits));
  if (readId() !== before || readFileSync(path.join(dir, ".next/BUILD_ID"), "utf8").trim() !== before)
    throw new Error(
      "The production build changed while it was being copied (someone is running `next build`); try again when it has finished.",
    );
  return { dir, buildId: before };
}

/** Copies the build at the start, waiting for a colleague's `next build` that is still running. */
export async function prepareBuild(): Promise<{ scratch: string; dir: string; buildId: string }> {
  const scratch = mkdtempSync(path.join(tmpdir(), "trustmap-bench-web-"));
  onCleanup(async () => rmSync(scratch, { recursive: true, force: true }));
  const deadline = Date.now() + 10 * 60_000;
  for (let announced = false; ;) {
    try {
      return { scratch, ...snapshotBuild(scratch) };
    } catch (error) {
      // .next without BUILD_ID, or a copy that changed underneath: a build is running right now.
      if (!existsSync(".next") || Date.now() > deadline) throw error;
      if (!announced)
        log("a `next build` seems to be running (no .next/BUILD_ID yet); waiting up to 10 minutes for it …");
      announced = true;
      rmSync(path.join(scratch, "app"), { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 5_000));
    }
  }
}

export interface RunningServer {
  origin: string;
  logFile: string;
  buildId: string;
  buildDir: string;
  /** The server's process id (its CPU use is read from /proc). */
  pid: number;
}

/** `next start` on the build copy, on a free loopback port; stopped at clean-up. */
export async function startServer(
  databaseUrl: string,
  build: { scratch: string; dir: string; buildId: string },
): Promise<RunningServer> {
  const port = await freeLoopbackPort();
  const origin = `http://127.0.0.1:${port}`;
  const { scratch, dir, buildId } = build;
  const logFile = path.join(scratch, "next-start.log");
  const out = createWriteStream(logFile);
  // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...NEXT_SERVER_NODE_ARGS,
      ...nodeArgs,
      path.resolve("node_modules/next/dist/bin/next"),
      "start",
      "-p",
      String(port),
      "-H",
      "127.0.0.1",
    ],
    {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
        DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX ?? "10",
        NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
        NEXTAUTH_URL: origin,
        NEXT_TELEMETRY_DISABLED: "1",
        TRUSTMAP_DISABLE_WORKER: "1",
        EVIDENCE_DIR: path.join(scratch, "evidence"),
        SMTP_URL: "",
      },
    },
  );
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  onCleanup(async () => {
    if (!exited) {
      child.kill("SIGTERM");
      const gone = await Promise.race([
        new Promise((r) => child.once("exit", () => r(true))),
        new Promise((r) => setTimeout(() => r(false), 5_000)),
      ]);
      if (!gone) child.kill("SIGKILL");
    }
    log("server stopped");
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`next start exited early:\n${readFileSync(logFile, "utf8").slice(-2000)}`);
    const ok = await fetch(`${origin}/sign-in`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return { origin, logFile, buildId, buildDir: dir, pid: child.pid ?? 0 };
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`next start did not answer within 60 s:\n${readFileSync(logFile, "utf8").slice(-2000)}`);
}

/** next-auth credentials sign-in: CSRF token and cookie, then the callback; returns the Cookie header. */
export async function signIn(origin: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfResponse = await fetch(`${origin}/api/auth/csrf`);
  keep(csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie() },
    body: new URLSearchParams({
      csrfToken,
      email,
      password,
      callbackUrl: `${origin}/scores`,
      json: "true",
    }),
  });
  keep(response);
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token")))
    throw new Error(`sign-in failed (HTTP ${response.status}): no session cookie`);
  return cookie();
}

/** The id Next.js gave a server action in this build, as the browser would post it. */
export function findServerActionId(buildDir: string, exportedName: string, filename: string): string | null {
  const file = path.join(buildDir, ".next/server/server-reference-manifest.json");
  if (!existsSync(file)) return null;
  const manifest = JSON.parse(readFileSync(file, "utf8")) as {
    node?: Record<string, { exportedName?: string; filename?: string }>;
  };
  const entry = Object.entries(manifest.node ?? {}).find(
    ([, v]) => v.exportedName === exportedName && v.filename === filename,
  );
  return entry?.[0] ?? null;
}
