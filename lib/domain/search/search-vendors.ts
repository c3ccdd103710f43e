import "server-only";

import { assertCan, can, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { containsText, notIn, prefixFirst } from "@/lib/db/match-order";
import { Prisma } from "@/lib/generated/prisma/client";
import type { VendorTier } from "@/lib/generated/prisma/enums";
import type { SearchOption, SearchQuery } from "@/lib/validation/search";

import { formatExposure, latestExposures } from "./latest-exposures";

const TIER = { CRITICAL: "Critical", HIGH: "High", MEDIUM: "Medium", LOW: "Low" } as const satisfies Record<
  VendorTier,
  string
>;

/** "Critical tier · exposure 12.3" (exposure left out when the caller may not read scores: undefined). */
export const vendorDetail = (tier: VendorTier, exposure: number | null | undefined) =>
  `${TIER[tier]} tier${exposure === undefined ? "" : ` · ${formatExposure(exposure)}`}`;

/** Active vendors of the caller's organisation by name (new assessment, compare); exposure when the caller may read scores. */
export async function searchVendors(
  db: Db,
  actor: Actor,
  query: Pick<SearchQuery, "q" | "limit" | "exclude">,
): Promise<SearchOption[]> {
  assertCan(actor, "readVendors");
  const name = Prisma.sql`v."normalizedName"`;
  const rows = await db.$queryRaw<{ id: string; name: string; tier: VendorTier }[]>`
    SELECT v."id", v."name", v."tier"
    FROM "Vendor" v
    WHERE v."organizationId" = ${actor.organizationId} AND v."archivedAt" IS NULL AND ${containsText(name, query.q)} ${notIn(Prisma.sql`v."id"`, query.exclude)}
    ORDER BY ${prefixFirst(name, query.q, Prisma.sql`v."id"`)}
    LIMIT ${query.limit}`;
  const exposures = can.readScores(actor)
    ? await latestExposures(
        db,
        actor.organizationId,
        rows.map((r) => r.id),
      )
    : null;
  return rows.map((v) => ({
    id: v.id,
    label: v.name,
    detail: vendorDetail(v.tier, exposures ? (exposures.get(v.id) ?? null) : undefined),
  }));
}
