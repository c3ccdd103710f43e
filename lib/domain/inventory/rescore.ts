import "server-only";

import type { Db } from "@/lib/db/create-client";
import { recomputeAfterGraphChange } from "@/lib/domain/scoring/scoring-runs";

/**
 * After an inventory change has committed, rescores the vendors that can reach the changed nodes.
 * Never throws: a failed recompute is recorded as a failed run and the previous scores stay.
 */
export async function rescoreAfterInventoryChange(
  db: Db,
  organizationId: string,
  nodeKeys: string[],
  trigger: string,
) {
  const keys = [...new Set(nodeKeys)];
  if (keys.length === 0) return null;
  return recomputeAfterGraphChange(db, organizationId, keys, trigger).catch((error: unknown) => {
    console.error("[trustmap] rescoring after an inventory change failed:", error);
    return null;
  });
}
