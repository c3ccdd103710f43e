import type { Metadata } from "next";

import { VendorForm } from "@/app/(portal)/vendors/_components/vendor-form";
import { PageHeader } from "@/components/ui/card";
import { orNotFound } from "@/lib/actions/or-not-found";
import { requirePageUser } from "@/lib/auth/next-auth/session";
import { getDb } from "@/lib/db/client";
import { getVendor } from "@/lib/domain/vendor/get-vendor";

export const metadata: Metadata = { title: "Edit vendor" };

export default async function EditVendorPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("manageVendors");
  const { id } = await params;
  const vendor = await orNotFound(getVendor(getDb(), user, id));
  return (
    <>
      <PageHeader title={`Edit ${vendor.name}`} />
      <VendorForm
        vendorId={vendor.id}
        defaults={{
          name: vendor.name,
          tier: vendor.tier,
          country: vendor.country ?? "",
          website: vendor.website ?? "",
          description: vendor.description ?? "",
        }}
      />
    </>
  );
}
