import "server-only";
import type { Db } from "@/lib/db/create-client";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { getCompiledGraph } from "@/lib/domain/graph/graph-cache";
import { rankStructuralAmplifiers, type ScoringGraph, type StructuralAmplifier } from "@/lib/scoring";

// Ranking runs one search per vendor, so it is kept for as long as the compiled graph it was
// computed on: a new graph version is a new object and starts afresh.
const rankings = new WeakMap<ScoringGraph, StructuralAmplifier[]>();
const RANKED = 50;

/**
 * Concentration risk: the components, gateways, platforms and update services that many vendors'
 * exposure passes through (structural amplifiers), most throughput first.
 */
export async function listConcentration(db: Db, actor: Actor, limit = 10): Promise<StructuralAmplifier[]> {
  assertCan(actor, "readScores");
  const compiled = await getCompiledGraph(db, actor.organizationId);
  if (compiled.document.linkages.length === 0) return [];
  let ranked = rankings.get(compiled.graph);
  if (!ranked) {
    ranked = rankStructuralAmplifiers(compiled.graph, { config: compiled.config, limit: RANKED });
    rankings.set(compiled.graph, ranked);
  }
  return ranked.slice(0, limit);
}

