import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { containsText, notIn, prefixFirst } from "@/lib/db/match-order";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AssetType } from "@/lib/generated/prisma/enums";
import { ASSET_TYPE_LABEL } from "@/lib/validation/asset";
import type { SearchOption, SearchQuery } from "@/lib/validation/search";

type AssetRow = {
  id: string;
  name: string;
  normalizedName: string;
  type: AssetType;
  site: string | null;
  zone: string | null;
};

/** "Controller (PLC / RTU / DCS) · Kiln plant · Level 1": what tells two similar names apart. */
export const assetDetail = (a: Pick<AssetRow, "type" | "site" | "zone">) =>
  [ASSET_TYPE_LABEL[a.type], a.site, a.zone].filter(Boolean).join(" · ");

/** Rows of the organisation's assets whose name contains `q`, prefix matches first (also used for link targets). */
export async function findAssetsByName(
  db: Db,
  organizationId: string,
  query: Pick<SearchQuery, "q" | "limit" | "exclude" | "undeployedFor">,
): Promise<AssetRow[]> {
  const name = Prisma.sql`a."normalizedName"`;
  const undeployed = query.undeployedFor
    ? Prisma.sql`AND NOT EXISTS (SELECT 1 FROM "Deployment" d WHERE d."organizationId" = ${organizationId} AND d."vendorId" = ${query.undeployedFor} AND d."assetId" = a."id")`
    : Prisma.empty;
  return db.$queryRaw<AssetRow[]>`
    SELECT a."id", a."name", a."normalizedName", a."type", a."site", a."zone"
    FROM "Asset" a
    WHERE a."organizationId" = ${organizationId} AND ${containsText(name, query.q)} ${notIn(Prisma.sql`a."id"`, query.exclude)} ${undeployed}
    ORDER BY ${prefixFirst(name, query.q, Prisma.sql`a."id"`)}
    LIMIT ${query.limit}`;
}

/** Assets of the caller's organisation for an asset picker (deployments, connections). */
export async function searchAssets(
  db: Db,
  actor: Actor,
  query: Pick<SearchQuery, "q" | "limit" | "exclude" | "undeployedFor">,
): Promise<SearchOption[]> {
  assertCan(actor, "readInventory");
  const rows = await findAssetsByName(db, actor.organizationId, query);
  return rows.map((a) => ({ id: a.id, label: a.name, detail: assetDetail(a) }));
}
