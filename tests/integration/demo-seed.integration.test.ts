// The demo portfolio has the shape it is built to show (README "What the demo holds"): shared
// components, a shared update service, shared hubs, a remote-access vendor with a long-lived key, a
// self-contained vendor, Helix waiting for review, one overdue, and dates on one consistent timeline.
// Graph shape only: amplification values belong to the scoring model, which is changing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { INVITATION_TTL_MS } from "@/lib/auth/tokens";
import { loadOrganizationGraph } from "@/lib/domain/graph-store/load-organization-graph";
import { seedDemo } from "@/prisma/seed/demo";
import { LUMEN_RTOS_KEY, LUMEN_SUB_SUPPLIER_KEY, NIMBUS_OTA_KEY } from "@/prisma/seed/demo-assessments";

import { testDb } from "./setup";

let evidenceDir: string;
beforeAll(() => {
  evidenceDir = mkdtempSync(path.join(tmpdir(), "trustmap-it-demo-"));
  process.env.EVIDENCE_DIR = evidenceDir;
});
afterAll(() => rmSync(evidenceDir, { recursive: true, force: true }));

async function seeded() {
  const db = testDb();
  await seedDemo(db);
  const { id: organizationId } = await db.organization.findUniqueOrThrow({
    where: { slug: "northwind" },
    select: { id: true },
  });
  const [vendors, assets, deployments, linkages, assessments, scores] = await Promise.all([
    db.vendor.findMany({ where: { organizationId }, select: { id: true, name: true, createdAt: true } }),
    db.asset.findMany({ where: { organizationId }, select: { id: true, name: true, type: true } }),
    db.deployment.findMany({ where: { organizationId }, select: { vendorId: true, assetId: true } }),
    db.linkage.findMany({
      where: { organizationId },
      select: { fromKey: true, toKey: true, source: true, assessmentId: true, createdAt: true },
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
        revisions: { select: { answers: true, submittedAt: true } },
        evidence: { select: { createdAt: true } },
      },
    }),
    db.currentScore.findMany({ where: { organizationId }, select: { vendorId: true } }),
  ]);
  const vendor = (name: string) => vendors.find((v) => v.name === name) ?? expect.fail(`no vendor ${name}`);
  const key = (name: string) => `vendor:${vendor(name).id}`;
  const deployedOn = (name: string) =>
    new Set(deployments.filter((d) => d.vendorId === vendor(name).id).map((d) => `asset:${d.assetId}`));
  const assessmentOf = (name: string) =>
    assessments.find((a) => a.vendorId === vendor(name).id) ?? expect.fail(`no assessment of ${name}`);
  /** Every node reachable from `from` over the linkage graph (what a compromise can spread to). */
  const reachable = (from: string) => {
    const seen = new Set([from]);
    const queue = [from];
    while (queue.length) {
      const at = queue.shift()!;
      for (const l of linkages) {
        if (l.fromKey !== at || seen.has(l.toKey)) continue;
        seen.add(l.toKey);
        queue.push(l.toKey);
      }
    }
    return seen;
  };
  return {
    db,
    organizationId,
    vendors,
    assets,
    linkages,
    assessments,
    scores,
    vendor,
    key,
    deployedOn,
    assessmentOf,
    reachable,
  };
}

describe("demo seed", () => {
  it("holds the portfolio the demo is built to show", async () => {
    const {
      db,
      organizationId,
      assets,
      linkages,
      assessments,
      scores,
      vendor,
      key,
      deployedOn,
      assessmentOf,
      reachable,
    } = await seeded();

    // At least seven vendors with accepted assessments, each scored; nobody else is.
    const accepted = assessments.filter((a) => a.status === "ACCEPTED");
    expect(new Set(accepted.map((a) => a.vendorId)).size).toBeGreaterThanOrEqual(7);
    expect(new Set(scores.map((s) => s.vendorId))).toEqual(new Set(accepted.map((a) => a.vendorId)));

    // Lumen RTOS: one component node, in the firmware of three vendors' deployed products, reached from the Lumen vendor.
    const embedders = ["Meridian Gateways", "Brightline HMI", "Atlas Field Sensors"];
    const intoFirmware = linkages.filter((l) => l.fromKey === LUMEN_RTOS_KEY && l.source === "ASSESSMENT");
    for (const name of embedders) {
      const own = intoFirmware.filter((l) => l.assessmentId === assessmentOf(name).id);
      expect(own.length, name).toBeGreaterThan(0);
      expect(
        own.every((l) => deployedOn(name).has(l.toKey)),
        name,
      ).toBe(true);
    }
    expect(
      linkages.some(
        (l) => l.fromKey === key("Lumen RTOS") && l.toKey === LUMEN_SUB_SUPPLIER_KEY && l.source === "MANUAL",
      ),
    ).toBe(true);
    expect(linkages.some((l) => l.fromKey === LUMEN_SUB_SUPPLIER_KEY && l.toKey === LUMEN_RTOS_KEY)).toBe(
      true,
    );
    const fromLumen = reachable(key("Lumen RTOS"));
    for (const name of embedders)
      expect(
        [...deployedOn(name)].some((a) => fromLumen.has(a)),
        name,
      ).toBe(true);
    // Lumen runs nothing of its own in the plant.
    expect(deployedOn("Lumen RTOS").size).toBe(0);

    // One cloud update service (Nimbus OTA) reaching the devices of two vendors, both linked to it.
    const nimbusTargets = linkages.filter((l) => l.fromKey === NIMBUS_OTA_KEY).map((l) => l.toKey);
    for (const name of ["Meridian Gateways", "Brightline HMI"]) {
      expect(
        nimbusTargets.some((t) => deployedOn(name).has(t)),
        name,
      ).toBe(true);
      expect(
        linkages.some((l) => l.fromKey === key(name) && l.toKey === NIMBUS_OTA_KEY),
        name,
      ).toBe(true);
    }

    // Shared hubs: the gateway GW-2 and the broker MQTT-1 are linked into by several vendors' answers.
    for (const hub of ["GW-2 Modbus to OPC UA Gateway", "MQTT-1 Edge Broker"]) {
      const id = assets.find((a) => a.name === hub)!.id;
      const by = new Set(
        linkages
          .filter((l) => l.toKey === `asset:${id}` && l.source === "ASSESSMENT")
          .map((l) => l.assessmentId),
      );
      expect(by.size, hub).toBeGreaterThanOrEqual(2);
    }

    // Kestrel holds a relay key that never expires, and its credential reaches the workstations.
    const kestrelAnswers = assessmentOf("Kestrel Remote Access").revisions[0]!.answers as {
      cred_list: { lifetime: string }[];
    };
    expect(kestrelAnswers.cred_list.some((c) => c.lifetime === "never")).toBe(true);
    expect(
      linkages.some(
        (l) =>
          l.fromKey.startsWith(`${key("Kestrel Remote Access")}/credential/row:`) &&
          deployedOn("Kestrel Remote Access").has(l.toKey),
      ),
    ).toBe(true);

    // Atlas: many devices, and nothing reachable from it but its own devices and the zone they sit in.
    expect(deployedOn("Atlas Field Sensors").size).toBeGreaterThanOrEqual(10);
    const zones = new Set(
      assets.filter((a) => a.type === "ZONE" || a.type === "NETWORK_SEGMENT").map((a) => `asset:${a.id}`),
    );
    const fromAtlas = [...reachable(key("Atlas Field Sensors"))].filter((k) => k.startsWith("asset:"));
    expect(fromAtlas.filter((k) => !deployedOn("Atlas Field Sensors").has(k) && !zones.has(k))).toEqual([]);

    // Helix: submitted and waiting, so not scored and nothing of it in the graph.
    const helix = assessmentOf("Helix Controls");
    expect(helix).toMatchObject({ status: "SUBMITTED", acceptedAt: null });
    expect(scores.some((s) => s.vendorId === vendor("Helix Controls").id)).toBe(false);
    expect(linkages.some((l) => l.fromKey.startsWith(key("Helix Controls")))).toBe(false);

    // One overdue: sent, never opened, past its due date.
    const overdue = assessments.filter((a) => a.status === "SENT" && a.dueDate.getTime() < Date.now());
    expect(overdue).toHaveLength(1);

    expect(await db.mappingRequest.count({ where: { organizationId } })).toBeGreaterThan(0);
  }, 120_000);

  it("spreads amplification: Atlas keeps to itself, Lumen's kernel inside others' firmware is beyond its footprint", async () => {
    const { db, organizationId, vendor } = await seeded();
    const { document } = await loadOrganizationGraph(db, organizationId);
    // The kernel node is Lumen's code inside Meridian's, Brightline's and Atlas's firmware: nobody's own.
    expect(document.nodes.find((n) => n.id === LUMEN_RTOS_KEY)!.supplier).toBeUndefined();
    expect(document.nodes.find((n) => n.id === LUMEN_SUB_SUPPLIER_KEY)!.supplier).toBe(
      `vendor:${vendor("Lumen RTOS").id}`,
    );
    const scores = await db.currentScore.findMany({
      where: { organizationId },
      select: { vendorId: true, amplification: true },
    });
    const a = (name: string) => scores.find((s) => s.vendorId === vendor(name).id)!.amplification;
    expect(a("Atlas Field Sensors")).toBeLessThan(0.1);
    for (const embedder of ["Meridian Gateways", "Brightline HMI", "Atlas Field Sensors"])
      expect(a("Lumen RTOS"), embedder).toBeGreaterThan(a(embedder));
    expect(a("Lumen RTOS")).toBeGreaterThan(0.95);
    const between = scores.filter((s) => s.amplification > 0.2 && s.amplification < 0.95);
    expect(between.length).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it("dates everything on one timeline", async () => {
    const { db, organizationId, vendors, linkages, assessments, vendor } = await seeded();
    const now = Date.now();
    const before = (a: Date | null | undefined, b: Date | null | undefined, what: string) => {
      if (a && b) expect(a.getTime(), what).toBeLessThan(b.getTime());
    };
    const audit = await db.auditEvent.findMany({
      where: { organizationId },
      select: { action: true, entityId: true, createdAt: true },
    });
    const at = (entityId: string, action: string) =>
      audit.find((e) => e.entityId === entityId && e.action === action)?.createdAt;
    const firstSent = Math.min(...assessments.map((a) => a.sentAt!.getTime()));
    for (const v of vendors) expect(v.createdAt.getTime()).toBeLessThan(firstSent);

    for (const a of assessments) {
      const name = vendors.find((v) => v.id === a.vendorId)!.name;
      before(a.createdAt, a.sentAt, `${name} created < sent`);
      before(a.sentAt, a.openedAt, `${name} sent < opened`);
      before(a.openedAt, a.submittedAt, `${name} opened < submitted`);
      before(a.submittedAt, a.acceptedAt, `${name} submitted < accepted`);
      before(a.acceptedAt ?? a.submittedAt ?? a.openedAt ?? a.sentAt, new Date(now), `${name} in the past`);
      if (a.status === "ACCEPTED") before(a.submittedAt, a.dueDate, `${name} submitted before due`);
      expect(a.openedAt === null, name).toBe(a.status === "SENT");
      expect(a.submittedAt !== null, name).toBe(a.status === "SUBMITTED" || a.status === "ACCEPTED");
      expect(a.acceptedAt !== null, name).toBe(a.status === "ACCEPTED");

      const [inv] = a.invitations;
      expect(inv!.createdAt, name).toEqual(a.sentAt);
      expect(inv!.expiresAt.getTime(), name).toBe(a.sentAt!.getTime() + INVITATION_TTL_MS);
      expect(inv!.usedAt, name).toEqual(a.openedAt);
      for (const e of a.evidence) {
        before(a.openedAt, e.createdAt, `${name} evidence after opening`);
        before(e.createdAt, a.submittedAt, `${name} evidence before submitting`);
      }
      expect(a.revisions[0]!.submittedAt, name).toEqual(a.submittedAt);

      expect(at(a.id, "assessment.create"), name).toEqual(a.createdAt);
      expect(at(a.id, "assessment.send"), name).toEqual(a.sentAt);
      expect(at(a.id, "invitation.accept") ?? null, name).toEqual(a.openedAt);
      expect(at(a.id, "assessment.submit") ?? null, name).toEqual(a.submittedAt);
      expect(at(a.id, "assessment.accept") ?? null, name).toEqual(a.acceptedAt);
    }

    // Extracted linkages appear when their assessment is accepted; manual ones after both ends exist.
    const acceptedAt = new Map(assessments.map((a) => [a.id, a.acceptedAt]));
    for (const l of linkages.filter((x) => x.source === "ASSESSMENT"))
      expect(l.createdAt).toEqual(acceptedAt.get(l.assessmentId!));
    const firstAcceptance = (vendorId: string) =>
      Math.min(
        ...assessments
          .filter((a) => a.vendorId === vendorId && a.acceptedAt)
          .map((a) => a.acceptedAt!.getTime()),
      );
    for (const l of linkages.filter((x) => x.source === "MANUAL")) {
      const from = l.fromKey.slice("vendor:".length);
      expect(l.createdAt.getTime()).toBeGreaterThan(firstAcceptance(from));
      expect(
        at(
          audit.find((e) => e.action === "linkage.create" && e.createdAt.getTime() === l.createdAt.getTime())
            ?.entityId ?? "",
          "linkage.create",
        ),
      ).toEqual(l.createdAt);
    }

    // Score history: every snapshot after the vendor's acceptance and before now; the current score is the newest.
    const snapshots = await db.scoreSnapshot.findMany({
      where: { organizationId },
      select: { vendorId: true, computedAt: true },
    });
    expect(snapshots.length).toBeGreaterThan(7);
    // The history runs up to the last thing that changed the graph: days ago, not weeks.
    const newest = Math.max(...snapshots.map((s) => s.computedAt.getTime()));
    expect(now - newest).toBeLessThan(7 * 86_400_000);
    for (const s of snapshots) {
      expect(s.computedAt.getTime()).toBeGreaterThan(firstAcceptance(s.vendorId));
      expect(s.computedAt.getTime()).toBeLessThan(now);
    }
    for (const c of await db.currentScore.findMany({
      where: { organizationId },
      select: { vendorId: true, computedAt: true },
    })) {
      expect(c.computedAt.getTime()).toBe(
        Math.max(...snapshots.filter((s) => s.vendorId === c.vendorId).map((s) => s.computedAt.getTime())),
      );
    }
    // Helix's supplier account was created when she first opened the invitation.
    const anja = await db.user.findFirstOrThrow({
      where: { organizationId, vendorId: vendor("Helix Controls").id },
      select: { createdAt: true },
    });
    const helix = assessments.find((a) => a.vendorId === vendor("Helix Controls").id)!;
    expect(anja.createdAt).toEqual(helix.openedAt);
  }, 120_000);
});
