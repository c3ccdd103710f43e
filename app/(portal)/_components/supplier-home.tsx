import Link from "next/link";

import { formatDate, formatDateTime, StatusBadge } from "@/components/assessments/status-badge";
import { Card, EmptyState } from "@/components/ui/card";
import type { SupplierHome as Data } from "@/lib/domain/home/load-supplier-home";

/** The supplier's start page: open questionnaires with due dates, and what reviewers wrote. */
export function SupplierHome({
  data,
  organizationName,
  vendorName,
}: {
  data: Data;
  organizationName: string;
  vendorName: string;
}) {
  if (data.open.length === 0 && data.done.length === 0)
    return (
      <EmptyState title="No questionnaires for you yet">
        When {organizationName} sends {vendorName} a security questionnaire, it appears here and you receive
        an e-mail with a link. You can answer over several days: everything you type is saved as you go.
      </EmptyState>
    );
  return (
    <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
      <Card title={`Open questionnaires (${data.open.length})`}>
        {data.open.length === 0 ? (
          <p className="text-sm text-slate-600">Nothing to answer right now.</p>
        ) : (
          <ul className="space-y-3" data-testid="open-questionnaires">
            {data.open.map((a) => (
              <li key={a.id}>
                <Link
                  href={`/supplier/assessments/${a.id}`}
                  className="flex flex-wrap items-center justify-between gap-3 rounded-lg p-3 ring-1 ring-slate-200 hover:ring-brand-600"
                >
                  <span>
                    <span className="block font-medium text-slate-900">{a.template.title}</span>
                    <span className={`text-sm ${a.overdue ? "font-medium text-red-700" : "text-slate-600"}`}>
                      For {a.organization.name} · due {formatDate(a.dueDate)}
                      {a.currentRevision > 1 ? ` · revision ${a.currentRevision}` : ""}
                    </span>
                  </span>
                  <StatusBadge status={a.status} overdue={a.overdue} />
                </Link>
              </li>
            ))}
          </ul>
        )}
        {data.done.length > 0 ? (
          <>
            <h3 className="mt-5 mb-2 text-sm font-medium text-slate-800">Finished</h3>
            <ul className="space-y-1 text-sm">
              {data.done.map((a) => (
                <li key={a.id} className="flex items-center justify-between gap-2">
                  <Link href={`/supplier/assessments/${a.id}`} className="text-brand-700 hover:underline">
                    {a.template.title}
                  </Link>
                  <StatusBadge status={a.status} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Card>
      <Card title="Messages from reviewers">
        {data.comments.length === 0 && !data.open.some((a) => a.message) ? (
          <p className="text-sm text-slate-600">No messages.</p>
        ) : (
          <ul className="space-y-3 text-sm" data-testid="reviewer-messages">
            {data.open
              .filter((a) => a.message)
              .map((a) => (
                <li key={`m-${a.id}`} className="rounded-md bg-slate-50 p-3">
                  <p className="text-xs text-slate-500">
                    {a.organization.name} · {a.template.title}
                    {a.sentAt ? ` · ${formatDate(a.sentAt)}` : ""}
                  </p>
                  <p className="mt-1 whitespace-pre-line text-slate-800">{a.message}</p>
                </li>
              ))}
            {data.comments.map((c) => (
              <li key={c.id} className="rounded-md bg-amber-50 p-3">
                <p className="text-xs text-slate-500">
                  {c.author ?? "Reviewer"} · {formatDateTime(c.createdAt)}
                  {c.question ? ` · question ${c.question}` : ""}
                </p>
                <p className="mt-1 whitespace-pre-line text-slate-800">{c.body}</p>
                <Link
                  href={`/supplier/assessments/${c.assessmentId}`}
                  className="mt-1 inline-block text-brand-700 hover:underline"
                >
                  Open the questionnaire
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
