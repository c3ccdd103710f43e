import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { latestExposures } from "@/lib/domain/search/latest-exposures";
import { idSchema } from "@/lib/validation/common";

import { MAX_COMPARED } from "./compare-vendors";

/**
 * For the compare picker: how many vendors could be compared (the page's empty state) and the
 * chosen ones (`ids`, unknown and archived ones dropped, in the order given) with their newest
 * exposure. Other vendors are searched (GET /api/search?type=vendor), never listed.
 */
export async function listComparableVendors(db: Db, actor: Actor, rawIds: readonly unknown[]) {
  assertCan(actor, "readScores");
  const ids = [...new Set(rawIds.filter((id): id is string => idSchema.safeParse(id).success))].slice(
    0,
    MAX_COMPARED,
  );
  const [count, vendors, exposures] = await Promise.all([
    db.vendor.count({ where: { organizationId: actor.organizationId, archivedAt: null } }),
    db.vendor.findMany({
      where: { organizationId: actor.organizationId, archivedAt: null, id: { in: ids } },
      select: { id: true, name: true, tier: true },
    }),
    latestExposures(db, actor.organizationId, ids),
  ]);
  const byId = new Map(vendors.map((v) => [v.id, { ...v, exposure: exposures.get(v.id) ?? null }]));
  return { count, chosen: ids.flatMap((id) => byId.get(id) ?? []) };
}
