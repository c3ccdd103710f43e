import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { loadOrganizationGraph } from "@/lib/domain/graph-store/load-organization-graph";
import type { GraphDocument } from "@/lib/scoring";

/**
 * The organisation's linkage graph in the file format of docs/graph-format.md, ready for
 * `npm run score -- <file>` or another tool. Provenance travels with each linkage.
 */
export async function exportOrganizationGraph(db: Db, actor: Actor): Promise<GraphDocument> {
  assertCan(actor, "readScores");
  const { document } = await loadOrganizationGraph(db, actor.organizationId);
  return document;
}
