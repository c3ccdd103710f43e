/**
 * The web benchmark's database: a fresh one on the local PostgreSQL (never anything remote), and
 * one organisation bulk-loaded with the synthetic portfolio — vendors, components, assets,
 * linkages and one accepted assessment per vendor — through multi-row INSERTs, as fast as the
 * server takes them.
 */
import { randomBytes } from "node:crypto";

import pg from "pg";

import type { Db } from "../../lib/db/create-client";
import { assetKey, vendorKey } from "../../lib/linkage/keys";
import { buildBuiltInTemplates, buildOrganization, buildUser } from "../../prisma/seed/factories";
import {
  adminQuery,
  assertLocalDatabaseUrl,
  DEFAULT_TEST_DATABASE_URL,
  isReachable,
  withDatabase,
} from "../../tests/integration/database-url";
import { acmeAnswers } from "../../tests/support/linkage/baseline-answers";
import {
  BENCHMARK_PORTFOLIO_SIZE,
  generateSyntheticPortfolio,
} from "../../tests/support/scoring/generate-synthetic-portfolio";
import { elapsed, log, onCleanup } from "./common";

/** The risk officer's password (the server signs in with it). */
export const BENCH_PASSWORD = "bench-web-Password-1";
const BATCH = 50_000;

/** Creates a fresh database on the local server (or reuses one kept by an earlier run); its URL. */
export async function createDatabase(options: { reuseDb: string | null; keepDb: boolean }): Promise<string> {
  const { reuseDb, keepDb } = options;
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
  onCleanup(async () => {
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

export interface Loaded {
  organizationId: string;
  email: string;
  vendorIds: string[];
  counts: { vendors: number; components: number; assets: number; linkages: number };
}

/** What an earlier run loaded into a database kept with --keep-db. */
export async function readLoaded(db: Db): Promise<Loaded> {
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

export async function loadPortfolio(
  databaseUrl: string,
  db: Db,
  options: { scale: number; seed: number },
): Promise<Loaded> {
  const { scale, seed } = options;
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
    password: BENCH_PASSWORD,
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
      keyOf.set(node.id, vendorKey(vid));
      const name = `Vendor ${String(i + 1).padStart(4, "0")} ${["Automation", "Controls", "Systems", "Industrial", "Networks"][i % 5]}`;
      vendors.id.push(vid);
      vendors.name.push(name);
      vendors.normalized.push(name.toLowerCase());
      vendors.tier.push(TIERS[i % TIERS.length]!);
    } else if (node.type === "asset") {
      const aid = id("a", assetNumber);
      const zone = assetNumber % zoneCount;
      keyOf.set(node.id, assetKey(aid));
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
