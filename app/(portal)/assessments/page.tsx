import type { Metadata } from "next";
import Link from "next/link";

import { formatDate, StatusBadge } from "@/components/assessments/status-badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { isOverdue } from "@/lib/assessment/status-machine";
import { requirePageUser } from "@/lib/auth/next-auth/session";
import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { listAssessments } from "@/lib/domain/assessment/read-assessments";
import { ASSESSMENT_FILTERS } from "@/lib/validation/assessment";

export const metadata: Metadata = { title: "Assessments" };

const FILTER_LABELS: Record<(typeof ASSESSMENT_FILTERS)[number], string> = {
  all: "All",
  open: "Waiting for supplier",
  awaiting_review: "Awaiting review",
  overdue: "Overdue",
  accepted: "Accepted",
  cancelled: "Cancelled",
};

export default async function AssessmentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser("readAssessments");
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  const now = new Date();
  const { items, total, query, pageCount, overdueCount } = await listAssessments(getDb(), user, raw, now);
  const href = (changes: Record<string, string | number>) => {
    const p = new URLSearchParams();
    const merged = {
      filter: query.filter,
      sort: query.sort,
      page: query.page,
      ...(query.vendorId ? { vendorId: query.vendorId } : {}),
      ...changes,
    };
    for (const [k, v] of Object.entries(merged))
      if (
        !(k === "filter" && v === "all") &&
        !(k === "sort" && v === "dueDate") &&
        !(k === "page" && v === 1)
      )
        p.set(k, String(v));
    const s = p.toString();
    return `/assessments${s ? `?${s}` : ""}`;
  };

  return (
    <>
      <PageHeader
        title="Assessments"
        description="Security questionnaires sent to suppliers, and where each one stands."
        actions={
          can.manageAssessments(user) ? <ButtonLink href="/assessments/new">New assessment</ButtonLink> : null
        }
      />
      <nav aria-label="Filter assessments" className="mb-4 flex flex-wrap gap-2">
        {ASSESSMENT_FILTERS.map((f) => (
          <Link
            key={f}
            href={href({ filter: f, page: 1 })}
            aria-current={query.filter === f ? "page" : undefined}
            className={`rounded-full px-3 py-1 text-sm font-medium ring-1 ${query.filter === f ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
          >
            {FILTER_LABELS[f]}
            {f === "overdue" && overdueCount > 0 ? (
              <span className="ml-1.5 rounded-full bg-red-600 px-1.5 text-xs text-white">{overdueCount}</span>
            ) : null}
          </Link>
        ))}
      </nav>
      {items.length === 0 ? (
        query.filter === "all" ? (
          <EmptyState
            title="No assessments yet"
            action={
              can.manageAssessments(user) ? (
                <ButtonLink href="/assessments/new">Send your first questionnaire</ButtonLink>
              ) : null
            }
          >
            Send the OT supplier baseline questionnaire to a vendor contact. They answer online, over several
            days, and you review what they submit.
          </EmptyState>
        ) : (
          <EmptyState
            title={`Nothing ${FILTER_LABELS[query.filter].toLowerCase()}`}
            action={
              <Link href="/assessments" className="text-sm font-medium text-brand-700 underline">
                Show all assessments
              </Link>
            }
          />
        )
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  <Link href={href({ sort: "vendor", page: 1 })} className="hover:text-slate-900">
                    Vendor {query.sort === "vendor" ? "▲" : "↕"}
                  </Link>
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  Questionnaire
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  Contact
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  Status
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  <Link href={href({ sort: "dueDate", page: 1 })} className="hover:text-slate-900">
                    Due {query.sort === "dueDate" ? "▲" : "↕"}
                  </Link>
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  <Link href={href({ sort: "updatedAt", page: 1 })} className="hover:text-slate-900">
                    Last activity {query.sort === "updatedAt" ? "▼" : "↕"}
                  </Link>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((a) => {
                const overdue = isOverdue(a.status, a.dueDate, now);
                return (
                  <tr key={a.id} className={overdue ? "bg-red-50/60" : "hover:bg-slate-50"}>
                    <td className="px-4 py-3 font-medium">
                      <Link href={`/assessments/${a.id}`} className="text-brand-700 hover:underline">
                        {a.vendor.name}
                      </Link>
                    </td>
                    <td className="px-4 py-3 text-slate-700">
                      {a.template.title} <span className="text-slate-400">v{a.template.version}</span>
                      {a.currentRevision > 1 ? (
                        <span className="text-slate-500"> · revision {a.currentRevision}</span>
                      ) : null}
                    </td>
                    <td className="px-4 py-3 text-slate-700">{a.contact.name}</td>
                    <td className="px-4 py-3">
                      <StatusBadge status={a.status} overdue={overdue} />
                    </td>
                    <td className={`px-4 py-3 ${overdue ? "font-medium text-red-700" : "text-slate-700"}`}>
                      {formatDate(a.dueDate)}
                    </td>
                    <td className="px-4 py-3 text-slate-600">{formatDate(a.updatedAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {total > 0 ? (
        <Pagination
          page={query.page}
          pageCount={pageCount}
          total={total}
          noun="assessment"
          hrefFor={(page) => href({ page })}
        />
      ) : null}
    </>
  );
}
