import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { AppError, notFound } from "@/lib/errors";
import { assetKey } from "@/lib/linkage/keys";
import { connectionInputSchema } from "@/lib/validation/asset";
import { parseRecordId } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";

import { rescoreAfterInventoryChange } from "./rescore";

/**
 * Records the buyer's own adjacency between two of its assets ("PLC-7 sits behind gateway GW-2"): a
 * Linkage with source INVENTORY reading "if `from` is compromised, `to` is affected with `weight`".
 */
export async function addConnection(db: Db, actor: Actor, input: unknown) {
  assertCan(actor, "manageInventory");
  const data = parseInput(connectionInputSchema, input);
  const result = await db.$transaction(async (tx) => {
    const assets = await tx.asset.findMany({
      where: { id: { in: [data.fromAssetId, data.toAssetId] }, organizationId: actor.organizationId },
      select: { id: true, name: true },
    });
    const from = assets.find((a) => a.id === data.fromAssetId);
    const to = assets.find((a) => a.id === data.toAssetId);
    if (!from || !to) throw notFound("Asset");
    const fromKey = assetKey(from.id);
    const toKey = assetKey(to.id);
    const existing = await tx.linkage.count({
      where: { organizationId: actor.organizationId, source: "INVENTORY", fromKey, toKey, kind: data.kind },
    });
    if (existing) {
      throw new AppError(
        "CONFLICT",
        `${from.name} → ${to.name} is already recorded as ${data.kind.toLowerCase()}.`,
        {
          otherAssetId: [
            `This ${data.kind.toLowerCase()} connection is already recorded; remove it first to change it.`,
          ],
        },
      );
    }
    const linkage = await tx.linkage.create({
      data: {
        organizationId: actor.organizationId,
        fromKey,
        toKey,
        kind: data.kind,
        weight: data.weight,
        reason: data.reason,
        source: "INVENTORY",
        createdById: actor.userId,
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, actor, {
      action: "asset_connection.create",
      entityType: "Linkage",
      entityId: linkage.id,
      details: {
        from: from.name,
        to: to.name,
        fromKey,
        toKey,
        kind: data.kind,
        weight: data.weight,
        reason: data.reason,
      },
    });
    return { id: linkage.id, fromAssetId: from.id, toAssetId: to.id };
  });
  await rescoreAfterInventoryChange(
    db,
    actor.organizationId,
    [assetKey(result.fromAssetId), assetKey(result.toAssetId)],
    `connection ${result.id} added`,
  );
  return result;
}

/** Removes one INVENTORY connection; linkages from assessments are not the buyer's to remove here. */
export async function removeConnection(db: Db, actor: Actor, linkageIdRaw: unknown) {
  assertCan(actor, "manageInventory");
  const id = parseRecordId(linkageIdRaw, "Connection");
  const result = await db.$transaction(async (tx) => {
    const linkage = await tx.linkage.findFirst({
      where: { id, organizationId: actor.organizationId, source: "INVENTORY" },
      select: { id: true, fromKey: true, toKey: true, kind: true, weight: true, reason: true },
    });
    if (!linkage) throw notFound("Connection");
    await tx.linkage.deleteMany({ where: { id, organizationId: actor.organizationId, source: "INVENTORY" } });
    await recordAuditEvent(tx, actor, {
      action: "asset_connection.delete",
      entityType: "Linkage",
      entityId: id,
      details: {
        fromKey: linkage.fromKey,
        toKey: linkage.toKey,
        kind: linkage.kind,
        weight: linkage.weight,
        reason: linkage.reason,
      },
    });
    return { fromKey: linkage.fromKey, toKey: linkage.toKey };
  });
  await rescoreAfterInventoryChange(
    db,
    actor.organizationId,
    [result.fromKey, result.toKey],
    `connection ${id} removed`,
  );
  return result;
}
