import Link from "next/link";

import { RemindButton } from "@/app/(portal)/_components/remind-button";
import { formatDate, StatusBadge } from "@/components/assessments/status-badge";
import { Badge, TIER_LABEL, TIER_TONE } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { STATUS_LABELS } from "@/lib/assessment/status-machine";
import type { ProcurementHome as Data } from "@/lib/domain/home/load-procurement-home";

const linkClass = "font-medium text-brand-700 hover:underline";
const STATUS_ORDER = [
  "DRAFT",
  "SENT",
  "OPENED",
  "IN_PROGRESS",
  "SUBMITTED",
  "CHANGES_REQUESTED",
  "RESUBMITTED",
  "ACCEPTED",
  "CANCELLED",
] as const;

type Row = Data["overdue"]["items"][number];

function AssessmentRows({ rows, canRemind, testId }: { rows: Row[]; canRemind: boolean; testId: string }) {
  return (
    <ul className="divide-y divide-slate-100" data-testid={testId}>
      {rows.map((a) => (
        <li
          key={a.id}
          className="flex flex-wrap items-center justify-between gap-2 py-2 first:pt-0 last:pb-0"
        >
          <span className="min-w-0">
            <Link href={`/assessments/${a.id}`} className={linkClass}>
              {a.vendor.name}
            </Link>
            <span className="block text-xs text-slate-500">
              due {formatDate(a.dueDate)} · {a.contact.name}
              {a.lastRemindedAt ? ` · reminded ${formatDate(a.lastRemindedAt)}` : ""}
            </span>
          </span>
          {canRemind ? <RemindButton assessmentId={a.id} vendorName={a.vendor.name} /> : null}
        </li>
      ))}
    </ul>
  );
}

function VendorRows({ rows, testId }: { rows: Data["withoutContact"]["items"]; testId: string }) {
  return (
    <ul className="flex flex-wrap gap-2" data-testid={testId}>
      {rows.map((v) => (
        <li key={v.id}>
          <Link
            href={`/vendors/${v.id}`}
            className="inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-sm ring-1 ring-slate-200 hover:ring-brand-600"
          >
            {v.name} <Badge tone={TIER_TONE[v.tier]}>{TIER_LABEL[v.tier]}</Badge>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Procurement's start page: where every questionnaire stands and what to chase today. */
export function ProcurementHome({ data, canRemind }: { data: Data; canRemind: boolean }) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card
        title="Assessments by status"
        actions={
          <Link href="/assessments" className="text-sm font-medium text-brand-700 hover:underline">
            View all
          </Link>
        }
      >
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3" data-testid="status-counts">
          {STATUS_ORDER.map((s) => (
            <li key={s} className="flex items-center justify-between gap-2 rounded-md bg-slate-50 px-3 py-2">
              <StatusBadge status={s} />
              <span
                className="font-semibold tabular-nums"
                aria-label={`${STATUS_LABELS[s]}: ${data.countsByStatus[s] ?? 0}`}
              >
                {data.countsByStatus[s] ?? 0}
              </span>
            </li>
          ))}
        </ul>
      </Card>
      <Card
        title={`Overdue (${data.overdue.total})`}
        actions={
          <Link
            href="/assessments?filter=overdue"
            className="text-sm font-medium text-brand-700 hover:underline"
          >
            View all
          </Link>
        }
      >
        {data.overdue.items.length === 0 ? (
          <p className="text-sm text-slate-600">Nothing is overdue.</p>
        ) : (
          <AssessmentRows rows={data.overdue.items} canRemind={canRemind} testId="overdue" />
        )}
      </Card>
      <Card title={`Due this week (${data.dueThisWeek.total})`}>
        {data.dueThisWeek.items.length === 0 ? (
          <p className="text-sm text-slate-600">Nothing falls due in the next seven days.</p>
        ) : (
          <AssessmentRows rows={data.dueThisWeek.items} canRemind={canRemind} testId="due-this-week" />
        )}
      </Card>
      <Card title="Vendors to complete">
        <h3 className="mb-2 text-sm font-medium text-slate-800">
          Without a contact ({data.withoutContact.total})
        </h3>
        {data.withoutContact.items.length === 0 ? (
          <p className="text-sm text-slate-500">Every vendor has a contact.</p>
        ) : (
          <VendorRows rows={data.withoutContact.items} testId="without-contact" />
        )}
        <h3 className="mt-4 mb-2 text-sm font-medium text-slate-800">
          Without an assessment ({data.withoutAssessment.total})
        </h3>
        {data.withoutAssessment.items.length === 0 ? (
          <p className="text-sm text-slate-500">Every vendor has been sent a questionnaire.</p>
        ) : (
          <VendorRows rows={data.withoutAssessment.items} testId="without-assessment" />
        )}
      </Card>
    </div>
  );
}
