import "server-only";
import type { Db } from "@/lib/db/create-client";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The newest snapshot's exposure per vendor: for `vendorIds`, or for every scored vendor of the
 * organisation when null. One DISTINCT ON over ScoreSnapshot(organizationId, vendorId, computedAt).
 */
export async function latestExposures(db: Db, organizationId: string, vendorIds: readonly string[] | null): Promise<Map<string, number>> {
  if (vendorIds && vendorIds.length === 0) return new Map();
  const only = vendorIds ? Prisma.sql`AND "vendorId" IN (${Prisma.join(vendorIds)})` : Prisma.empty;
  const rows = await db.$queryRaw<{ vendorId: string; exposure: number }[]>`
    SELECT DISTINCT ON ("vendorId") "vendorId", "exposure"
    FROM "ScoreSnapshot"
    WHERE "organizationId" = ${organizationId} ${only}
    ORDER BY "vendorId", "computedAt" DESC`;
  return new Map(rows.map((r) => [r.vendorId, r.exposure]));
}

export const formatExposure = (exposure: number | undefined | null) => (exposure === undefined || exposure === null ? "not scored" : `exposure ${exposure >= 100 ? exposure.toFixed(0) : exposure.toFixed(1)}`);
