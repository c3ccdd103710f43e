import "server-only";

import { isOverdue } from "@/lib/assessment/status-machine";
import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { questionLabelsFor } from "@/lib/domain/template/question-labels";
import type { AssessmentStatus } from "@/lib/generated/prisma/enums";

const MESSAGES = 10;
const CLOSED: AssessmentStatus[] = ["DRAFT", "ACCEPTED", "CANCELLED"];

/**
 * The supplier's start page: their vendor's open questionnaires with due dates, and what reviewers
 * sent them (the message with each questionnaire, and comments from change requests). Every query
 * names the caller's organisation and vendor.
 */
export async function loadSupplierHome(db: Db, actor: Actor, now = new Date()) {
  assertCan(actor, "answerAssessments");
  const scope = { organizationId: actor.organizationId, vendorId: actor.vendorId! };
  const [open, done] = await Promise.all([
    db.assessment.findMany({
      where: { ...scope, status: { notIn: CLOSED } },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      select: {
        id: true,
        status: true,
        dueDate: true,
        message: true,
        sentAt: true,
        currentRevision: true,
        template: { select: { title: true } },
        organization: { select: { name: true } },
      },
    }),
    db.assessment.findMany({
      where: { ...scope, status: { in: ["ACCEPTED", "CANCELLED"] } },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: 5,
      select: { id: true, status: true, dueDate: true, template: { select: { title: true } } },
    }),
  ]);
  // Comments a supplier may read are the ones a change request sent: revisions before the current one.
  const revisionOf = new Map(open.map((a) => [a.id, a.currentRevision]));
  const comments = (
    await db.reviewComment.findMany({
      where: {
        organizationId: scope.organizationId,
        assessmentId: { in: open.filter((a) => a.currentRevision > 1).map((a) => a.id) },
        assessment: scope,
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: MESSAGES * 4,
      select: {
        id: true,
        assessmentId: true,
        revision: true,
        questionId: true,
        body: true,
        createdAt: true,
        author: { select: { name: true } },
      },
    })
  )
    .filter((c) => c.revision < (revisionOf.get(c.assessmentId) ?? 0))
    .slice(0, MESSAGES);
  const labels = await questionLabelsFor(
    db,
    scope.organizationId,
    comments.map((c) => c.assessmentId),
  );
  return {
    open: open.map((a) => ({ ...a, overdue: isOverdue(a.status, a.dueDate, now) })),
    done,
    comments: comments.map((c) => {
      const label = labels.get(`${c.assessmentId}\u0000${c.questionId}`);
      return {
        id: c.id,
        assessmentId: c.assessmentId,
        body: c.body,
        createdAt: c.createdAt,
        author: c.author?.name ?? null,
        question: label ? `${label.number} ${label.text}` : null,
      };
    }),
  };
}
export type SupplierHome = Awaited<ReturnType<typeof loadSupplierHome>>;
