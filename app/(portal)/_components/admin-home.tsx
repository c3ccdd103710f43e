import Link from "next/link";

import { formatDate, formatDateTime } from "@/components/assessments/status-badge";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { AdminHome as Data } from "@/lib/domain/home/load-admin-home";

const ROLES = ["ADMIN", "PROCUREMENT", "RISK_OFFICER", "SUPPLIER"] as const;
const viewAll = (href: string, label = "View all") => (
  <Link href={href} className="text-sm font-medium whitespace-nowrap text-brand-700 hover:underline">
    {label}
  </Link>
);

/** The administrator's start page: who uses the portal, what happened, and mail that may not have arrived. */
export function AdminHome({ data }: { data: Data }) {
  const { mail } = data;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title="Users">
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="users-by-role">
          {ROLES.map((r) => (
            <div key={r} className="rounded-md bg-slate-50 px-3 py-2">
              <dt className="text-xs text-slate-500">{ROLE_LABELS[r]}</dt>
              <dd className="text-xl font-semibold tabular-nums">{data.usersByRole[r] ?? 0}</dd>
            </div>
          ))}
        </dl>
        {data.disabledUsers > 0 ? (
          <p className="mt-2 text-xs text-slate-500">{data.disabledUsers} disabled</p>
        ) : null}
        <h3 className="mt-4 mb-2 text-sm font-medium text-slate-800">Newest accounts</h3>
        <ul className="space-y-1.5 text-sm">
          {data.recentUsers.map((u) => (
            <li key={u.id} className="flex flex-wrap items-baseline justify-between gap-x-3">
              <span className="min-w-0">
                <span className="font-medium text-slate-900">{u.name}</span>{" "}
                <span className="text-xs break-all text-slate-500">{u.email}</span>
              </span>
              <span className="text-xs text-slate-600">
                {ROLE_LABELS[u.role]}
                {u.vendor ? ` · ${u.vendor.name}` : ""}
                {u.disabledAt ? " · disabled" : ""}
              </span>
            </li>
          ))}
        </ul>
      </Card>
      <Card title="Mail delivery" actions={viewAll("/outbox", "Outbox")}>
        <p className="text-sm text-slate-600">
          {mail.sentThisWeek} e-mail{mail.sentThisWeek === 1 ? "" : "s"} sent in the last seven days.
        </p>
        <h3 className="mt-4 mb-1 text-sm font-medium text-slate-800">
          Invitations not opened after {mail.unopenedAfterDays} days ({mail.unopened.total})
        </h3>
        <p className="mb-2 text-xs text-slate-500">
          The mail server accepted them, but nobody has opened the link: check the address or ask the vendor.
        </p>
        {mail.unopened.items.length === 0 ? (
          <p className="text-sm text-slate-500">None.</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="mail-problems">
            {mail.unopened.items.map((a) => (
              <li key={a.id} className="flex flex-wrap items-baseline justify-between gap-2 py-1.5">
                <span className="min-w-0">
                  <Link href={`/assessments/${a.id}`} className="font-medium text-brand-700 hover:underline">
                    {a.vendor.name}
                  </Link>{" "}
                  <span className="text-xs break-all text-slate-500">{a.contact.email}</span>
                </span>
                <Badge tone="amber">sent {a.sentAt ? formatDate(a.sentAt) : "—"}</Badge>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="Recent audit events" actions={viewAll("/audit")} className="lg:col-span-2">
        {data.events.length === 0 ? (
          <p className="text-sm text-slate-600">Nothing recorded yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="recent-audit">
            {data.events.map((e) => (
              <li key={e.id} className="flex flex-wrap items-baseline justify-between gap-x-3 py-1.5">
                <span>
                  <span className="font-medium text-slate-900">{e.label}</span>{" "}
                  <span className="text-slate-500">by {e.actor?.name ?? "the system"}</span>
                </span>
                <time className="text-xs text-slate-500" dateTime={e.createdAt.toISOString()}>
                  {formatDateTime(e.createdAt)}
                </time>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
