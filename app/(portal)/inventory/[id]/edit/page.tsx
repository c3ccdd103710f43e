import type { Metadata } from "next";

import { AssetForm } from "@/app/(portal)/inventory/_components/asset-form";
import { PageHeader } from "@/components/ui/card";
import { orNotFound } from "@/lib/actions/or-not-found";
import { requirePageUser } from "@/lib/auth/next-auth/session";
import { getDb } from "@/lib/db/client";
import { getAsset } from "@/lib/domain/inventory/get-asset";

export const metadata: Metadata = { title: "Edit asset" };

export default async function EditAssetPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("manageInventory");
  const { id } = await params;
  const asset = await orNotFound(getAsset(getDb(), user, id));
  return (
    <>
      <PageHeader title={`Edit ${asset.name}`} />
      <AssetForm
        assetId={asset.id}
        defaults={{
          name: asset.name,
          type: asset.type,
          criticality: String(asset.criticality),
          safetyImpact: asset.safetyImpact,
          site: asset.site ?? "",
          zone: asset.zone ?? "",
          aliases: asset.aliases.join("; "),
          description: asset.description ?? "",
        }}
      />
    </>
  );
}
