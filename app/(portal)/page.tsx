import Link from "next/link";

import { formatDate, StatusBadge } from "@/components/assessments/status-badge";
import { Badge, TIER_LABEL, TIER_TONE } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { isOverdue } from "@/lib/assessment/status-machine";
import { requirePageUser } from "@/lib/auth/next-auth/session";
import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { listAssessments } from "@/lib/domain/assessment/read-assessments";
import { listSupplierAssessments } from "@/lib/domain/response/supplier-responses";
import { summarizeVendors } from "@/lib/domain/vendor/summarize-vendors";
import { VENDOR_TIERS } from "@/lib/validation/vendor";

export default async function HomePage() {
  const user = await requirePageUser();
  if (user.role === "SUPPLIER") {
    const assessments = await listSupplierAssessments(getDb(), user);
    const now = new Date();
    return (
      <>
        <PageHeader
          title="My assessments"
          description={`Security questionnaires ${user.organizationName} has asked ${user.vendorName ?? "your company"} to complete.`}
        />
        {assessments.length === 0 ? (
          <EmptyState title="No questionnaires for you yet">
            When {user.organizationName} sends {user.vendorName ?? "your company"} a security questionnaire,
            it appears here and you receive an e-mail with a link. You can answer over several days:
            everything you type is saved as you go.
          </EmptyState>
        ) : (
          <ul className="space-y-3">
            {assessments.map((a) => (
              <li key={a.id}>
                <Link
                  href={`/supplier/assessments/${a.id}`}
                  className="flex flex-wrap items-center justify-between gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 hover:ring-brand-600"
                >
                  <span>
                    <span className="block font-medium text-slate-900">{a.template.title}</span>
                    <span className="text-sm text-slate-600">
                      For {a.organization.name} · due {formatDate(a.dueDate)}
                      {a.currentRevision > 1 ? ` · revision ${a.currentRevision}` : ""}
                    </span>
                  </span>
                  <StatusBadge status={a.status} overdue={isOverdue(a.status, a.dueDate, now)} />
                </Link>
              </li>
            ))}
          </ul>
        )}
      </>
    );
  }
  const [summary, assessments] = await Promise.all([
    summarizeVendors(getDb(), user),
    listAssessments(getDb(), user, {}),
  ]);
  const awaitingReview =
    (assessments.countsByStatus.SUBMITTED ?? 0) + (assessments.countsByStatus.RESUBMITTED ?? 0);
  const waiting = ["SENT", "OPENED", "IN_PROGRESS", "CHANGES_REQUESTED"].reduce(
    (n, s) => n + (assessments.countsByStatus[s] ?? 0),
    0,
  );
  return (
    <>
      <PageHeader
        title={`Welcome, ${user.name.split(" ")[0]}`}
        description={`${user.organizationName} · supplier risk overview`}
      />
      <div className="grid gap-6 md:grid-cols-2">
        <Card
          title="Vendors"
          actions={
            <Link href="/vendors" className="text-sm font-medium text-brand-700 hover:underline">
              View all
            </Link>
          }
        >
          {summary.total === 0 ? (
            <EmptyState
              title="No vendors yet"
              action={
                can.manageVendors(user) ? <ButtonLink href="/vendors/new">Add a vendor</ButtonLink> : null
              }
            >
              Start by registering the suppliers of your controllers, gateways, firmware and remote-access
              tools.
            </EmptyState>
          ) : (
            <>
              <p className="text-3xl font-semibold" data-testid="vendor-total">
                {summary.total}
              </p>
              <p className="text-sm text-slate-600">active vendors</p>
              <ul className="mt-4 flex flex-wrap gap-2">
                {VENDOR_TIERS.map((t) => (
                  <li key={t}>
                    <Badge tone={TIER_TONE[t]}>
                      {TIER_LABEL[t]}: {summary.byTier[t]}
                    </Badge>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>
        <Card
          title="Assessments"
          actions={
            <Link href="/assessments" className="text-sm font-medium text-brand-700 hover:underline">
              View all
            </Link>
          }
        >
          <dl className="grid grid-cols-3 gap-4 text-center">
            <div>
              <dt className="text-xs text-slate-500">Waiting for suppliers</dt>
              <dd className="text-2xl font-semibold">{waiting}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">Awaiting review</dt>
              <dd className="text-2xl font-semibold">
                <Link href="/assessments?filter=awaiting_review" className="hover:underline">
                  {awaitingReview}
                </Link>
              </dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">Overdue</dt>
              <dd className={`text-2xl font-semibold ${assessments.overdueCount ? "text-red-700" : ""}`}>
                <Link href="/assessments?filter=overdue" className="hover:underline">
                  {assessments.overdueCount}
                </Link>
              </dd>
            </div>
          </dl>
        </Card>
        <Card title="How Trustmap works">
          <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
            <li>Procurement registers vendors and sends them the OT supplier questionnaire.</li>
            <li>Suppliers describe their firmware, SDKs, update channels and remote access.</li>
            <li>Accepted answers become adjacency, inheritance and trust linkages to your assets.</li>
            <li>Risk officers compare vendors by how much trust each one propagates.</li>
          </ol>
        </Card>
      </div>
    </>
  );
}
