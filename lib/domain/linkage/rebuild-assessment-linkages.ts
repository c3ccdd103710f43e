import "server-only";

import { bumpGraphVersion } from "@/lib/domain/graph-store/graph-cache";
import { extractAnswerLinkages } from "@/lib/domain/linkage/extract-answer-linkages";
import { loadTemplate } from "@/lib/domain/template/load-template";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { GraphNodeType, LinkageKind } from "@/lib/generated/prisma/enums";
import { assetKey } from "@/lib/linkage/keys";

const NODE_TYPE: Record<string, GraphNodeType> = { vendor: "VENDOR", component: "COMPONENT", asset: "ASSET" };
const KIND: Record<string, LinkageKind> = {
  adjacency: "ADJACENCY",
  inheritance: "INHERITANCE",
  trust: "TRUST",
};

export interface RebuildResult {
  linkages: number;
  needsMapping: number;
  warnings: readonly string[];
  /** Graph nodes whose linkages changed (old or new): seeds for the incremental recompute. */
  touchedNodeKeys: string[];
}

/**
 * Turns the accepted revision of an assessment into linkages, inside the caller's transaction:
 * the assessment's previous linkages and open mapping requests are replaced as one unit, so a
 * reader sees either the old set or the new one. Provenance on every linkage names the
 * assessment, revision and question. The buyer-side controls stored on the vendor's deployments
 * lower the linkages into them. `revision` rebuilds a given submitted revision (the one the current
 * linkages came from) instead of the newest.
 */
export async function rebuildAssessmentLinkages(
  tx: Prisma.TransactionClient,
  organizationId: string,
  assessmentId: string,
  revisionNumber?: number,
): Promise<RebuildResult> {
  const a = await tx.assessment.findFirstOrThrow({
    where: { id: assessmentId, organizationId },
    select: {
      id: true,
      vendorId: true,
      currentRevision: true,
      vendor: { select: { id: true, name: true } },
      template: { select: { definition: true } },
      revisions: {
        where: {
          submittedAt: { not: null },
          ...(revisionNumber !== undefined && { revision: revisionNumber }),
        },
        orderBy: { revision: "desc" },
        take: 1,
        select: { revision: true, answers: true },
      },
    },
  });
  const revision = a.revisions[0];
  if (!revision) throw new Error(`Assessment ${assessmentId} has no submitted revision`);
  const { result, assetIds } = await extractAnswerLinkages(tx, {
    organizationId,
    assessmentId: a.id,
    revision: revision.revision,
    vendor: a.vendor,
    template: loadTemplate(a.template.definition),
    answers: revision.answers as Record<string, unknown>,
  });
  const previous = await tx.linkage.findMany({
    where: { organizationId, assessmentId: a.id },
    select: { fromKey: true, toKey: true },
  });
  await tx.linkage.deleteMany({ where: { organizationId, assessmentId: a.id } });
  await tx.mappingRequest.deleteMany({ where: { organizationId, assessmentId: a.id, resolvedAt: null } });

  // Real assets are the Asset table; every other node (vendor, components, vendor-run services,
  // placeholders) is a GraphNode shared by key across vendors. Linear in nodes + assets (a set of
  // asset keys) and two statements whatever the count: insert the new nodes, then bring each
  // node's name, subtype (when given) and placeholder flag up to date, as one upsert per node did
  // (the last occurrence of a key wins; a concurrent insert of the key is updated once it commits).
  const assetKeys = new Set(assetIds.map((id) => assetKey(id)));
  const graphNodes = new Map<string, (typeof result.nodes)[number]>();
  for (const node of result.nodes) {
    if (node.type === "asset" && !node.placeholder && assetKeys.has(node.key)) continue;
    graphNodes.delete(node.key);
    graphNodes.set(node.key, node);
  }
  if (graphNodes.size) {
    const nodes = [...graphNodes.values()];
    await tx.graphNode.createMany({
      data: nodes.map((node) => ({
        organizationId,
        key: node.key,
        type: NODE_TYPE[node.type]!,
        name: node.name,
        subtype: node.subtype,
        identity: node.identity as Prisma.InputJsonValue | undefined,
        placeholder: node.placeholder === true,
      })),
      skipDuplicates: true,
    });
    await tx.$executeRaw`
      UPDATE "GraphNode" AS g SET "name" = n."name", "subtype" = COALESCE(n."subtype", g."subtype"), "placeholder" = n."placeholder", "updatedAt" = ${new Date()}
      FROM unnest(${nodes.map((x) => x.key)}::text[], ${nodes.map((x) => x.name)}::text[], ${nodes.map((x) => x.subtype ?? null)}::text[], ${nodes.map((x) => x.placeholder === true)}::boolean[]) AS n("key", "name", "subtype", "placeholder")
      WHERE g."organizationId" = ${organizationId} AND g."key" = n."key"`;
  }
  if (result.linkages.length) {
    await tx.linkage.createMany({
      data: result.linkages.map((l) => ({
        organizationId,
        fromKey: l.fromKey,
        toKey: l.toKey,
        kind: KIND[l.kind]!,
        weight: l.weight,
        reason: l.reason,
        source: "ASSESSMENT" as const,
        assessmentId: a.id,
        revision: revision.revision,
        provenance: l.provenance as unknown as Prisma.InputJsonValue,
      })),
    });
  }
  if (result.needsMapping.length) {
    await tx.mappingRequest.createMany({
      data: result.needsMapping.map((n) => ({
        organizationId,
        assessmentId: a.id,
        vendorId: a.vendorId,
        questionId: n.questionId,
        rowIndex: n.rowIndex ?? null,
        nodeKey: n.nodeKey,
        label: n.label,
        reason: n.reason,
      })),
    });
  }
  await bumpGraphVersion(tx, organizationId);
  const touched = new Set<string>();
  for (const l of [...previous, ...result.linkages.map((l) => ({ fromKey: l.fromKey, toKey: l.toKey }))]) {
    touched.add(l.fromKey);
    touched.add(l.toKey);
  }
  return {
    linkages: result.linkages.length,
    needsMapping: result.needsMapping.length,
    warnings: result.warnings,
    touchedNodeKeys: [...touched],
  };
}
