import { describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/roles";
import {
  addDeployment,
  listDeploymentsForVendor,
  removeDeployment,
} from "@/lib/domain/inventory/deployments";
import { getAsset } from "@/lib/domain/inventory/get-asset";
import { importAssets, previewAssetImport } from "@/lib/domain/inventory/import-assets";
import { countAssets, listAssets } from "@/lib/domain/inventory/list-assets";
import { addConnection, removeConnection } from "@/lib/domain/inventory/manage-connections";
import { createAsset, deleteAsset, updateAsset } from "@/lib/domain/inventory/save-asset";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { seedDemo } from "@/prisma/seed/demo";
import {
  buildAsset,
  buildDeployment,
  buildInventoryLinkage,
  buildOrganization,
  buildUser,
  buildVendor,
} from "@/prisma/seed/factories";

import { testDb } from "./setup";

async function actorFor(organizationId: string, role: Role, vendorId: string | null = null): Promise<Actor> {
  const u = await buildUser(testDb(), { organizationId, role, vendorId });
  return { userId: u.id, organizationId, role, vendorId };
}

async function world() {
  const db = testDb();
  const orgA = await buildOrganization(db, { name: "Org A" });
  const orgB = await buildOrganization(db, { name: "Org B" });
  const vendorA = await buildVendor(db, { organizationId: orgA.id, name: "Helix Controls" });
  const vendorB = await buildVendor(db, { organizationId: orgB.id, name: "Vantage Valves" });
  const gw2 = await buildAsset(db, {
    organizationId: orgA.id,
    name: "GW-2",
    type: "GATEWAY",
    criticality: 5,
    zone: "L2 Supervisory",
    aliases: ["Meridian MG-400"],
  });
  const plc7 = await buildAsset(db, {
    organizationId: orgA.id,
    name: "PLC-7",
    type: "CONTROLLER",
    criticality: 4,
    site: "North plant",
  });
  const assetB = await buildAsset(db, {
    organizationId: orgB.id,
    name: "Valve bank 3",
    type: "OTHER",
    criticality: 2,
  });
  return {
    db,
    orgA,
    orgB,
    vendorA,
    vendorB,
    gw2,
    plc7,
    assetB,
    adminA: await actorFor(orgA.id, "ADMIN"),
    procurementA: await actorFor(orgA.id, "PROCUREMENT"),
    riskA: await actorFor(orgA.id, "RISK_OFFICER"),
    supplierA: await actorFor(orgA.id, "SUPPLIER", vendorA.id),
    adminB: await actorFor(orgB.id, "ADMIN"),
  };
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e as AppError,
  );
const valid = {
  name: "HIST-1",
  type: "HISTORIAN",
  criticality: "3",
  safetyImpact: false,
  site: "North plant",
  zone: "L3",
  aliases: "Cobalt PH; hist-1",
  description: "Process historian",
};
const HEADER = "name,type,criticality,safety_impact,site,zone,aliases,description";

describe("assets: create, edit, delete", () => {
  it("creates an asset in the caller's organisation with an audit event", async () => {
    const { db, adminA, orgA, orgB } = await world();
    const a = await createAsset(db, adminA, { ...valid, organizationId: orgB.id });
    const row = await db.asset.findUniqueOrThrow({ where: { id: a.id } });
    expect(row).toMatchObject({
      organizationId: orgA.id,
      name: "HIST-1",
      normalizedName: "hist-1",
      type: "HISTORIAN",
      criticality: 3,
      aliases: ["Cobalt PH", "hist-1"],
      zone: "L3",
    });
    const audit = await db.auditEvent.findMany({ where: { entityId: a.id } });
    expect(audit.map((e) => [e.action, e.actorId, e.organizationId])).toEqual([
      ["asset.create", adminA.userId, orgA.id],
    ]);
  });

  it.each([
    [{ ...valid, name: "  " }, "name", "Name is required."],
    [{ ...valid, type: "toaster" }, "type", undefined],
    [
      { ...valid, criticality: "6" },
      "criticality",
      "Criticality must be a whole number from 1 (low) to 5 (plant-critical).",
    ],
    [{ ...valid, criticality: 0 }, "criticality", undefined],
    [{ ...valid, safetyImpact: "perhaps" }, "safetyImpact", "Safety impact must be yes or no."],
    [
      { ...valid, description: "d".repeat(2001) },
      "description",
      "Description must be at most 2000 characters.",
    ],
  ])("rejects bad input %#, names the field and writes nothing", async (input, field, message) => {
    const { db, adminA } = await world();
    const before = await db.asset.count();
    const error = await failure(createAsset(db, adminA, input));
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fieldErrors ?? {})).toContain(field);
    if (message) expect(error.fieldErrors?.[field]).toContain(message);
    expect(await db.asset.count()).toBe(before);
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("refuses a duplicate name (case and spacing ignored) on create and rename, allows it in another organisation", async () => {
    const { db, adminA, adminB, plc7 } = await world();
    const dup = await failure(createAsset(db, adminA, { ...valid, name: " gw-2 " }));
    expect(dup.code).toBe("CONFLICT");
    expect(dup.fieldErrors?.name?.[0]).toMatch(/already exists/);
    expect((await failure(updateAsset(db, adminA, plc7.id, { ...valid, name: "GW-2" }))).code).toBe(
      "CONFLICT",
    );
    await expect(createAsset(db, adminB, { ...valid, name: "GW-2" })).resolves.toBeTruthy();
  });

  it("updates fields, clears optional ones, and audits only what changed", async () => {
    const { db, adminA, gw2 } = await world();
    await updateAsset(db, adminA, gw2.id, {
      name: "GW-2",
      type: "GATEWAY",
      criticality: 4,
      safetyImpact: true,
      site: "",
      zone: "",
      aliases: "",
      description: "",
    });
    const row = await db.asset.findUniqueOrThrow({ where: { id: gw2.id } });
    expect(row).toMatchObject({ criticality: 4, safetyImpact: true, zone: null, aliases: [] });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "asset.update", entityId: gw2.id },
    });
    const changes = (audit.details as { changes: Record<string, unknown> }).changes;
    expect(Object.keys(changes).sort()).toEqual(["aliases", "criticality", "safetyImpact", "zone"]);
    expect(changes.criticality).toEqual({ from: 5, to: 4 });
  });

  it("deletes an asset with its deployments and linkages, audited with the counts", async () => {
    const { db, adminA, orgA, gw2, plc7, vendorA } = await world();
    await buildDeployment(db, { organizationId: orgA.id, vendorId: vendorA.id, assetId: gw2.id });
    await buildInventoryLinkage(db, { organizationId: orgA.id, fromAssetId: gw2.id, toAssetId: plc7.id });
    const other = await buildAsset(db, { organizationId: orgA.id, name: "HMI-1", type: "HMI" });
    const kept = await buildInventoryLinkage(db, {
      organizationId: orgA.id,
      fromAssetId: other.id,
      toAssetId: plc7.id,
    });
    expect(await deleteAsset(db, adminA, gw2.id)).toEqual({ id: gw2.id, deployments: 1, linkages: 1 });
    expect(await db.asset.count({ where: { id: gw2.id } })).toBe(0);
    expect(await db.deployment.count()).toBe(0);
    expect((await db.linkage.findMany()).map((l) => l.id)).toEqual([kept.id]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "asset.delete" } });
    expect(audit.details).toMatchObject({ name: "GW-2", removedDeployments: 1, removedLinkages: 1 });
  });
});

describe("assets: list", () => {
  it("searches name, site, zone and alias (partial, any case), filters by type, sorts and paginates", async () => {
    const { db, riskA, orgA } = await world();
    for (let i = 0; i < 23; i++)
      await buildAsset(db, {
        organizationId: orgA.id,
        name: `Sensor ${String(i).padStart(2, "0")}`,
        type: "OTHER",
        criticality: (i % 5) + 1,
        zone: "L0 Field",
      });
    expect((await listAssets(db, riskA, { q: "mg-40" })).items.map((a) => a.name)).toEqual(["GW-2"]);
    expect((await listAssets(db, riskA, { q: "NORTH" })).items.map((a) => a.name)).toEqual(["PLC-7"]);
    expect((await listAssets(db, riskA, { q: "supervisory" })).items.map((a) => a.name)).toEqual(["GW-2"]);
    expect((await listAssets(db, riskA, { q: "100%_" })).total).toBe(0);
    expect((await listAssets(db, riskA, { type: "GATEWAY" })).items.map((a) => a.name)).toEqual(["GW-2"]);
    const page1 = await listAssets(db, riskA, { type: "OTHER", pageSize: "10" });
    expect([page1.total, page1.pageCount]).toEqual([23, 3]);
    const ids: string[] = [];
    for (const page of [1, 2, 3])
      ids.push(
        ...(
          await listAssets(db, riskA, {
            type: "OTHER",
            pageSize: "10",
            page: String(page),
            sort: "criticality",
            dir: "desc",
          })
        ).items.map((a) => a.id),
      );
    expect(new Set(ids).size).toBe(23);
    const top = await listAssets(db, riskA, { sort: "criticality", dir: "desc", pageSize: "5" });
    expect(top.items[0]!.name).toBe("GW-2");
    const weird = await listAssets(db, riskA, { sort: "password", dir: "up", page: "-1", type: "NUKE" });
    expect(weird.query).toMatchObject({ sort: "name", dir: "asc", page: 1, type: undefined });
  });
});

describe("inventory: roles", () => {
  it("procurement and risk officers read but cannot change assets", async () => {
    const { db, procurementA, riskA, gw2 } = await world();
    for (const actor of [procurementA, riskA]) {
      expect((await listAssets(db, actor, {})).total).toBe(2);
      expect((await getAsset(db, actor, gw2.id)).name).toBe("GW-2");
      expect(await countAssets(db, actor)).toBe(2);
      for (const attempt of [
        () => createAsset(db, actor, valid),
        () => updateAsset(db, actor, gw2.id, valid),
        () => deleteAsset(db, actor, gw2.id),
        () => previewAssetImport(db, actor, `${HEADER}\nX,plc,3,,,,,`),
        () => importAssets(db, actor, `${HEADER}\nX,plc,3,,,,,`),
        () =>
          addConnection(db, actor, {
            fromAssetId: gw2.id,
            toAssetId: gw2.id,
            kind: "ADJACENCY",
            weight: 0.5,
            reason: "test",
          }),
      ]) {
        expect((await failure(attempt())).code).toBe("FORBIDDEN");
      }
    }
    expect(await db.asset.count()).toBe(3);
  });

  it("suppliers see nothing of the inventory", async () => {
    const { db, supplierA, gw2, vendorA } = await world();
    for (const attempt of [
      () => listAssets(db, supplierA, {}),
      () => getAsset(db, supplierA, gw2.id),
      () => countAssets(db, supplierA),
      () => listDeploymentsForVendor(db, supplierA, vendorA.id),
      () => addDeployment(db, supplierA, vendorA.id, gw2.id),
    ]) {
      expect((await failure(attempt())).code).toBe("FORBIDDEN");
    }
  });
});

describe("inventory: organisation isolation", () => {
  it("another organisation's asset is not listed, not found by id, and not changed", async () => {
    const { db, adminA, assetB, gw2, vendorA } = await world();
    expect((await listAssets(db, adminA, { q: "Valve" })).items).toEqual([]);
    for (const attempt of [
      () => getAsset(db, adminA, assetB.id),
      () => updateAsset(db, adminA, assetB.id, valid),
      () => deleteAsset(db, adminA, assetB.id),
      () =>
        addConnection(db, adminA, {
          fromAssetId: gw2.id,
          toAssetId: assetB.id,
          kind: "ADJACENCY",
          weight: 0.8,
          reason: "sneaky",
        }),
      () =>
        addConnection(db, adminA, {
          fromAssetId: assetB.id,
          toAssetId: gw2.id,
          kind: "TRUST",
          weight: 0.8,
          reason: "sneaky",
        }),
      () => addDeployment(db, adminA, vendorA.id, assetB.id),
    ]) {
      expect((await failure(attempt())).code).toBe("NOT_FOUND");
    }
    expect(await db.asset.findUniqueOrThrow({ where: { id: assetB.id } })).toMatchObject({
      name: "Valve bank 3",
      criticality: 2,
    });
    expect(await db.linkage.count()).toBe(0);
    expect(await db.deployment.count()).toBe(0);
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("treats malformed and unknown ids as not found", async () => {
    const { db, adminA } = await world();
    for (const id of [
      "",
      "../etc",
      '\'; DROP TABLE "Asset"; --',
      "c".repeat(500),
      42,
      null,
      "ckz0000000000000000000000",
    ]) {
      expect((await failure(getAsset(db, adminA, id))).code).toBe("NOT_FOUND");
    }
  });

  it("an import matches only the caller's own assets by name", async () => {
    const { db, adminB, assetB } = await world();
    const preview = await previewAssetImport(
      db,
      adminB,
      `${HEADER}\nGW-2,gateway,2,,,,,\nValve bank 3,other,4,,,,,`,
    );
    expect(preview.rows.map((r) => [r.cells.name, r.action])).toEqual([
      ["GW-2", "create"],
      ["Valve bank 3", "update"],
    ]);
    await importAssets(db, adminB, `${HEADER}\nGW-2,gateway,2,,,,,`);
    expect(await db.asset.count({ where: { normalizedName: "gw-2" } })).toBe(2);
    expect(
      (
        await db.asset.findFirstOrThrow({
          where: { normalizedName: "gw-2", organizationId: { not: assetB.organizationId } },
        })
      ).criticality,
    ).toBe(5);
  });
});

describe("CSV import", () => {
  it("previews every row with create / update / unchanged without writing", async () => {
    const { db, adminA } = await world();
    const text = [
      HEADER,
      "GW-2,gateway,5,no,,L2 Supervisory,Meridian MG-400,",
      "PLC-7,controller,5,yes,North plant,,,",
      "HMI-1,hmi,3,no,North plant,L2,,Operator panel",
    ].join("\n");
    const preview = await previewAssetImport(db, adminA, text);
    expect(preview.valid).toBe(true);
    expect(preview.rows.map((r) => [r.line, r.action])).toEqual([
      [2, "unchanged"],
      [3, "update"],
      [4, "create"],
    ]);
    expect(preview.counts).toEqual({ create: 1, update: 1, unchanged: 1 });
    expect(await db.asset.count()).toBe(3);
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("one bad row means nothing is written, and the preview says which cell", async () => {
    const { db, adminA, gw2 } = await world();
    const text = [HEADER, "GW-2,gateway,2,no,,,,", "HMI-1,hmi,3,no,,,,", "HMI-2,hmi,9,no,,,,"].join("\n");
    const preview = await previewAssetImport(db, adminA, text);
    expect(preview.valid).toBe(false);
    expect(preview.rows[2]!.errors).toEqual({
      criticality: ["Criticality must be a whole number from 1 (low) to 5 (plant-critical)."],
    });
    const error = await failure(importAssets(db, adminA, text));
    expect(error.code).toBe("VALIDATION");
    expect(error.message).toMatch(/^Nothing was imported\. 1 row has errors\./);
    expect(await db.asset.count()).toBe(3);
    expect((await db.asset.findUniqueOrThrow({ where: { id: gw2.id } })).criticality).toBe(5);
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("creates new assets and updates matched ones in one go, touching only the columns in the file, with one audit event", async () => {
    const { db, adminA, orgA, gw2, plc7 } = await world();
    await db.asset.update({
      where: { id: plc7.id },
      data: { description: "Keep me", aliases: ["old-alias"] },
    });
    const text = [
      "Name,Type,Criticality,Safety impact,Aliases",
      "plc-7 ,controller,5,yes,Helix HC-700;plc7",
      "GW-2,gateway,5,no,Meridian MG-400",
      "HMI-1,hmi,3,no,",
      "EWS-1,engineering workstation,5,yes,ews-1",
    ].join("\r\n");
    const counts = await importAssets(db, adminA, text);
    expect(counts).toEqual({ created: 2, updated: 1, unchanged: 1, rows: 4 });
    const plc = await db.asset.findUniqueOrThrow({ where: { id: plc7.id } });
    expect(plc).toMatchObject({
      name: "plc-7",
      criticality: 5,
      safetyImpact: true,
      aliases: ["Helix HC-700", "plc7"],
      description: "Keep me",
      site: "North plant",
    });
    expect((await db.asset.findUniqueOrThrow({ where: { id: gw2.id } })).zone).toBe("L2 Supervisory");
    expect(
      await db.asset.findFirstOrThrow({ where: { organizationId: orgA.id, normalizedName: "ews-1" } }),
    ).toMatchObject({ type: "ENGINEERING_WORKSTATION", criticality: 5, safetyImpact: true });
    const audit = await db.auditEvent.findMany();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "asset.import",
      entityType: "Organization",
      entityId: orgA.id,
      actorId: adminA.userId,
    });
    expect(audit[0]!.details).toMatchObject({ created: 2, updated: 1, unchanged: 1, rows: 4 });
  });

  it("refuses names repeated in the file and files over the limits", async () => {
    const { db, adminA } = await world();
    expect(
      (await failure(importAssets(db, adminA, `${HEADER}\nHMI-1,hmi,3,,,,,\nhmi-1,hmi,3,,,,,`))).code,
    ).toBe("VALIDATION");
    const big = [HEADER, ...Array.from({ length: 5001 }, (_, i) => `S-${i},sensor,1,,,,,`)].join("\n");
    const preview = await previewAssetImport(db, adminA, big);
    expect(preview.fileErrors[0]).toMatch(/5,001 rows; at most 5,000/);
    expect((await failure(importAssets(db, adminA, big))).message).toMatch(/Nothing was imported/);
    expect((await failure(importAssets(db, adminA, 42))).code).toBe("VALIDATION");
    expect(await db.asset.count()).toBe(3);
  });

  it("imports 5,000 rows in one transaction", async () => {
    const { db, adminA, orgA } = await world();
    const rows = Array.from(
      { length: 5000 },
      (_, i) =>
        `Sensor-${i},sensor,${(i % 5) + 1},${i % 7 === 0 ? "yes" : "no"},Site ${i % 3},L0 Field,alias-${i};tag-${i},Generated`,
    );
    const text = [HEADER, ...rows].join("\n");
    const started = performance.now();
    expect(await importAssets(db, adminA, text)).toMatchObject({ created: 5000, updated: 0 });
    const createMs = performance.now() - started;
    const again = performance.now();
    const updatedText = [HEADER, ...rows.map((r) => r.replace(",Generated", ",Regenerated"))].join("\n");
    expect(await importAssets(db, adminA, updatedText)).toMatchObject({ created: 0, updated: 5000 });
    const updateMs = performance.now() - again;
    console.info(
      `[inventory] 5,000-row import: create ${Math.round(createMs)} ms, update ${Math.round(updateMs)} ms`,
    );
    expect(await db.asset.count({ where: { organizationId: orgA.id } })).toBe(5002);
  });
});

describe("connections (the buyer's own adjacency)", () => {
  it("adds and removes an INVENTORY linkage between two own assets, audited", async () => {
    const { db, adminA, orgA, gw2, plc7 } = await world();
    const c = await addConnection(db, adminA, {
      fromAssetId: gw2.id,
      toAssetId: plc7.id,
      kind: "ADJACENCY",
      weight: "0.8",
      reason: "PLC-7 sits behind gateway GW-2",
    });
    const row = await db.linkage.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({
      organizationId: orgA.id,
      fromKey: `asset:${gw2.id}`,
      toKey: `asset:${plc7.id}`,
      kind: "ADJACENCY",
      weight: 0.8,
      source: "INVENTORY",
      createdById: adminA.userId,
    });
    const seen = await getAsset(db, adminA, plc7.id);
    expect(seen.connections).toEqual([
      expect.objectContaining({
        direction: "incoming",
        kind: "ADJACENCY",
        other: { id: gw2.id, name: "GW-2", type: "GATEWAY" },
      }),
    ]);
    expect((await getAsset(db, adminA, gw2.id)).connections[0]!.direction).toBe("outgoing");
    const dup = await failure(
      addConnection(db, adminA, {
        fromAssetId: gw2.id,
        toAssetId: plc7.id,
        kind: "ADJACENCY",
        weight: 0.5,
        reason: "again",
      }),
    );
    expect(dup.code).toBe("CONFLICT");
    await removeConnection(db, adminA, c.id);
    expect(await db.linkage.count()).toBe(0);
    expect((await db.auditEvent.findMany({ orderBy: { createdAt: "asc" } })).map((e) => e.action)).toEqual([
      "asset_connection.create",
      "asset_connection.delete",
    ]);
  });

  it("validates weight, reason and the two ends", async () => {
    const { db, adminA, gw2, plc7 } = await world();
    const bad = await failure(
      addConnection(db, adminA, {
        fromAssetId: gw2.id,
        toAssetId: plc7.id,
        kind: "CLOSENESS",
        weight: 1.5,
        reason: "",
      }),
    );
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["kind", "reason", "weight"]);
    expect(bad.fieldErrors?.weight).toEqual(["Weight must be a number from 0 to 1."]);
    const self = await failure(
      addConnection(db, adminA, {
        fromAssetId: gw2.id,
        toAssetId: gw2.id,
        kind: "ADJACENCY",
        weight: 0.5,
        reason: "loop",
      }),
    );
    expect(self.fieldErrors?.toAssetId).toEqual(["An asset cannot be connected to itself."]);
    expect(await db.linkage.count()).toBe(0);
    await expect(
      addConnection(db, adminA, {
        fromAssetId: plc7.id,
        toAssetId: gw2.id,
        kind: "TRUST",
        weight: 0,
        reason: "read-only",
      }),
    ).resolves.toBeTruthy();
  });

  it("cannot remove another organisation's or an assessment's linkage", async () => {
    const { db, adminA, orgA, orgB, gw2, plc7, assetB } = await world();
    const other = await buildInventoryLinkage(db, {
      organizationId: orgB.id,
      fromAssetId: assetB.id,
      toAssetId: assetB.id,
    });
    const fromAssessment = await db.linkage.create({
      data: {
        organizationId: orgA.id,
        fromKey: `asset:${gw2.id}`,
        toKey: `asset:${plc7.id}`,
        kind: "TRUST",
        weight: 0.5,
        reason: "from answers",
        source: "ASSESSMENT",
      },
    });
    expect((await failure(removeConnection(db, adminA, other.id))).code).toBe("NOT_FOUND");
    expect((await failure(removeConnection(db, adminA, fromAssessment.id))).code).toBe("NOT_FOUND");
    expect(await db.linkage.count()).toBe(2);
  });
});

describe("deployments", () => {
  it("procurement records and removes where a vendor's products sit; risk officers read", async () => {
    const { db, procurementA, riskA, adminA, vendorA, gw2, plc7 } = await world();
    await addDeployment(db, procurementA, vendorA.id, plc7.id, "HC-700");
    await addDeployment(db, adminA, vendorA.id, gw2.id);
    const list = await listDeploymentsForVendor(db, riskA, vendorA.id);
    expect(list.map((d) => [d.asset.name, d.note])).toEqual([
      ["GW-2", null],
      ["PLC-7", "HC-700"],
    ]);
    expect((await failure(addDeployment(db, riskA, vendorA.id, gw2.id))).code).toBe("FORBIDDEN");
    expect((await failure(removeDeployment(db, riskA, list[0]!.id))).code).toBe("FORBIDDEN");
    const dup = await failure(addDeployment(db, procurementA, vendorA.id, plc7.id));
    expect([dup.code, dup.fieldErrors?.assetId?.[0]]).toEqual([
      "CONFLICT",
      "This vendor is already recorded on that asset.",
    ]);
    await removeDeployment(db, procurementA, list[0]!.id);
    expect((await listDeploymentsForVendor(db, riskA, vendorA.id)).map((d) => d.asset.name)).toEqual([
      "PLC-7",
    ]);
    expect((await getAsset(db, riskA, plc7.id)).deployments.map((d) => d.vendor.name)).toEqual([
      "Helix Controls",
    ]);
    expect((await db.auditEvent.findMany()).map((e) => e.action).sort()).toEqual([
      "deployment.create",
      "deployment.create",
      "deployment.delete",
    ]);
  });

  it("is isolated per organisation and refuses archived vendors", async () => {
    const { db, procurementA, adminB, orgA, vendorA, vendorB, gw2 } = await world();
    const d = await addDeployment(db, procurementA, vendorA.id, gw2.id);
    for (const attempt of [
      () => listDeploymentsForVendor(db, adminB, vendorA.id),
      () => addDeployment(db, adminB, vendorA.id, gw2.id),
      () => removeDeployment(db, adminB, d.id),
      () => addDeployment(db, procurementA, vendorB.id, gw2.id),
      () => listDeploymentsForVendor(db, procurementA, vendorB.id),
    ]) {
      expect((await failure(attempt())).code).toBe("NOT_FOUND");
    }
    expect(await db.deployment.count()).toBe(1);
    const archived = await buildVendor(db, { organizationId: orgA.id, name: "Old Vendor", archived: true });
    expect((await failure(addDeployment(db, procurementA, archived.id, gw2.id))).code).toBe("CONFLICT");
  });
});

describe("demo seed", () => {
  it("gives Northwind an inventory with adjacency and deployments for every demo vendor but Lumen", async () => {
    const db = testDb();
    await seedDemo(db);
    const northwind = await db.organization.findUniqueOrThrow({ where: { slug: "northwind" } });
    const assets = await db.asset.findMany({ where: { organizationId: northwind.id } });
    expect(assets.length).toBeGreaterThanOrEqual(25);
    expect(new Set(assets.map((a) => a.type))).toEqual(
      new Set([
        "SITE",
        "ZONE",
        "CONTROLLER",
        "GATEWAY",
        "BROKER",
        "HMI",
        "HISTORIAN",
        "ENGINEERING_WORKSTATION",
        "MANAGEMENT_PLATFORM",
        "NETWORK_SEGMENT",
        "OTHER",
      ]),
    );
    const linkages = await db.linkage.findMany({
      where: { organizationId: northwind.id, source: "INVENTORY" },
    });
    const ids = new Set(assets.map((a) => `asset:${a.id}`));
    expect(linkages.length).toBeGreaterThanOrEqual(5);
    expect(linkages.every((l) => ids.has(l.fromKey) && ids.has(l.toKey))).toBe(true);
    const vendors = await db.vendor.findMany({
      where: { organizationId: northwind.id },
      select: { name: true, _count: { select: { deployments: true } } },
    });
    expect(vendors.filter((v) => v._count.deployments === 0).map((v) => v.name)).toEqual(["Lumen RTOS"]);
  });
});
