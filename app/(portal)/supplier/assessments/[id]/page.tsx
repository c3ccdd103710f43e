import type { Metadata } from "next";
import Link from "next/link";

import { SupplierQuestionnaire } from "@/app/(portal)/supplier/assessments/[id]/_components/supplier-questionnaire";
import { formatDate, formatDateTime, StatusBadge } from "@/components/assessments/status-badge";
import { QuestionnaireAnswers } from "@/components/questionnaire/questionnaire-answers";
import { Alert, PageHeader } from "@/components/ui/card";
import { orNotFound } from "@/lib/actions/or-not-found";
import { isOverdue } from "@/lib/assessment/status-machine";
import { requirePageUser } from "@/lib/auth/next-auth/session";
import { getDb } from "@/lib/db/client";
import { loadStoredEvidence } from "@/lib/domain/evidence/read-stored-evidence";
import { getSupplierAssessment } from "@/lib/domain/response/supplier-responses";
import { applyStoredEvidence } from "@/lib/evidence/evidence-answers";

export const metadata: Metadata = { title: "Questionnaire" };

export default async function SupplierAssessmentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("answerAssessments");
  const { id } = await params;
  const a = await orNotFound(getSupplierAssessment(getDb(), user, id));
  // Files as stored (name, kind, size), never as the answer JSON describes them.
  const answers = applyStoredEvidence(
    a.template,
    a.revision.answers as Record<string, unknown>,
    await loadStoredEvidence(getDb(), user, a.id),
  );
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
        <Link href="/" className="hover:underline">
          My assessments
        </Link>{" "}
        / {a.templateTitle}
      </nav>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {a.templateTitle}{" "}
            <StatusBadge status={a.status} overdue={isOverdue(a.status, a.dueDate, new Date())} />
          </span>
        }
        description={
          <>
            For {a.organization.name} · about {a.vendor.name} · due {formatDate(a.dueDate)}
            {a.currentRevision > 1 ? ` · revision ${a.currentRevision}` : ""}
          </>
        }
      />
      {a.status === "CHANGES_REQUESTED" ? (
        <div className="mb-4">
          <Alert tone="info">
            {a.organization.name} asked for changes. Their comments appear next to the questions concerned
            (you can reply to each); update your answers and submit again.
          </Alert>
        </div>
      ) : null}
      {a.messages.length > 0 ? (
        <section
          aria-labelledby="reviewer-messages"
          className="mb-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
        >
          <h2 id="reviewer-messages" className="text-sm font-semibold text-slate-900">
            Messages from {a.organization.name}
          </h2>
          <ol className="mt-2 space-y-3 text-sm">
            {a.messages.map((m, index) => (
              <li key={m.id} className={index > 0 ? "border-t border-slate-100 pt-3" : ""}>
                <p className="text-xs text-slate-500">
                  {m.kind === "ACCEPTED" ? "Accepted" : "Changes requested"} · {m.author} ·{" "}
                  {formatDateTime(new Date(m.createdAt))}
                </p>
                <p className="mt-0.5 whitespace-pre-line text-slate-800">{m.body}</p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {a.message && a.currentRevision === 1 && a.editable ? (
        <div className="mb-4">
          <Alert tone="info">
            <span className="font-medium">Message from {a.organization.name}:</span>{" "}
            <span className="whitespace-pre-line">{a.message}</span>
          </Alert>
        </div>
      ) : null}
      {a.editable ? (
        <SupplierQuestionnaire
          assessmentId={a.id}
          userId={user.userId}
          template={a.template}
          answers={answers}
          version={a.revision.version}
          comments={a.comments}
        />
      ) : (
        <>
          <div className="mb-4">
            <Alert tone={a.status === "CANCELLED" ? "error" : "success"}>
              {a.status === "CANCELLED"
                ? "This assessment was cancelled by the buyer; it can no longer be answered."
                : a.status === "ACCEPTED"
                  ? "Your answers were accepted. Thank you."
                  : `Submitted${a.revision.submittedAt ? ` on ${formatDateTime(a.revision.submittedAt)}` : ""}. The buyer is reviewing your answers; you will get an e-mail if they need anything changed.`}
            </Alert>
          </div>
          <div className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
            <QuestionnaireAnswers
              template={a.template}
              answers={answers}
              comments={a.comments}
              evidenceHref={(file) => `/api/evidence/${file.fileId}`}
            />
          </div>
        </>
      )}
    </>
  );
}
