import { ASSET_FIELDS_SELECT } from "@/lib/domain/inventory/asset-select";

import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { notFound } from "@/lib/errors";
import { assetIdOfKey, assetKey } from "@/lib/linkage/keys";
import { parseRecordId } from "@/lib/validation/common";

/**
 * One asset of the caller's organisation with the vendors deployed on it and its connections (the
 * buyer's own adjacency: INVENTORY linkages in either direction); NOT_FOUND for any other id.
 */
export async function getAsset(db: Db, actor: Actor, assetIdRaw: unknown) {
  assertCan(actor, "readInventory");
  const id = parseRecordId(assetIdRaw, "Asset");
  const asset = await db.asset.findFirst({
    where: { id, organizationId: actor.organizationId },
    select: {
      ...ASSET_FIELDS_SELECT,
      aliases: true,
      description: true,
      createdAt: true,
      updatedAt: true,
      // Everyone who reads the inventory reads vendors too (lib/auth/roles.ts).
      deployments: {
        where: { organizationId: actor.organizationId },
        orderBy: { vendor: { name: "asc" } },
        select: {
          id: true,
          note: true,
          vendor: { select: { id: true, name: true, tier: true, archivedAt: true } },
        },
      },
    },
  });
  if (!asset) throw notFound("Asset");

  const key = assetKey(asset.id);
  const linkages = await db.linkage.findMany({
    where: {
      organizationId: actor.organizationId,
      source: "INVENTORY",
      OR: [{ fromKey: key }, { toKey: key }],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, fromKey: true, toKey: true, kind: true, weight: true, reason: true, createdAt: true },
  });
  const otherIds = [
    ...new Set(
      linkages
        .map((l) => assetIdOfKey(l.fromKey === key ? l.toKey : l.fromKey))
        .filter((x): x is string => x !== null),
    ),
  ];
  const others = otherIds.length
    ? await db.asset.findMany({
        where: { id: { in: otherIds }, organizationId: actor.organizationId },
        select: { id: true, name: true, type: true },
      })
    : [];
  const byId = new Map(others.map((o) => [o.id, o]));
  const connections = linkages.map((l) => {
    const direction = l.fromKey === key ? ("outgoing" as const) : ("incoming" as const);
    const otherId = assetIdOfKey(direction === "outgoing" ? l.toKey : l.fromKey);
    const other = otherId ? byId.get(otherId) : undefined;
    return {
      id: l.id,
      direction,
      kind: l.kind,
      weight: l.weight,
      reason: l.reason,
      createdAt: l.createdAt,
      other: other ?? null,
    };
  });
  return { ...asset, connections };
}
