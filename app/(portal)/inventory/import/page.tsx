import type { Metadata } from "next";
import Link from "next/link";

import { AssetImport } from "@/app/(portal)/inventory/import/_components/asset-import";
import { PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/next-auth/session";

export const metadata: Metadata = { title: "Import assets" };

export default async function ImportAssetsPage() {
  await requirePageUser("manageInventory");
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
        <Link href="/inventory" className="hover:underline">
          Inventory
        </Link>{" "}
        / Import
      </nav>
      <PageHeader
        title="Import assets from CSV"
        description="Every row is checked first. Nothing is written unless every row is valid."
      />
      <AssetImport />
    </>
  );
}
