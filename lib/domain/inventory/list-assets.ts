import { ASSET_FIELDS_SELECT } from "@/lib/domain/inventory/asset-select";

import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assetListQuerySchema, type AssetListQuery } from "@/lib/validation/asset";

/** `%` and `_` are wildcards in LIKE; a search for "GW_2" means the underscore itself. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The organisation's assets, searched by name, site, zone or alias, filtered by type, sorted and paged. */
export async function listAssets(db: Db, actor: Actor, rawQuery: unknown) {
  assertCan(actor, "readInventory");
  const query: AssetListQuery = assetListQuerySchema.parse(rawQuery ?? {});
  let aliasHits: string[] = [];
  if (query.q) {
    // Prisma can only match whole array elements; a partial, case-insensitive alias match needs SQL.
    const rows = await db.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Asset"
      WHERE "organizationId" = ${actor.organizationId}
        AND EXISTS (SELECT 1 FROM unnest("aliases") AS alias WHERE alias ILIKE ${`%${escapeLike(query.q)}%`})
      LIMIT 5000`;
    aliasHits = rows.map((r) => r.id);
  }
  const where: Prisma.AssetWhereInput = {
    organizationId: actor.organizationId,
    ...(query.type ? { type: query.type } : {}),
    ...(query.q
      ? {
          OR: [
            { name: { contains: query.q, mode: "insensitive" } },
            { site: { contains: query.q, mode: "insensitive" } },
            { zone: { contains: query.q, mode: "insensitive" } },
            ...(aliasHits.length ? [{ id: { in: aliasHits } }] : []),
          ],
        }
      : {}),
  };
  const [total, items] = await Promise.all([
    db.asset.count({ where }),
    db.asset.findMany({
      where,
      // Name as the second key keeps equal criticalities readable; id keeps pages from overlapping.
      orderBy: [{ [query.sort]: query.dir }, { normalizedName: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: {
        ...ASSET_FIELDS_SELECT,
        aliases: true,
        updatedAt: true,
        _count: { select: { deployments: true } },
      },
    }),
  ]);
  return {
    items: items.map(({ _count, ...a }) => ({ ...a, deploymentCount: _count.deployments })),
    total,
    query,
    pageCount: Math.max(1, Math.ceil(total / query.pageSize)),
  };
}

/** How many assets the organisation has: pickers search them (GET /api/search) instead of listing them. */
export async function countAssets(db: Db, actor: Actor) {
  assertCan(actor, "readInventory");
  return db.asset.count({ where: { organizationId: actor.organizationId } });
}
