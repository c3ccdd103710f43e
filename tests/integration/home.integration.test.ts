import { describe, expect, it } from "vitest";

import { loadAdminHome } from "@/lib/domain/home/load-admin-home";
import { loadProcurementHome } from "@/lib/domain/home/load-procurement-home";
import { loadRiskOfficerHome } from "@/lib/domain/home/load-risk-officer-home";
import { loadSupplierHome } from "@/lib/domain/home/load-supplier-home";
import { getExposureBands, saveExposureBands } from "@/lib/domain/settings/exposure-bands";
import type { AssessmentStatus, VendorTier } from "@/lib/generated/prisma/enums";
import { buildBuiltInTemplates, buildContact, buildOrganization, buildVendor } from "@/prisma/seed/factories";

import { acmeOnASmallPlant, actorFor, withJobsDatabase, withMailSink } from "./fixtures";
import { testDb } from "./setup";

withMailSink();
withJobsDatabase();

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date();
const days = (n: number) => new Date(NOW.getTime() + n * DAY);
// A cuid (record id) or a graph node key must never reach a sentence a person reads.
const INTERNAL = /\bc[a-z0-9]{20,}\b|vendor:|asset:|component:/;

/** A vendor with (optionally) one assessment in a given state, in the given organisation. */
async function vendorWith(
  organizationId: string,
  templateId: string,
  name: string,
  tier: VendorTier,
  assessment: {
    status: AssessmentStatus;
    due: number;
    sentDaysAgo?: number;
    submittedDaysAgo?: number;
  } | null,
  contact = true,
) {
  const db = testDb();
  const v = await buildVendor(db, { organizationId, name, tier });
  if (!contact) return { vendor: v, assessmentId: null };
  const c = await buildContact(db, { organizationId, vendorId: v.id, name: `${name} contact` });
  if (!assessment) return { vendor: v, assessmentId: null };
  const a = await db.assessment.create({
    data: {
      organizationId,
      vendorId: v.id,
      templateId,
      contactId: c.id,
      status: assessment.status,
      dueDate: days(assessment.due),
      sentAt: days(-(assessment.sentDaysAgo ?? 10)),
      submittedAt: assessment.submittedDaysAgo === undefined ? null : days(-assessment.submittedDaysAgo),
    },
  });
  return { vendor: v, assessmentId: a.id };
}

/** Tenant A: ACME accepted and scored (a real acceptance), plus vendors in every state the pages sort. */
async function tenantA() {
  const acme = await acmeOnASmallPlant({ orgName: "Tenant A" });
  const orgId = acme.org.id;
  const template = await testDb().questionnaireTemplate.findFirstOrThrow({
    where: { organizationId: orgId },
  });
  const critical = await vendorWith(orgId, template.id, "Crit Unscored", "CRITICAL", {
    status: "SUBMITTED",
    due: 5,
    submittedDaysAgo: 2,
  });
  const older = await vendorWith(orgId, template.id, "Older Submission", "LOW", {
    status: "RESUBMITTED",
    due: 5,
    submittedDaysAgo: 6,
  });
  const overdue = await vendorWith(orgId, template.id, "Late Supplier", "MEDIUM", {
    status: "SENT",
    due: -3,
  });
  const soon = await vendorWith(orgId, template.id, "Due Soon", "MEDIUM", { status: "IN_PROGRESS", due: 3 });
  const later = await vendorWith(orgId, template.id, "Due Later", "MEDIUM", { status: "OPENED", due: 20 });
  const quiet = await vendorWith(orgId, template.id, "Quiet Low", "LOW", null);
  const noContact = await vendorWith(orgId, template.id, "No Contact", "HIGH", null, false);
  return { ...acme, template, critical, older, overdue, soon, later, quiet, noContact };
}

/** Tenant B: the same shapes, so a leak would show up as an extra row. */
async function tenantB() {
  const acme = await acmeOnASmallPlant({ orgName: "Tenant B" });
  const template = await testDb().questionnaireTemplate.findFirstOrThrow({
    where: { organizationId: acme.org.id },
  });
  const critical = await vendorWith(acme.org.id, template.id, "B Critical", "CRITICAL", {
    status: "SUBMITTED",
    due: -2,
    submittedDaysAgo: 30,
  });
  const late = await vendorWith(acme.org.id, template.id, "B Late", "MEDIUM", { status: "SENT", due: -9 });
  const bare = await vendorWith(acme.org.id, template.id, "B Bare", "LOW", null, false);
  return { ...acme, critical, late, bare };
}

describe("risk officer start page", () => {
  it("ranks scored vendors with a plain reason, queues reviews oldest first, shows unknown risk and the week's changes", async () => {
    const a = await tenantA();
    const b = await tenantB();
    // After the fixtures: the acceptance's snapshot was computed after NOW.
    const home = await loadRiskOfficerHome(testDb(), a.risk, new Date());

    expect(home.top.map((t) => t.id)).toEqual([a.vendor.id]);
    const reason = home.top[0]!.reason!;
    expect(reason).toMatch(/^(Via|Directly to) .*Kiln PLC \d \(criticality 5\), from question \d+\.\d+ “/);
    expect(reason).not.toMatch(INTERNAL);

    expect(home.queue.items.map((q) => q.vendor.name)).toEqual(["Older Submission", "Crit Unscored"]);
    expect(home.queue.total).toBe(2);

    // Critical-tier and overdue unscored vendors; neither the quiet low-tier one nor the scored ACME.
    expect(home.unknown.items.map((u) => [u.name, u.overdue])).toEqual([
      ["Crit Unscored", false],
      ["Late Supplier", true],
    ]);

    expect(home.changes.map((c) => [c.vendorId, c.previousExposure, c.cause])).toEqual([
      [a.vendor.id, null, "acceptance of ACME Controls’ assessment"],
    ]);
    expect(home.bands).toEqual({ guarded: 4, elevated: 16, high: 48, severe: 96 });

    // Tenant B sees its own rows only, whatever tenant A holds.
    const other = await loadRiskOfficerHome(testDb(), b.risk, new Date());
    expect(other.top.map((t) => t.id)).toEqual([b.vendor.id]);
    expect(other.queue.items.map((q) => q.vendor.name)).toEqual(["B Critical"]);
    expect(other.unknown.items.map((u) => u.name)).toEqual(["B Critical", "B Late"]);
    expect(other.changes.map((c) => c.vendorId)).toEqual([b.vendor.id]);
  });

  it("names an adopted what-if as the cause of a change, and skips changes older than a week", async () => {
    const a = await tenantA();
    const db = testDb();
    const current = await db.currentScore.findUniqueOrThrow({ where: { vendorId: a.vendor.id } });
    const snap = await db.scoreSnapshot.findUniqueOrThrow({ where: { id: current.snapshotId } });
    const scenario = await db.whatIfScenario.create({
      data: { organizationId: a.org.id, name: "MFA on the relay", vendorId: a.vendor.id, changes: {} },
    });
    const run = await db.scoringRun.create({
      data: {
        organizationId: a.org.id,
        kind: "incremental",
        trigger: `what-if ${scenario.id} adopted`,
        status: "SUCCEEDED",
      },
    });
    const { id: _id, ...rest } = snap;
    await db.scoreSnapshot.create({
      data: {
        ...rest,
        byKind: snap.byKind as object,
        topPaths: snap.topPaths as object,
        exposure: snap.exposure - 1.5,
        runId: run.id,
        computedAt: new Date(snap.computedAt.getTime() + 1000),
      },
    });
    // Eight days ago: outside "this week".
    await db.scoreSnapshot.create({
      data: {
        ...rest,
        byKind: snap.byKind as object,
        topPaths: snap.topPaths as object,
        exposure: 1,
        computedAt: days(-8),
      },
    });
    const now = new Date(snap.computedAt.getTime() + 5000);
    const home = await loadRiskOfficerHome(db, a.risk, now);
    const adopted = home.changes.find((c) => c.cause.includes("what-if"))!;
    expect(adopted.cause).toBe("adopted what-if “MFA on the relay”");
    expect(adopted.previousExposure! - adopted.exposure).toBeCloseTo(1.5, 6);
    expect(home.changes.every((c) => c.computedAt.getTime() >= now.getTime() - 7 * DAY)).toBe(true);
    expect(home.changes.map((c) => c.exposure)).not.toContain(1);
  });

  it("is refused to suppliers", async () => {
    const a = await tenantA();
    await expect(loadRiskOfficerHome(testDb(), a.supplier, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("procurement start page", () => {
  it("counts by status, lists overdue and due-this-week, and vendors missing a contact or assessment", async () => {
    const a = await tenantA();
    const b = await tenantB();
    const home = await loadProcurementHome(testDb(), a.procurement, NOW);
    expect(home.countsByStatus).toMatchObject({
      ACCEPTED: 1,
      SUBMITTED: 1,
      RESUBMITTED: 1,
      SENT: 1,
      IN_PROGRESS: 1,
    });
    expect(home.overdue.items.map((x) => x.vendor.name)).toEqual(["Late Supplier"]);
    expect(home.dueThisWeek.items.map((x) => x.vendor.name)).toEqual(["Due Soon"]);
    expect(home.withoutContact.items.map((v) => v.name)).toEqual(["No Contact"]);
    expect(home.withoutAssessment.items.map((v) => v.name)).toEqual(["No Contact", "Quiet Low"]);

    const other = await loadProcurementHome(testDb(), b.procurement, NOW);
    expect(other.overdue.items.map((x) => x.vendor.name)).toEqual(["B Late"]);
    expect(other.withoutContact.items.map((v) => v.name)).toEqual(["B Bare"]);
    expect(other.countsByStatus.IN_PROGRESS).toBeUndefined();
  });
});

describe("supplier start page", () => {
  it("shows only the supplier's own vendor's open questionnaires and the comments a change request sent", async () => {
    const a = await acmeOnASmallPlant({ orgName: "Supplier tenant", accept: false });
    const db = testDb();
    const orgId = a.org.id;
    const template = await db.questionnaireTemplate.findFirstOrThrow({ where: { organizationId: orgId } });
    // ACME's assessment went back for changes: revision 1's comment was sent, revision 2's is a draft.
    await db.assessment.update({
      where: { id: a.a.id },
      data: { status: "CHANGES_REQUESTED", currentRevision: 2, message: "Please cover the relay too." },
    });
    await db.reviewComment.create({
      data: {
        organizationId: orgId,
        assessmentId: a.a.id,
        revision: 1,
        questionId: "upd_paths",
        body: "Which channel?",
      },
    });
    await db.reviewComment.create({
      data: {
        organizationId: orgId,
        assessmentId: a.a.id,
        revision: 2,
        questionId: "upd_paths",
        body: "draft note",
      },
    });
    // Another vendor of the same buyer, with its own open questionnaire and a comment.
    const rival = await vendorWith(orgId, template.id, "Rival Vendor", "HIGH", { status: "SENT", due: 4 });
    await db.reviewComment.create({
      data: {
        organizationId: orgId,
        assessmentId: rival.assessmentId!,
        revision: 1,
        questionId: "upd_paths",
        body: "rival secret",
      },
    });

    const home = await loadSupplierHome(db, a.supplier, NOW);
    expect(home.open.map((o) => [o.id, o.status, o.message])).toEqual([
      [a.a.id, "CHANGES_REQUESTED", "Please cover the relay too."],
    ]);
    expect(home.comments.map((c) => c.body)).toEqual(["Which channel?"]);
    expect(home.comments[0]!.question).toMatch(/^\d+\.\d+ /);
    expect(JSON.stringify(home)).not.toContain("rival secret");
    expect(JSON.stringify(home)).not.toContain("Rival Vendor");
    await expect(loadSupplierHome(db, a.risk, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("admin start page", () => {
  it("counts users, lists recent audit events and invitations nobody opened, in its own organisation", async () => {
    const a = await tenantA();
    const b = await tenantB();
    const admin = await actorFor(a.org.id, "ADMIN");
    const home = await loadAdminHome(testDb(), admin, NOW);
    expect(home.usersByRole).toMatchObject({ ADMIN: 1, PROCUREMENT: 1, RISK_OFFICER: 1, SUPPLIER: 1 });
    expect(home.events.length).toBeGreaterThan(0);
    expect(home.events.map((e) => e.label)).toContain("Assessment accepted");
    // "Late Supplier" was sent ten days ago and never opened.
    expect(home.mail.unopened.items.map((m) => m.vendor.name)).toEqual(["Late Supplier"]);

    const otherAdmin = await actorFor(b.org.id, "ADMIN");
    const other = await loadAdminHome(testDb(), otherAdmin, NOW);
    expect(other.mail.unopened.items.map((m) => m.vendor.name)).toEqual(["B Late"]);
    await expect(loadAdminHome(testDb(), a.risk, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("exposure bands", () => {
  it("are per organisation, validated, audited, and only administrators change them", async () => {
    const db = testDb();
    const orgA = await buildOrganization(db);
    const orgB = await buildOrganization(db);
    await buildBuiltInTemplates(db, orgA.id);
    const adminA = await actorFor(orgA.id, "ADMIN");
    const riskA = await actorFor(orgA.id, "RISK_OFFICER");
    const riskB = await actorFor(orgB.id, "RISK_OFFICER");

    await expect(
      saveExposureBands(db, adminA, { guarded: 5, elevated: 5, high: 50, severe: 90 }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { elevated: ["Must be above where Guarded starts (5)."] },
    });
    await expect(
      saveExposureBands(db, riskA, { guarded: 1, elevated: 2, high: 3, severe: 4 }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await getExposureBands(db, riskA)).toEqual({ guarded: 4, elevated: 16, high: 48, severe: 96 });

    await saveExposureBands(db, adminA, { guarded: "2", elevated: "10", high: "30", severe: "60" });
    expect(await getExposureBands(db, riskA)).toEqual({ guarded: 2, elevated: 10, high: 30, severe: 60 });
    expect(await getExposureBands(db, riskB)).toEqual({ guarded: 4, elevated: 16, high: 48, severe: 96 });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { organizationId: orgA.id, action: "scoring.exposure_bands" },
    });
    expect(audit.details).toMatchObject({ before: { severe: 96 }, after: { severe: 60 } });
  });
});
