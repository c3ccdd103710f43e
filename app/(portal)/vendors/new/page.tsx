import type { Metadata } from "next";

import { VendorForm } from "@/app/(portal)/vendors/_components/vendor-form";
import { PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/next-auth/session";

export const metadata: Metadata = { title: "New vendor" };

export default async function NewVendorPage() {
  await requirePageUser("manageVendors");
  return (
    <>
      <PageHeader
        title="New vendor"
        description="Register a supplier. You can add contacts and send questionnaires next."
      />
      <VendorForm />
    </>
  );
}
