import "server-only";

import type { Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import type { CompiledOrganizationGraph } from "@/lib/domain/graph-store/graph-cache";
import { linkagesByAssessment } from "@/lib/domain/graph-store/graph-index";
import { memoOnGraph } from "@/lib/domain/graph-store/graph-memo";
import { notFound } from "@/lib/errors";
import { vendorKey } from "@/lib/linkage/keys";
import { scoreVendor, type VendorScore } from "@/lib/scoring";
import { parseRecordId } from "@/lib/validation/common";

// A vendor on the compiled graph, shared by the score page (get-vendor-score-details) and what-if.

/** The vendor's score on the current graph, once per graph version: a slider drag then does one search (the "after"), not two. */
export function currentVendorScore(compiled: CompiledOrganizationGraph, vendorKey: string): VendorScore {
  return memoOnGraph(
    compiled.graph,
    "vendor-score",
    vendorKey,
    () => scoreVendor(compiled.graph, vendorKey, { config: compiled.config }),
    1024,
  );
}

/** A vendor of the caller's organisation with the linkages its accepted assessments created. */
export async function loadVendorLinkages(
  db: Db,
  actor: Actor,
  compiled: CompiledOrganizationGraph,
  vendorIdRaw: unknown,
) {
  const id = parseRecordId(vendorIdRaw, "Vendor");
  const vendor = await db.vendor.findFirst({
    where: { id: id, organizationId: actor.organizationId },
    select: {
      id: true,
      name: true,
      assessments: {
        where: { acceptedAt: { not: null } },
        orderBy: { acceptedAt: "desc" },
        select: { id: true, status: true, currentRevision: true, acceptedAt: true },
      },
    },
  });
  if (!vendor) throw notFound("Vendor");
  const index = linkagesByAssessment(compiled);
  const linkages = vendor.assessments.flatMap((a) => index.get(a.id) ?? []);
  const key = vendorKey(vendor.id);
  return {
    vendor,
    key,
    linkages,
    scored: compiled.graph.indexById.has(key) && compiled.assessedVendorKeys.has(key),
  };
}
