import type { Metadata } from "next";
import Link from "next/link";

import {
  AssessmentActions,
  ReopenAction,
} from "@/app/(portal)/assessments/[id]/_components/assessment-actions";
import { CommentForm } from "@/app/(portal)/assessments/[id]/_components/comment-form";
import { AcceptedScoreLink, ReviewPanel } from "@/app/(portal)/assessments/[id]/_components/review-panel";
import { formatDate, formatDateTime, StatusBadge } from "@/components/assessments/status-badge";
import { QuestionnaireAnswers } from "@/components/questionnaire";
import { answersSectionDomId, visibleAnswerSections } from "@/components/questionnaire/questionnaire-answers";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { orNotFound } from "@/lib/actions/or-not-found";
import { isAwaitingReview, isOverdue } from "@/lib/assessment/status-machine";
import { requirePageUser } from "@/lib/auth/next-auth/session";
import { can, canAcceptAssessment } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { groupComments } from "@/lib/domain/assessment/comment-threads";
import { getAssessmentForStaff } from "@/lib/domain/assessment/read-assessments";
import { flagRevisionAnswers } from "@/lib/domain/review/flag-revision-answers";
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
  "assessment.comment_reply": "Supplier replied to a comment",
  "assessment.cancel": "Cancelled",
  "evidence.upload": "Evidence uploaded",
};

const FILTERS = {
  flagged: "Flagged",
  changed: "Changed",
  commented: "Commented",
} as const;
type Filter = keyof typeof FILTERS;

export default async function AssessmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ revision?: string; changes?: string; show?: string }>;
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
  const comments = groupComments(
    a.comments.filter((c) => c.revision === shown?.revision),
    "Reviewer",
  );
  const previousComments = previous
    ? groupComments(
        a.comments.filter((c) => c.revision === previous.revision),
        "Reviewer",
      )
    : {};
  const commentCount = a.comments.filter((c) => c.revision === a.currentRevision).length;
  const draft = a.revisions.find((r) => r.revision === a.currentRevision && !r.submittedAt);
  const base = `/assessments/${a.id}`;
  const template = a.template.definition;

  // A dry run of extraction on the shown answers: which create high-weight linkages or are "don't know".
  const flags =
    shown && can.reviewAssessments(user)
      ? await flagRevisionAnswers(getDb(), user, {
          assessmentId: a.id,
          vendor: a.vendor,
          template,
          revision: shown.revision,
          answers,
        })
      : {};
  const sections = visibleAnswerSections(template, answers);
  const visibleIds = sections.flatMap((s) => s.questions.map(({ question }) => question.id));
  const isFlagged = (qid: string) => !!flags[qid] && (flags[qid].dontKnow || flags[qid].linkages.length > 0);
  const filterSets: Record<Filter, Set<string>> = {
    flagged: new Set(visibleIds.filter(isFlagged)),
    changed: new Set(visibleIds.filter((qid) => changed?.has(qid))),
    commented: new Set(visibleIds.filter((qid) => comments[qid]?.length || previousComments[qid]?.length)),
  };
  const filter: Filter | null =
    sp.show && Object.hasOwn(FILTERS, sp.show)
      ? (sp.show as Filter)
      : sp.changes === "only"
        ? "changed"
        : null;
  const questionLabels: Record<string, string> = {};
  template.sections.forEach((s, si) =>
    s.questions.forEach((q, qi) => (questionLabels[q.id] = `${si + 1}.${qi + 1} ${q.label}`)),
  );
  const filterHref = (f: Filter | null) =>
    `${base}?revision=${shown?.revision ?? ""}${f ? `&show=${f}` : ""}`;
  const sectionNav = (
    <nav aria-label="Sections" className="text-sm">
      <ol className="space-y-0.5">
        {sections.map(({ section, sectionIndex, questions }) => {
          const flaggedHere = questions.filter(({ question }) => filterSets.flagged.has(question.id)).length;
          return (
            <li key={section.id}>
              <a
                href={`#${answersSectionDomId(section.id)}`}
                className="flex items-baseline justify-between gap-2 rounded px-2 py-1 text-slate-700 hover:bg-slate-100 hover:text-slate-900"
              >
                <span className="min-w-0">
                  <span className="mr-1 text-slate-400 tabular-nums">{sectionIndex + 1}.</span>
                  {section.title}
                </span>
                {flaggedHere ? (
                  <span className="shrink-0 rounded-full bg-red-50 px-1.5 text-xs font-medium text-red-700 ring-1 ring-red-200">
                    {flaggedHere}
                    <span className="sr-only"> flagged</span>
                  </span>
                ) : null}
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );

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
          {reviewing ? (
            <ReviewPanel
              assessmentId={a.id}
              vendorId={a.vendor.id}
              vendorName={a.vendor.name}
              commentCount={commentCount}
              canAccept={canAcceptAssessment(user, a.organization)}
              questionLabels={questionLabels}
              summary={{
                flagged: filterSets.flagged.size,
                dontKnow: visibleIds.filter((qid) => flags[qid]?.dontKnow).length,
                changed: changed ? filterSets.changed.size : null,
                commented: commentCount,
              }}
            />
          ) : null}
          {a.status === "ACCEPTED" && can.readScores(user) ? (
            <AcceptedScoreLink assessmentId={a.id} vendorId={a.vendor.id} vendorName={a.vendor.name} />
          ) : null}
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
                submitted.length > 1 ? (
                  <div className="flex flex-wrap items-center gap-1 text-sm" aria-label="Revisions">
                    {submitted.map((r) => (
                      <Link
                        key={r.revision}
                        href={`${base}?revision=${r.revision}`}
                        aria-current={r.revision === shown.revision ? "page" : undefined}
                        className={`rounded px-2 py-0.5 ${r.revision === shown.revision ? "bg-brand-600 text-white" : "text-brand-700 hover:underline"}`}
                      >
                        r{r.revision}
                      </Link>
                    ))}
                  </div>
                ) : null
              }
            >
              <div className="mb-4 space-y-3">
                <nav aria-label="Filter answers" className="flex flex-wrap gap-1.5 text-sm">
                  {([null, "flagged", "changed", "commented"] as const).map((f) => {
                    if (f === "changed" && !changed) return null;
                    const active = filter === f;
                    return (
                      <Link
                        key={f ?? "all"}
                        href={filterHref(f)}
                        aria-current={active ? "page" : undefined}
                        className={`rounded-full px-3 py-1 ring-1 ${active ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
                      >
                        {f ? `Only ${FILTERS[f].toLowerCase()}` : "All answers"}
                        {f ? (
                          <span className="ml-1 tabular-nums opacity-80">({filterSets[f].size})</span>
                        ) : null}
                      </Link>
                    );
                  })}
                </nav>
                <details className="rounded-md ring-1 ring-slate-200 lg:hidden">
                  <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-800">
                    Jump to a section
                  </summary>
                  <div className="border-t border-slate-200 p-2">{sectionNav}</div>
                </details>
              </div>
              <QuestionnaireAnswers
                template={a.template.definition}
                answers={answers}
                comments={comments}
                changedQuestionIds={changed}
                onlyQuestionIds={filter ? filterSets[filter] : undefined}
                emptyMessage={
                  filter === "flagged"
                    ? "No answer is flagged: none creates a high-weight linkage or says \u201cdon\u2019t know\u201d."
                    : filter === "changed"
                      ? "No answers changed since the previous revision."
                      : filter === "commented"
                        ? "No answer has a comment."
                        : undefined
                }
                flags={flags}
                previous={
                  previous
                    ? {
                        revision: previous.revision,
                        answers: previous.answers as Record<string, unknown>,
                        comments: previousComments,
                      }
                    : undefined
                }
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
            <Card title="Message with the invitation">
              <p className="text-sm whitespace-pre-line text-slate-700">{a.message}</p>
            </Card>
          ) : null}
          {a.messages.length > 0 ? (
            <Card title="Messages to the supplier">
              <ol className="space-y-3 text-sm">
                {a.messages.map((m) => (
                  <li key={m.id} className="border-l-2 border-slate-200 pl-3">
                    <p className="text-xs text-slate-500">
                      {m.kind === "ACCEPTED" ? "With the acceptance" : "With the change request"} of r
                      {m.revision} · {formatDateTime(m.createdAt)}
                      {m.author ? ` · ${m.author.name}` : ""}
                    </p>
                    <p className="whitespace-pre-line text-slate-800">{m.body}</p>
                  </li>
                ))}
              </ol>
            </Card>
          ) : null}
          {shown ? (
            <div className="hidden lg:sticky lg:top-4 lg:block">
              <Card title="Sections">{sectionNav}</Card>
            </div>
          ) : null}
        </div>
      </div>
    </>
  );
}
