import type { Metadata } from "next";
import Link from "next/link";

import {
  AssessmentActions,
  ReopenAction,
  ReviewActions,
} from "@/app/(portal)/assessments/[id]/_components/assessment-actions";
import { CommentForm } from "@/app/(portal)/assessments/[id]/_components/comment-form";
import { formatDate, formatDateTime, StatusBadge } from "@/components/assessments/status-badge";
import { QuestionnaireAnswers } from "@/components/questionnaire";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { orNotFound } from "@/lib/actions/or-not-found";
import { isAwaitingReview, isOverdue } from "@/lib/assessment/status-machine";
import { requirePageUser } from "@/lib/auth/next-auth/session";
import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { getAssessmentForStaff } from "@/lib/domain/assessment/read-assessments";
import { diffAnswers } from "@/lib/questionnaire/diff-answers";

export const metadata: Metadata = { title: "Assessment" };

const HISTORY_LABELS: Record<string, string> = {
  "assessment.create": "Created",
  "assessment.send": "Invitation sent",
  "assessment.resend": "Invitation re-sent",
  "assessment.remind": "Reminder sent",
  "invitation.revoke": "Invitation links revoked",
  "invitation.accept": "Supplier opened the invitation",
  "assessment.submit": "Submitted",
  "assessment.resubmit": "Resubmitted",
  "assessment.comment": "Reviewer commented",
  "assessment.request_changes": "Changes requested",
  "assessment.accept": "Accepted",
  "assessment.cancel": "Cancelled",
  "evidence.upload": "Evidence uploaded",
};

export default async function AssessmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ revision?: string; changes?: string }>;
}) {
  const user = await requirePageUser("readAssessments");
  const { id } = await params;
  const sp = await searchParams;
  const a = await orNotFound(getAssessmentForStaff(getDb(), user, id));
  const now = new Date();
  const submitted = a.revisions.filter((r) => r.submittedAt);
  const requested = Number(sp.revision);
  const shown = submitted.find((r) => r.revision === requested) ?? submitted[submitted.length - 1];
  const previous = shown ? submitted.find((r) => r.revision === shown.revision - 1) : undefined;
  const answers = (shown?.answers ?? {}) as Record<string, unknown>;
  const changed = previous
    ? new Set(diffAnswers(previous.answers as Record<string, unknown>, answers))
    : undefined;
  const reviewing =
    isAwaitingReview(a.status) && shown?.revision === a.currentRevision && can.reviewAssessments(user);
  const comments: Record<string, { author: string; body: string; createdAt: string }[]> = {};
  for (const c of a.comments)
    if (c.revision === shown?.revision)
      (comments[c.questionId] ??= []).push({
        author: c.author?.name ?? "Reviewer",
        body: c.body,
        createdAt: c.createdAt.toISOString(),
      });
  const commentCount = a.comments.filter((c) => c.revision === a.currentRevision).length;
  const draft = a.revisions.find((r) => r.revision === a.currentRevision && !r.submittedAt);
  const base = `/assessments/${a.id}`;

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
        <Link href="/assessments" className="hover:underline">
          Assessments
        </Link>{" "}
        / {a.vendor.name}
      </nav>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {a.vendor.name} <StatusBadge status={a.status} overdue={isOverdue(a.status, a.dueDate, now)} />
          </span>
        }
        description={
          <>
            {a.template.title} v{a.template.version} · sent to {a.contact.name} ({a.contact.email}) · due{" "}
            {formatDate(a.dueDate)}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {reviewing ? <ReviewActions assessmentId={a.id} commentCount={commentCount} /> : null}
          {shown ? (
            <Card
              title={
                <>
                  Answers · revision {shown.revision}{" "}
                  <span className="text-sm font-normal text-slate-500">
                    submitted {formatDateTime(shown.submittedAt!)}
                  </span>
                </>
              }
              actions={
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  {submitted.length > 1
                    ? submitted.map((r) => (
                        <Link
                          key={r.revision}
                          href={`${base}?revision=${r.revision}`}
                          aria-current={r.revision === shown.revision ? "page" : undefined}
                          className={`rounded px-2 py-0.5 ${r.revision === shown.revision ? "bg-brand-600 text-white" : "text-brand-700 hover:underline"}`}
                        >
                          r{r.revision}
                        </Link>
                      ))
                    : null}
                  {changed ? (
                    sp.changes === "only" ? (
                      <Link
                        href={`${base}?revision=${shown.revision}`}
                        className="text-brand-700 hover:underline"
                      >
                        Show all answers
                      </Link>
                    ) : (
                      <Link
                        href={`${base}?revision=${shown.revision}&changes=only`}
                        className="text-brand-700 hover:underline"
                      >
                        Only changes since r{previous!.revision} ({changed.size})
                      </Link>
                    )
                  ) : null}
                </div>
              }
            >
              <QuestionnaireAnswers
                template={a.template.definition}
                answers={answers}
                comments={comments}
                changedQuestionIds={changed}
                onlyChanged={sp.changes === "only" && !!changed}
                evidenceHref={(file) => `/api/evidence/${file.fileId}`}
                renderQuestionExtra={
                  reviewing
                    ? (questionId) => <CommentForm assessmentId={a.id} questionId={questionId} />
                    : undefined
                }
              />
            </Card>
          ) : (
            <EmptyState title="No answers submitted yet">
              {draft && Object.keys(draft.answers as object).length > 0
                ? `The supplier has started: ${Object.keys(draft.answers as object).length} answers saved so far (last saved ${formatDateTime(draft.updatedAt)}). You can review them once they submit.`
                : "The supplier's answers appear here once they submit the questionnaire."}
            </EmptyState>
          )}
        </div>
        <div className="space-y-6">
          {can.manageAssessments(user) ? <AssessmentActions assessmentId={a.id} status={a.status} /> : null}
          {a.status === "ACCEPTED" && can.reviewAssessments(user) ? (
            <ReopenAction assessmentId={a.id} />
          ) : null}
          <Card title="History">
            <ol className="space-y-3 text-sm">
              {a.history.map((h) => (
                <li key={h.id} className="border-l-2 border-slate-200 pl-3">
                  <div className="font-medium text-slate-800">{HISTORY_LABELS[h.action] ?? h.action}</div>
                  <div className="text-xs text-slate-500">
                    {formatDateTime(h.createdAt)}
                    {h.actor ? ` · ${h.actor.name}` : ""}
                  </div>
                </li>
              ))}
            </ol>
          </Card>
          <Card title="Invitation links">
            {a.invitations.length === 0 ? (
              <p className="text-sm text-slate-600">None sent yet.</p>
            ) : (
              <ul className="space-y-2 text-sm">
                {a.invitations.map((i) => {
                  const state = i.usedAt
                    ? "used"
                    : i.revokedAt
                      ? "revoked"
                      : i.expiresAt < now
                        ? "expired"
                        : "active";
                  return (
                    <li key={i.id} className="flex justify-between gap-2">
                      <span>
                        {formatDate(i.createdAt)} → {i.email}
                      </span>
                      <span className={state === "active" ? "text-emerald-700" : "text-slate-500"}>
                        {state}
                      </span>
                    </li>
                  );
                })}
              </ul>
            )}
          </Card>
          {a.message ? (
            <Card title="Message to the supplier">
              <p className="text-sm whitespace-pre-line text-slate-700">{a.message}</p>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
