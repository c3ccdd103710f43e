import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { comparePrefixFirst, containsText, notIn, prefixFirst } from "@/lib/db/match-order";
import { Prisma } from "@/lib/generated/prisma/client";
import { assetKey, idOfKey, isAssetKey } from "@/lib/linkage/keys";
import type { SearchOption, SearchQuery } from "@/lib/validation/search";

import { assetDetail, findAssetsByName } from "./search-assets";

type ComponentRow = { key: string; name: string; sortName: string; subtype: string | null };

/**
 * What a manual linkage can point at: the organisation's assets ("asset:<id>") and the components
 * answers introduced (graph node keys), by name, prefix matches first.
 */
export async function searchLinkTargets(
  db: Db,
  actor: Actor,
  query: Pick<SearchQuery, "q" | "limit" | "exclude">,
): Promise<SearchOption[]> {
  assertCan(actor, "readScores");
  const organizationId = actor.organizationId;
  const excludedAssets = query.exclude.filter(isAssetKey).map(idOfKey);
  const name = Prisma.sql`lower(n."name")`;
  const [assets, components] = await Promise.all([
    findAssetsByName(db, organizationId, { q: query.q, limit: query.limit, exclude: excludedAssets }),
    db.$queryRaw<ComponentRow[]>`
      SELECT n."key", n."name", ${name} AS "sortName", n."subtype"
      FROM "GraphNode" n
      WHERE n."organizationId" = ${organizationId} AND n."type" = 'COMPONENT'::"GraphNodeType" AND ${containsText(name, query.q)} ${notIn(Prisma.sql`n."key"`, query.exclude)}
      ORDER BY ${prefixFirst(name, query.q, Prisma.sql`n."key"`)}
      LIMIT ${query.limit}`,
  ]);
  const merged = [
    ...assets.map((a) => ({
      id: assetKey(a.id),
      label: a.name,
      detail: assetDetail(a),
      sortName: a.normalizedName,
    })),
    ...components.map((c) => ({
      id: c.key,
      label: c.name,
      detail: c.subtype ? `Component · ${c.subtype}` : "Component",
      sortName: c.sortName,
    })),
  ];
  return merged
    .sort(comparePrefixFirst(query.q))
    .slice(0, query.limit)
    .map(({ id, label, detail }) => ({ id, label, detail }));
}
