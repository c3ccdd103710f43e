import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { getCompiledGraph } from "@/lib/domain/graph-store/graph-cache";
import { memoOnGraph } from "@/lib/domain/graph-store/graph-memo";
import { rankStructuralAmplifiers, type StructuralAmplifier } from "@/lib/scoring";

const RANKED = 50;

/**
 * Concentration risk: the components, gateways, platforms and update services that many vendors'
 * exposure passes through (structural amplifiers), most throughput first.
 */
export async function listConcentration(db: Db, actor: Actor, limit = 10): Promise<StructuralAmplifier[]> {
  assertCan(actor, "readScores");
  const compiled = await getCompiledGraph(db, actor.organizationId);
  if (compiled.document.linkages.length === 0) return [];
  // Ranking runs one search per vendor: once per graph version.
  return memoOnGraph(compiled.graph, "structural-amplifiers", "", () =>
    rankStructuralAmplifiers(compiled.graph, { config: compiled.config, limit: RANKED }),
  ).slice(0, limit);
}
