// The fault suite, finding 20 end to end: while the database does not answer, portal pages answer
// 503 (not 200) with the "cannot reach its database" words, and recover by themselves. A real
// Next.js server (next dev: no build needed) reaches the test database through a proxy we cut.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";

import { afterAll, describe, expect, inject, it } from "vitest";

import { freePort, waitFor } from "@/tests/support/fault-helpers";
import { startFaultProxy, type FaultProxy } from "@/tests/support/fault-proxy";

const results: string[] = [];
let server: ChildProcess | undefined;
let proxy: FaultProxy | undefined;
// `next dev` rewrites tsconfig.json's include list when it starts; the test leaves the checkout as it found it.
const tsconfig = readFileSync("tsconfig.json", "utf8");

afterAll(async () => {
  // SIGTERM lets `next dev` stop its own worker process too.
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    server.kill("SIGKILL");
  }
  await proxy?.close();
  if (readFileSync("tsconfig.json", "utf8") !== tsconfig) writeFileSync("tsconfig.json", tsconfig);
  console.log(`\n[faults] http results\n${results.map((r) => `  ${r}`).join("\n")}\n`);
});

describe("finding 20: the portal answers 503 while its database is unreachable", () => {
  it("503 with the words during an outage, back to normal when the database returns", async () => {
    const url = new URL(inject("databaseUrl"));
    proxy = await startFaultProxy({ host: url.hostname, port: Number(url.port || 5432) });
    const port = await freePort();
    let output = "";
    // exit-with-parent: should this test process die, the server does not outlive it.
    server = spawn(
      process.execPath,
      [
        "--require",
        "./scripts/exit-with-parent.cjs",
        "node_modules/next/dist/bin/next",
        "dev",
        "-p",
        String(port),
        "-H",
        "127.0.0.1",
      ],
      {
        env: {
          ...process.env,
          DATABASE_URL: proxy.urlFor(url.toString()),
          DATABASE_POOL_MAX: "2",
          NEXTAUTH_SECRET: randomBytes(24).toString("base64url"),
          NEXTAUTH_URL: `http://127.0.0.1:${port}`,
          NEXT_TELEMETRY_DISABLED: "1",
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    server.stdout!.on("data", (d) => (output += d));
    server.stderr!.on("data", (d) => (output += d));
    const page = `http://127.0.0.1:${port}/scores`;
    const get = () => fetch(page, { redirect: "manual", signal: AbortSignal.timeout(120_000) });

    // Up: a signed-out visitor is sent to sign in (the page compiles on this first request).
    const { value: up } = await waitFor(
      "the portal to answer",
      async () => server!.exitCode === null && get(),
      180_000,
      250,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${output}`);
    });
    expect(up.status).toBe(307);

    await proxy.down();
    const started = Date.now();
    const { value: down } = await waitFor(
      "a 503",
      async () => {
        const r = await get();
        return r.status === 503 && r;
      },
      15_000,
      250,
    );
    const html = await down.text();
    expect(html).toContain("Trustmap cannot reach its database");
    expect(down.headers.get("retry-after")).toBe("10");
    const detected = Date.now() - started;

    await proxy.up();
    const { value: back } = await waitFor(
      "the portal to recover",
      async () => {
        const r = await get();
        return r.status !== 503 && r;
      },
      15_000,
      250,
    );
    expect(back.status).toBe(307);
    results.push(
      `database cut: /scores answered 503 after ${detected} ms; recovered by itself when it returned`,
    );
  }, 300_000);
});
