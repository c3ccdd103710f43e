import type { Metadata } from "next";

import { AssetForm } from "@/app/(portal)/inventory/_components/asset-form";
import { PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/next-auth/session";

export const metadata: Metadata = { title: "New asset" };

export default async function NewAssetPage() {
  await requirePageUser("manageInventory");
  return (
    <>
      <PageHeader
        title="New asset"
        description="A controller, gateway, broker, HMI, historian, platform, zone or site of yours."
      />
      <AssetForm />
    </>
  );
}
