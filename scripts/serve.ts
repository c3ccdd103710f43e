// Serves the portal. Without DATABASE_URL it starts the embedded PostgreSQL (PGlite) persisted
// under .data/, so a fresh clone needs no database server. Either way it migrates, seeds the demo
// data once, and then runs `next start` (or `next dev` with --dev) with DATABASE_URL set.
// The Next.js server lives only as long as this process (scripts/exit-with-parent.cjs).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";

import { createPrismaClient } from "../lib/db/create-client";
import { EmbeddedDbError, startEmbeddedDb, type EmbeddedDb } from "../lib/db/embedded";
import { migrate, MigrationError } from "../lib/db/migrate";
import { startMailSink, type MailSink } from "../lib/mail/sink";
import { seedDemo } from "../prisma/seed/demo";
import { NEXT_SERVER_NODE_ARGS } from "./next-server-args";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const dataRoot = path.resolve(process.env.TRUSTMAP_DATA_DIR ?? ".data");

function persistentSecret(): string {
  const file = path.join(dataRoot, "nextauth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataRoot, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** A port someone else holds, explained in words (Node's raw EADDRINUSE stack helps nobody). */
class PortTakenError extends Error {
  constructor(readonly port: number) {
    super(
      `Port ${port} is already in use, so Trustmap cannot serve on it. Another Trustmap (an earlier ` +
        `\`npm start\` that is still running) or another program is listening there. Stop it ` +
        `(\`lsof -i :${port}\` or \`ss -ltnp 'sport = :${port}'\` shows which process), or serve on another ` +
        `port: PORT=${port + 1} npm start.`,
    );
    this.name = "PortTakenError";
  }
}

/** Fails early, before any migration or seed, when the HTTP port is taken (as `next start` would listen). */
async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new PortTakenError(port) : error),
    );
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

async function main() {
  await assertPortFree(port);
  let embedded: EmbeddedDb | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const dbPort = Number(process.env.EMBEDDED_DB_PORT ?? 54329);
    console.log(
      `▸ Starting the embedded PostgreSQL (PGlite) in ${path.join(dataRoot, "pglite")} on 127.0.0.1:${dbPort} …`,
    );
    embedded = await startEmbeddedDb({ dataDir: path.join(dataRoot, "pglite"), port: dbPort });
    databaseUrl = embedded.url;
  } else {
    console.log(`▸ Using DATABASE_URL (${databaseUrl.replace(/\/\/[^@]*@/, "//…@")})`);
  }

  const migrated = await migrate({ connectionString: databaseUrl, log: (l) => console.log(`  ${l}`) });
  console.log(
    `▸ Database schema up to date (${migrated.applied.length + migrated.alreadyApplied.length} migrations).`,
  );
  const db = createPrismaClient({ connectionString: databaseUrl, max: 1 });
  try {
    if (await seedDemo(db)) console.log("▸ Demo data written (sign-ins are listed in README.md).");
  } finally {
    await db.$disconnect();
  }

  // Without SMTP_URL, mail goes to a local SMTP sink that keeps each message under .data/mail. The
  // admin Outbox shows what was sent with invitation links masked; the files hold the real links.
  let sink: MailSink | undefined;
  let smtpUrl = process.env.SMTP_URL;
  const sinkDir = process.env.MAIL_SINK_DIR ?? path.join(dataRoot, "mail");
  if (!smtpUrl) {
    sink = await startMailSink({ dir: sinkDir, port: Number(process.env.MAIL_SINK_PORT ?? 0) });
    smtpUrl = `smtp://127.0.0.1:${sink.port}`;
    console.log(
      `▸ Mail goes to the local SMTP sink on ${smtpUrl} (saved in ${sinkDir}; \`npx tsx scripts/mail-sink.ts --list --dir ${sinkDir}\` prints the links).`,
    );
  }

  const env = {
    ...process.env,
    SMTP_URL: smtpUrl,
    ...(sink ? { MAIL_SINK_DIR: sinkDir } : {}),
    EVIDENCE_DIR: process.env.EVIDENCE_DIR ?? path.join(dataRoot, "evidence"),
    DATABASE_URL: databaseUrl,
    // PGlite serves one connection at a time; a bigger pool would only queue at its socket.
    DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX ?? (embedded ? "1" : "10"),
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? persistentSecret(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  };
  const nextBin = path.resolve("node_modules/next/dist/bin/next");
  const exitWithParent = path.resolve("scripts/exit-with-parent.cjs");
  const child = spawn(
    process.execPath,
    [
      ...NEXT_SERVER_NODE_ARGS,
      "--require",
      exitWithParent,
      nextBin,
      dev ? "dev" : "start",
      "-p",
      String(port),
    ],
    { stdio: "inherit", env },
  );
  console.log(`▸ Trustmap on http://localhost:${port}  (Ctrl+C to stop)`);

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    child.kill("SIGTERM");
    await sink?.stop().catch(() => {});
    await embedded?.stop().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  child.on("exit", (code) => void stop(code ?? 0));
}

main().catch((error) => {
  if (
    error instanceof EmbeddedDbError ||
    error instanceof MigrationError ||
    error instanceof PortTakenError
  ) {
    console.error(`\n✖ ${error.message}\n`);
  } else {
    console.error("\n✖ Could not start Trustmap:", error);
  }
  process.exit(1);
});
