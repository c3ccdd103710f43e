import type { Metadata } from "next";
import Link from "next/link";

import { ArchiveVendorButton } from "@/app/(portal)/vendors/[id]/_components/archive-vendor-button";
import { ContactsPanel } from "@/app/(portal)/vendors/[id]/_components/contacts-panel";
import { DeploymentsPanel } from "@/app/(portal)/vendors/[id]/_components/deployments-panel";
import { ManualLinkagesPanel } from "@/app/(portal)/vendors/[id]/_components/manual-linkages-panel";
import { formatDate, StatusBadge } from "@/components/assessments/status-badge";
import { VendorScoreCard } from "@/components/scores/vendor-score-card";
import { Badge, TIER_LABEL, TIER_TONE } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Alert, Card, PageHeader } from "@/components/ui/card";
import { orNotFound } from "@/lib/actions/or-not-found";
import { isOverdue } from "@/lib/assessment/status-machine";
import { requirePageUser } from "@/lib/auth/next-auth/session";
import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { listVendorAssessments } from "@/lib/domain/assessment/read-assessments";
import { listDeploymentsForVendor } from "@/lib/domain/inventory/deployments";
import { countAssets } from "@/lib/domain/inventory/list-assets";
import { listManualLinkages } from "@/lib/domain/linkage/manual-linkages";
import { getVendorScore, resolvePathLabels } from "@/lib/domain/scoring/read-scores";
import { getExposureBands } from "@/lib/domain/settings/exposure-bands";
import { getVendor } from "@/lib/domain/vendor/get-vendor";

export const metadata: Metadata = { title: "Vendor" };

export default async function VendorPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("readVendors");
  const { id } = await params;
  const vendor = await orNotFound(getVendor(getDb(), user, id));
  const canManage = can.manageVendors(user);
  const canScores = can.readScores(user);
  const now = new Date();
  const db = getDb();
  const [assessments, deployments, assetCount, manual, score, bands] = await Promise.all([
    can.readAssessments(user) ? listVendorAssessments(db, user, vendor.id) : { items: [], more: false },
    listDeploymentsForVendor(db, user, vendor.id),
    canManage ? countAssets(db, user) : 0,
    canScores ? listManualLinkages(db, user, vendor.id) : null,
    canScores ? getVendorScore(db, user, vendor.id) : null,
    canScores ? getExposureBands(db, user) : null,
  ]);
  const { names, questions } = score?.current
    ? await resolvePathLabels(db, user.organizationId, score.current.topPaths)
    : { names: {}, questions: {} };
  const archived = vendor.archivedAt !== null;

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
        <Link href="/vendors" className="hover:underline">
          Vendors
        </Link>{" "}
        / {vendor.name}
      </nav>
      <PageHeader
        title={
          <span className="flex items-center gap-3">
            {vendor.name} <Badge tone={TIER_TONE[vendor.tier]}>{TIER_LABEL[vendor.tier]} tier</Badge>
            {archived ? <Badge>Archived</Badge> : null}
          </span>
        }
        description={vendor.description ?? undefined}
        actions={
          canManage ? (
            <>
              {!archived ? (
                <ButtonLink variant="secondary" href={`/vendors/${vendor.id}/edit`}>
                  Edit
                </ButtonLink>
              ) : null}
              <ArchiveVendorButton vendorId={vendor.id} archived={archived} />
            </>
          ) : null
        }
      />
      {archived ? (
        <div className="mb-6">
          <Alert tone="info">
            This vendor is archived: it is hidden from the vendor list and cannot be sent questionnaires.
            Restore it to work with it again.
          </Alert>
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Details" className="lg:col-span-1">
          <dl className="space-y-3 text-sm">
            <div>
              <dt className="text-slate-500">Country</dt>
              <dd>{vendor.country ?? "—"}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Website</dt>
              <dd>
                {vendor.website ? (
                  <a
                    className="text-brand-700 underline"
                    href={vendor.website}
                    rel="noopener noreferrer nofollow"
                    target="_blank"
                  >
                    {vendor.website}
                  </a>
                ) : (
                  "—"
                )}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Registered</dt>
              <dd>{vendor.createdAt.toISOString().slice(0, 10)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Last changed</dt>
              <dd>{vendor.updatedAt.toISOString().slice(0, 10)}</dd>
            </div>
          </dl>
        </Card>
        <div className="space-y-6 lg:col-span-2">
          {score && bands ? (
            <div>
              <VendorScoreCard
                vendorName={vendor.name}
                current={score.current}
                previous={score.previous}
                names={names}
                bands={bands}
                questions={questions}
              />
              <p className="mt-2 flex justify-end gap-4 text-sm">
                {score.current ? (
                  <a
                    href={`/api/vendors/${vendor.id}/report`}
                    download
                    className="font-medium text-brand-700 hover:underline"
                  >
                    Download PDF report
                  </a>
                ) : null}
                <Link
                  href={`/vendors/${vendor.id}/score`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  Open score details
                </Link>
              </p>
            </div>
          ) : null}
          <Card
            title="Assessments"
            actions={
              can.manageAssessments(user) && !archived ? (
                <ButtonLink variant="secondary" href={`/assessments/new?vendorId=${vendor.id}`}>
                  Send questionnaire
                </ButtonLink>
              ) : null
            }
          >
            {assessments.items.length === 0 ? (
              <p className="text-sm text-slate-600">No questionnaire sent to this vendor yet.</p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {assessments.items.map((a) => (
                  <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2.5 text-sm">
                    <Link
                      href={`/assessments/${a.id}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {a.template.title} v{a.template.version}
                    </Link>
                    <span className="flex items-center gap-3 text-slate-600">
                      due {formatDate(a.dueDate)}{" "}
                      <StatusBadge status={a.status} overdue={isOverdue(a.status, a.dueDate, now)} />
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {assessments.more ? (
              <p className="mt-2 text-sm">
                <Link
                  href={`/assessments?vendorId=${vendor.id}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  All of this vendor&rsquo;s assessments
                </Link>
              </p>
            ) : null}
          </Card>
          {manual ? (
            <ManualLinkagesPanel
              vendorId={vendor.id}
              linkages={manual.linkages}
              canManage={can.manageLinkages(user) && !archived}
            />
          ) : null}
          <DeploymentsPanel
            vendorId={vendor.id}
            deployments={deployments}
            hasAssets={assetCount > 0}
            canManage={canManage && !archived}
          />
          <ContactsPanel vendorId={vendor.id} contacts={vendor.contacts} canManage={canManage && !archived} />
        </div>
      </div>
    </>
  );
}
