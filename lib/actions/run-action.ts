import "server-only";

import { requireActor, type CurrentUser } from "@/lib/auth/next-auth/session";
import type { Capability } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/create-client";
import { toActionFailure, type ActionResult } from "@/lib/errors";

/**
 * The shape of every server action: authenticate, check the capability, run one use case, and turn
 * any failure into a result the form can show. The use case still scopes its own queries.
 */
export async function runAction<T>(
  capability: Capability,
  work: (db: Db, actor: CurrentUser) => Promise<T>,
): Promise<ActionResult<T>> {
  try {
    const actor = await requireActor(capability);
    return { ok: true, data: await work(getDb(), actor) };
  } catch (error) {
    return toActionFailure(error);
  }
}
