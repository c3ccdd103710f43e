import type { Metadata } from "next";

import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Alert, EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/next-auth/session";
import { getDb } from "@/lib/db/client";
import { describeAuditAction, describeEntityType } from "@/lib/domain/audit/describe-audit-action";
import {
  listAuditEvents,
  listAuditFilterOptions,
  parseAuditFilter,
  type AuditRow,
} from "@/lib/domain/audit/list-audit-events";
import { AppError, type FieldErrors } from "@/lib/errors";
import { AUDIT_FILTER_KEYS, auditFilterQuery, type AuditFilter } from "@/lib/validation/audit";

import { AuditFilters } from "./_components/audit-filters";
import { AuditPager } from "./_components/audit-pager";

export const metadata: Metadata = { title: "Audit log" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const utc = (d: Date) => d.toISOString().replace("T", " ").slice(0, 19);

function When({ row }: { row: AuditRow }) {
  const last = <time dateTime={row.createdAt.toISOString()}>{utc(row.createdAt)}</time>;
  if (row.count === 1) return last;
  return (
    <>
      {last}
      <span className="block text-xs text-slate-500">
        first <time dateTime={row.firstAt.toISOString()}>{utc(row.firstAt)}</time>
      </span>
    </>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("readAudit");
  const raw = await searchParams;
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const values = Object.fromEntries(AUDIT_FILTER_KEYS.map((k) => [k, flat[k]])) as Partial<
    Record<keyof AuditFilter, string>
  >;
  const db = getDb();

  let filter: AuditFilter | null = null;
  let errors: FieldErrors | undefined;
  try {
    filter = parseAuditFilter(values);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "VALIDATION") throw error;
    errors = error.fieldErrors;
  }
  const page = Number(flat.page) || 1;
  const [options, result] = await Promise.all([
    listAuditFilterOptions(db, user),
    filter ? listAuditEvents(db, user, { filter, page }) : null,
  ]);
  const filtered = filter ? AUDIT_FILTER_KEYS.some((k) => filter[k]) : true;

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who did what, and when, in your organisation. Times are UTC; repeated sign-ins in a row are shown once with a count."
        actions={
          filter ? (
            <a
              className={buttonClass("secondary")}
              href={`/audit/export.csv${auditFilterQuery(filter)}`}
              download
            >
              Download CSV
            </a>
          ) : null
        }
      />
      <AuditFilters values={values} errors={errors} options={options} />
      {!result ? (
        <Alert>
          Some filters need attention:{" "}
          {Object.values(errors ?? {})
            .flat()
            .join(" ")}
        </Alert>
      ) : result.items.length === 0 ? (
        filtered ? (
          <EmptyState title="No events match these filters">
            Widen the date range or clear a filter.
          </EmptyState>
        ) : (
          <EmptyState title="Nothing recorded yet">
            Sign-ins, changes, exports and downloads appear here.
          </EmptyState>
        )
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th className="px-4 py-2.5 font-medium">When (UTC)</th>
                <th className="px-4 py-2.5 font-medium">Who</th>
                <th className="px-4 py-2.5 font-medium">Action</th>
                <th className="px-4 py-2.5 font-medium">Record</th>
                <th className="px-4 py-2.5 font-medium">Details</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.items.map((e) => (
                <tr key={e.id} className="align-top">
                  <td className="px-4 py-2.5 whitespace-nowrap text-slate-600">
                    <When row={e} />
                  </td>
                  <td className="px-4 py-2.5" title={e.actor?.email}>
                    {e.actor?.name ?? "—"}
                  </td>
                  <td className="px-4 py-2.5">
                    <span className="flex items-center gap-2">
                      <span className="text-slate-900">{describeAuditAction(e.action)}</span>
                      {e.count > 1 ? (
                        <Badge tone="blue">
                          × {e.count}
                          <span className="sr-only"> times in a row</span>
                        </Badge>
                      ) : null}
                    </span>
                    <span className="block font-mono text-xs text-slate-500">{e.action}</span>
                  </td>
                  <td className="px-4 py-2.5 text-slate-600">{describeEntityType(e.entityType)}</td>
                  <td
                    className="max-w-md truncate px-4 py-2.5 font-mono text-xs text-slate-500"
                    title={e.details ? JSON.stringify(e.details) : undefined}
                  >
                    {e.details ? JSON.stringify(e.details) : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {result && (result.page > 1 || result.hasNext) ? (
        <AuditPager
          page={result.page}
          hasNext={result.hasNext}
          hrefFor={(p) => `/audit${auditFilterQuery(filter!, p > 1 ? { page: String(p) } : {})}`}
        />
      ) : null}
    </>
  );
}
