import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { getVendor } from "@/lib/domain/vendor/get-vendor";
import { AppError } from "@/lib/errors";
import { Card, PageHeader, Alert } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { Badge, TIER_LABEL, TIER_TONE } from "@/components/ui/badge";
import { ArchiveVendorButton } from "@/components/vendors/archive-vendor-button";
import { ContactsPanel } from "@/components/vendors/contacts-panel";

export const metadata: Metadata = { title: "Vendor" };

export default async function VendorPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("readVendors");
  const { id } = await params;
  const vendor = await getVendor(getDb(), user, id).catch((e) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const canManage = can.manageVendors(user);
  const archived = vendor.archivedAt !== null;

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500"><Link href="/vendors" className="hover:underline">Vendors</Link> / {vendor.name}</nav>
      <PageHeader
        title={<span className="flex items-center gap-3">{vendor.name} <Badge tone={TIER_TONE[vendor.tier]}>{TIER_LABEL[vendor.tier]} tier</Badge>{archived ? <Badge>Archived</Badge> : null}</span>}
        description={vendor.description ?? undefined}
        actions={canManage ? (
          <>
            {!archived ? <ButtonLink variant="secondary" href={`/vendors/${vendor.id}/edit`}>Edit</ButtonLink> : null}
            <ArchiveVendorButton vendorId={vendor.id} archived={archived} />
          </>
        ) : null}
      />
      {archived ? <div className="mb-6"><Alert tone="info">This vendor is archived: it is hidden from the vendor list and cannot be sent questionnaires. Restore it to work with it again.</Alert></div> : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Details" className="lg:col-span-1">
          <dl className="space-y-3 text-sm">
            <div><dt className="text-slate-500">Country</dt><dd>{vendor.country ?? "—"}</dd></div>
            <div><dt className="text-slate-500">Website</dt><dd>{vendor.website ? <a className="text-brand-700 underline" href={vendor.website} rel="noopener noreferrer nofollow" target="_blank">{vendor.website}</a> : "—"}</dd></div>
            <div><dt className="text-slate-500">Registered</dt><dd>{vendor.createdAt.toISOString().slice(0, 10)}</dd></div>
            <div><dt className="text-slate-500">Last changed</dt><dd>{vendor.updatedAt.toISOString().slice(0, 10)}</dd></div>
          </dl>
        </Card>
        <div className="lg:col-span-2">
          <ContactsPanel vendorId={vendor.id} contacts={vendor.contacts} canManage={canManage && !archived} />
        </div>
      </div>
    </>
  );
}
