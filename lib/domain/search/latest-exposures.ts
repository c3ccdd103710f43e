import "server-only";

import type { Db } from "@/lib/db/create-client";

/**
 * The current exposure (newest snapshot, kept in CurrentScore) per vendor: for `vendorIds`, or for
 * every scored vendor of the organisation when null.
 */
export async function latestExposures(
  db: Db,
  organizationId: string,
  vendorIds: readonly string[] | null,
): Promise<Map<string, number>> {
  if (vendorIds && vendorIds.length === 0) return new Map();
  const rows = await db.currentScore.findMany({
    where: { organizationId, ...(vendorIds ? { vendorId: { in: [...vendorIds] } } : {}) },
    select: { vendorId: true, exposure: true },
  });
  return new Map(rows.map((r) => [r.vendorId, r.exposure]));
}

export const formatExposure = (exposure: number | undefined | null) =>
  exposure === undefined || exposure === null
    ? "not scored"
    : `exposure ${exposure >= 100 ? exposure.toFixed(0) : exposure.toFixed(1)}`;
