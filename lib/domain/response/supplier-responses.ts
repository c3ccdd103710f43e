import "server-only";

import { isEditableBySupplier } from "@/lib/assessment/status-machine";
import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { COMMENT_REPLIES, DECISION_MESSAGES, groupComments } from "@/lib/domain/assessment/comment-threads";
import { transitionAssessment } from "@/lib/domain/assessment/transition";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { deleteUnreferencedEvidence } from "@/lib/domain/evidence/delete-unreferenced-evidence";
import { assertEvidenceBelongs } from "@/lib/domain/evidence/evidence-files";
import { loadTemplate } from "@/lib/domain/template/template-versions";
import { AppError, notFound } from "@/lib/errors";
import { citedFileIdsOf } from "@/lib/evidence/evidence-answers";
import type { Prisma } from "@/lib/generated/prisma/client";
import { LIMITS, validateAnswers, type AnswerIssue } from "@/lib/questionnaire";
import { sameAnswers } from "@/lib/questionnaire/diff-answers";
import { commentReplySchema } from "@/lib/validation/assessment";
import { parseRecordId } from "@/lib/validation/common";
import { parseInput, toFieldErrors } from "@/lib/validation/parse";
import { answersJsonBytes, answersTooLargeMessage, draftSaveSchema } from "@/lib/validation/response";

/**
 * Every supplier query names the caller's organisation AND vendor in its where clause: an id of
 * another vendor's assessment matches nothing, whatever the request says.
 */
function supplierScope(actor: Actor) {
  assertCan(actor, "answerAssessments");
  return { organizationId: actor.organizationId, vendorId: actor.vendorId! };
}

export async function listSupplierAssessments(db: Db, actor: Actor) {
  const scope = supplierScope(actor);
  return db.assessment.findMany({
    where: { ...scope, status: { not: "DRAFT" } },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    select: {
      id: true,
      status: true,
      dueDate: true,
      submittedAt: true,
      currentRevision: true,
      template: { select: { title: true } },
      organization: { select: { name: true } },
    },
  });
}

export async function getSupplierAssessment(db: Db, actor: Actor, assessmentIdRaw: unknown) {
  const scope = supplierScope(actor);
  const id = parseRecordId(assessmentIdRaw, "Assessment");
  const a = await db.assessment.findFirst({
    where: { id: id, ...scope, status: { not: "DRAFT" } },
    select: {
      id: true,
      status: true,
      dueDate: true,
      message: true,
      currentRevision: true,
      vendor: { select: { name: true } },
      organization: { select: { name: true } },
      template: { select: { title: true, definition: true } },
      revisions: {
        orderBy: { revision: "desc" },
        take: 1,
        select: { revision: true, answers: true, version: true, updatedAt: true, submittedAt: true },
      },
    },
  });
  if (!a) throw notFound("Assessment");
  const current = a.revisions[0]!;
  const { revisions: _r, template, ...rest } = a;
  const [comments, messages] = await Promise.all([
    sentComments(db, scope, a),
    reviewerMessages(db, scope, a.id),
  ]);
  return {
    ...rest,
    templateTitle: template.title,
    template: loadTemplate(template.definition),
    revision: current,
    comments,
    messages,
    editable: isEditableBySupplier(a.status),
  };
}

/** The reviewers' overall messages (with each decision), newest first: what the e-mails said, kept in the portal. */
async function reviewerMessages(db: Db, scope: ReturnType<typeof supplierScope>, assessmentId: string) {
  const rows = await db.reviewMessage.findMany({
    where: { assessmentId, ...scope, kind: DECISION_MESSAGES.kinds },
    orderBy: DECISION_MESSAGES.orderBy,
    select: DECISION_MESSAGES.select,
  });
  return rows.map((m) => ({
    id: m.id,
    kind: m.kind,
    revision: m.revision,
    body: m.body,
    createdAt: m.createdAt.toISOString(),
    author: m.author?.name ?? "Reviewer",
  }));
}

/**
 * The reviewers' comments the supplier has been sent: those on the revision that was sent back
 * (a change request starts revision n + 1 and sends the comments of revision n). Comments on the
 * current revision are the reviewer's drafts until then, and are not even read here.
 */
async function sentComments(
  db: Db,
  scope: ReturnType<typeof supplierScope>,
  a: { id: string; currentRevision: number },
) {
  if (a.currentRevision < 2) return {};
  const rows = await db.reviewComment.findMany({
    where: {
      assessmentId: a.id,
      organizationId: scope.organizationId,
      revision: a.currentRevision - 1,
      assessment: { ...scope, status: { not: "DRAFT" } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      questionId: true,
      body: true,
      createdAt: true,
      author: { select: { name: true } },
      replies: { where: { ...scope, kind: "SUPPLIER_REPLY" }, ...COMMENT_REPLIES },
    },
  });
  return groupComments(rows, "Reviewer");
}

/**
 * The supplier answers one reviewer comment that was sent to them (a comment of the revision that
 * was sent back), while the questionnaire is theirs to edit. The reply is kept with the comment and
 * the reviewers read it next to the question.
 */
export async function replyToComment(db: Db, actor: Actor, assessmentIdRaw: unknown, input: unknown) {
  const scope = supplierScope(actor);
  const id = parseRecordId(assessmentIdRaw, "Assessment");
  const data = parseInput(commentReplySchema, input);
  return db.$transaction(async (tx) => {
    const a = await tx.assessment.findFirst({
      where: { id, ...scope, status: { not: "DRAFT" } },
      select: { id: true, status: true, currentRevision: true, vendorId: true },
    });
    if (!a) throw notFound("Assessment");
    const comment = await tx.reviewComment.findFirst({
      where: {
        id: data.commentId,
        assessmentId: a.id,
        organizationId: scope.organizationId,
        assessment: { ...scope },
      },
      select: { id: true, revision: true, questionId: true },
    });
    if (!comment) throw notFound("Comment");
    if (comment.revision !== a.currentRevision - 1 || !isEditableBySupplier(a.status))
      throw new AppError(
        "CONFLICT",
        "You can reply to a comment while the buyer's change request is open; this one is closed.",
      );
    const reply = await tx.reviewMessage.create({
      data: {
        organizationId: scope.organizationId,
        assessmentId: a.id,
        vendorId: scope.vendorId,
        revision: comment.revision,
        kind: "SUPPLIER_REPLY",
        commentId: comment.id,
        body: data.body,
        authorId: actor.userId,
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, actor, {
      action: "assessment.comment_reply",
      entityType: "Assessment",
      entityId: a.id,
      details: { commentId: comment.id, questionId: comment.questionId, revision: comment.revision },
    });
    return reply;
  });
}

async function loadEditable(tx: Prisma.TransactionClient, actor: Actor, assessmentIdRaw: unknown) {
  const scope = supplierScope(actor);
  const id = parseRecordId(assessmentIdRaw, "Assessment");
  const a = await tx.assessment.findFirst({
    where: { id: id, ...scope, status: { not: "DRAFT" } },
    select: {
      id: true,
      organizationId: true,
      status: true,
      currentRevision: true,
      template: { select: { definition: true } },
    },
  });
  if (!a) throw notFound("Assessment");
  if (!isEditableBySupplier(a.status))
    throw new AppError(
      "CONFLICT",
      "This questionnaire has been submitted and can no longer be changed. If something needs correcting, ask the reviewer to request changes.",
    );
  return a;
}

/**
 * Autosave. The write names the version the client started from; if another tab or a colleague
 * saved in between, nothing is overwritten and the caller gets CONFLICT. A save is idempotent: when
 * its reply was lost and the client sends it again, the stored revision already holds exactly these
 * answers at version + 1, and the replay succeeds with that version instead of a false conflict.
 */
export async function saveDraft(
  db: Db,
  actor: Actor,
  assessmentIdRaw: unknown,
  answersRaw: unknown,
  versionRaw: unknown,
) {
  const { version } = parseInput(draftSaveSchema, { version: versionRaw });
  const bytes = answersJsonBytes(answersRaw);
  if (bytes > LIMITS.answersJsonBytes)
    throw new AppError("VALIDATION", answersTooLargeMessage(bytes), {
      answers: [answersTooLargeMessage(bytes)],
    });
  return db.$transaction(async (tx) => {
    const a = await loadEditable(tx, actor, assessmentIdRaw);
    const template = loadTemplate(a.template.definition);
    const checked = validateAnswers(template, answersRaw, "draft");
    if (!checked.ok) {
      throw new AppError(
        "VALIDATION",
        `Some answers could not be saved: ${checked.errors
          .slice(0, 3)
          .map((e) => `${e.label || e.path}: ${e.message}`)
          .join("; ")}`,
        issuesToFieldErrors(checked.errors),
      );
    }
    await assertEvidenceBelongs(tx, actor.organizationId, a.id, [...citedFileIdsOf(checked.answers)]);
    const where = {
      assessmentId: a.id,
      organizationId: actor.organizationId,
      revision: a.currentRevision,
      submittedAt: null,
    };
    const updated = await tx.responseRevision.updateMany({
      where: { ...where, version },
      data: { answers: checked.answers as Prisma.InputJsonValue, version: { increment: 1 } },
    });
    if (updated.count !== 1) {
      const stored = await tx.responseRevision.findFirst({
        where,
        select: { version: true, answers: true, updatedAt: true },
      });
      const replay =
        stored &&
        stored.version === version + 1 &&
        isAnswerMap(stored.answers) &&
        sameAnswers(stored.answers, checked.answers);
      if (replay) return { version: stored.version, savedAt: stored.updatedAt.toISOString() };
      throw new AppError(
        "CONFLICT",
        "These answers were changed in another tab or by a colleague since you opened them. Reload to see the latest; your unsaved answers are kept in this browser.",
      );
    }
    if (a.status === "OPENED") await transitionAssessment(tx, a, "save");
    const row = await tx.responseRevision.findUniqueOrThrow({
      where: { assessmentId_revision: { assessmentId: a.id, revision: a.currentRevision } },
      select: { version: true, updatedAt: true },
    });
    return { version: row.version, savedAt: row.updatedAt.toISOString() };
  });
}

function isAnswerMap(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function issuesToFieldErrors(issues: AnswerIssue[]) {
  return toFieldErrors(issues.map((i) => [i.questionId, i.message] as const));
}

export class SubmissionInvalidError extends AppError {
  constructor(readonly issues: AnswerIssue[]) {
    super("VALIDATION", "Some answers need attention before you can submit.", issuesToFieldErrors(issues));
  }
}

/** Validates every visible answer and freezes the current revision. */
export async function submitResponse(
  db: Db,
  actor: Actor,
  assessmentIdRaw: unknown,
  versionRaw: unknown,
  now = new Date(),
) {
  const submitted = await db.$transaction(async (tx) => {
    const a = await loadEditable(tx, actor, assessmentIdRaw);
    const revision = await tx.responseRevision.findUniqueOrThrow({
      where: { assessmentId_revision: { assessmentId: a.id, revision: a.currentRevision } },
      select: { id: true, answers: true, version: true },
    });
    if (typeof versionRaw === "number" && versionRaw !== revision.version) {
      throw new AppError(
        "CONFLICT",
        "These answers were changed in another tab or by a colleague. Reload to see the latest before submitting.",
      );
    }
    const template = loadTemplate(a.template.definition);
    const checked = validateAnswers(template, revision.answers, "submission");
    if (!checked.ok) throw new SubmissionInvalidError(checked.errors);
    const frozen = await tx.responseRevision.updateMany({
      where: { id: revision.id, version: revision.version, submittedAt: null },
      data: {
        submittedAt: now,
        submittedById: actor.userId,
        answers: checked.answers as Prisma.InputJsonValue,
      },
    });
    if (frozen.count !== 1)
      throw new AppError("CONFLICT", "These answers changed while submitting. Reload and try again.");
    const status = await transitionAssessment(tx, a, "submit", { submittedAt: now });
    await recordAuditEvent(tx, actor, {
      action: status === "RESUBMITTED" ? "assessment.resubmit" : "assessment.submit",
      entityType: "Assessment",
      entityId: a.id,
      details: { revision: a.currentRevision },
    });
    return { status, revision: a.currentRevision };
  });
  await deleteUnreferencedEvidence(db, actor, assessmentIdRaw); // files no answer cites (issue 10, finding 7)
  return submitted;
}
