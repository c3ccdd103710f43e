import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listAuditEvents } from "@/lib/domain/audit/list-audit-events";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requirePageUser("readAudit");
  const page = Number((await searchParams).page) || 1;
  const { items, total, pageCount } = await listAuditEvents(getDb(), user, { page });
  return (
    <>
      <PageHeader title="Audit log" description="Who changed what, and when, in your organisation." />
      {items.length === 0 ? (
        <EmptyState title="Nothing recorded yet">Sign-ins and every change to vendors and contacts appear here.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr><th className="px-4 py-2.5 font-medium">When (UTC)</th><th className="px-4 py-2.5 font-medium">Who</th><th className="px-4 py-2.5 font-medium">Action</th><th className="px-4 py-2.5 font-medium">Record</th><th className="px-4 py-2.5 font-medium">Details</th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((e) => (
                <tr key={e.id}>
                  <td className="whitespace-nowrap px-4 py-2.5 text-slate-600"><time dateTime={e.createdAt.toISOString()}>{e.createdAt.toISOString().replace("T", " ").slice(0, 19)}</time></td>
                  <td className="px-4 py-2.5">{e.actor?.name ?? "—"}</td>
                  <td className="px-4 py-2.5 font-mono text-xs">{e.action}</td>
                  <td className="px-4 py-2.5 text-slate-600">{e.entityType}</td>
                  <td className="max-w-md truncate px-4 py-2.5 font-mono text-xs text-slate-500" title={e.details ? JSON.stringify(e.details) : undefined}>{e.details ? JSON.stringify(e.details) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {total > 0 ? <Pagination page={page} pageCount={pageCount} total={total} noun="event" hrefFor={(p) => `/audit?page=${p}`} /> : null}
    </>
  );
}
