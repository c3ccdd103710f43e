import { ASSET_FIELDS_SELECT } from "@/lib/domain/inventory/asset-select";

import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { AppError, notFound } from "@/lib/errors";
import { deploymentInputSchema } from "@/lib/validation/asset";
import { parseRecordId } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";

// Deployments say where a vendor's products sit in the buyer's inventory. They belong to the vendor
// record, so they follow the vendor capabilities: procurement and admins record them, risk officers read.

const deploymentSelect = {
  id: true,
  note: true,
  buyerControls: true,
  createdAt: true,
  asset: {
    select: ASSET_FIELDS_SELECT,
  },
} as const;

/** The assets a vendor of the caller's organisation is deployed on, by asset name; NOT_FOUND for other vendors. */
export async function listDeploymentsForVendor(db: Db, actor: Actor, vendorIdRaw: unknown) {
  assertCan(actor, "readVendors");
  const vendorId = parseRecordId(vendorIdRaw, "Vendor");
  const vendor = await db.vendor.findFirst({
    where: { id: vendorId, organizationId: actor.organizationId },
    select: { id: true },
  });
  if (!vendor) throw notFound("Vendor");
  return db.deployment.findMany({
    where: { vendorId, organizationId: actor.organizationId },
    orderBy: [{ asset: { normalizedName: "asc" } }, { id: "asc" }],
    select: deploymentSelect,
  });
}
export type DeploymentRow = Awaited<ReturnType<typeof listDeploymentsForVendor>>[number];

export async function addDeployment(
  db: Db,
  actor: Actor,
  vendorIdRaw: unknown,
  assetIdRaw: unknown,
  note?: unknown,
) {
  assertCan(actor, "manageVendors");
  const vendorId = parseRecordId(vendorIdRaw, "Vendor");
  const data = parseInput(deploymentInputSchema, { assetId: assetIdRaw, note: note ?? undefined });
  try {
    return await db.$transaction(async (tx) => {
      const [vendor, asset] = await Promise.all([
        tx.vendor.findFirst({
          where: { id: vendorId, organizationId: actor.organizationId },
          select: { id: true, name: true, archivedAt: true },
        }),
        tx.asset.findFirst({
          where: { id: data.assetId, organizationId: actor.organizationId },
          select: { id: true, name: true },
        }),
      ]);
      if (!vendor) throw notFound("Vendor");
      if (!asset)
        throw new AppError("NOT_FOUND", "Asset not found.", {
          assetId: ["Choose an asset from your inventory."],
        });
      if (vendor.archivedAt)
        throw new AppError(
          "CONFLICT",
          "This vendor is archived. Restore it before recording where its products sit.",
        );
      const deployment = await tx.deployment.create({
        data: { organizationId: actor.organizationId, vendorId, assetId: asset.id, note: data.note ?? null },
        select: deploymentSelect,
      });
      await recordAuditEvent(tx, actor, {
        action: "deployment.create",
        entityType: "Deployment",
        entityId: deployment.id,
        details: {
          vendorId,
          vendor: vendor.name,
          assetId: asset.id,
          asset: asset.name,
          note: data.note ?? null,
        },
      });
      return { ...deployment, vendorId };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", "This vendor is already recorded on that asset.", {
        assetId: ["This vendor is already recorded on that asset."],
      });
    }
    throw error;
  }
}

export async function removeDeployment(db: Db, actor: Actor, deploymentIdRaw: unknown) {
  assertCan(actor, "manageVendors");
  const id = parseRecordId(deploymentIdRaw, "Deployment");
  return db.$transaction(async (tx) => {
    const deployment = await tx.deployment.findFirst({
      where: { id, organizationId: actor.organizationId },
      select: {
        id: true,
        vendorId: true,
        assetId: true,
        vendor: { select: { name: true } },
        asset: { select: { name: true } },
      },
    });
    if (!deployment) throw notFound("Deployment");
    await tx.deployment.deleteMany({ where: { id, organizationId: actor.organizationId } });
    await recordAuditEvent(tx, actor, {
      action: "deployment.delete",
      entityType: "Deployment",
      entityId: id,
      details: {
        vendorId: deployment.vendorId,
        vendor: deployment.vendor.name,
        assetId: deployment.assetId,
        asset: deployment.asset.name,
      },
    });
    return { vendorId: deployment.vendorId, assetId: deployment.assetId };
  });
}
