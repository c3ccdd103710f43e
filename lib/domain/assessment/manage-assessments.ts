import "server-only";

import { appUrl } from "@/lib/app-url";
import { isOverdue } from "@/lib/assessment/status-machine";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { createToken, INVITATION_TTL_MS } from "@/lib/auth/tokens";
import type { Db } from "@/lib/db/create-client";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sendOrganizationMail } from "@/lib/mail/send-organization-mail";
import { renderAssessmentInvitation, renderAssessmentReminder } from "@/lib/mail/templates";
import { createAssessmentSchema } from "@/lib/validation/assessment";
import { parseRecordId } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";

import { transitionAssessment } from "./transition";

/** Creates an assessment for a vendor and, unless saved as a draft, sends the invitation at once. */
export async function createAssessment(db: Db, actor: Actor, input: unknown, now = new Date()) {
  assertCan(actor, "manageAssessments");
  const data = parseInput(createAssessmentSchema, input);
  const dueDate = new Date(`${data.dueDate}T23:59:59.999Z`);
  if (dueDate.getTime() < now.getTime())
    throw new AppError("VALIDATION", "Some fields need attention.", {
      dueDate: ["The due date must be today or later."],
    });

  const assessment = await db.$transaction(async (tx) => {
    const org = actor.organizationId;
    const vendor = await tx.vendor.findFirst({
      where: { id: data.vendorId, organizationId: org },
      select: { id: true, archivedAt: true },
    });
    if (!vendor)
      throw new AppError("VALIDATION", "Some fields need attention.", { vendorId: ["Choose a vendor."] });
    if (vendor.archivedAt)
      throw new AppError("VALIDATION", "Some fields need attention.", {
        vendorId: ["This vendor is archived: restore it first."],
      });
    const contact = await tx.vendorContact.findFirst({
      where: { id: data.contactId, vendorId: vendor.id, organizationId: org },
      select: { id: true },
    });
    if (!contact)
      throw new AppError("VALIDATION", "Some fields need attention.", {
        contactId: ["Choose a contact of this vendor."],
      });
    const template = await tx.questionnaireTemplate.findFirst({
      where: { id: data.templateId, organizationId: org, archivedAt: null },
      select: { id: true, lockedAt: true },
    });
    if (!template)
      throw new AppError("VALIDATION", "Some fields need attention.", {
        templateId: ["Choose a questionnaire."],
      });
    // From now on this template version is in use and can never change.
    if (!template.lockedAt)
      await tx.questionnaireTemplate.update({ where: { id: template.id }, data: { lockedAt: now } });
    const created = await tx.assessment.create({
      data: {
        organizationId: org,
        vendorId: vendor.id,
        contactId: contact.id,
        templateId: template.id,
        dueDate,
        message: data.message,
        createdById: actor.userId,
        status: "DRAFT",
      },
      select: { id: true },
    });
    await tx.responseRevision.create({
      data: { organizationId: org, assessmentId: created.id, revision: 1, answers: {} },
    });
    await recordAuditEvent(tx, actor, {
      action: "assessment.create",
      entityType: "Assessment",
      entityId: created.id,
      details: { vendorId: vendor.id, templateId: template.id, dueDate: data.dueDate },
    });
    return created;
  });
  if (data.send) await sendAssessment(db, actor, assessment.id, now);
  return assessment;
}

async function loadForStaff(db: Db | Prisma.TransactionClient, actor: Actor, assessmentId: string) {
  const a = await db.assessment.findFirst({
    where: { id: assessmentId, organizationId: actor.organizationId },
    select: {
      id: true,
      organizationId: true,
      status: true,
      dueDate: true,
      message: true,
      vendor: { select: { name: true } },
      contact: { select: { name: true, email: true } },
      template: { select: { title: true } },
      organization: { select: { name: true } },
    },
  });
  if (!a) throw notFound("Assessment");
  return a;
}

/**
 * Sends (or re-sends) the invitation: revokes any outstanding link, stores the hash of a new one,
 * e-mails it, and only then records the status change. When the mail cannot be delivered the new
 * link is revoked again and the assessment stays as it was.
 */
export async function sendAssessment(db: Db, actor: Actor, assessmentIdRaw: unknown, now = new Date()) {
  assertCan(actor, "manageAssessments");
  const assessmentId = parseRecordId(assessmentIdRaw, "Assessment");
  const a = await loadForStaff(db, actor, assessmentId);
  if (
    a.status === "SUBMITTED" ||
    a.status === "RESUBMITTED" ||
    a.status === "ACCEPTED" ||
    a.status === "CANCELLED"
  ) {
    throw new AppError(
      "CONFLICT",
      "This assessment is no longer waiting for the supplier, so there is nothing to send.",
    );
  }
  const { token, tokenHash } = createToken();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  const invitation = await db.$transaction(async (tx) => {
    await tx.assessmentInvitation.updateMany({
      where: { assessmentId, organizationId: actor.organizationId, usedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    return tx.assessmentInvitation.create({
      data: {
        organizationId: actor.organizationId,
        assessmentId,
        email: a.contact.email,
        tokenHash,
        expiresAt,
      },
      select: { id: true },
    });
  });
  const mail = renderAssessmentInvitation({
    buyerOrgName: a.organization.name,
    vendorName: a.vendor.name,
    contactName: a.contact.name,
    templateTitle: a.template.title,
    dueDate: a.dueDate,
    message: a.message,
    invitationUrl: appUrl(`/invite/${token}`),
    expiresAt,
  });
  try {
    // The Outbox copy has the token masked: only the recipient's message holds a usable link.
    await sendOrganizationMail(db, {
      organizationId: actor.organizationId,
      kind: "assessment.invitation",
      secrets: [token],
      to: a.contact.email,
      ...mail,
    });
  } catch (error) {
    await db.assessmentInvitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
    throw error;
  }
  const resend = a.status !== "DRAFT";
  await db.$transaction(async (tx) => {
    await transitionAssessment(tx, a, "send", resend ? {} : { sentAt: now });
    await recordAuditEvent(tx, actor, {
      action: resend ? "assessment.resend" : "assessment.send",
      entityType: "Assessment",
      entityId: assessmentId,
      details: { to: a.contact.email, invitationId: invitation.id },
    });
  });
  return { invitationId: invitation.id, to: a.contact.email };
}

/**
 * Reminds the supplier. A contact who already has an account gets a link to the portal; one who
 * never opened the invitation gets a fresh invitation link (the old one's token is not stored).
 */
export async function remindAssessment(db: Db, actor: Actor, assessmentIdRaw: unknown, now = new Date()) {
  assertCan(actor, "manageAssessments");
  const assessmentId = parseRecordId(assessmentIdRaw, "Assessment");
  const a = await loadForStaff(db, actor, assessmentId);
  if (!["SENT", "OPENED", "IN_PROGRESS", "CHANGES_REQUESTED"].includes(a.status)) {
    throw new AppError("CONFLICT", "Only assessments waiting for the supplier can be reminded.");
  }
  const hasAccount =
    (await db.user.count({
      where: {
        email: a.contact.email,
        organizationId: actor.organizationId,
        role: "SUPPLIER",
        disabledAt: null,
      },
    })) > 0;
  if (!hasAccount) return sendAssessment(db, actor, assessmentId, now);
  const mail = renderAssessmentReminder({
    buyerOrgName: a.organization.name,
    vendorName: a.vendor.name,
    contactName: a.contact.name,
    templateTitle: a.template.title,
    dueDate: a.dueDate,
    status: isOverdue(a.status, a.dueDate, now) ? "overdue" : "due-soon",
    link: appUrl(`/supplier/assessments/${assessmentId}`),
  });
  await sendOrganizationMail(db, {
    organizationId: actor.organizationId,
    kind: "assessment.reminder",
    to: a.contact.email,
    ...mail,
  });
  await db.$transaction(async (tx) => {
    await tx.assessment.update({
      where: { id: assessmentId, organizationId: actor.organizationId },
      data: { lastRemindedAt: now },
    });
    await recordAuditEvent(tx, actor, {
      action: "assessment.remind",
      entityType: "Assessment",
      entityId: assessmentId,
      details: { to: a.contact.email },
    });
  });
  return { to: a.contact.email };
}

export async function revokeInvitations(db: Db, actor: Actor, assessmentIdRaw: unknown, now = new Date()) {
  assertCan(actor, "manageAssessments");
  const assessmentId = parseRecordId(assessmentIdRaw, "Assessment");
  await loadForStaff(db, actor, assessmentId);
  return db.$transaction(async (tx) => {
    const { count } = await tx.assessmentInvitation.updateMany({
      where: { assessmentId, organizationId: actor.organizationId, usedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    if (count)
      await recordAuditEvent(tx, actor, {
        action: "invitation.revoke",
        entityType: "Assessment",
        entityId: assessmentId,
        details: { count },
      });
    return { revoked: count };
  });
}

export async function cancelAssessment(db: Db, actor: Actor, assessmentIdRaw: unknown, now = new Date()) {
  assertCan(actor, "manageAssessments");
  const assessmentId = parseRecordId(assessmentIdRaw, "Assessment");
  return db.$transaction(async (tx) => {
    const a = await loadForStaff(tx, actor, assessmentId);
    await transitionAssessment(tx, a, "cancel", { cancelledAt: now });
    await tx.assessmentInvitation.updateMany({
      where: { assessmentId, organizationId: actor.organizationId, usedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    await recordAuditEvent(tx, actor, {
      action: "assessment.cancel",
      entityType: "Assessment",
      entityId: assessmentId,
    });
    return { id: assessmentId };
  });
}
