import "server-only";

import { isAwaitingReview } from "@/lib/assessment/status-machine";
import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { getCompiledGraph } from "@/lib/domain/graph-store/graph-cache";
import { linkagesByAssessment } from "@/lib/domain/graph-store/graph-index";
import { memoOnGraph } from "@/lib/domain/graph-store/graph-memo";
import { extractAnswerLinkages } from "@/lib/domain/linkage/extract-answer-linkages";
import { currentVendorScore } from "@/lib/domain/scoring/vendor-on-graph";
import { loadTemplate } from "@/lib/domain/template/load-template";
import { AppError, notFound } from "@/lib/errors";
import { toGraphDocument, type LinkageKind } from "@/lib/linkage";
import { evaluateWhatIf, type GraphChanges, type VendorScore } from "@/lib/scoring";
import { parseRecordId } from "@/lib/validation/common";

/** The headline numbers of a vendor before or after the acceptance. */
export interface PreviewScore {
  exposure: number;
  amplification: number;
  exposureLow: number;
  exposureHigh: number;
  assetsReached: number;
  criticalAssetsReached: number;
}

export interface PreviewLinkage {
  from: string;
  to: string;
  kind: LinkageKind;
  weight: number;
  reason: string;
  /** Question ids whose answers created it (custody linkages: the question naming what the vendor runs). */
  questionIds: string[];
  /** The weight rests on an unknown / "don't know" answer. */
  unknown: boolean;
}

export interface AcceptancePreview {
  assessmentId: string;
  vendorId: string;
  vendorName: string;
  revision: number;
  /** Linkages the acceptance would store, heaviest first (at most `LINKAGE_LIMIT`). */
  linkages: PreviewLinkage[];
  linkageCount: number;
  /** Linkages of an earlier acceptance of this assessment that the new ones replace. */
  replacedCount: number;
  /** Named infrastructure that matches no inventory asset: it would wait for mapping. */
  needsMapping: number;
  /** null: the vendor has no score yet (no accepted assessment). */
  before: PreviewScore | null;
  after: PreviewScore | null;
  graphVersion: number;
}

const LINKAGE_LIMIT = 40;

const summarise = (s: VendorScore | null): PreviewScore | null =>
  s && {
    exposure: s.exposure,
    amplification: s.amplification,
    exposureLow: s.exposureLow,
    exposureHigh: s.exposureHigh,
    assetsReached: s.assetsReached,
    criticalAssetsReached: s.criticalAssetsReached,
  };

/**
 * What accepting the submission would do, computed and thrown away: the linkages extraction would
 * store, and the vendor's exposure, amplification and range on the organisation's graph with this
 * assessment's linkages swapped for the new ones (as the what-if evaluates changes: on the cached
 * compiled graph, in scratch buffers). Nothing is written to the database.
 */
export async function previewAcceptance(
  db: Db,
  actor: Actor,
  assessmentIdRaw: unknown,
): Promise<AcceptancePreview> {
  assertCan(actor, "reviewAssessments");
  const id = parseRecordId(assessmentIdRaw, "Assessment");
  const a = await db.assessment.findFirst({
    where: { id, organizationId: actor.organizationId },
    select: {
      id: true,
      status: true,
      vendor: { select: { id: true, name: true } },
      template: { select: { definition: true } },
      revisions: {
        where: { submittedAt: { not: null } },
        orderBy: { revision: "desc" },
        take: 1,
        select: { revision: true, answers: true },
      },
    },
  });
  if (!a) throw notFound("Assessment");
  const revision = a.revisions[0];
  if (!isAwaitingReview(a.status) || !revision)
    throw new AppError("CONFLICT", "Only a submission waiting for review can be previewed.");

  const [{ result }, compiled] = await Promise.all([
    extractAnswerLinkages(db, {
      organizationId: actor.organizationId,
      assessmentId: a.id,
      revision: revision.revision,
      vendor: a.vendor,
      template: loadTemplate(a.template.definition),
      answers: revision.answers as Record<string, unknown>,
    }),
    getCompiledGraph(db, actor.organizationId),
  ]);
  // The new linkages as loadOrganizationGraph would read them back after the acceptance: with
  // scoring model 2's inputs (component suppliers, unknown-answer ranges) and the same provenance.
  const document = toGraphDocument([result], { config: compiled.config });
  const previous = linkagesByAssessment(compiled).get(a.id) ?? [];
  const previousIds = new Set(previous.map((l) => l.id));
  const changes: GraphChanges = {
    removeLinkages:
      previousIds.size > 0 ? [{ where: (l) => l.id !== undefined && previousIds.has(l.id) }] : [],
    addLinkages: document.linkages.map((l) => ({
      ...l,
      id: `preview:${l.id ?? `${l.from}->${l.to}:${l.kind}`}`,
      provenance: {
        source: "ASSESSMENT",
        assessmentId: a.id,
        revision: revision.revision,
        sources: l.provenance,
      },
    })),
    // Nodes the graph already holds keep their attributes (an asset's criticality, a shared component).
    upsertNodes: document.nodes.filter((n) => !compiled.graph.indexById.has(n.id)),
  };
  const key = `vendor:${a.vendor.id}`;
  // One search per (assessment, revision, graph version): reopening the dialog costs nothing.
  const scores = memoOnGraph(
    compiled.graph,
    "acceptance-preview",
    `${a.id}\u0000${revision.revision}`,
    () => {
      const scored = compiled.assessedVendorKeys.has(key) && compiled.graph.indexById.has(key);
      const before = scored ? currentVendorScore(compiled, key) : null;
      const delta = evaluateWhatIf(compiled.graph, changes, {
        config: compiled.config,
        vendorIds: [key],
        transient: true,
      }).deltas[0];
      return { before: summarise(before), after: summarise(delta?.after ?? null) };
    },
  );

  const names = new Map(result.nodes.map((n) => [n.key, n.name]));
  const nameOf = (k: string) =>
    names.get(k) ?? compiled.graph.nodes[compiled.graph.indexById.get(k) ?? -1]?.name ?? k;
  const linkages = [...result.linkages]
    .sort(
      (x, y) => y.weight - x.weight || x.fromKey.localeCompare(y.fromKey) || x.toKey.localeCompare(y.toKey),
    )
    .map((l): PreviewLinkage => ({
      from: nameOf(l.fromKey),
      to: nameOf(l.toKey),
      kind: l.kind,
      weight: l.weight,
      reason: l.reason,
      questionIds: [...new Set(l.provenance.map((p) => p.questionId))],
      unknown: l.provenance[0]?.unknown === true,
    }));
  return {
    assessmentId: a.id,
    vendorId: a.vendor.id,
    vendorName: a.vendor.name,
    revision: revision.revision,
    linkages: linkages.slice(0, LINKAGE_LIMIT),
    linkageCount: linkages.length,
    replacedCount: previous.length,
    needsMapping: result.needsMapping.length,
    ...scores,
    graphVersion: compiled.version,
  };
}
