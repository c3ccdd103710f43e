import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { getCompiledGraph, type CompiledOrganizationGraph } from "@/lib/domain/graph-store/graph-cache";
import { toGraphChanges, toWhatIfLinkage } from "@/lib/domain/graph-store/graph-index";
import { memoOnGraph } from "@/lib/domain/graph-store/graph-memo";
import { listReachableCriticalAssets } from "@/lib/domain/scoring/reachable-critical-assets";
import { getVendorScore, resolvePathLabels } from "@/lib/domain/scoring/read-scores";
import { questionLabelsFor } from "@/lib/domain/template/question-labels";
import {
  computeBlastRadius,
  evaluateWhatIf,
  type LinkageKind,
  type NodeType,
  type ScoringGraph,
} from "@/lib/scoring";
import { KIND_BY_CODE, linkageAt } from "@/lib/scoring/scoring-graph";
import type { WhatIfLinkage } from "@/lib/what-if/controls";

import { currentVendorScore, loadVendorLinkages } from "./vendor-on-graph";

/** At most this many nodes in the drawn neighbourhood: beyond it a graph stops being readable. */
export const NEIGHBOURHOOD_NODE_CAP = 60;

export interface NeighbourhoodNode {
  key: string;
  name: string;
  type: NodeType;
  subtype: string | null;
  /** Hops on the best path from the vendor (0 for the vendor itself): the layout's column. */
  hop: number;
  /** Best-path probability of reaching the node; for assets, the noisy-OR probability of being affected. */
  probability: number;
  /** Exposure whose best path passes through (or ends at) this node. */
  contribution: number;
  criticality: number | null;
}

export interface NeighbourhoodEdge {
  id: string;
  from: string;
  to: string;
  kind: LinkageKind;
  weight: number;
  reason: string;
  /** Part of some asset's most probable path from the vendor. */
  onBestPath: boolean;
  source: string | null;
  assessmentId: string | null;
  revision: number | null;
  questionId: string | null;
}

export interface Neighbourhood {
  nodes: NeighbourhoodNode[];
  edges: NeighbourhoodEdge[];
  /** How many reached nodes were left out by the cap. */
  omitted: number;
}

export interface MovingAnswer {
  questionId: string;
  questionLabel: string;
  assessmentId: string;
  revision: number | null;
  linkageCount: number;
  /** Exposure that would disappear if this answer created none of its linkages. */
  drop: number;
  share: number;
}

/** The best-path tree of a vendor's reach, cut to the nodes carrying the most exposure. */
export function buildNeighbourhood(
  compiled: CompiledOrganizationGraph,
  vendorKey: string,
  cap = NEIGHBOURHOOD_NODE_CAP,
): Neighbourhood {
  const { graph, config } = compiled;
  const radius = computeBlastRadius(graph, vendorKey, { config, pathLimit: 2000 });
  const nodeOf = (key: string) => graph.nodes[graph.indexById.get(key)!]!;
  const info = new Map<string, NeighbourhoodNode>();
  const treeEdges = new Set<string>();
  const vendor = nodeOf(vendorKey);
  info.set(vendorKey, {
    key: vendorKey,
    name: vendor.name,
    type: "vendor",
    subtype: null,
    hop: 0,
    probability: 1,
    contribution: radius.exposure,
    criticality: null,
  });
  for (const a of radius.assets) {
    let reach = 1;
    (a.path ?? []).forEach((hop, i) => {
      reach *= hop.weight;
      treeEdges.add(`${hop.from}\u0000${hop.to}\u0000${hop.kind}`);
      const n = nodeOf(hop.to);
      const existing = info.get(hop.to);
      if (existing) {
        existing.contribution += a.contribution;
      } else {
        info.set(hop.to, {
          key: hop.to,
          name: n.name,
          type: n.type,
          subtype: n.subtype ?? null,
          hop: i + 1,
          probability: reach,
          contribution: a.contribution,
          criticality: null,
        });
      }
    });
  }
  for (const a of radius.assets) {
    const n = info.get(a.id);
    if (n) Object.assign(n, { probability: a.probability, criticality: a.criticality });
  }
  // Ancestors carry at least their descendants' exposure, so cutting by contribution (ties: nearer
  // first) keeps every kept node's best path inside the drawing.
  const ranked = [...info.values()].sort(
    (a, b) => b.contribution - a.contribution || a.hop - b.hop || a.key.localeCompare(b.key),
  );
  const kept = ranked.slice(0, cap);
  const keptKeys = new Set(kept.map((n) => n.key));
  return { nodes: kept, edges: edgesAmong(graph, keptKeys, treeEdges), omitted: ranked.length - kept.length };
}

function edgesAmong(graph: ScoringGraph, keys: Set<string>, treeEdges: Set<string>): NeighbourhoodEdge[] {
  const edges: NeighbourhoodEdge[] = [];
  for (const key of keys) {
    const x = graph.indexById.get(key)!;
    for (let e = graph.rowStart[x]!; e < graph.rowStart[x + 1]!; e++) {
      const to = graph.nodes[graph.edgeTo[e]!]!.id;
      if (!keys.has(to) || to === key) continue;
      const linkage = linkageAt(graph, graph.edgeLinkage[e]!);
      const w = toWhatIfLinkage(linkage);
      const kind = KIND_BY_CODE[graph.edgeKind[e]!]!;
      const source = ((linkage.provenance ?? {}) as { source?: string }).source ?? null;
      edges.push({
        id: `${w.id}:${e}`,
        from: key,
        to,
        kind,
        weight: graph.edgeWeight[e]!,
        reason: w.reason,
        onBestPath: treeEdges.has(`${key}\u0000${to}\u0000${kind}`),
        source,
        assessmentId: w.assessmentId,
        revision: w.revision,
        questionId: w.questionId,
      });
    }
  }
  return edges;
}

/**
 * The answers whose linkages carry the most of the vendor's exposure: for each question of its
 * accepted assessment, the exposure drop if that answer had created none of its linkages.
 */
export function rankMovingAnswers(
  compiled: CompiledOrganizationGraph,
  vendorKey: string,
  linkages: readonly WhatIfLinkage[],
  limit = 5,
): Omit<MovingAnswer, "questionLabel">[] {
  // One what-if per question is too slow to repeat on every page view: once per graph version.
  return memoOnGraph(compiled.graph, "moving-answers", vendorKey, () =>
    rankAllMovingAnswers(compiled, vendorKey, linkages),
  ).slice(0, limit);
}

function rankAllMovingAnswers(
  compiled: CompiledOrganizationGraph,
  vendorKey: string,
  linkages: readonly WhatIfLinkage[],
): Omit<MovingAnswer, "questionLabel">[] {
  const before = currentVendorScore(compiled, vendorKey);
  const groups = new Map<string, WhatIfLinkage[]>();
  for (const l of linkages) {
    if (!l.questionId || !l.assessmentId) continue;
    const key = `${l.assessmentId}\u0000${l.questionId}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(l);
  }
  const ranked: Omit<MovingAnswer, "questionLabel">[] = [];
  for (const group of groups.values()) {
    const changes = toGraphChanges(
      compiled.graph,
      group,
      group.map((l) => ({ linkageId: l.id, removed: true as const })),
    );
    const result = evaluateWhatIf(compiled.graph, changes, {
      config: compiled.config,
      vendorIds: [vendorKey],
      baseline: { modelVersion: "", vendors: [before] },
      transient: true,
    });
    const drop = -result.deltas[0]!.exposureDelta;
    if (drop <= 1e-9) continue;
    ranked.push({
      questionId: group[0]!.questionId!,
      assessmentId: group[0]!.assessmentId!,
      revision: group[0]!.revision,
      linkageCount: group.length,
      drop,
      share: before.exposure > 0 ? drop / before.exposure : 0,
    });
  }
  ranked.sort((a, b) => b.drop - a.drop || a.questionId.localeCompare(b.questionId));
  return ranked;
}

/** Everything the vendor score page shows; null when the vendor is not in the caller's organisation. */
export async function getVendorScoreDetails(db: Db, actor: Actor, vendorIdRaw: unknown) {
  assertCan(actor, "readScores");
  const compiled = await getCompiledGraph(db, actor.organizationId);
  const { vendor, key, linkages, scored } = await loadVendorLinkages(db, actor, compiled, vendorIdRaw);
  const score = await getVendorScore(db, actor, vendor.id, { history: true });
  const { names, questions } = score.current
    ? await resolvePathLabels(db, actor.organizationId, score.current.topPaths)
    : { names: {}, questions: {} };
  if (!scored)
    return { vendor, score, names, questions, neighbourhood: null, movingAnswers: [], criticalAssets: [] };

  const neighbourhood = memoOnGraph(compiled.graph, "neighbourhood", key, () =>
    buildNeighbourhood(compiled, key),
  );
  const moving = rankMovingAnswers(compiled, key, linkages);
  const labels = await questionLabelsFor(
    db,
    actor.organizationId,
    moving.map((m) => m.assessmentId),
  );
  const movingAnswers: MovingAnswer[] = moving.map((m) => ({
    ...m,
    questionLabel: labels.get(`${m.assessmentId}\u0000${m.questionId}`)?.label ?? m.questionId,
  }));
  const criticalAssets = listReachableCriticalAssets(compiled, key);
  return { vendor, score, names, questions, neighbourhood, movingAnswers, criticalAssets };
}
