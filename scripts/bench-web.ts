/**
 * Web benchmark: server response times of the risk-officer pages against a production build on the
 * synthetic portfolio (tests/support/scoring/generate-synthetic-portfolio.ts), under concurrent users.
 *
 *   npm run build            # once: the benchmark serves the existing production build
 *   npm run bench:web [-- --json] [--scale 0.1] [--duration 15] [--connections 20] [--max-requests 200000]
 *                     [--only <target name part>] [--slow-page-ms 5000] [--seed 20250601]
 *
 * It creates a fresh database on the local PostgreSQL (TEST_DATABASE_URL, default the local
 * server; anything not on this machine is refused), migrates it, bulk-loads one organisation with
 * the portfolio (full scale: 5,000 vendors, 50,000 components, 20,000 assets, 1,000,000 linkages,
 * plus one accepted assessment per vendor), scores it with recomputeScores, copies the build aside
 * and runs `next start` from the copy on a free loopback port, signs in as a risk officer through
 * next-auth's credentials callback, and loads each target with autocannon for a bounded time and
 * request count: the sign-in page and a static asset (the floor), the vendor page, the vendor score
 * page, compare for 4 vendors, the what-if page, the what-if itself (its server action, posted as
 * the browser posts it), the PDF report (no goal) and the portfolio. Median and p95 come from every
 * response's latency; the server's and PostgreSQL's CPU use during each window are read from /proc.
 * The engine call behind a what-if is also timed in this process (labelled in-process). The server
 * is stopped and the database dropped at the end, on Ctrl+C and on errors. With --json the last line
 * is one JSON object. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server.
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
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

import type { Db } from "../lib/db/create-client";
import { migrate } from "../lib/db/migrate";
import { getCompiledGraph } from "../lib/domain/graph-store/graph-cache";
import { recomputeScores } from "../lib/domain/scoring/recompute-scores";
import { PrismaClient } from "../lib/generated/prisma/client";
import { evaluateWhatIf, MODEL_VERSION, scoreVendor } from "../lib/scoring/index";
import { createRandom } from "../lib/scoring/random";
import { buildBuiltInTemplates, buildOrganization, buildUser } from "../prisma/seed/factories";
import {
  adminQuery,
  assertLocalDatabaseUrl,
  DEFAULT_TEST_DATABASE_URL,
  isReachable,
  withDatabase,
} from "../tests/integration/database-url";
import { acmeAnswers } from "../tests/support/linkage/baseline-answers";
import {
  BENCHMARK_PORTFOLIO_SIZE,
  generateSyntheticPortfolio,
} from "../tests/support/scoring/generate-synthetic-portfolio";
import { readOption } from "./bench-options";
import { NEXT_SERVER_NODE_ARGS } from "./next-server-args";

const TARGETS = { pageP95Ms: 300, whatIfP95Ms: 150 };
const BATCH = 50_000;
const PASSWORD = "bench-web-Password-1";

// ---------------------------------------------------------------------------------------------
// Options

const json = process.argv.includes("--json");
const scale = readOption("--scale", 1);
const seed = readOption("--seed", 20250601);
const durationSeconds = readOption("--duration", 15);
const connections = Math.round(readOption("--connections", 20));
const maxRequests = Math.round(readOption("--max-requests", 200_000));
/** A page whose single request takes longer than this is timed sequentially, not hammered. */
const slowPageMs = readOption("--slow-page-ms", 5_000);
// For iterating on one change: keep the loaded database at the end, and reuse it in the next run
// (skips the minutes of loading and scoring; the build under test still comes from .next).
const keepDb = process.argv.includes("--keep-db");
const reuseDb = (() => {
  const at = process.argv.indexOf("--reuse-db");
  if (at < 0) return null;
  const name = process.argv[at + 1] ?? "";
  if (!/^trustmap_bench_[0-9a-f]{8}$/.test(name))
    throw new Error(
      "--reuse-db needs a database name printed by an earlier run with --keep-db (trustmap_bench_xxxxxxxx)",
    );
  return name;
})();

const log = (line: string) => process.stdout.write(`${line}\n`);
const elapsed = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const quantile = (sorted: readonly number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : NaN;

// ---------------------------------------------------------------------------------------------
// Clean-up that runs once, on success, error or Ctrl+C

const cleanups: (() => Promise<void>)[] = [];
let cleaningUp: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleaningUp ??= (async () => {
    for (const step of cleanups.reverse())
      await step().catch((e) => process.stderr.write(`cleanup: ${(e as Error).message}\n`));
  })();
  return cleaningUp;
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    process.stderr.write(`\n${signal}: stopping the server and dropping the benchmark database …\n`);
    void cleanup().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------
// Database: fresh, migrated, bulk-loaded

async function createDatabase(): Promise<string> {
  const serverUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
  const base = assertLocalDatabaseUrl(serverUrl);
  if (!(await isReachable(serverUrl)))
    throw new Error(
      `No PostgreSQL answers at ${base.host}. Start the local server (or set TEST_DATABASE_URL to a local one); the embedded PGlite serves one connection at a time and cannot carry this load.`,
    );
  if (reuseDb) {
    log(`reusing database ${reuseDb} on ${base.host} (kept by an earlier run)`);
    return withDatabase(base, reuseDb);
  }
  const name = `trustmap_bench_${randomBytes(4).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  cleanups.push(async () => {
    if (keepDb) {
      log(
        `kept database ${name}: rerun with --reuse-db ${name}, drop it with: psql -h 127.0.0.1 -U postgres -c 'DROP DATABASE "${name}"'`,
      );
      return;
    }
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    log(`dropped database ${name}`);
  });
  log(`fresh database ${name} on ${base.host}`);
  return withDatabase(base, name);
}

type Column = { name: string; type: string; values: unknown[]; cast?: string };
/** A value shared by every row; `cast` names its SQL type when it is not text. */
type Constant = { value: unknown; cast?: string };

/** Multi-row INSERT … SELECT FROM unnest(…) in batches: one round trip per BATCH rows. */
async function bulkInsert(
  client: pg.Client,
  table: string,
  constants: Record<string, Constant>,
  columns: Column[],
): Promise<void> {
  const rows = columns[0]!.values.length;
  const constNames = Object.keys(constants);
  const names = [...constNames, ...columns.map((c) => c.name)].map((n) => `"${n}"`).join(", ");
  const selects = [
    ...constNames.map((n, i) => `$${i + 1}::${constants[n]!.cast ?? "text"}`),
    ...columns.map((c, i) => `c${i}${c.cast ? `::${c.cast}` : ""}`),
  ].join(", ");
  const unnest = columns.map((c, i) => `$${constNames.length + i + 1}::${c.type}[]`).join(", ");
  const sql = `INSERT INTO "${table}" (${names}) SELECT ${selects} FROM unnest(${unnest}) AS u(${columns.map((_, i) => `c${i}`).join(", ")})`;
  for (let from = 0; from < rows; from += BATCH) {
    await client.query(sql, [
      ...constNames.map((n) => constants[n]!.value),
      ...columns.map((c) => c.values.slice(from, from + BATCH)),
    ]);
  }
}

/** Timestamps travel as ISO strings and are stored as UTC, as Prisma stores them. */
const tsColumn = (name: string, values: Date[]): Column => ({
  name,
  type: "text",
  values: values.map((d) => d.toISOString()),
  cast: "timestamptz AT TIME ZONE 'UTC'",
});

const ASSET_TYPES: Record<string, string> = {
  controller: "CONTROLLER",
  hmi: "HMI",
  gateway: "GATEWAY",
  "engineering-workstation": "ENGINEERING_WORKSTATION",
  broker: "BROKER",
  historian: "HISTORIAN",
  "network-segment": "NETWORK_SEGMENT",
  "management-platform": "MANAGEMENT_PLATFORM",
};
const TIERS = ["CRITICAL", "HIGH", "MEDIUM", "MEDIUM", "LOW"] as const;

interface Loaded {
  organizationId: string;
  email: string;
  vendorIds: string[];
  counts: { vendors: number; components: number; assets: number; linkages: number };
}

/** What an earlier run loaded into a database kept with --keep-db. */
async function readLoaded(db: Db): Promise<Loaded> {
  const org = await db.organization.findFirstOrThrow({ select: { id: true } });
  const user = await db.user.findFirstOrThrow({ where: { organizationId: org.id }, select: { email: true } });
  const vendorIds = (
    await db.vendor.findMany({
      where: { organizationId: org.id },
      orderBy: { id: "asc" },
      select: { id: true },
    })
  ).map((v) => v.id);
  const [assets, components, linkages] = await Promise.all([
    db.asset.count({ where: { organizationId: org.id } }),
    db.graphNode.count({ where: { organizationId: org.id, type: "COMPONENT" } }),
    db.linkage.count({ where: { organizationId: org.id } }),
  ]);
  return {
    organizationId: org.id,
    email: user.email,
    vendorIds,
    counts: { vendors: vendorIds.length, components, assets, linkages },
  };
}

async function loadPortfolio(databaseUrl: string, db: Db): Promise<Loaded> {
  const size = {
    vendors: Math.max(4, Math.round(BENCHMARK_PORTFOLIO_SIZE.vendors * scale)),
    components: Math.max(10, Math.round(BENCHMARK_PORTFOLIO_SIZE.components * scale)),
    assets: Math.max(10, Math.round(BENCHMARK_PORTFOLIO_SIZE.assets * scale)),
    linkages: Math.max(100, Math.round(BENCHMARK_PORTFOLIO_SIZE.linkages * scale)),
  };
  let started = performance.now();
  const document = generateSyntheticPortfolio(size, seed);
  log(
    `generated ${size.vendors} vendors / ${size.components} components / ${size.assets} assets / ${document.linkages.length} linkages in ${elapsed(started)}`,
  );

  const org = await buildOrganization(db, { name: "Bench Plant Operator" });
  const user = await buildUser(db, {
    organizationId: org.id,
    role: "RISK_OFFICER",
    name: "Bench Risk Officer",
    password: PASSWORD,
  });
  const [template] = await buildBuiltInTemplates(db, org.id);

  // Ids the app accepts (idSchema: 20-40 letters and digits), unique per run.
  const tag = randomBytes(4).toString("hex");
  const id = (kind: string, i: number) => `c${tag}${kind}${i.toString(36).padStart(10, "0")}`;
  const keyOf = new Map<string, string>();
  const vendorIds: string[] = [];
  const vendorIndex = new Map<string, number>();
  const vendors = {
    id: [] as string[],
    name: [] as string[],
    normalized: [] as string[],
    tier: [] as string[],
  };
  const assets = {
    id: [] as string[],
    name: [] as string[],
    normalized: [] as string[],
    type: [] as string[],
    criticality: [] as number[],
    site: [] as string[],
    zone: [] as string[],
  };
  const components = {
    id: [] as string[],
    key: [] as string[],
    name: [] as string[],
    subtype: [] as (string | null)[],
  };
  const zoneCount = Math.max(1, Math.ceil(size.assets / 50));
  let assetNumber = 0;
  for (const node of document.nodes) {
    if (node.type === "vendor") {
      const i = vendorIds.length;
      const vid = id("v", i);
      vendorIds.push(vid);
      vendorIndex.set(node.id, i);
      keyOf.set(node.id, `vendor:${vid}`);
      const name = `Vendor ${String(i + 1).padStart(4, "0")} ${["Automation", "Controls", "Systems", "Industrial", "Networks"][i % 5]}`;
      vendors.id.push(vid);
      vendors.name.push(name);
      vendors.normalized.push(name.toLowerCase());
      vendors.tier.push(TIERS[i % TIERS.length]!);
    } else if (node.type === "asset") {
      const aid = id("a", assetNumber);
      const zone = assetNumber % zoneCount;
      keyOf.set(node.id, `asset:${aid}`);
      assets.id.push(aid);
      assets.name.push(node.name);
      assets.normalized.push(node.name.toLowerCase());
      assets.type.push(ASSET_TYPES[node.subtype ?? ""] ?? "OTHER");
      assets.criticality.push(node.criticality ?? 3);
      assets.site.push(`Site ${Math.floor(zone / 20) + 1}`);
      assets.zone.push(`Zone ${zone + 1}`);
      assetNumber++;
    } else {
      const key = `component:synthetic:${node.id}`;
      keyOf.set(node.id, key);
      components.id.push(id("n", components.id.length));
      components.key.push(key);
      components.name.push(node.name);
      components.subtype.push(node.subtype ?? null);
    }
  }
  const contactIds = vendorIds.map((_, i) => id("k", i));
  const assessmentIds = vendorIds.map((_, i) => id("s", i));
  const revisionIds = vendorIds.map((_, i) => id("r", i));

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // A throwaway database: a crash mid-load loses nothing worth the fsyncs.
    await client.query("SET synchronous_commit = off");
    started = performance.now();
    await bulkInsert(client, "Vendor", { organizationId: { value: org.id } }, [
      { name: "id", type: "text", values: vendors.id },
      { name: "name", type: "text", values: vendors.name },
      { name: "normalizedName", type: "text", values: vendors.normalized },
      { name: "tier", type: "text", values: vendors.tier, cast: `"VendorTier"` },
      tsColumn(
        "updatedAt",
        vendors.id.map(() => new Date()),
      ),
    ]);
    await bulkInsert(client, "VendorContact", { organizationId: { value: org.id } }, [
      { name: "id", type: "text", values: contactIds },
      { name: "vendorId", type: "text", values: vendorIds },
      { name: "name", type: "text", values: vendorIds.map(() => "Security contact") },
      { name: "email", type: "text", values: vendorIds.map((_, i) => `security-${i}@vendor.example`) },
      { name: "isPrimary", type: "bool", values: vendorIds.map(() => true) },
      tsColumn(
        "updatedAt",
        vendorIds.map(() => new Date()),
      ),
    ]);
    // Every vendor has one accepted assessment with the ACME baseline answers, as after a review round.
    const accepted = new Date(Date.now() - 7 * 864e5);
    await bulkInsert(
      client,
      "Assessment",
      {
        organizationId: { value: org.id },
        templateId: { value: template!.id },
        status: { value: "ACCEPTED", cast: `"AssessmentStatus"` },
      },
      [
        { name: "id", type: "text", values: assessmentIds },
        { name: "vendorId", type: "text", values: vendorIds },
        { name: "contactId", type: "text", values: contactIds },
        tsColumn(
          "dueDate",
          vendorIds.map(() => new Date(accepted.getTime() + 30 * 864e5)),
        ),
        tsColumn(
          "sentAt",
          vendorIds.map(() => new Date(accepted.getTime() - 20 * 864e5)),
        ),
        tsColumn(
          "submittedAt",
          vendorIds.map(() => new Date(accepted.getTime() - 864e5)),
        ),
        tsColumn(
          "acceptedAt",
          vendorIds.map(() => accepted),
        ),
        tsColumn(
          "updatedAt",
          vendorIds.map(() => accepted),
        ),
      ],
    );
    await bulkInsert(
      client,
      "ResponseRevision",
      {
        organizationId: { value: org.id },
        revision: { value: 1, cast: "int4" },
        answers: { value: JSON.stringify(acmeAnswers), cast: "jsonb" },
        version: { value: 3, cast: "int4" },
      },
      [
        { name: "id", type: "text", values: revisionIds },
        { name: "assessmentId", type: "text", values: assessmentIds },
        tsColumn(
          "submittedAt",
          vendorIds.map(() => new Date(accepted.getTime() - 864e5)),
        ),
        tsColumn(
          "updatedAt",
          vendorIds.map(() => accepted),
        ),
      ],
    );
    await bulkInsert(client, "Asset", { organizationId: { value: org.id } }, [
      { name: "id", type: "text", values: assets.id },
      { name: "name", type: "text", values: assets.name },
      { name: "normalizedName", type: "text", values: assets.normalized },
      { name: "type", type: "text", values: assets.type, cast: `"AssetType"` },
      { name: "criticality", type: "int4", values: assets.criticality },
      { name: "site", type: "text", values: assets.site },
      { name: "zone", type: "text", values: assets.zone },
      { name: "aliases", type: "text", values: assets.id.map(() => "{}"), cast: "text[]" },
      tsColumn(
        "updatedAt",
        assets.id.map(() => new Date()),
      ),
    ]);
    await bulkInsert(
      client,
      "GraphNode",
      { organizationId: { value: org.id }, type: { value: "COMPONENT", cast: `"GraphNodeType"` } },
      [
        { name: "id", type: "text", values: components.id },
        { name: "key", type: "text", values: components.key },
        { name: "name", type: "text", values: components.name },
        { name: "subtype", type: "text", values: components.subtype },
        tsColumn(
          "updatedAt",
          components.id.map(() => new Date()),
        ),
      ],
    );
    log(`loaded vendors, contacts, assessments, answers, assets and graph nodes in ${elapsed(started)}`);

    // Linkages: those the generator ties to a vendor's answers become assessment linkages with
    // provenance in lib/linkage's shape; the rest (the plant's own network, firmware on assets)
    // are inventory linkages.
    started = performance.now();
    const KIND = { adjacency: "ADJACENCY", inheritance: "INHERITANCE", trust: "TRUST" } as const;
    for (let from = 0; from < document.linkages.length; from += BATCH) {
      const slice = document.linkages.slice(from, from + BATCH);
      const cols = {
        id: [] as string[],
        from: [] as string[],
        to: [] as string[],
        kind: [] as string[],
        weight: [] as number[],
        reason: [] as string[],
        source: [] as string[],
        assessmentId: [] as (string | null)[],
        revision: [] as (number | null)[],
        provenance: [] as (string | null)[],
      };
      slice.forEach((l, j) => {
        const p = l.provenance as { assessment?: string; question?: string } | undefined;
        const owner = p?.assessment ? vendorIndex.get(p.assessment.slice("asm-".length)) : undefined;
        const assessmentId = owner === undefined ? null : assessmentIds[owner]!;
        cols.id.push(id("l", from + j));
        cols.from.push(keyOf.get(l.from)!);
        cols.to.push(keyOf.get(l.to)!);
        cols.kind.push(KIND[l.kind]);
        cols.weight.push(l.weight);
        cols.reason.push(l.reason ?? "");
        cols.source.push(assessmentId ? "ASSESSMENT" : "INVENTORY");
        cols.assessmentId.push(assessmentId);
        cols.revision.push(assessmentId ? 1 : null);
        cols.provenance.push(
          assessmentId
            ? JSON.stringify([
                {
                  assessmentId,
                  revision: 1,
                  questionId: p!.question ?? "unknown",
                  ruleId: "synthetic",
                  unknown: false,
                  weight: l.weight,
                  reason: l.reason ?? "",
                  modifiers: [],
                },
              ])
            : null,
        );
      });
      await client.query(
        `INSERT INTO "Linkage" ("organizationId", "id", "fromKey", "toKey", "kind", "weight", "reason", "source", "assessmentId", "revision", "provenance")
         SELECT $1, c0, c1, c2, c3::"LinkageKind", c4, c5, c6::"LinkageSource", c7, c8, c9::jsonb
           FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::text[], $8::text[], $9::text[], $10::int4[], $11::text[]) AS u(c0, c1, c2, c3, c4, c5, c6, c7, c8, c9)`,
        [
          org.id,
          cols.id,
          cols.from,
          cols.to,
          cols.kind,
          cols.weight,
          cols.reason,
          cols.source,
          cols.assessmentId,
          cols.revision,
          cols.provenance,
        ],
      );
    }
    log(`loaded ${document.linkages.length} linkages in ${elapsed(started)}`);
    started = performance.now();
    await client.query("ANALYZE");
    log(`analyzed in ${elapsed(started)}`);
  } finally {
    await client.end();
  }
  return {
    organizationId: org.id,
    email: user.email,
    vendorIds,
    counts: {
      vendors: size.vendors,
      components: components.id.length,
      assets: assets.id.length,
      linkages: document.linkages.length,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Server

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
  if (readId() !== before || readFileSync(path.join(dir, ".next/BUILD_ID"), "utf8").trim() !== before)
    throw new Error(
      "The production build changed while it was being copied (someone is running `next build`); try again when it has finished.",
    );
  return { dir, buildId: before };
}

/** Copies the build at the start, waiting for a colleague's `next build` that is still running. */
async function prepareBuild(): Promise<{ scratch: string; dir: string; buildId: string }> {
  const scratch = mkdtempSync(path.join(tmpdir(), "trustmap-bench-web-"));
  cleanups.push(async () => rmSync(scratch, { recursive: true, force: true }));
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

async function startServer(
  databaseUrl: string,
  build: { scratch: string; dir: string; buildId: string },
): Promise<{ origin: string; logFile: string; buildId: string; buildDir: string }> {
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
  serverPid = child.pid ?? 0;
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  cleanups.push(async () => {
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
    if (ok) return { origin, logFile, buildId, buildDir: dir };
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`next start did not answer within 60 s:\n${readFileSync(logFile, "utf8").slice(-2000)}`);
}

/** next-auth credentials sign-in: CSRF token and cookie, then the callback; returns the Cookie header. */
async function signIn(origin: string, email: string): Promise<string> {
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
      password: PASSWORD,
      callbackUrl: `${origin}/scores`,
      json: "true",
    }),
  });
  keep(response);
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token")))
    throw new Error(`sign-in failed (HTTP ${response.status}): no session cookie`);
  return cookie();
}

// ---------------------------------------------------------------------------------------------
// Measuring

type Autocannon = (
  options: Record<string, unknown>,
  callback?: (error: Error | null, result: AutocannonResult) => void,
) => AutocannonInstance;
interface AutocannonInstance {
  on(
    event: "response",
    listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void,
  ): void;
  stop(): void;
}
interface AutocannonResult {
  errors: number;
  timeouts: number;
  non2xx: number;
  requests: { total: number };
}
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

interface Measurement {
  name: string;
  path: string;
  kind: "page" | "floor" | "what-if" | "info";
  mode: string;
  status: number | null;
  requests: number;
  requestsPerSecond: number | null;
  medianMs: number | null;
  p95Ms: number | null;
  errors: number;
  targetP95Ms: number | null;
  met: boolean | null;
  /** Cores' worth of CPU the server process tree and all PostgreSQL processes used during the window. */
  serverCpu?: number;
  dbCpu?: number;
  note?: string;
}

/** One thing to load: a page, an asset, a route, or a server action posted as the browser does. */
interface Target {
  name: string;
  path: string;
  kind: Measurement["kind"];
  goalMs: number | null;
  cookie?: string;
  method?: "GET" | "POST";
  body?: string;
  /** When set, every request under load sends the next body from this (e.g. a new what-if each time). */
  nextBody?: () => string;
  headers?: Record<string, string>;
  /** A first answer whose body fails this check is not measured (e.g. a server action answering ok: false). */
  check?: (body: Buffer) => boolean;
}

async function timedRequest(
  origin: string,
  t: Target,
): Promise<{ status: number; ms: number; location: string | null; body: Buffer }> {
  const started = performance.now();
  const response = await fetch(`${origin}${t.path}`, {
    method: t.method ?? "GET",
    body: t.body,
    headers: { ...(t.cookie ? { Cookie: t.cookie } : {}), ...t.headers },
    redirect: "manual",
  });
  const body = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    ms: performance.now() - started,
    location: response.headers.get("location"),
    body,
  };
}

async function runAutocannon(
  origin: string,
  t: Target,
  seconds: number,
  limit: number,
): Promise<{ latencies: number[]; result: AutocannonResult; seconds: number }> {
  const url = `${origin}${t.path}`;
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url))
    throw new Error(`refusing to load anything but loopback: ${url}`);
  const latencies: number[] = [];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        timeout: 60,
        method: t.method ?? "GET",
        body: t.body,
        headers: { ...(t.cookie ? { cookie: t.cookie } : {}), ...t.headers },
        renderProgressBar: false,
        renderResultsTable: false,
        ...(t.nextBody
          ? {
              requests: [
                { setupRequest: (request: Record<string, unknown>) => ({ ...request, body: t.nextBody!() }) },
              ],
            }
          : {}),
      },
      (error, result) =>
        error ? reject(error) : resolve({ latencies, result, seconds: (performance.now() - started) / 1000 }),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (latencies.length >= limit) instance.stop();
    });
  });
}

/**
 * Requests still queued in the server when a load window closes keep it busy for a while; wait
 * until a trivial page answers quickly again so they do not slow down the next target.
 */
async function settle(origin: string, quickMs: number): Promise<number> {
  const started = performance.now();
  let quickInARow = 0;
  while (quickInARow < 3 && performance.now() - started < 120_000) {
    const { ms } = await timedRequest(origin, {
      name: "settle",
      path: "/sign-in",
      kind: "floor",
      goalMs: null,
    });
    quickInARow = ms <= quickMs ? quickInARow + 1 : 0;
    if (quickInARow === 0) await new Promise((r) => setTimeout(r, 500));
  }
  return performance.now() - started;
}

/** CPU seconds used so far by a process tree (the server) or by every PostgreSQL process, from /proc. */
function cpuSeconds(match: { rootPid: number } | { comm: string }): number {
  const ticksPerSecond = 100; // USER_HZ on Linux
  let stats: { pid: number; ppid: number; comm: string; ticks: number; reaped: number }[] = [];
  try {
    stats = readdirSync("/proc")
      .filter((d) => /^\d+$/.test(d))
      .flatMap((d) => {
        try {
          const text = readFileSync(`/proc/${d}/stat`, "utf8");
          const close = text.lastIndexOf(")");
          const fields = text.slice(close + 2).split(" ");
          // utime + stime, plus cutime + cstime: the CPU of children already reaped (PostgreSQL backends
          // that ended during the window count through the postmaster).
          return [
            {
              pid: Number(d),
              comm: text.slice(text.indexOf("(") + 1, close),
              ppid: Number(fields[1]),
              ticks: Number(fields[11]) + Number(fields[12]),
              reaped: Number(fields[13]) + Number(fields[14]),
            },
          ];
        } catch {
          return [];
        }
      });
  } catch {
    return NaN; // no /proc: not Linux
  }
  if ("comm" in match) {
    const named = stats.filter((p) => p.comm === match.comm);
    const pids = new Set(named.map((p) => p.pid));
    return named.reduce((sum, p) => sum + p.ticks + (pids.has(p.ppid) ? 0 : p.reaped), 0) / ticksPerSecond;
  }
  const tree = new Set([match.rootPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of stats)
      if (!tree.has(p.pid) && tree.has(p.ppid)) {
        tree.add(p.pid);
        grew = true;
      }
  }
  return stats.filter((p) => tree.has(p.pid)).reduce((sum, p) => sum + p.ticks, 0) / ticksPerSecond;
}

let serverPid = 0;

async function measure(origin: string, t: Target): Promise<Measurement> {
  const base = { name: t.name, path: t.path, kind: t.kind, targetP95Ms: t.goalMs };
  const met = (p95: number, errors: number) => (t.goalMs === null ? null : p95 <= t.goalMs && errors === 0);
  // The first request warms module caches and, for graph pages, loads the organisation's compiled
  // graph into the server's cache (as the first visitor after a change would).
  const first = await timedRequest(origin, t);
  if (first.status !== 200 || (t.check && !t.check(first.body))) {
    const why =
      first.status !== 200
        ? `HTTP ${first.status}${first.location ? ` -> ${first.location}` : ""}`
        : `unexpected answer: ${first.body.subarray(0, 160).toString("utf8").replace(/\s+/g, " ")}`;
    return {
      ...base,
      mode: "skipped",
      status: first.status,
      requests: 1,
      requestsPerSecond: null,
      medianMs: null,
      p95Ms: null,
      errors: 0,
      met: null,
      note: `${why}: not measured`,
    };
  }
  const probe: number[] = [];
  for (let i = 0; i < 3; i++) probe.push((await timedRequest(origin, t)).ms);
  probe.sort((a, b) => a - b);
  if (probe[1]! > slowPageMs) {
    // Twenty users on a page that takes seconds would only queue (and could exhaust the server's
    // memory); time it sequentially instead and say so.
    const samples = [...probe];
    const until = performance.now() + durationSeconds * 1000;
    while (performance.now() < until && samples.length < 20) samples.push((await timedRequest(origin, t)).ms);
    samples.sort((a, b) => a - b);
    const p95 = quantile(samples, 0.95);
    return {
      ...base,
      mode: "1 user",
      status: 200,
      requests: samples.length,
      requestsPerSecond: null,
      medianMs: quantile(samples, 0.5),
      p95Ms: p95,
      errors: 0,
      met: met(p95, 0),
      note: `first request ${(first.ms / 1000).toFixed(1)} s; one request takes over ${slowPageMs} ms, so it was timed with 1 user, not ${connections}`,
    };
  }
  await runAutocannon(origin, t, Math.min(3, durationSeconds), maxRequests); // warm-up at full concurrency
  const cpuBefore = { server: cpuSeconds({ rootPid: serverPid }), db: cpuSeconds({ comm: "postgres" }) };
  const { latencies, result, seconds } = await runAutocannon(origin, t, durationSeconds, maxRequests);
  const cpu = {
    server: (cpuSeconds({ rootPid: serverPid }) - cpuBefore.server) / seconds,
    db: (cpuSeconds({ comm: "postgres" }) - cpuBefore.db) / seconds,
  };
  latencies.sort((a, b) => a - b);
  const errors = result.errors + result.timeouts + result.non2xx;
  const cpuNote = Number.isFinite(cpu.server)
    ? `; CPU during the window: server ${Math.round(cpu.server * 100)} %, PostgreSQL (all its processes, anyone's) ${Math.round(cpu.db * 100)} % of one core${latencies.length ? `, server ${((cpu.server * seconds * 1000) / latencies.length).toFixed(1)} ms CPU per request` : ""}`
    : "";
  if (latencies.length === 0) {
    return {
      ...base,
      mode: `${connections} users`,
      status: 200,
      requests: 0,
      requestsPerSecond: 0,
      medianMs: null,
      p95Ms: null,
      errors,
      met: t.goalMs === null ? null : false,
      serverCpu: cpu.server,
      dbCpu: cpu.db,
      note: `no response completed within the ${durationSeconds} s window (single request ${probe[1]!.toFixed(0)} ms; first ${first.ms.toFixed(0)} ms)${cpuNote}`,
    };
  }
  const p95 = quantile(latencies, 0.95);
  return {
    ...base,
    mode: `${connections} users`,
    status: 200,
    requests: latencies.length,
    requestsPerSecond: latencies.length / seconds,
    medianMs: quantile(latencies, 0.5),
    p95Ms: p95,
    errors,
    met: met(p95, errors),
    serverCpu: cpu.server,
    dbCpu: cpu.db,
    note: `first request ${first.ms.toFixed(0)} ms; single ${probe[1]!.toFixed(0)} ms; response ${(first.body.length / 1024).toFixed(0)} kB${cpuNote}`,
  };
}

/** The id Next.js gave a server action in this build, as the browser would post it. */
function findServerActionId(buildDir: string, exportedName: string, filename: string): string | null {
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

/** The engine call a what-if makes, on the graph the server caches, alone and with users queueing. */
async function measureWhatIfEngine(
  db: Db,
  organizationId: string,
  vendorIds: string[],
): Promise<Measurement[]> {
  const started = performance.now();
  const compiled = await getCompiledGraph(db, organizationId);
  log(
    `what-if: compiled graph loaded from the database in ${elapsed(started)} (the server does this once per graph version)`,
  );
  const random = createRandom(seed ^ 0x5eed);
  const candidates = vendorIds
    .map((v) => `vendor:${v}`)
    .filter((k) => compiled.graph.indexById.has(k) && compiled.assessedVendorKeys.has(k));
  // One what-if per vendor: halve the weight of the first hop of its top path (a stronger control).
  const scenarios: {
    vendor: string;
    hop: { from: string; to: string; kind: "adjacency" | "inheritance" | "trust"; weight: number };
  }[] = [];
  for (let i = 0; i < 400 && scenarios.length < 100 && candidates.length > 0; i++) {
    const vendor = candidates[Math.floor(random() * candidates.length)]!;
    const hop = scoreVendor(compiled.graph, vendor, { config: compiled.config }).topPaths[0]?.hops[0];
    if (hop) scenarios.push({ vendor, hop });
  }
  const run = (s: (typeof scenarios)[number]) =>
    evaluateWhatIf(
      compiled.graph,
      {
        reweightLinkages: [
          { match: { from: s.hop.from, to: s.hop.to, kind: s.hop.kind }, weight: s.hop.weight / 2 },
        ],
      },
      { vendorIds: [s.vendor], config: compiled.config, transient: true },
    );
  for (const s of scenarios.slice(0, 10)) run(s); // warm-up (JIT)

  const alone: number[] = [];
  for (const s of scenarios) {
    const t = performance.now();
    run(s);
    alone.push(performance.now() - t);
  }
  alone.sort((a, b) => a - b);

  // Closed loop: `connections` users each wait for their answer, then ask again; one thread serves
  // them in turn, so each latency includes the wait behind the others (as in one Node.js server).
  const queued: number[] = [];
  const queue = Array.from({ length: connections }, () => performance.now());
  const until = performance.now() + Math.min(durationSeconds, 10) * 1000;
  let n = 0;
  while (performance.now() < until && queued.length < maxRequests) {
    const askedAt = queue.shift()!;
    run(scenarios[n++ % scenarios.length]!);
    const now = performance.now();
    queued.push(now - askedAt);
    queue.push(now);
  }
  queued.sort((a, b) => a - b);
  const make = (name: string, mode: string, samples: number[], note: string): Measurement => ({
    name,
    path: "(in-process: evaluateWhatIf on the cached compiled graph)",
    kind: "what-if",
    mode,
    status: null,
    requests: samples.length,
    requestsPerSecond: null,
    medianMs: quantile(samples, 0.5),
    p95Ms: quantile(samples, 0.95),
    errors: 0,
    targetP95Ms: TARGETS.whatIfP95Ms,
    met: quantile(samples, 0.95) <= TARGETS.whatIfP95Ms,
    note,
  });
  return [
    make(
      "what-if engine, 1 user",
      "in-process",
      alone,
      `${alone.length} vendors, one reweighted hop each; no HTTP, no rendering`,
    ),
    make(
      `what-if engine, ${connections} users`,
      "in-process, queued",
      queued,
      `${connections} users queueing on one thread (closed loop); no HTTP, no rendering`,
    ),
  ];
}

// ---------------------------------------------------------------------------------------------

function formatTable(rows: Measurement[]): string {
  const header = [
    "target",
    "path",
    "mode",
    "requests",
    "errors",
    "req/s",
    "median",
    "p95",
    "goal",
    "met",
    "CPU server/db",
  ];
  const cells = rows.map((m) => [
    m.name,
    m.path.length > 48 ? `${m.path.slice(0, 45)}...` : m.path,
    m.mode,
    String(m.requests),
    String(m.errors),
    m.requestsPerSecond === null ? "-" : m.requestsPerSecond.toFixed(0),
    m.medianMs === null
      ? m.mode === "skipped"
        ? "-"
        : `> ${durationSeconds} s`
      : `${m.medianMs.toFixed(1)} ms`,
    m.p95Ms === null ? (m.mode === "skipped" ? "-" : `> ${durationSeconds} s`) : `${m.p95Ms.toFixed(1)} ms`,
    m.targetP95Ms === null ? (m.kind === "floor" ? "floor" : "-") : `<= ${m.targetP95Ms} ms`,
    m.met === null ? "-" : m.met ? "yes" : "NO",
    m.serverCpu === undefined || !Number.isFinite(m.serverCpu)
      ? "-"
      : `${Math.round(m.serverCpu * 100)}/${Math.round((m.dbCpu ?? 0) * 100)} %`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((v, i) => v.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
}

async function main() {
  if (!existsSync(".next"))
    throw new Error(
      "No production build: run `npm run build` first (bench:web serves the existing .next build and never builds).",
    );
  // Copied first: a colleague's rebuild during the minutes of loading cannot affect the run.
  const build = await prepareBuild();
  const totalStarted = performance.now();
  log(
    `Trustmap web benchmark — model ${MODEL_VERSION}, node ${process.version}, scale ${scale}, ${connections} users, ${durationSeconds} s per page`,
  );

  const databaseUrl = await createDatabase();
  // As createPrismaClient, but with room for the snapshot transaction: at full scale
  // recomputeScores writes 5,000 snapshots in one interactive transaction, which can outlast
  // Prisma's default 5 s transaction timeout on a busy machine.
  const db = new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: 4, connectionTimeoutMillis: 5_000 }),
    omit: { user: { passwordHash: true } },
    transactionOptions: { timeout: 300_000, maxWait: 10_000 },
  }) as unknown as Db;
  cleanups.push(() => db.$disconnect());
  let started = performance.now();
  let loaded: Loaded;
  let scored: { vendorsScored: number; millis: number } | null = null;
  if (reuseDb) {
    loaded = await readLoaded(db);
  } else {
    await migrate({ connectionString: databaseUrl });
    loaded = await loadPortfolio(databaseUrl, db);
    started = performance.now();
    scored = await recomputeScores(db, loaded.organizationId);
    log(`recomputeScores: ${scored.vendorsScored} snapshots in ${elapsed(started)}`);
  }
  const ranked = await db.scoreSnapshot.findMany({
    where: { organizationId: loaded.organizationId },
    orderBy: [{ exposure: "desc" }, { id: "asc" }],
    take: 4,
    select: { vendorId: true, exposure: true },
  });
  if (ranked.length < 4) throw new Error(`only ${ranked.length} vendors were scored`);
  const [top] = ranked;

  started = performance.now();
  const { origin, logFile, buildId, buildDir } = await startServer(databaseUrl, build);
  log(`next start (build ${buildId}, served from a private copy) on ${origin} ready in ${elapsed(started)}`);
  const cookie = await signIn(origin, loaded.email);
  log("signed in as the risk officer");

  const staticAsset = (() => {
    const dir = path.join(buildDir, ".next/static/chunks");
    const file = existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith(".js"))
          .sort()[0]
      : undefined;
    return file ? `/_next/static/chunks/${file}` : null;
  })();
  // The what-if as the browser runs it: a POST of the server action with the vendor and a change
  // (its own strongest linkage at half the weight, i.e. a stronger control on it).
  const whatIfAction = findServerActionId(
    buildDir,
    "evaluateWhatIfAction",
    "app/(portal)/what-if/actions.ts",
  );
  const ownLinkage = await db.linkage.findFirst({
    where: { organizationId: loaded.organizationId, fromKey: `vendor:${top!.vendorId}` },
    orderBy: [{ weight: "desc" }, { id: "asc" }],
    select: { id: true, weight: true },
  });
  const page = (name: string, pagePath: string, kind: Measurement["kind"] = "page"): Target => ({
    name,
    path: pagePath,
    kind,
    goalMs: kind === "floor" ? null : TARGETS.pageP95Ms,
    cookie: kind === "floor" ? undefined : cookie,
  });
  const targets: Target[] = [
    page("static page (floor)", "/sign-in", "floor"),
    ...(staticAsset ? [page("static asset (floor)", staticAsset, "floor")] : []),
    page("vendor page", `/vendors/${top!.vendorId}`),
    page("vendor score page", `/vendors/${top!.vendorId}/score`),
    page("compare 4 vendors", `/compare?${ranked.map((r) => `v=${r.vendorId}`).join("&")}`),
    page("what-if page", `/what-if?vendor=${top!.vendorId}`),
    ...(whatIfAction && ownLinkage
      ? (() => {
          const whatIfBody = (weight: number) =>
            JSON.stringify([
              {
                vendorId: top!.vendorId,
                changes: { controls: [], remove: [], reweight: [{ linkageId: ownLinkage.id, weight }] },
              },
            ]);
          const action = {
            path: `/what-if?vendor=${top!.vendorId}`,
            kind: "what-if" as const,
            goalMs: TARGETS.whatIfP95Ms,
            cookie,
            method: "POST" as const,
            headers: {
              "Next-Action": whatIfAction,
              "Content-Type": "text/plain;charset=UTF-8",
              Accept: "text/x-component",
            },
            check: (body: Buffer) => body.toString("utf8").includes('"ok":true'),
          };
          // A slider being dragged: every request a weight never asked before, so the server's
          // memo of evaluated scenarios never answers and each request runs the engine.
          let step = 0;
          const fresh = () =>
            whatIfBody(
              Number((ownLinkage.weight * (0.05 + 0.9 * ((++step % 900_000) / 900_000))).toFixed(9)),
            );
          return [
            { ...action, name: "what-if, new each request", body: fresh(), nextBody: fresh },
            // The same scenario again (toggled back, reloaded, a colleague's): answered from the memo.
            { ...action, name: "what-if, repeated", body: whatIfBody(ownLinkage.weight / 2) },
          ];
        })()
      : []),
    {
      ...page("vendor report PDF", `/api/vendors/${top!.vendorId}/report`),
      goalMs: null,
      kind: "info" as const,
      check: (body: Buffer) => {
        if (process.env.BENCH_SAVE_REPORT) writeFileSync(process.env.BENCH_SAVE_REPORT, body);
        return body.subarray(0, 5).toString("latin1") === "%PDF-";
      },
    },
    // Last: the portfolio page loads the most, and leftovers of an overloaded page linger.
    page("portfolio", "/scores"),
  ];
  const only = process.argv.includes("--only")
    ? (process.argv[process.argv.indexOf("--only") + 1] ?? "")
    : null;
  if (only !== null) targets.splice(0, targets.length, ...targets.filter((t) => t.name.includes(only)));
  if (!whatIfAction)
    log("what-if: no evaluateWhatIfAction in this build's server actions; only the engine is timed");
  const results: Measurement[] = [];
  for (const target of targets) {
    started = performance.now();
    const m = await measure(origin, target);
    results.push(m);
    if (m.mode !== "skipped") {
      const floorMedian = results.find((r) => r.path === "/sign-in")?.medianMs ?? 50;
      const waited = await settle(origin, Math.max(3 * floorMedian, 100));
      if (waited > 2_000)
        m.note = `${m.note ?? ""}; server busy ${(waited / 1000).toFixed(1)} s after the window`.replace(
          /^; /,
          "",
        );
    }
    log(
      `${m.name.padEnd(24)} ${m.mode.padEnd(10)} ${m.medianMs === null ? m.note : `median ${m.medianMs.toFixed(1)} ms, p95 ${m.p95Ms!.toFixed(1)} ms, ${m.requests} requests, ${m.errors} errors`} (${elapsed(started)})`,
    );
  }
  const serverLog = readFileSync(logFile, "utf8");
  // The server's heavy lifting is over; time the engine without competing with it for the CPU.
  results.push(...(await measureWhatIfEngine(db, loaded.organizationId, loaded.vendorIds)));

  log("");
  log(formatTable(results));
  for (const r of results) if (r.note) log(`  ${r.name}: ${r.note}`);
  const floor = results.find((r) => r.kind === "floor" && r.p95Ms !== null);
  const missed = results.filter((r) => r.met === false).map((r) => r.name);
  // A page that is not there (404) is simply not built yet; one that fails (5xx) is a finding.
  const failed = results
    .filter((r) => r.mode === "skipped" && (r.status ?? 0) >= 500)
    .map((r) => `${r.name} (HTTP ${r.status})`);
  log(
    `targets: p95 <= ${TARGETS.pageP95Ms} ms for pages, <= ${TARGETS.whatIfP95Ms} ms for what-if — ${missed.length ? `missed by: ${missed.join(", ")}` : "all measured targets met"}${failed.length ? `; failed: ${failed.join(", ")}` : ""}`,
  );
  if (failed.length) process.exitCode = 1;
  const serverErrors = serverLog
    .split("\n")
    .filter((l) => /error/i.test(l))
    .slice(0, 5);
  if (serverErrors.length) log(`server log (first error lines):\n  ${serverErrors.join("\n  ")}`);
  log(
    `total ${elapsed(totalStarted)}; peak RSS of this process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );

  if (json) {
    log(
      JSON.stringify({
        modelVersion: MODEL_VERSION,
        buildId,
        node: process.version,
        scale,
        seed,
        size: loaded.counts,
        connections,
        durationSeconds,
        snapshots: scored?.vendorsScored ?? null,
        recomputeMs: scored?.millis ?? null,
        reusedDatabase: reuseDb !== null,
        targets: TARGETS,
        floorP95Ms: floor?.p95Ms ?? null,
        results: results.map((r) => ({
          ...r,
          medianMs: r.medianMs === null ? null : Number(r.medianMs.toFixed(2)),
          p95Ms: r.p95Ms === null ? null : Number(r.p95Ms.toFixed(2)),
          requestsPerSecond: r.requestsPerSecond === null ? null : Number(r.requestsPerSecond.toFixed(1)),
        })),
        failed,
        targetsMet: missed.length === 0 && failed.length === 0,
      }),
    );
  }
}

main()
  .catch((error) => {
    process.stderr.write(`bench:web failed: ${(error as Error).stack ?? error}\n`);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
