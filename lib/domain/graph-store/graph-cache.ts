import "server-only";

import type { Db } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  buildScoringGraph,
  resolveScoringConfig,
  type GraphDocument,
  type ScoringConfig,
  type ScoringGraph,
} from "@/lib/scoring";

import { loadOrganizationGraph } from "./load-organization-graph";

/** An organisation's graph compiled for the engine, with what the pages need around it. */
export interface CompiledOrganizationGraph {
  version: number;
  document: GraphDocument;
  graph: ScoringGraph;
  config: ScoringConfig;
  assessedVendorKeys: Set<string>;
}

// One compiled graph per organisation per server process. Loading a large graph from PostgreSQL
// takes seconds; checking the version is one primary-key read, so pages and what-ifs stay fast.
const globalForGraphs = globalThis as unknown as {
  trustmapGraphs?: Map<string, Promise<CompiledOrganizationGraph>>;
};
const cache = (globalForGraphs.trustmapGraphs ??= new Map());

export async function getCompiledGraph(db: Db, organizationId: string): Promise<CompiledOrganizationGraph> {
  const { graphVersion } = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { graphVersion: true },
  });
  const cached = cache.get(organizationId);
  if (cached) {
    const value = await cached.catch(() => null);
    if (value && value.version === graphVersion) return value;
  }
  const loading = (async () => {
    const { document, overrides, assessedVendorKeys } = await loadOrganizationGraph(db, organizationId);
    return {
      version: graphVersion,
      document,
      graph: buildScoringGraph(document),
      config: resolveScoringConfig(overrides),
      assessedVendorKeys,
    };
  })();
  cache.set(organizationId, loading);
  loading.catch(() => cache.delete(organizationId));
  return loading;
}

/**
 * Hands a graph compiled elsewhere in this process (a recompute that just loaded it) to the cache,
 * so the next page does not load the same million linkages again. `version` must have been read
 * before the graph was loaded: a change in between then only makes the cache reload, never serve
 * an older graph under a newer version.
 */
export async function primeCompiledGraph(
  organizationId: string,
  compiled: CompiledOrganizationGraph,
): Promise<void> {
  const current = cache.get(organizationId);
  if (current) {
    const value = await current.catch(() => null);
    // Another request may have loaded (or primed) a newer graph meanwhile: keep that one.
    if (cache.get(organizationId) !== current || (value && value.version >= compiled.version)) return;
  }
  cache.set(organizationId, Promise.resolve(compiled));
}

/** Call in the same transaction as any change to linkages, graph nodes, assets or deployments. */
export async function bumpGraphVersion(
  tx: Prisma.TransactionClient | Db,
  organizationId: string,
): Promise<void> {
  await (tx as Prisma.TransactionClient).organization.update({
    where: { id: organizationId },
    data: { graphVersion: { increment: 1 } },
  });
}
