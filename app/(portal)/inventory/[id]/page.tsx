import type { Metadata } from "next";
import Link from "next/link";

import { ConnectionsPanel } from "@/app/(portal)/inventory/[id]/_components/connections-panel";
import { DeleteAssetButton } from "@/app/(portal)/inventory/[id]/_components/delete-asset-button";
import { assetTypeLabel, CriticalityBadge, SafetyBadge } from "@/components/inventory/asset-badges";
import { Badge, TIER_LABEL, TIER_TONE } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { orNotFound } from "@/lib/actions/or-not-found";
import { requirePageUser } from "@/lib/auth/next-auth/session";
import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { getAsset } from "@/lib/domain/inventory/get-asset";
import { countAssets } from "@/lib/domain/inventory/list-assets";
import { countAssetDependents } from "@/lib/domain/inventory/save-asset";

export const metadata: Metadata = { title: "Asset" };

export default async function AssetPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("readInventory");
  const { id } = await params;
  const db = getDb();
  const asset = await orNotFound(getAsset(db, user, id));
  const canManage = can.manageInventory(user);
  const [assetCount, dependents] = canManage
    ? await Promise.all([countAssets(db, user), countAssetDependents(db, user, asset.id)])
    : [0, null];

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
        <Link href="/inventory" className="hover:underline">
          Inventory
        </Link>{" "}
        / {asset.name}
      </nav>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {asset.name} <CriticalityBadge value={asset.criticality} />
            {asset.safetyImpact ? <SafetyBadge /> : null}
          </span>
        }
        description={asset.description ?? undefined}
        actions={
          canManage && dependents ? (
            <>
              <ButtonLink variant="secondary" href={`/inventory/${asset.id}/edit`}>
                Edit
              </ButtonLink>
              <DeleteAssetButton
                assetId={asset.id}
                name={asset.name}
                deployments={dependents.deployments}
                connections={dependents.linkages}
              />
            </>
          ) : null
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Details" className="lg:col-span-1">
          <dl className="space-y-3 text-sm">
            <div>
              <dt className="text-slate-500">Type</dt>
              <dd>{assetTypeLabel(asset.type)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Site</dt>
              <dd>{asset.site ?? "—"}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Zone</dt>
              <dd>{asset.zone ?? "—"}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Aliases</dt>
              <dd>{asset.aliases.length ? asset.aliases.join("; ") : "—"}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Last changed</dt>
              <dd>{asset.updatedAt.toISOString().slice(0, 10)}</dd>
            </div>
          </dl>
        </Card>
        <div className="space-y-6 lg:col-span-2">
          <Card title="Vendors deployed here">
            {asset.deployments.length === 0 ? (
              <p className="text-sm text-slate-600">
                No vendor is recorded on this asset. Deployments are recorded on each vendor&apos;s page.
              </p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {asset.deployments.map((d) => (
                  <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-2.5 text-sm">
                    <span>
                      <Link
                        href={`/vendors/${d.vendor.id}`}
                        className="font-medium text-brand-700 hover:underline"
                      >
                        {d.vendor.name}
                      </Link>
                      {d.note ? <span className="text-slate-600"> — {d.note}</span> : null}
                    </span>
                    <span className="flex gap-2">
                      {d.vendor.archivedAt ? <Badge>Archived</Badge> : null}
                      <Badge tone={TIER_TONE[d.vendor.tier]}>{TIER_LABEL[d.vendor.tier]} tier</Badge>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <ConnectionsPanel
            assetId={asset.id}
            assetName={asset.name}
            connections={asset.connections}
            hasOtherAssets={assetCount > 1}
            canManage={canManage}
          />
        </div>
      </div>
    </>
  );
}
