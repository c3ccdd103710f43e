import { describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/roles";
import { exportOrganizationGraph } from "@/lib/domain/graph/export-graph";
import {
  addManualLinkage,
  listManualLinkages,
  removeManualLinkage,
} from "@/lib/domain/linkage/manual-linkages";
import { listPortfolio } from "@/lib/domain/portfolio/list-portfolio";
import { getVendorScore } from "@/lib/domain/scoring/read-scores";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { parseGraphJson } from "@/lib/scoring";
import { buildOrganization, buildUser, buildVendor } from "@/prisma/seed/factories";

import { testDb } from "./setup";

async function actorFor(organizationId: string, role: Role, vendorId: string | null = null): Promise<Actor> {
  const u = await buildUser(testDb(), { organizationId, role, vendorId });
  return { userId: u.id, organizationId, role, vendorId };
}

async function world() {
  const db = testDb();
  const org = await buildOrganization(db);
  const other = await buildOrganization(db);
  const vendor = await buildVendor(db, { organizationId: org.id, name: "Kestrel Remote Access" });
  const plc = await db.asset.create({
    data: {
      organizationId: org.id,
      name: "Kiln PLC",
      normalizedName: "kiln plc",
      type: "CONTROLLER",
      criticality: 5,
      aliases: [],
    },
  });
  const foreignAsset = await db.asset.create({
    data: {
      organizationId: other.id,
      name: "Other PLC",
      normalizedName: "other plc",
      type: "CONTROLLER",
      criticality: 5,
      aliases: [],
    },
  });
  return {
    db,
    org,
    other,
    vendor,
    plc,
    foreignAsset,
    risk: await actorFor(org.id, "RISK_OFFICER"),
    supplier: await actorFor(org.id, "SUPPLIER", vendor.id),
    outsider: await actorFor(other.id, "ADMIN"),
  };
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e as AppError,
  );

describe("linkages recorded by hand", () => {
  it("adds one with a reason, scores the vendor, audits, and removes it again", async () => {
    const w = await world();
    await addManualLinkage(w.db, w.risk, {
      vendorId: w.vendor.id,
      toKey: `asset:${w.plc.id}`,
      kind: "TRUST",
      weight: "0.7",
      reason: "Their engineer's laptop joins our L2 network",
    });
    const { linkages } = await listManualLinkages(w.db, w.risk, w.vendor.id);
    expect(linkages).toHaveLength(1);
    expect(linkages[0]).toMatchObject({ toName: "Kiln PLC (controller)", kind: "TRUST", weight: 0.7 });
    // The vendor now has a score: 0.7 × criticality weight of a criticality-5 asset, all direct.
    const snapshot = await w.db.scoreSnapshot.findFirstOrThrow({
      where: { vendorId: w.vendor.id },
      orderBy: { computedAt: "desc" },
    });
    expect(snapshot.exposure).toBeGreaterThan(0);
    expect(snapshot.amplification).toBe(0);
    expect(await w.db.auditEvent.count({ where: { action: "linkage.create" } })).toBe(1);

    // A component target is named by its graph node, an unknown key by itself.
    await w.db.graphNode.create({
      data: {
        organizationId: w.org.id,
        key: "component:name:kiln-rtos",
        type: "COMPONENT",
        name: "KilnOS",
        subtype: "rtos",
      },
    });
    await addManualLinkage(w.db, w.risk, {
      vendorId: w.vendor.id,
      toKey: "component:name:kiln-rtos",
      kind: "INHERITANCE",
      weight: 0.5,
      reason: "Their firmware runs on KilnOS",
    });
    expect((await listManualLinkages(w.db, w.risk, w.vendor.id)).linkages.map((l) => l.toName)).toEqual([
      "KilnOS (rtos)",
      "Kiln PLC (controller)",
    ]);
    await w.db.graphNode.deleteMany({ where: { key: "component:name:kiln-rtos" } });
    expect((await listManualLinkages(w.db, w.risk, w.vendor.id)).linkages[0]!.toName).toBe(
      "component:name:kiln-rtos",
    );
    await w.db.linkage.deleteMany({ where: { toKey: "component:name:kiln-rtos" } });

    expect((await getVendorScore(w.db, w.risk, w.vendor.id)).current!.exposure).toBeCloseTo(
      snapshot.exposure,
    );
    expect(await w.db.currentScore.count({ where: { vendorId: w.vendor.id } })).toBe(1);

    await removeManualLinkage(w.db, w.risk, linkages[0]!.id);
    expect((await listManualLinkages(w.db, w.risk, w.vendor.id)).linkages).toEqual([]);
    // Nothing is known about the vendor any more: it is unscored again, not left at its old score.
    expect(await w.db.currentScore.count({ where: { vendorId: w.vendor.id } })).toBe(0);
    expect((await getVendorScore(w.db, w.risk, w.vendor.id)).current).toBeNull();
    expect(
      (await listPortfolio(w.db, w.risk, {})).items.find((v) => v.id === w.vendor.id)?.score ?? null,
    ).toBeNull();
    expect(await w.db.auditEvent.count({ where: { action: "linkage.delete" } })).toBe(1);
  });

  it("rejects bad input and other organisations' targets, writing nothing", async () => {
    const w = await world();
    const base = {
      vendorId: w.vendor.id,
      toKey: `asset:${w.plc.id}`,
      kind: "TRUST",
      weight: 0.5,
      reason: "because",
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ weight: 1.5 }, "weight"],
      [{ weight: "abc" }, "weight"],
      [{ kind: "MAGIC" }, "kind"],
      [{ reason: "" }, "reason"],
      [{ toKey: `asset:${w.foreignAsset.id}` }, "toKey"],
      [{ toKey: "component:name:nothing" }, "toKey"],
    ];
    for (const [change, field] of cases) {
      const e = await failure(addManualLinkage(w.db, w.risk, { ...base, ...change }));
      expect(e.code, JSON.stringify(change)).toBe("VALIDATION");
      expect(Object.keys(e.fieldErrors ?? {})).toContain(field);
    }
    expect((await failure(addManualLinkage(w.db, w.outsider, base))).code).toBe("NOT_FOUND");
    expect((await failure(addManualLinkage(w.db, w.supplier, base))).code).toBe("FORBIDDEN");
    expect(await w.db.linkage.count()).toBe(0);
  });

  it("a linkage of another organisation cannot be removed", async () => {
    const w = await world();
    const l = await addManualLinkage(w.db, w.risk, {
      vendorId: w.vendor.id,
      toKey: `asset:${w.plc.id}`,
      kind: "ADJACENCY",
      weight: 0.4,
      reason: "shared switch",
    });
    expect((await failure(removeManualLinkage(w.db, w.outsider, l.id))).code).toBe("NOT_FOUND");
    expect(await w.db.linkage.count()).toBe(1);
  });
});

describe("graph export", () => {
  it("is a valid graph file of the organisation only, which the scoring CLI format accepts", async () => {
    const w = await world();
    await addManualLinkage(w.db, w.risk, {
      vendorId: w.vendor.id,
      toKey: `asset:${w.plc.id}`,
      kind: "TRUST",
      weight: 0.7,
      reason: "laptop",
    });
    const doc = await exportOrganizationGraph(w.db, w.risk);
    const parsed = parseGraphJson(JSON.stringify(doc));
    expect(parsed.ok).toBe(true);
    expect(doc.nodes.map((n) => n.name)).toEqual(
      expect.arrayContaining(["Kestrel Remote Access", "Kiln PLC"]),
    );
    expect(doc.nodes.map((n) => n.name)).not.toContain("Other PLC");
    expect(doc.linkages).toHaveLength(1);
    expect((await failure(exportOrganizationGraph(w.db, w.supplier))).code).toBe("FORBIDDEN");
  });
});
