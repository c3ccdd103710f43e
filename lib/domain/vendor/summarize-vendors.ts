import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { VENDOR_TIERS } from "@/lib/validation/vendor";

/** Active vendors of the caller's organisation, counted per tier. */
export async function summarizeVendors(db: Db, actor: Actor) {
  assertCan(actor, "readVendors");
  const groups = await db.vendor.groupBy({
    by: ["tier"],
    where: { organizationId: actor.organizationId, archivedAt: null },
    _count: { _all: true },
  });
  const byTier = Object.fromEntries(
    VENDOR_TIERS.map((t) => [t, groups.find((g) => g.tier === t)?._count._all ?? 0]),
  ) as Record<(typeof VENDOR_TIERS)[number], number>;
  return { total: Object.values(byTier).reduce((a, b) => a + b, 0), byTier };
}
