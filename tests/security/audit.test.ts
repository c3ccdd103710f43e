// Issue 10, finding 13: the audit log's filters, CSV export and grouped sign-ins, and the events
// that were missing (review-comment deletion here; exports are checked end to end in
// tests/e2e/audit.spec.ts, since their route handlers need a session).
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/roles";
import { createAssessment } from "@/lib/domain/assessment/manage-assessments";
import { AUDIT_CSV_COLUMNS, exportAuditCsv } from "@/lib/domain/audit/export-audit-csv";
import {
  listAuditEvents,
  listAuditFilterOptions,
  parseAuditFilter,
} from "@/lib/domain/audit/list-audit-events";
import { addReviewComment, deleteReviewComment } from "@/lib/domain/review/review-assessment";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import {
  buildContact,
  buildOrganization,
  buildTemplate,
  buildUser,
  buildVendor,
} from "@/prisma/seed/factories";
import { makeTemplate } from "@/tests/support/questionnaire/template-fixtures";

import { withMailSink } from "../integration/fixtures";
import { testDb } from "../integration/setup";

withMailSink();

const failure = (p: Promise<unknown> | (() => unknown)) =>
  Promise.resolve()
    .then(() => (typeof p === "function" ? p() : p))
    .then(
      () => {
        throw new Error("expected a failure");
      },
      (e: unknown) => e as AppError,
    );

async function actorFor(organizationId: string, role: Role, name?: string): Promise<Actor> {
  const u = await buildUser(testDb(), { organizationId, role, name });
  return { userId: u.id, organizationId, role, vendorId: null };
}

const at = (iso: string) => new Date(iso);

/** Writes events in the order given, one second apart from `start` unless a time is given. */
async function events(
  actor: Actor,
  list: { action: string; entityType?: string; entityId?: string; createdAt?: Date; details?: object }[],
  start = "2026-03-01T08:00:00.000Z",
) {
  let t = Date.parse(start);
  await testDb().auditEvent.createMany({
    data: list.map((e) => ({
      organizationId: actor.organizationId,
      actorId: actor.userId,
      action: e.action,
      entityType: e.entityType ?? "User",
      entityId: e.entityId ?? actor.userId,
      details: e.details,
      createdAt: e.createdAt ?? new Date((t += 1000)),
    })),
  });
}

const signIns = (n: number) => Array.from({ length: n }, () => ({ action: "user.sign_in" }));
const summary = (rows: { action: string; count: number }[]) => rows.map((r) => `${r.action}×${r.count}`);

async function readCsv(chunks: AsyncGenerator<string>): Promise<{ raw: string; rows: string[][] }> {
  let raw = "";
  for await (const chunk of chunks) raw += chunk;
  return { raw, rows: parse(raw) as string[][] };
}

describe("audit log", () => {
  it("collapses consecutive sign-ins of one person into one row with a count, and pages by rows shown", async () => {
    const db = testDb();
    const org = await buildOrganization(db);
    const admin = await actorFor(org.id, "ADMIN", "Ada");
    const other = await actorFor(org.id, "PROCUREMENT", "Priya");
    await events(admin, [
      ...signIns(60),
      { action: "vendor.create", entityType: "Vendor", entityId: "v1" },
      ...signIns(3),
    ]);
    await events(
      other,
      [...signIns(2), { action: "user.sign_in_failed" }, { action: "user.sign_in_failed" }],
      "2026-03-02T08:00:00.000Z",
    );
    await events(admin, signIns(1), "2026-03-03T08:00:00.000Z");

    const { items, hasNext } = await listAuditEvents(db, admin, { pageSize: 10 });
    // Newest first: Ada once, Priya's two failures, Priya twice, Ada 3 times, the vendor, Ada 60 times.
    expect(summary(items)).toEqual([
      "user.sign_in×1",
      "user.sign_in_failed×2",
      "user.sign_in×2",
      "user.sign_in×3",
      "vendor.create×1",
      "user.sign_in×60",
    ]);
    expect(items.map((r) => r.actor?.name)).toEqual(["Ada", "Priya", "Priya", "Ada", "Ada", "Ada"]);
    expect(hasNext).toBe(false);
    const run = items[5]!;
    expect(run.firstAt.toISOString()).toBe("2026-03-01T08:00:01.000Z");
    expect(run.createdAt.toISOString()).toBe("2026-03-01T08:01:00.000Z");

    const filtered = await listAuditEvents(db, admin, {
      pageSize: 10,
      page: 1,
      filter: parseAuditFilter({ action: "user.sign_in" }),
    });
    expect(summary(filtered.items)).toEqual(["user.sign_in×1", "user.sign_in×2", "user.sign_in×63"]);
  });

  it("pages by rows as shown: runs never split, and every event is counted once", async () => {
    const db = testDb();
    const org = await buildOrganization(db);
    const admin = await actorFor(org.id, "ADMIN");
    // 12 × (two sign-ins, one change): 36 events, 24 rows.
    await events(
      admin,
      Array.from({ length: 12 }, (_, i) => [
        ...signIns(2),
        { action: "vendor.update", entityType: "Vendor", entityId: `v${i}` },
      ]).flat(),
    );
    const pages = await Promise.all(
      [1, 2, 3, 4].map((page) => listAuditEvents(db, admin, { pageSize: 10, page })),
    );
    expect(pages.map((p) => p.items.length)).toEqual([10, 10, 4, 0]);
    expect(pages.map((p) => p.hasNext)).toEqual([true, true, false, false]);
    const rows = pages.flatMap((p) => p.items);
    expect(rows.reduce((n, r) => n + r.count, 0)).toBe(36);
    expect(
      rows.filter((r) => r.action === "user.sign_in").every((r) => r.count === 2 && r.firstAt < r.createdAt),
    ).toBe(true);
  });

  it("filters by action, person, record type and UTC day range (both days inclusive), in the caller's organisation only", async () => {
    const db = testDb();
    const org = await buildOrganization(db);
    const admin = await actorFor(org.id, "ADMIN");
    const procurement = await actorFor(org.id, "PROCUREMENT");
    const elsewhere = await actorFor((await buildOrganization(db)).id, "ADMIN");
    await events(admin, [
      { action: "vendor.create", entityType: "Vendor", createdAt: at("2026-03-09T23:59:59.999Z") },
      { action: "vendor.update", entityType: "Vendor", createdAt: at("2026-03-10T00:00:00.000Z") },
      { action: "asset.create", entityType: "Asset", createdAt: at("2026-03-11T23:59:59.999Z") },
      { action: "vendor.update", entityType: "Vendor", createdAt: at("2026-03-12T00:00:00.000Z") },
    ]);
    await events(procurement, [
      { action: "vendor.update", entityType: "Vendor", createdAt: at("2026-03-10T12:00:00.000Z") },
    ]);
    await events(elsewhere, [
      { action: "vendor.update", entityType: "Vendor", createdAt: at("2026-03-10T12:00:00.000Z") },
    ]);

    const list = async (filter: Record<string, string>) =>
      (await listAuditEvents(db, admin, { filter: parseAuditFilter(filter) })).items.map(
        (r) => `${r.action}@${r.createdAt.toISOString().slice(0, 13)}`,
      );
    expect(await list({ from: "2026-03-10", to: "2026-03-11" })).toEqual([
      "asset.create@2026-03-11T23",
      "vendor.update@2026-03-10T12",
      "vendor.update@2026-03-10T00",
    ]);
    expect(await list({ from: "2026-03-12" })).toEqual(["vendor.update@2026-03-12T00"]);
    expect(await list({ to: "2026-03-09" })).toEqual(["vendor.create@2026-03-09T23"]);
    expect(await list({ action: "vendor.update", actor: procurement.userId })).toEqual([
      "vendor.update@2026-03-10T12",
    ]);
    expect(await list({ entity: "Asset", action: "", actor: "" })).toEqual(["asset.create@2026-03-11T23"]);
    // Another organisation's person matches nothing here.
    expect(await list({ actor: elsewhere.userId })).toEqual([]);

    const options = await listAuditFilterOptions(db, admin);
    expect(options.actions).toEqual(["asset.create", "vendor.create", "vendor.update"]);
    expect(options.entityTypes).toEqual(["Asset", "Vendor"]);
    expect(options.actors.map((a) => a.id).sort()).toEqual([admin.userId, procurement.userId].sort());
  });

  it("refuses a bad filter with a message for the field", async () => {
    const fieldErrors = async (input: Record<string, string>) =>
      (await failure(() => parseAuditFilter(input))).fieldErrors;
    expect(await fieldErrors({ from: "2026-02-30" })).toEqual({
      from: ["Enter a valid date, like 2026-03-31."],
    });
    expect(await fieldErrors({ from: "2026-03-10", to: "2026-03-09" })).toEqual({
      to: ["The end date is before the start date."],
    });
    expect(await fieldErrors({ action: "x' OR 1=1 --" })).toEqual({
      action: ["Choose an action from the list."],
    });
    expect(await fieldErrors({ actor: "../admin" })).toEqual({ actor: ["Choose a person from the list."] });
    expect(await fieldErrors({ entity: "Vendor;" })).toEqual({
      entity: ["Choose a record type from the list."],
    });
  });

  it("exports every matching event as CSV: all fields quoted, formulas neutralised, read back by a CSV parser", async () => {
    const db = testDb();
    const org = await buildOrganization(db);
    const admin = await actorFor(org.id, "ADMIN", '=HYPERLINK("http://evil.example")');
    const elsewhere = await actorFor((await buildOrganization(db)).id, "ADMIN");
    const sameInstant = at("2026-03-05T10:00:00.000Z");
    // 2,300 events, 1,500 of them at one instant: the export reads in batches of 1,000, so the
    // (time, id) cursor must neither skip nor repeat rows that share a timestamp.
    await events(admin, [
      ...signIns(800),
      ...Array.from({ length: 1_500 }, (_, i) => ({
        action: "vendor.update",
        entityType: "Vendor",
        entityId: `v${i}`,
        createdAt: sameInstant,
        details: { name: { from: "Acme\n=cmd|' /C calc'!A0", to: "+1" } },
      })),
    ]);
    await events(elsewhere, signIns(5));

    const { raw, rows } = await readCsv(exportAuditCsv(db, admin, parseAuditFilter({})));
    expect(raw.split("\r\n")[0]).toBe(AUDIT_CSV_COLUMNS.map((c) => `"${c}"`).join(","));
    const [header, ...data] = rows;
    expect(header).toEqual([...AUDIT_CSV_COLUMNS]);
    expect(data).toHaveLength(2_300);
    expect(new Set(data.map((r) => `${r[0]}|${r[6]}`)).size).toBe(2_300);
    const update = data.find((r) => r[1] === "vendor.update")!;
    expect(update[3]).toBe('\'=HYPERLINK("http://evil.example")');
    expect(update[2]).toBe("Vendor changed");
    expect(JSON.parse(update[7]!)).toEqual({ name: { from: "Acme\n=cmd|' /C calc'!A0", to: "+1" } });

    const filtered = await readCsv(
      exportAuditCsv(db, admin, parseAuditFilter({ action: "user.sign_in", to: "2026-03-05" })),
    );
    expect(filtered.rows).toHaveLength(801);
    expect(filtered.rows.slice(1).every((r) => r[1] === "user.sign_in")).toBe(true);
  });

  it("is for administrators only", async () => {
    const db = testDb();
    const org = await buildOrganization(db);
    const procurement = await actorFor(org.id, "PROCUREMENT");
    expect((await failure(listAuditEvents(db, procurement))).code).toBe("FORBIDDEN");
    expect((await failure(listAuditFilterOptions(db, procurement))).code).toBe("FORBIDDEN");
    expect((await failure(exportAuditCsv(db, procurement, {}).next())).code).toBe("FORBIDDEN");
  });

  it("records the deletion of a review comment", async () => {
    const db = testDb();
    const org = await buildOrganization(db);
    const vendor = await buildVendor(db, { organizationId: org.id });
    const contact = await buildContact(db, { organizationId: org.id, vendorId: vendor.id });
    const template = await buildTemplate(db, { organizationId: org.id, template: makeTemplate() });
    const admin = await actorFor(org.id, "ADMIN");
    const assessment = await createAssessment(db, admin, {
      vendorId: vendor.id,
      contactId: contact.id,
      templateId: template.id,
      dueDate: "2099-01-01",
      send: false,
    });
    await db.assessment.update({ where: { id: assessment.id }, data: { status: "SUBMITTED" } });
    const questionId = makeTemplate().sections[0]!.questions[0]!.id;
    const comment = await addReviewComment(db, admin, assessment.id, {
      questionId,
      body: "Please attach the SBOM.",
    });
    await deleteReviewComment(db, admin, comment.id);
    const recorded = await db.auditEvent.findFirst({
      where: { organizationId: org.id, action: "assessment.comment_delete" },
    });
    expect(recorded).toMatchObject({
      actorId: admin.userId,
      entityType: "Assessment",
      entityId: assessment.id,
      details: { commentId: comment.id, questionId },
    });
  });
});
