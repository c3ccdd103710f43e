import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { rebuildVendorLinkages } from "@/lib/domain/linkage/rebuild-vendor-linkages";
import { queueRescoreInTransaction, runQueuedScoringRun } from "@/lib/domain/scoring/scoring-runs";
import { notFound } from "@/lib/errors";
import { BUYER_CONTROLS } from "@/lib/linkage/buyer-controls";
import { buyerControlsInputSchema } from "@/lib/validation/asset";
import { parseRecordId } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";

export interface SetBuyerControlsResult {
  deploymentId: string;
  vendorId: string;
  assetId: string;
  controls: string[];
  changed: boolean;
  /** Accepted assessments whose linkages were re-extracted with the new controls. */
  assessmentsRebuilt: number;
  /** Vendors rescored in this request (0 when the scoring worker finishes it later). */
  vendorsRescored: number;
}

/**
 * Stores what the buyer already has around one deployment (lib/linkage/buyer-controls.ts). In one
 * transaction: the controls, the audit event, the vendor's linkages re-extracted with them, and a
 * queued rescore of what those linkages reach; this request then runs the rescore (a scoring worker
 * does if it cannot). Saving the same set again changes nothing and rescores nothing.
 */
export async function setBuyerControls(
  db: Db,
  actor: Actor,
  deploymentIdRaw: unknown,
  input: unknown,
): Promise<SetBuyerControlsResult> {
  assertCan(actor, "manageVendors");
  const id = parseRecordId(deploymentIdRaw, "Deployment");
  const data = parseInput(buyerControlsInputSchema, input);
  // One order for storage and comparison, whatever order the boxes were ticked in.
  const controls = BUYER_CONTROLS.filter((c) => data.controls.includes(c));
  const organizationId = actor.organizationId;
  const outcome = await db.$transaction(
    async (tx) => {
      const deployment = await tx.deployment.findFirst({
        where: { id, organizationId },
        select: {
          id: true,
          vendorId: true,
          assetId: true,
          buyerControls: true,
          vendor: { select: { name: true } },
          asset: { select: { name: true } },
        },
      });
      if (!deployment) throw notFound("Deployment");
      // Two saves for one vendor re-extract its linkages one after the other, never interleaved.
      await tx.$executeRaw`SELECT 1 FROM "Vendor" WHERE "id" = ${deployment.vendorId} AND "organizationId" = ${organizationId} FOR UPDATE`;
      const before = deployment.buyerControls ?? [];
      const base = {
        deploymentId: id,
        vendorId: deployment.vendorId,
        assetId: deployment.assetId,
        controls: [...controls] as string[],
      };
      if (before.length === controls.length && controls.every((c, i) => before[i] === c))
        return { ...base, changed: false, assessmentsRebuilt: 0, runId: null };
      await tx.deployment.updateMany({ where: { id, organizationId }, data: { buyerControls: controls } });
      const graph = await rebuildVendorLinkages(tx, organizationId, deployment.vendorId);
      await recordAuditEvent(tx, actor, {
        action: "deployment.buyer_controls",
        entityType: "Deployment",
        entityId: id,
        details: {
          vendorId: deployment.vendorId,
          vendor: deployment.vendor.name,
          assetId: deployment.assetId,
          asset: deployment.asset.name,
          before,
          after: controls,
          assessmentsRebuilt: graph.assessments,
        },
      });
      const runId =
        graph.assessments === 0
          ? null
          : await queueRescoreInTransaction(
              tx,
              organizationId,
              [`vendor:${deployment.vendorId}`, ...graph.touchedNodeKeys],
              `buyer-side controls on deployment ${id} changed`,
            );
      return { ...base, changed: true, assessmentsRebuilt: graph.assessments, runId };
    },
    // Re-extracting a vendor with a large SBOM outlasts Prisma's default 5 s, as accepting does.
    { timeout: 30_000, maxWait: 10_000 },
  );
  const { runId, ...result } = outcome;
  const scoring = runId ? await runQueuedScoringRun(db, runId) : null;
  return { ...result, vendorsRescored: scoring?.vendorsScored ?? 0 };
}
