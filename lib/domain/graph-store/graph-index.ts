import "server-only";

import type { CompiledOrganizationGraph } from "@/lib/domain/graph-store/graph-cache";
import { memoOnGraph } from "@/lib/domain/graph-store/graph-memo";
import type { GraphChanges, GraphLinkageInput, LinkageSelector, ScoringGraph } from "@/lib/scoring";
import { KIND_CODES } from "@/lib/scoring/scoring-graph";
import type { LinkageOutcome, WhatIfLinkage } from "@/lib/what-if/controls";

type Provenance = {
  source?: string;
  assessmentId?: string | null;
  revision?: number | null;
  sources?: { questionId?: string; rowIndex?: number; custody?: boolean }[] | null;
};

/** Flattens a graph linkage's provenance into what the what-if pages show and match controls on. */
export function toWhatIfLinkage(l: GraphLinkageInput): WhatIfLinkage {
  const p = (l.provenance ?? {}) as Provenance;
  const first = Array.isArray(p.sources) ? p.sources[0] : undefined;
  return {
    id: l.id ?? `${l.from}->${l.to}:${l.kind}`,
    from: l.from,
    to: l.to,
    kind: l.kind,
    weight: l.weight,
    reason: l.reason ?? "",
    questionId: first?.questionId ?? null,
    rowIndex: typeof first?.rowIndex === "number" ? first.rowIndex : null,
    assessmentId: p.assessmentId ?? null,
    revision: p.revision ?? null,
    custody: Array.isArray(p.sources) && p.sources.length > 0 && p.sources.every((s) => s.custody === true),
  };
}

/** The linkages each accepted assessment created, by assessment id: built once per graph version, so a what-if never scans the whole document. */
export function linkagesByAssessment(compiled: CompiledOrganizationGraph): Map<string, WhatIfLinkage[]> {
  return memoOnGraph(compiled.graph, "linkages-by-assessment", "", () => {
    const index = new Map<string, WhatIfLinkage[]>();
    for (const l of compiled.document.linkages) {
      const p = l.provenance as Provenance | undefined;
      if (p?.source !== "ASSESSMENT" || !p.assessmentId) continue;
      let list = index.get(p.assessmentId);
      if (!list) index.set(p.assessmentId, (list = []));
      list.push(toWhatIfLinkage(l));
    }
    return index;
  });
}

/** True when no other linkage shares this one's (from, to, kind): it can be selected by endpoints. */
function isOnlyEdge(graph: ScoringGraph, l: WhatIfLinkage): boolean {
  const x = graph.indexById.get(l.from);
  const y = graph.indexById.get(l.to);
  if (x === undefined || y === undefined) return false;
  const kind = KIND_CODES[l.kind];
  let count = 0;
  for (let e = graph.rowStart[x]!; e < graph.rowStart[x + 1]!; e++)
    if (graph.edgeTo[e] === y && graph.edgeKind[e] === kind) count++;
  return count === 1;
}

/**
 * Turns per-linkage outcomes into engine changes. Endpoint selectors cost one row scan each; only
 * linkages that share their endpoints and kind with another fall back to an id predicate (one scan
 * of the whole graph per distinct weight), so the common case stays far from O(E).
 */
export function toGraphChanges(
  graph: ScoringGraph,
  linkages: readonly WhatIfLinkage[],
  outcomes: readonly LinkageOutcome[],
): GraphChanges {
  const byId = new Map(linkages.map((l) => [l.id, l]));
  const removeLinkages: LinkageSelector[] = [];
  const reweightLinkages: { match: LinkageSelector; weight: number }[] = [];
  const removeIds = new Set<string>();
  const reweightIds = new Map<number, Set<string>>();
  // Past a few hundred selectors, a handful of whole-graph scans is cheaper than one scan per row.
  const byEndpoints = outcomes.length <= 256;
  for (const o of outcomes) {
    const l = byId.get(o.linkageId);
    if (!l) continue;
    const direct = byEndpoints && isOnlyEdge(graph, l);
    if (o.removed) {
      if (direct) removeLinkages.push({ from: l.from, to: l.to, kind: l.kind });
      else removeIds.add(l.id);
    } else if (direct) {
      reweightLinkages.push({ match: { from: l.from, to: l.to, kind: l.kind }, weight: o.weight });
    } else {
      let ids = reweightIds.get(o.weight);
      if (!ids) reweightIds.set(o.weight, (ids = new Set()));
      ids.add(l.id);
    }
  }
  if (removeIds.size > 0) removeLinkages.push({ where: (l) => l.id !== undefined && removeIds.has(l.id) });
  for (const [weight, ids] of reweightIds)
    reweightLinkages.push({ match: { where: (l) => l.id !== undefined && ids.has(l.id) }, weight });
  return { removeLinkages, reweightLinkages };
}
