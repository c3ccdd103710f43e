import "server-only";

import type { Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { listOpenMappingRequests } from "@/lib/domain/scoring/read-scores";

/** Open mapping requests with the name of the vendor whose answer raised each. */
export async function listMappingRequestsWithVendors(db: Db, actor: Actor) {
  const requests = await listOpenMappingRequests(db, actor);
  const vendors = await db.vendor.findMany({
    where: {
      organizationId: actor.organizationId,
      id: { in: [...new Set(requests.map((r) => r.vendorId))] },
    },
    select: { id: true, name: true },
  });
  const names = new Map(vendors.map((v) => [v.id, v.name]));
  return requests.map((r) => ({ ...r, vendorName: names.get(r.vendorId) ?? null }));
}
