import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/roles";
import { hashToken } from "@/lib/auth/tokens";
import {
  cancelAssessment,
  createAssessment,
  remindAssessment,
  revokeInvitations,
  sendAssessment,
} from "@/lib/domain/assessment/manage-assessments";
import { getAssessmentForStaff, listAssessments } from "@/lib/domain/assessment/read-assessments";
import { readEvidenceFile, uploadEvidence } from "@/lib/domain/evidence/evidence-files";
import {
  acceptInvitationAsUser,
  acceptInvitationWithNewAccount,
  inspectInvitation,
} from "@/lib/domain/invitation/accept-invitation";
import {
  getSupplierAssessment,
  listSupplierAssessments,
  saveDraft,
  SubmissionInvalidError,
  submitResponse,
} from "@/lib/domain/response/supplier-responses";
import { acceptAssessment, addReviewComment, requestChanges } from "@/lib/domain/review/review-assessment";
import { importTemplate } from "@/lib/domain/template/template-versions";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { listSinkMessages, startMailSink, type MailSink } from "@/lib/mail/sink";
import {
  buildContact,
  buildOrganization,
  buildTemplate,
  buildUser,
  buildVendor,
} from "@/prisma/seed/factories";
import { makeTemplate } from "@/tests/support/questionnaire/template-fixtures";

import { testDb } from "./setup";

let sink: MailSink;
let mailDir: string;
let evidenceDir: string;

beforeAll(async () => {
  mailDir = mkdtempSync(path.join(tmpdir(), "trustmap-it-mail-"));
  evidenceDir = mkdtempSync(path.join(tmpdir(), "trustmap-it-evidence-"));
  sink = await startMailSink({ dir: mailDir, port: 0 });
  process.env.SMTP_URL = `smtp://127.0.0.1:${sink.port}`;
  process.env.EVIDENCE_DIR = evidenceDir;
  process.env.APP_URL = "http://portal.test";
});

afterAll(async () => {
  await sink.stop();
  rmSync(mailDir, { recursive: true, force: true });
  rmSync(evidenceDir, { recursive: true, force: true });
});

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e as AppError,
  );
const future = (days = 10) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const COMPLETE = { has_remote: "no", ra_model: "none" };
const SBOM = new TextEncoder().encode(
  JSON.stringify({
    bomFormat: "CycloneDX",
    specVersion: "1.6",
    components: [{ type: "library", name: "lwip", version: "2.1.3" }],
  }),
);

async function actorFor(
  organizationId: string,
  role: Role,
  vendorId: string | null = null,
): Promise<Actor & { email: string }> {
  const u = await buildUser(testDb(), {
    organizationId,
    role,
    vendorId,
    password: role === "SUPPLIER" ? "supplier-password-1" : undefined,
  });
  return { userId: u.id, organizationId, role, vendorId, email: u.email };
}

/** Mail the sink received for one address, newest first. */
async function mailTo(address: string) {
  return (await listSinkMessages(mailDir, { limit: 500 })).filter((m) => m.to.includes(address));
}

async function latestInviteToken(address: string): Promise<string> {
  const [mail] = await mailTo(address);
  const match = /\/invite\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? "");
  if (!match) throw new Error(`no invitation mail for ${address}`);
  return match[1]!;
}

async function world() {
  const db = testDb();
  const org = await buildOrganization(db, { name: "Northwind" });
  const otherOrg = await buildOrganization(db, { name: "Southbridge" });
  const vendorA = await buildVendor(db, { organizationId: org.id, name: "Helix Controls" });
  const vendorB = await buildVendor(db, { organizationId: org.id, name: "Meridian Gateways" });
  const contactA = await buildContact(db, {
    organizationId: org.id,
    vendorId: vendorA.id,
    email: `a-${vendorA.id}@helix.test`,
  });
  const contactB = await buildContact(db, {
    organizationId: org.id,
    vendorId: vendorB.id,
    email: `b-${vendorB.id}@meridian.test`,
  });
  const template = await buildTemplate(db, { organizationId: org.id, template: makeTemplate() });
  const procurement = await actorFor(org.id, "PROCUREMENT");
  const risk = await actorFor(org.id, "RISK_OFFICER");
  const supplierA = await actorFor(org.id, "SUPPLIER", vendorA.id);
  const supplierB = await actorFor(org.id, "SUPPLIER", vendorB.id);
  const outsider = await actorFor(otherOrg.id, "PROCUREMENT");
  const create = (vendorId: string, contactId: string, send = true) =>
    createAssessment(db, procurement, {
      vendorId,
      contactId,
      templateId: template.id,
      dueDate: future(),
      message: "Thanks!",
      send,
    });
  return {
    db,
    org,
    vendorA,
    vendorB,
    contactA,
    contactB,
    template,
    procurement,
    risk,
    supplierA,
    supplierB,
    outsider,
    create,
  };
}

/** An assessment sent to vendor A and opened by its supplier user (who already has an account). */
async function openedByA(w: Awaited<ReturnType<typeof world>>) {
  const a = await w.create(w.vendorA.id, w.contactA.id);
  // The supplier user answers for vendor A; the invitation went to the contact address.
  await w.db.assessment.update({ where: { id: a.id }, data: { status: "OPENED" } });
  return a;
}

describe("sending questionnaires", () => {
  it("creates the assessment, locks the template version, and e-mails a single-use link whose hash alone is stored", async () => {
    const w = await world();
    const a = await w.create(w.vendorA.id, w.contactA.id);
    const row = await w.db.assessment.findUniqueOrThrow({
      where: { id: a.id },
      include: { invitations: true, template: true },
    });
    expect(row.status).toBe("SENT");
    expect(row.template.lockedAt).not.toBeNull();
    const [mail] = await mailTo(w.contactA.email);
    expect(mail?.subject).toMatch(/security assessment/i);
    const token = await latestInviteToken(w.contactA.email);
    expect(mail?.text).toContain(`http://portal.test/invite/${token}`);
    expect(row.invitations).toHaveLength(1);
    expect(row.invitations[0]!.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect((await w.db.auditEvent.findMany({ where: { entityId: a.id } })).map((e) => e.action)).toEqual([
      "assessment.create",
      "assessment.send",
    ]);
  });

  it("saves a draft without sending, and rejects bad input with field errors, writing nothing", async () => {
    const w = await world();
    const draft = await w.create(w.vendorA.id, w.contactA.id, false);
    expect((await w.db.assessment.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");
    expect(await mailTo(w.contactA.email)).toHaveLength(0);
    const before = await w.db.assessment.count();
    const cases: [Record<string, unknown>, string][] = [
      [{ contactId: w.contactB.id }, "contactId"], // a contact of another vendor
      [{ dueDate: "2001-01-01" }, "dueDate"],
      [{ dueDate: "31/12/2030" }, "dueDate"],
      [{ templateId: "nope" }, "templateId"],
      [{ message: "x".repeat(2001) }, "message"],
    ];
    for (const [change, field] of cases) {
      const e = await failure(
        createAssessment(w.db, w.procurement, {
          vendorId: w.vendorA.id,
          contactId: w.contactA.id,
          templateId: w.template.id,
          dueDate: future(),
          ...change,
        }),
      );
      expect(e.code, JSON.stringify(change)).toBe("VALIDATION");
      expect(Object.keys(e.fieldErrors ?? {})).toContain(field);
    }
    expect(await w.db.assessment.count()).toBe(before);
  });

  it("resend revokes the old link; revoke and cancel stop every link", async () => {
    const w = await world();
    const a = await w.create(w.vendorA.id, w.contactA.id);
    const first = await latestInviteToken(w.contactA.email);
    await sendAssessment(w.db, w.procurement, a.id);
    const second = await latestInviteToken(w.contactA.email);
    expect(second).not.toBe(first);
    expect((await inspectInvitation(w.db, first)).state).toBe("invalid");
    expect((await inspectInvitation(w.db, second)).state).toBe("new_account");
    expect((await revokeInvitations(w.db, w.procurement, a.id)).revoked).toBe(1);
    expect((await inspectInvitation(w.db, second)).state).toBe("invalid");
    await sendAssessment(w.db, w.procurement, a.id);
    const third = await latestInviteToken(w.contactA.email);
    await cancelAssessment(w.db, w.procurement, a.id);
    expect((await inspectInvitation(w.db, third)).state).toBe("invalid");
    expect((await failure(sendAssessment(w.db, w.procurement, a.id))).code).toBe("CONFLICT");
  });

  it("a mail server that is down leaves no usable link and the status unchanged", async () => {
    const w = await world();
    const a = await w.create(w.vendorA.id, w.contactA.id, false);
    const saved = process.env.SMTP_URL;
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    try {
      const e = await failure(sendAssessment(w.db, w.procurement, a.id));
      expect(e.code).toBe("UNAVAILABLE");
      expect(e.message).not.toContain("127.0.0.1");
    } finally {
      process.env.SMTP_URL = saved;
    }
    const row = await w.db.assessment.findUniqueOrThrow({
      where: { id: a.id },
      include: { invitations: true },
    });
    expect(row.status).toBe("DRAFT");
    expect(row.invitations.every((i) => i.revokedAt !== null)).toBe(true);
  });

  it("reminds by e-mail, and lists overdue assessments", async () => {
    const w = await world();
    const a = await w.create(w.vendorA.id, w.contactA.id);
    await w.db.assessment.update({ where: { id: a.id }, data: { dueDate: new Date("2020-01-01") } });
    await remindAssessment(w.db, w.procurement, a.id);
    // The contact has no account yet, so the reminder carries a fresh invitation link.
    expect(await mailTo(w.contactA.email)).toHaveLength(2);
    const list = await listAssessments(w.db, w.procurement, { filter: "overdue" });
    expect(list.items.map((i) => i.id)).toEqual([a.id]);
    expect(list.overdueCount).toBe(1);
  });
});

describe("invitation tokens", () => {
  it("a new contact sets a password once; the link then cannot be reused", async () => {
    const w = await world();
    const a = await w.create(w.vendorA.id, w.contactA.id);
    const token = await latestInviteToken(w.contactA.email);
    const bad = await failure(
      acceptInvitationWithNewAccount(w.db, token, { name: "Anja", password: "short", confirm: "short" }),
    );
    expect(bad.fieldErrors?.password).toBeDefined();
    const result = await acceptInvitationWithNewAccount(w.db, token, {
      name: "Anja",
      password: "a-long-password-1",
      confirm: "a-long-password-1",
    });
    expect(result.assessmentId).toBe(a.id);
    const user = await w.db.user.findUniqueOrThrow({ where: { email: w.contactA.email } });
    expect(user).toMatchObject({ role: "SUPPLIER", vendorId: w.vendorA.id, organizationId: w.org.id });
    expect((await w.db.assessment.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("OPENED");
    expect((await inspectInvitation(w.db, token)).state).toBe("used");
    expect(
      (
        await failure(
          acceptInvitationWithNewAccount(w.db, token, {
            name: "Eve",
            password: "another-password-1",
            confirm: "another-password-1",
          }),
        )
      ).code,
    ).toBe("CONFLICT");
  });

  it("expired, unknown and malformed tokens are refused", async () => {
    const w = await world();
    await w.create(w.vendorA.id, w.contactA.id);
    const token = await latestInviteToken(w.contactA.email);
    const later = new Date(Date.now() + 15 * 86_400_000);
    expect((await inspectInvitation(w.db, token, later)).state).toBe("expired");
    expect(
      (
        await failure(
          acceptInvitationWithNewAccount(
            w.db,
            token,
            { name: "A", password: "a-long-password-1", confirm: "a-long-password-1" },
            later,
          ),
        )
      ).code,
    ).toBe("VALIDATION");
    expect(
      (
        await failure(
          acceptInvitationWithNewAccount(
            w.db,
            token,
            { name: "Anja", password: "a-long-password-1", confirm: "a-long-password-1" },
            later,
          ),
        )
      ).code,
    ).toBe("CONFLICT");
    for (const t of ["", "x", "../../etc", "a".repeat(43), null, 12])
      expect((await inspectInvitation(w.db, t)).state).toBe("invalid");
  });

  it("an existing supplier account can use its own link but not someone else's", async () => {
    const w = await world();
    const contact = await buildContact(w.db, {
      organizationId: w.org.id,
      vendorId: w.vendorA.id,
      email: w.supplierA.email,
    });
    const a = await createAssessment(w.db, w.procurement, {
      vendorId: w.vendorA.id,
      contactId: contact.id,
      templateId: w.template.id,
      dueDate: future(),
    });
    const token = await latestInviteToken(w.supplierA.email);
    expect((await inspectInvitation(w.db, token)).state).toBe("existing_account");
    expect((await failure(acceptInvitationAsUser(w.db, w.supplierB, token))).code).toBe("FORBIDDEN");
    await expect(acceptInvitationAsUser(w.db, w.supplierA, token)).resolves.toEqual({ assessmentId: a.id });
  });
});

describe("answering, revisions and review", () => {
  it("autosaves with version numbers and detects a second tab", async () => {
    const w = await world();
    const a = await openedByA(w);
    const first = await saveDraft(w.db, w.supplierA, a.id, { has_remote: "yes" }, 0);
    expect(first.version).toBe(1);
    expect((await w.db.assessment.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("IN_PROGRESS");
    // A second tab still holding version 0 must not overwrite the first tab's answer.
    const conflict = await failure(saveDraft(w.db, w.supplierA, a.id, { has_remote: "no" }, 0));
    expect(conflict.code).toBe("CONFLICT");
    const view = await getSupplierAssessment(w.db, w.supplierA, a.id);
    expect(view.revision.answers).toEqual({ has_remote: "yes" });
    expect(view.revision.version).toBe(1);
    // Ill-typed answers are refused with a message and change nothing.
    const bad = await failure(saveDraft(w.db, w.supplierA, a.id, { has_remote: 42 }, 1));
    expect(bad.code).toBe("VALIDATION");
    expect((await getSupplierAssessment(w.db, w.supplierA, a.id)).revision.version).toBe(1);
  });

  it("submission lists every missing answer, then freezes the revision; changes requested starts revision 2 from it", async () => {
    const w = await world();
    const a = await openedByA(w);
    await saveDraft(w.db, w.supplierA, a.id, { has_remote: "yes" }, 0);
    const invalid = await failure(submitResponse(w.db, w.supplierA, a.id, 1));
    expect(invalid).toBeInstanceOf(SubmissionInvalidError);
    expect((invalid as SubmissionInvalidError).issues.map((i) => i.questionId)).toContain("ra_model");

    await saveDraft(w.db, w.supplierA, a.id, COMPLETE, 1);
    expect((await submitResponse(w.db, w.supplierA, a.id, 2)).status).toBe("SUBMITTED");
    expect((await failure(saveDraft(w.db, w.supplierA, a.id, { ...COMPLETE, notes: "late" }, 2))).code).toBe(
      "CONFLICT",
    );

    // Reviewers: a comment is required (or a message) before sending back.
    expect((await failure(requestChanges(w.db, w.risk, a.id, {}))).code).toBe("VALIDATION");
    expect(
      (await failure(addReviewComment(w.db, w.risk, a.id, { questionId: "no_such_question", body: "?" })))
        .code,
    ).toBe("VALIDATION");
    await addReviewComment(w.db, w.risk, a.id, {
      questionId: "ra_model",
      body: "Please confirm there is truly no remote access.",
    });
    const sentBack = await requestChanges(w.db, w.risk, a.id, { message: "One question" });
    expect(sentBack).toMatchObject({ revision: 2, warning: null });
    const [changesMail] = await mailTo(w.contactA.email);
    expect(changesMail?.subject).toMatch(/change/i);

    const view = await getSupplierAssessment(w.db, w.supplierA, a.id);
    expect(view.status).toBe("CHANGES_REQUESTED");
    expect(view.revision).toMatchObject({ revision: 2, answers: COMPLETE, version: 0 });
    expect(view.comments.ra_model?.[0]?.body).toMatch(/truly no remote access/);

    await saveDraft(w.db, w.supplierA, a.id, { ...COMPLETE, notes: "Confirmed" }, 0);
    expect((await submitResponse(w.db, w.supplierA, a.id, 1)).status).toBe("RESUBMITTED");
    await acceptAssessment(w.db, w.risk, a.id);

    const staff = await getAssessmentForStaff(w.db, w.risk, a.id);
    expect(staff.status).toBe("ACCEPTED");
    expect(staff.revisions.map((r) => [r.revision, r.answers, r.submittedAt !== null])).toEqual([
      [1, COMPLETE, true],
      [2, { ...COMPLETE, notes: "Confirmed" }, true],
    ]);
    expect(staff.history.map((h) => h.action)).toEqual([
      "assessment.create",
      "assessment.send",
      "assessment.submit",
      "assessment.comment",
      "assessment.request_changes",
      "assessment.resubmit",
      "assessment.accept",
    ]);
    // Accepted refuses everything but a reviewer reopening it.
    expect((await failure(acceptAssessment(w.db, w.risk, a.id))).code).toBe("CONFLICT");
    expect((await failure(cancelAssessment(w.db, w.procurement, a.id))).code).toBe("CONFLICT");
    expect((await failure(saveDraft(w.db, w.supplierA, a.id, COMPLETE, 1))).code).toBe("CONFLICT");
  });

  it("reviewers cannot accept or send back what has not been submitted", async () => {
    const w = await world();
    const a = await openedByA(w);
    expect((await failure(acceptAssessment(w.db, w.risk, a.id))).code).toBe("CONFLICT");
    expect((await failure(requestChanges(w.db, w.risk, a.id, { message: "x" }))).code).toBe("CONFLICT");
    expect(
      (await failure(addReviewComment(w.db, w.risk, a.id, { questionId: "ra_model", body: "x" }))).code,
    ).toBe("CONFLICT");
  });

  it("evidence: sniffed content, size limit, and only files of this assessment in answers", async () => {
    const w = await world();
    const a = await openedByA(w);
    const file = await uploadEvidence(w.db, w.supplierA, {
      assessmentId: a.id,
      questionId: "sbom",
      fileName: "../../fw-1.2.cdx.json",
      bytes: SBOM,
    });
    expect(file).toMatchObject({ name: "fw-1.2.cdx.json", kind: "cyclonedx_json", bytes: SBOM.byteLength });
    const elf = Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0]);
    expect(
      (
        await failure(
          uploadEvidence(w.db, w.supplierA, {
            assessmentId: a.id,
            questionId: "sbom",
            fileName: "sbom.pdf",
            bytes: elf,
          }),
        )
      ).message,
    ).toMatch(/not one we accept/);
    expect(
      (
        await failure(
          uploadEvidence(w.db, w.supplierA, {
            assessmentId: a.id,
            questionId: "ra_model",
            fileName: "x.json",
            bytes: SBOM,
          }),
        )
      ).code,
    ).toBe("VALIDATION");
    expect(await w.db.evidence.count()).toBe(1);

    const downloaded = await readEvidenceFile(w.db, w.risk, file.fileId);
    expect(Buffer.from(downloaded.bytes).equals(Buffer.from(SBOM))).toBe(true);
    await saveDraft(w.db, w.supplierA, a.id, { sbom: [file] }, 0);
    const foreign = { ...file, fileId: "ckforeign0000000000000000" };
    expect((await failure(saveDraft(w.db, w.supplierA, a.id, { sbom: [foreign] }, 1))).message).toMatch(
      /not found/,
    );
  });
});

describe("isolation", () => {
  it("a supplier of vendor B can neither see nor change vendor A's assessment, answers or evidence, whatever ids it sends", async () => {
    const w = await world();
    const a = await openedByA(w);
    await saveDraft(w.db, w.supplierA, a.id, { has_remote: "yes" }, 0);
    const file = await uploadEvidence(w.db, w.supplierA, {
      assessmentId: a.id,
      questionId: "sbom",
      fileName: "sbom.json",
      bytes: SBOM,
    });

    expect(await listSupplierAssessments(w.db, w.supplierB)).toEqual([]);
    const attempts: [string, () => Promise<unknown>][] = [
      ["read", () => getSupplierAssessment(w.db, w.supplierB, a.id)],
      ["save", () => saveDraft(w.db, w.supplierB, a.id, { has_remote: "no" }, 1)],
      ["submit", () => submitResponse(w.db, w.supplierB, a.id, 1)],
      [
        "upload",
        () =>
          uploadEvidence(w.db, w.supplierB, {
            assessmentId: a.id,
            questionId: "sbom",
            fileName: "x.json",
            bytes: SBOM,
          }),
      ],
      ["download", () => readEvidenceFile(w.db, w.supplierB, file.fileId)],
    ];
    for (const [name, attempt] of attempts) expect((await failure(attempt())).code, name).toBe("NOT_FOUND");
    // A supplier whose vendorId is forged in the actor still cannot leave its organisation's rows.
    const forged = { ...w.supplierB, organizationId: w.outsider.organizationId, vendorId: w.vendorA.id };
    expect((await failure(getSupplierAssessment(w.db, forged, a.id))).code).toBe("NOT_FOUND");

    const row = await w.db.responseRevision.findFirstOrThrow({ where: { assessmentId: a.id } });
    expect(row).toMatchObject({ answers: { has_remote: "yes" }, version: 1 });
    expect(await w.db.evidence.count()).toBe(1);
  });

  it("suppliers cannot use staff actions, and staff of another organisation see nothing", async () => {
    const w = await world();
    const a = await openedByA(w);
    const staffCalls: [string, () => Promise<unknown>][] = [
      [
        "create",
        () =>
          createAssessment(w.db, w.supplierA, {
            vendorId: w.vendorA.id,
            contactId: w.contactA.id,
            templateId: w.template.id,
            dueDate: future(),
          }),
      ],
      ["send", () => sendAssessment(w.db, w.supplierA, a.id)],
      ["cancel", () => cancelAssessment(w.db, w.supplierA, a.id)],
      ["list", () => listAssessments(w.db, w.supplierA, {})],
      ["detail", () => getAssessmentForStaff(w.db, w.supplierA, a.id)],
      ["comment", () => addReviewComment(w.db, w.supplierA, a.id, { questionId: "ra_model", body: "x" })],
      ["accept", () => acceptAssessment(w.db, w.supplierA, a.id)],
      ["import", () => importTemplate(w.db, w.supplierA, "{}")],
    ];
    for (const [name, call] of staffCalls) expect((await failure(call())).code, name).toBe("FORBIDDEN");
    // Risk officers review but do not send.
    expect((await failure(sendAssessment(w.db, w.risk, a.id))).code).toBe("FORBIDDEN");
    for (const call of [
      () => getAssessmentForStaff(w.db, w.outsider, a.id),
      () => cancelAssessment(w.db, w.outsider, a.id),
      () => sendAssessment(w.db, w.outsider, a.id),
    ]) {
      expect((await failure(call())).code).toBe("NOT_FOUND");
    }
    expect((await listAssessments(w.db, w.outsider, {})).total).toBe(0);
    expect((await w.db.assessment.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("OPENED");
  });
});

describe("templates", () => {
  it("imports a new version, refuses edits to an existing version, and lists every error of a bad file", async () => {
    const w = await world();
    const admin = await actorFor(w.org.id, "ADMIN");
    const t = makeTemplate();
    const same = await importTemplate(w.db, admin, JSON.stringify(t));
    expect(same.created).toBe(false); // identical to the stored v1
    const edited = { ...t, title: "Edited" };
    expect((await failure(importTemplate(w.db, admin, JSON.stringify(edited)))).code).toBe("CONFLICT");
    const v2 = await importTemplate(w.db, admin, JSON.stringify({ ...edited, version: t.version + 1 }));
    expect(v2).toMatchObject({ created: true, version: t.version + 1 });
    const broken = JSON.parse(JSON.stringify(t));
    broken.version = 99;
    broken.sections[0].questions[0].condition = 'nope = "x"';
    broken.sections[0].questions[1].type = "mystery";
    const e = await failure(importTemplate(w.db, admin, JSON.stringify(broken)));
    expect(e.code).toBe("VALIDATION");
    expect(e.fieldErrors?.file?.length).toBeGreaterThanOrEqual(2);
    expect(e.fieldErrors?.file?.join("\n")).toMatch(/sections\[0\]\.questions\[/);
    expect(await w.db.questionnaireTemplate.count({ where: { organizationId: w.org.id } })).toBe(2);
  });
});
