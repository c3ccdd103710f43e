import "server-only";

import { appUrl } from "@/lib/app-url";
import { isAwaitingReview } from "@/lib/assessment/status-machine";
import { assertCan, can, canAcceptAssessment, type Actor, type ReviewPolicy } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { transitionAssessment } from "@/lib/domain/assessment/transition";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { rebuildAssessmentLinkages } from "@/lib/domain/linkage/rebuild-assessment-linkages";
import { queueRescoreInTransaction, runQueuedScoringRun } from "@/lib/domain/scoring/scoring-runs";
import { loadTemplate } from "@/lib/domain/template/template-versions";
import { AppError, forbidden, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { vendorKey } from "@/lib/linkage/keys";
import { sendOrganizationMail, type OrganizationMail } from "@/lib/mail/send-organization-mail";
import { renderAssessmentAccepted, renderChangesRequested } from "@/lib/mail/templates";
import { acceptAssessmentSchema, commentSchema, requestChangesSchema } from "@/lib/validation/assessment";
import { parseRecordId } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";

async function loadForReview(tx: Db | Prisma.TransactionClient, actor: Actor, assessmentIdRaw: unknown) {
  assertCan(actor, "reviewAssessments");
  const id = parseRecordId(assessmentIdRaw, "Assessment");
  const a = await tx.assessment.findFirst({
    where: { id: id, organizationId: actor.organizationId },
    select: {
      id: true,
      organizationId: true,
      vendorId: true,
      status: true,
      currentRevision: true,
      dueDate: true,
      template: { select: { title: true, definition: true } },
      vendor: { select: { name: true } },
      contact: { select: { name: true, email: true } },
      organization: { select: { name: true, separateReviewDuties: true } },
    },
  });
  if (!a) throw notFound("Assessment");
  return a;
}

const SEPARATION_OF_DUTIES_MESSAGE =
  "Your organisation separates duties: procurement sends questionnaires but cannot accept them. Ask a risk officer or an administrator to accept.";

/** Refuses an actor the organisation's policy does not let accept (the page hides the button too, but this is the rule). */
export function assertCanAccept(actor: Actor, policy: ReviewPolicy): void {
  if (!canAcceptAssessment(actor, policy)) {
    throw forbidden(
      can.reviewAssessments(actor) ? SEPARATION_OF_DUTIES_MESSAGE : "You do not have permission to do that.",
    );
  }
}

/** Sends a notification after the change has committed; a delivery problem is reported, not fatal. */
async function notify(db: Db, message: OrganizationMail): Promise<string | null> {
  try {
    await sendOrganizationMail(db, message);
    return null;
  } catch (error) {
    return error instanceof AppError ? error.message : "The notification e-mail could not be sent.";
  }
}

export async function addReviewComment(db: Db, actor: Actor, assessmentIdRaw: unknown, input: unknown) {
  const data = parseInput(commentSchema, input);
  return db.$transaction(async (tx) => {
    const a = await loadForReview(tx, actor, assessmentIdRaw);
    if (!isAwaitingReview(a.status))
      throw new AppError("CONFLICT", "Comments can be added while a submission waits for review.");
    const template = loadTemplate(a.template.definition);
    if (!template.sections.some((s) => s.questions.some((q) => q.id === data.questionId))) {
      throw new AppError("VALIDATION", "That question is not part of this questionnaire.", {
        questionId: ["Unknown question."],
      });
    }
    const comment = await tx.reviewComment.create({
      data: {
        organizationId: actor.organizationId,
        assessmentId: a.id,
        revision: a.currentRevision,
        questionId: data.questionId,
        body: data.body,
        authorId: actor.userId,
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, actor, {
      action: "assessment.comment",
      entityType: "Assessment",
      entityId: a.id,
      details: { questionId: data.questionId, revision: a.currentRevision },
    });
    return comment;
  });
}

export async function deleteReviewComment(db: Db, actor: Actor, commentIdRaw: unknown) {
  assertCan(actor, "reviewAssessments");
  const id = parseRecordId(commentIdRaw, "Comment");
  return db.$transaction(async (tx) => {
    const c = await tx.reviewComment.findFirst({
      where: { id: id, organizationId: actor.organizationId, authorId: actor.userId },
      select: {
        id: true,
        assessmentId: true,
        revision: true,
        questionId: true,
        assessment: { select: { currentRevision: true, status: true } },
      },
    });
    if (!c) throw notFound("Comment");
    if (c.revision !== c.assessment.currentRevision || !isAwaitingReview(c.assessment.status))
      throw new AppError("CONFLICT", "This comment has already been sent to the supplier.");
    await tx.reviewComment.delete({ where: { id: c.id } });
    await recordAuditEvent(tx, actor, {
      action: "assessment.comment_delete",
      entityType: "Assessment",
      entityId: c.assessmentId,
      details: { commentId: c.id, questionId: c.questionId, revision: c.revision },
    });
    return { assessmentId: c.assessmentId };
  });
}

/** Sends the submission back: a new draft revision starts from the submitted answers. */
export async function requestChanges(db: Db, actor: Actor, assessmentIdRaw: unknown, input: unknown) {
  const data = parseInput(requestChangesSchema, input ?? {});
  const result = await db.$transaction(async (tx) => {
    const a = await loadForReview(tx, actor, assessmentIdRaw);
    const commentCount = await tx.reviewComment.count({
      where: { assessmentId: a.id, organizationId: actor.organizationId, revision: a.currentRevision },
    });
    if (commentCount === 0 && !data.message) {
      throw new AppError(
        "VALIDATION",
        "Tell the supplier what to change: comment on a question or write a message.",
        { message: ["Comment on a question or write a message first."] },
      );
    }
    await transitionAssessment(tx, a, "request_changes", { currentRevision: a.currentRevision + 1 });
    const previous = await tx.responseRevision.findUniqueOrThrow({
      where: { assessmentId_revision: { assessmentId: a.id, revision: a.currentRevision } },
      select: { answers: true },
    });
    await tx.responseRevision.create({
      data: {
        organizationId: actor.organizationId,
        assessmentId: a.id,
        revision: a.currentRevision + 1,
        answers: previous.answers as Prisma.InputJsonValue,
      },
    });
    if (data.message)
      await tx.reviewMessage.create({
        data: {
          organizationId: actor.organizationId,
          assessmentId: a.id,
          vendorId: a.vendorId,
          revision: a.currentRevision,
          kind: "CHANGES_REQUESTED",
          body: data.message,
          authorId: actor.userId,
        },
      });
    await recordAuditEvent(tx, actor, {
      action: "assessment.request_changes",
      entityType: "Assessment",
      entityId: a.id,
      details: { revision: a.currentRevision, comments: commentCount, message: data.message ?? null },
    });
    return { a, commentCount };
  });
  const { a, commentCount } = result;
  const warning = await notify(db, {
    organizationId: a.organizationId,
    kind: "assessment.changes_requested",
    to: a.contact.email,
    ...renderChangesRequested({
      buyerOrgName: a.organization.name,
      vendorName: a.vendor.name,
      contactName: a.contact.name,
      templateTitle: a.template.title,
      commentCount,
      reviewerMessage: data.message,
      dueDate: a.dueDate,
      link: appUrl(`/supplier/assessments/${a.id}`),
    }),
  });
  return { revision: a.currentRevision + 1, warning };
}

/**
 * Accepts the submission. In the same transaction its answers become linkages (replacing any from
 * an earlier acceptance) and a rescore of the vendors those linkages can affect is queued; this
 * request then runs it. Once the transaction has committed nothing here throws: if the rescore
 * cannot finish now (a crash, the database gone), a scoring worker finishes it later.
 */
export async function acceptAssessment(
  db: Db,
  actor: Actor,
  assessmentIdRaw: unknown,
  input: unknown = {},
  now = new Date(),
) {
  const data = parseInput(acceptAssessmentSchema, input ?? {});
  const { a, graph, runId } = await db.$transaction(
    async (tx) => {
      const a = await loadForReview(tx, actor, assessmentIdRaw);
      assertCanAccept(actor, a.organization);
      await transitionAssessment(tx, a, "accept", { acceptedAt: now });
      if (data.message)
        await tx.reviewMessage.create({
          data: {
            organizationId: actor.organizationId,
            assessmentId: a.id,
            vendorId: a.vendorId,
            revision: a.currentRevision,
            kind: "ACCEPTED",
            body: data.message,
            authorId: actor.userId,
          },
        });
      const graph = await rebuildAssessmentLinkages(tx, actor.organizationId, a.id);
      await recordAuditEvent(tx, actor, {
        action: "assessment.accept",
        entityType: "Assessment",
        entityId: a.id,
        details: {
          revision: a.currentRevision,
          linkages: graph.linkages,
          needsMapping: graph.needsMapping,
          message: data.message ?? null,
        },
      });
      const runId = await queueRescoreInTransaction(
        tx,
        actor.organizationId,
        [vendorKey(a.vendorId), ...graph.touchedNodeKeys],
        `assessment ${a.id} accepted`,
      );
      return { a, graph, runId };
      // Rebuilding a large SBOM's linkages, or a cold server under load, outlasts Prisma's default 5 s.
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
  const scoring = await runQueuedScoringRun(db, runId);
  const warning = await notify(db, {
    organizationId: a.organizationId,
    kind: "assessment.accepted",
    to: a.contact.email,
    ...renderAssessmentAccepted({
      buyerOrgName: a.organization.name,
      vendorName: a.vendor.name,
      contactName: a.contact.name,
      templateTitle: a.template.title,
      acceptedAt: now,
      reviewerMessage: data.message,
      link: appUrl(`/supplier/assessments/${a.id}`),
    }),
  });
  return {
    id: a.id,
    vendorId: a.vendorId,
    linkages: graph.linkages,
    needsMapping: graph.needsMapping,
    vendorsRescored: scoring?.vendorsScored ?? 0,
    warning,
  };
}
