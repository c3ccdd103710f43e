import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";

import { rebuildAssessmentLinkages } from "./rebuild-assessment-linkages";

/**
 * Re-extracts every accepted assessment of a vendor, inside the caller's transaction, after
 * something the extractor reads besides the answers changed (the buyer-side controls on its
 * deployments). Each assessment is rebuilt from the revision its current linkages came from, so a
 * reopened assessment's newer, unaccepted answers never leak in. Returns the touched node keys.
 */
export async function rebuildVendorLinkages(
  tx: Prisma.TransactionClient,
  organizationId: string,
  vendorId: string,
): Promise<{ assessments: number; touchedNodeKeys: string[] }> {
  const accepted = await tx.assessment.findMany({
    where: { organizationId, vendorId, acceptedAt: { not: null } },
    orderBy: { id: "asc" },
    select: { id: true, status: true },
  });
  if (accepted.length === 0) return { assessments: 0, touchedNodeKeys: [] };
  const current = await tx.linkage.findMany({
    where: { organizationId, assessmentId: { in: accepted.map((a) => a.id) } },
    distinct: ["assessmentId"],
    select: { assessmentId: true, revision: true },
  });
  const revisionOf = new Map(current.map((l) => [l.assessmentId!, l.revision ?? undefined]));
  const touched = new Set<string>();
  let assessments = 0;
  for (const a of accepted) {
    // No linkages and reopened since: nothing of it is on the graph, and its accepted revision is
    // not known here; the next acceptance extracts it.
    if (!revisionOf.has(a.id) && a.status !== "ACCEPTED") continue;
    const result = await rebuildAssessmentLinkages(tx, organizationId, a.id, revisionOf.get(a.id));
    for (const key of result.touchedNodeKeys) touched.add(key);
    assessments++;
  }
  return { assessments, touchedNodeKeys: [...touched] };
}
