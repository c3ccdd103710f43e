import { ASSET_FIELDS_SELECT } from "@/lib/domain/inventory/asset-select";

import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import { diffFields, recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { AppError, notFound } from "@/lib/errors";
import { assetKey } from "@/lib/linkage/keys";
import { assetInputSchema, normalizeAssetName, type AssetData } from "@/lib/validation/asset";
import { parseRecordId } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";

import { rescoreAfterInventoryChange } from "./rescore";

function duplicateName(): AppError {
  return new AppError("CONFLICT", "An asset with this name already exists.", {
    name: ["An asset with this name already exists (names are compared ignoring case and spacing)."],
  });
}

/** The columns an asset's input sets, with blanks as null so that clearing a field clears it. */
export function assetColumns(data: AssetData) {
  return {
    name: data.name,
    type: data.type,
    criticality: data.criticality,
    safetyImpact: data.safetyImpact,
    site: data.site ?? null,
    zone: data.zone ?? null,
    aliases: data.aliases,
    description: data.description ?? null,
  };
}

export async function createAsset(db: Db, actor: Actor, input: unknown) {
  assertCan(actor, "manageInventory");
  const data = parseInput(assetInputSchema, input);
  try {
    return await db.$transaction(async (tx) => {
      const asset = await tx.asset.create({
        data: {
          ...assetColumns(data),
          normalizedName: normalizeAssetName(data.name),
          organizationId: actor.organizationId,
        },
        select: { id: true, name: true },
      });
      await recordAuditEvent(tx, actor, {
        action: "asset.create",
        entityType: "Asset",
        entityId: asset.id,
        details: { name: asset.name, type: data.type, criticality: data.criticality },
      });
      return asset;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName();
    throw error;
  }
}

export async function updateAsset(db: Db, actor: Actor, assetIdRaw: unknown, input: unknown) {
  assertCan(actor, "manageInventory");
  const id = parseRecordId(assetIdRaw, "Asset");
  const data = parseInput(assetInputSchema, input);
  let result: { asset: { id: string; name: string }; changed: string[] };
  try {
    result = await db.$transaction(async (tx) => {
      const before = await tx.asset.findFirst({
        where: { id, organizationId: actor.organizationId },
        select: { ...ASSET_FIELDS_SELECT, aliases: true, description: true },
      });
      if (!before) throw notFound("Asset");
      const next = assetColumns(data);
      const asset = await tx.asset.update({
        where: { id, organizationId: actor.organizationId },
        data: { ...next, normalizedName: normalizeAssetName(data.name) },
        select: { id: true, name: true },
      });
      const changes = diffFields(before, next);
      if (Object.keys(changes).length > 0) {
        await recordAuditEvent(tx, actor, {
          action: "asset.update",
          entityType: "Asset",
          entityId: id,
          details: { changes } as never,
        });
      }
      return { asset, changed: Object.keys(changes) };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName();
    throw error;
  }
  // Criticality weighs every path that reaches the asset.
  if (result.changed.includes("criticality"))
    await rescoreAfterInventoryChange(db, actor.organizationId, [assetKey(id)], `asset ${id} updated`);
  return result.asset;
}

/** What deleting an asset takes with it, for the confirmation and the audit record. */
async function dependentsOf(db: Pick<Db, "deployment" | "linkage">, organizationId: string, assetId: string) {
  const key = assetKey(assetId);
  const [deployments, linkages] = await Promise.all([
    db.deployment.count({ where: { organizationId, assetId } }),
    db.linkage.count({ where: { organizationId, OR: [{ fromKey: key }, { toKey: key }] } }),
  ]);
  return { deployments, linkages };
}

/**
 * Deletes an asset with its deployments (foreign-key cascade) and every linkage that has it as an
 * endpoint — a linkage to a node that no longer exists would only mislead the scores. The audit
 * record keeps the name and the counts.
 */
export async function deleteAsset(db: Db, actor: Actor, assetIdRaw: unknown) {
  assertCan(actor, "manageInventory");
  const id = parseRecordId(assetIdRaw, "Asset");
  const key = assetKey(id);
  const result = await db.$transaction(async (tx) => {
    const asset = await tx.asset.findFirst({
      where: { id, organizationId: actor.organizationId },
      select: { id: true, name: true, type: true },
    });
    if (!asset) throw notFound("Asset");
    const removed = await dependentsOf(tx, actor.organizationId, id);
    const linkages = await tx.linkage.findMany({
      where: { organizationId: actor.organizationId, OR: [{ fromKey: key }, { toKey: key }] },
      select: { fromKey: true, toKey: true },
    });
    await tx.linkage.deleteMany({
      where: { organizationId: actor.organizationId, OR: [{ fromKey: key }, { toKey: key }] },
    });
    await tx.asset.delete({ where: { id, organizationId: actor.organizationId } });
    await recordAuditEvent(tx, actor, {
      action: "asset.delete",
      entityType: "Asset",
      entityId: id,
      details: {
        name: asset.name,
        type: asset.type,
        removedDeployments: removed.deployments,
        removedLinkages: removed.linkages,
      },
    });
    return {
      id,
      ...removed,
      neighbours: linkages.flatMap((l) => [l.fromKey, l.toKey]).filter((k) => k !== key),
    };
  });
  // Every path into the deleted asset came through one of its former neighbours.
  const { neighbours, ...removed } = result;
  await rescoreAfterInventoryChange(db, actor.organizationId, neighbours, `asset ${id} deleted`);
  return removed;
}

/** Counts shown in the delete confirmation. */
export async function countAssetDependents(db: Db, actor: Actor, assetIdRaw: unknown) {
  assertCan(actor, "readInventory");
  const id = parseRecordId(assetIdRaw, "Asset");
  const exists = await db.asset.count({ where: { id, organizationId: actor.organizationId } });
  if (!exists) throw notFound("Asset");
  return dependentsOf(db, actor.organizationId, id);
}
