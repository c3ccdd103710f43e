// Seeds the demo into a scratch database on the local PostgreSQL and prints what it holds: per scored
// vendor scoring model 2's numbers as stored (exposure, footprint E_f, beyond-footprint E − E_f,
// amplification A = (E − E_f)/E, multiplier E/E_f, exposure range low–high and evidence gap), the
// components' suppliers the portal feeds the engine, and the structures the demo is built to show.
//
//   npx tsx --conditions=react-server scripts/demo-report.ts            (TEST_DATABASE_URL, default postgres@127.0.0.1:5432)
//
// The database and the evidence files it writes are removed at the end.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { assetKey, isAssetKey, isVendorScopedKey, vendorKey } from "../lib/linkage/keys";

const evidence = mkdtempSync(path.join(tmpdir(), "trustmap-demo-report-"));
process.env.EVIDENCE_DIR = evidence;

const { createPrismaClient } = await import("../lib/db/create-client");
const { migrate } = await import("../lib/db/migrate");
const { seedDemo } = await import("../prisma/seed/demo");
const { LUMEN_RTOS_KEY, LUMEN_SUB_SUPPLIER_KEY, NIMBUS_OTA_KEY } =
  await import("../prisma/seed/demo-assessments");
const { loadOrganizationGraph } = await import("../lib/domain/graph-store/load-organization-graph");
const { buildScoringGraph, resolveScoringConfig, scoreVendor } = await import("../lib/scoring");
const { DEFAULT_TEST_DATABASE_URL, adminQuery, assertLocalDatabaseUrl, withDatabase } =
  await import("../tests/integration/database-url");

const serverUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
const name = `trustmap_demo_report_${randomBytes(4).toString("hex")}`;
await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
const url = withDatabase(assertLocalDatabaseUrl(serverUrl), name);
const db = createPrismaClient({ connectionString: url, max: 2 });
try {
  await migrate({ connectionString: url });
  const started = performance.now();
  await seedDemo(db);
  console.log(`seeded in ${Math.round(performance.now() - started)} ms\n`);
  await report();
} finally {
  await db.$disconnect();
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  rmSync(evidence, { recursive: true, force: true });
}

async function report() {
  const org = await db.organization.findUniqueOrThrow({ where: { slug: "northwind" }, select: { id: true } });
  const organizationId = org.id;
  const [vendors, current, assessments, deployments] = await Promise.all([
    db.vendor.findMany({ where: { organizationId }, select: { id: true, name: true } }),
    db.currentScore.findMany({
      where: { organizationId },
      select: {
        vendorId: true,
        exposure: true,
        amplification: true,
        assetsReached: true,
        criticalAssetsReached: true,
        computedAt: true,
        modelVersion: true,
        footprintExposure: true,
        beyondFootprintExposure: true,
        amplificationMultiplier: true,
        exposureLow: true,
        exposureHigh: true,
        evidenceGap: true,
      },
    }),
    db.assessment.findMany({
      where: { organizationId },
      select: {
        id: true,
        vendorId: true,
        status: true,
        createdAt: true,
        sentAt: true,
        openedAt: true,
        submittedAt: true,
        acceptedAt: true,
        dueDate: true,
        invitations: { select: { createdAt: true, expiresAt: true, usedAt: true } },
      },
    }),
    db.deployment.findMany({ where: { organizationId }, select: { vendorId: true, assetId: true } }),
  ]);
  const vendorName = new Map(vendors.map((v) => [v.id, v.name]));
  const nameOfKey = (key: string) => vendorName.get(key.replace(/^vendor:/, "").split("/")[0]!) ?? key;
  const { document, overrides } = await loadOrganizationGraph(db, organizationId);
  const config = resolveScoringConfig(overrides);
  const graph = buildScoringGraph(document);

  console.log("Scored vendors (scoring model 2, as stored in CurrentScore)");
  console.log(
    "vendor                     exposure  assets crit  footprint  beyond    A      E/E_f   range (low–high)   gap    model",
  );
  for (const c of [...current].sort((x, y) => y.amplification - x.amplification)) {
    const multiplier =
      c.amplificationMultiplier === null ? "   –  " : `${c.amplificationMultiplier.toFixed(2).padStart(5)}×`;
    console.log(
      `${vendorName.get(c.vendorId)!.padEnd(26)} ${c.exposure.toFixed(2).padStart(8)}  ${String(c.assetsReached).padStart(6)} ${String(c.criticalAssetsReached).padStart(4)}  ${c.footprintExposure.toFixed(2).padStart(9)}  ${c.beyondFootprintExposure.toFixed(2).padStart(7)}  ${c.amplification.toFixed(3)}  ${multiplier}  ${c.exposureLow.toFixed(2).padStart(7)}–${c.exposureHigh.toFixed(2).padEnd(8)}  ${c.evidenceGap.toFixed(2).padStart(5)}  ${c.modelVersion}`,
    );
  }
  const suppliers = document.nodes.filter((n) => n.type === "component" && n.supplier !== undefined);
  const named = new Map<string, number>();
  for (const n of suppliers) named.set(nameOfKey(n.supplier!), (named.get(nameOfKey(n.supplier!)) ?? 0) + 1);
  console.log(
    `\nComponents with a supplier from custody / "vendor builds" / sub-supplier linkages: ${suppliers.length} of ${document.nodes.filter((n) => n.type === "component").length} (${[...named].map(([v, k]) => `${v} ${k}`).join(", ")})`,
  );
  console.log(
    `Unknown-answer linkages (unknown + bestWeight): ${document.linkages.filter((l) => l.unknown).length} of ${document.linkages.length}`,
  );

  const linkages = await db.linkage.findMany({
    where: { organizationId },
    select: {
      fromKey: true,
      toKey: true,
      kind: true,
      weight: true,
      source: true,
      assessmentId: true,
      reason: true,
      createdAt: true,
    },
  });
  const vendorOfAssessment = new Map(assessments.map((a) => [a.id, vendorName.get(a.vendorId)!]));
  const deployedBy = new Map<string, string[]>();
  for (const d of deployments)
    deployedBy.set(assetKey(d.assetId), [
      ...(deployedBy.get(assetKey(d.assetId)) ?? []),
      vendorName.get(d.vendorId)!,
    ]);
  const intoAssetsOf = (key: string) => {
    const out = linkages.filter((l) => l.fromKey === key && isAssetKey(l.toKey));
    return [...new Set(out.map((l) => vendorOfAssessment.get(l.assessmentId ?? "") ?? l.source))].sort();
  };
  const into = (key: string) =>
    linkages
      .filter((l) => l.toKey === key)
      .map(
        (l) =>
          `${isVendorScopedKey(l.fromKey) ? nameOfKey(l.fromKey) : l.fromKey} (${l.source.toLowerCase()}, ${l.weight.toFixed(2)})`,
      );

  const orbital = vendors.find((v) => v.name === "Orbital SCADA Cloud")!;
  const paths = scoreVendor(graph, vendorKey(orbital.id), { config }).topPaths;
  console.log(
    `\nOrbital's top paths: ${paths.map((p) => `${p.assetName} via ${p.hops.map((h) => (h.provenance as { sources?: { questionId: string }[] } | undefined)?.sources?.[0]?.questionId ?? "-").join(">")}`).join("; ")}`,
  );
  console.log("\nGraph structure");
  console.log(
    `Lumen RTOS kernel ${LUMEN_RTOS_KEY}\n  firmware of (extracted, per assessment): ${intoAssetsOf(LUMEN_RTOS_KEY).join(", ")}\n  linked from: ${[...new Set(into(LUMEN_RTOS_KEY))].join("; ")}`,
  );
  console.log(`  ${LUMEN_SUB_SUPPLIER_KEY} linked from: ${into(LUMEN_SUB_SUPPLIER_KEY).join("; ")}`);
  console.log(
    `Nimbus OTA ${NIMBUS_OTA_KEY}\n  reaches the devices of: ${intoAssetsOf(NIMBUS_OTA_KEY).join(", ")}\n  linked from: ${into(NIMBUS_OTA_KEY).join("; ")}`,
  );
  const hubs = await db.asset.findMany({
    where: { organizationId, name: { in: ["GW-2 Modbus to OPC UA Gateway", "MQTT-1 Edge Broker"] } },
    select: { id: true, name: true },
  });
  for (const h of hubs) {
    const named = linkages
      .filter((l) => l.toKey === assetKey(h.id) && l.source === "ASSESSMENT")
      .map((l) => vendorOfAssessment.get(l.assessmentId!)!);
    console.log(
      `${h.name}: deployed by ${(deployedBy.get(assetKey(h.id)) ?? ["(customer)"]).join(", ")}; linked into by the answers of ${[...new Set(named)].sort().join(", ")}`,
    );
  }
  const kestrel = vendors.find((v) => v.name === "Kestrel Remote Access")!;
  const creds = linkages.filter((l) => l.fromKey.startsWith(`${vendorKey(kestrel.id)}/credential/`));
  console.log(
    `Kestrel credentials: ${[...new Set(creds.map((l) => `${l.fromKey.split("/").pop()} → max ${Math.max(...creds.filter((c) => c.fromKey === l.fromKey).map((c) => c.weight)).toFixed(2)}`))].join("; ")}`,
  );
  const atlas = vendors.find((v) => v.name === "Atlas Field Sensors")!;
  console.log(`Atlas deployments: ${deployments.filter((d) => d.vendorId === atlas.id).length}`);
  console.log("Manual linkages:");
  for (const l of linkages.filter((x) => x.source === "MANUAL"))
    console.log(
      `  ${nameOfKey(l.fromKey)} → ${l.toKey} (${l.kind.toLowerCase()} ${l.weight}) on ${l.createdAt.toISOString().slice(0, 10)}`,
    );
  const mapping = await db.mappingRequest.findMany({
    where: { organizationId, resolvedAt: null },
    select: { vendorId: true, label: true },
  });
  console.log(
    `Needs mapping: ${mapping.map((m) => `${vendorName.get(m.vendorId)}: ${m.label}`).join("; ") || "none"}`,
  );

  console.log("\nAssessments");
  const now = Date.now();
  const day = (d: Date | null) => (d ? `${Math.round((d.getTime() - now) / 86_400_000)}d` : "-");
  for (const a of [...assessments].sort((x, y) => x.sentAt!.getTime() - y.sentAt!.getTime())) {
    const inv = a.invitations[0];
    console.log(
      `${vendorName.get(a.vendorId)!.padEnd(24)} ${a.status.padEnd(12)} created ${day(a.createdAt)} sent ${day(a.sentAt)} opened ${day(a.openedAt)} submitted ${day(a.submittedAt)} accepted ${day(a.acceptedAt)} due ${day(a.dueDate)} | invitation ${day(inv?.createdAt ?? null)}..${day(inv?.expiresAt ?? null)} used ${day(inv?.usedAt ?? null)}`,
    );
  }
  const history = await db.scoreSnapshot.groupBy({
    by: ["vendorId"],
    where: { organizationId },
    _count: true,
    _min: { computedAt: true },
    _max: { computedAt: true },
  });
  for (const h of history)
    console.log(
      `history ${vendorName.get(h.vendorId)}: ${h._count} snapshots ${day(h._min.computedAt)}..${day(h._max.computedAt)}`,
    );
}
