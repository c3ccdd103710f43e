import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { recomputeAfterGraphChange } from "@/lib/domain/scoring/scoring-runs";
import { AppError, notFound } from "@/lib/errors";
import { assetIdOfKey, assetKey, idOfKey, vendorKey } from "@/lib/linkage/keys";
import { parseRecordId } from "@/lib/validation/common";
import { manualLinkageSchema } from "@/lib/validation/linkage";
import { parseInput } from "@/lib/validation/parse";

/**
 * Linkages recorded by hand from this vendor, with the names of what they reach. New targets are
 * searched (GET /api/search?type=target), never listed: an organisation has thousands of assets.
 */
export async function listManualLinkages(db: Db, actor: Actor, vendorIdRaw: unknown) {
  assertCan(actor, "readScores");
  const id = parseRecordId(vendorIdRaw, "Vendor");
  const linkages = await db.linkage.findMany({
    where: { organizationId: actor.organizationId, source: "MANUAL", fromKey: vendorKey(id) },
    orderBy: { createdAt: "desc" },
    select: { id: true, toKey: true, kind: true, weight: true, reason: true, createdAt: true },
  });
  const keys = [...new Set(linkages.map((l) => l.toKey))];
  const assetIds = keys.flatMap((k) => assetIdOfKey(k) ?? []);
  const [assets, nodes] = await Promise.all([
    assetIds.length
      ? db.asset.findMany({
          where: { organizationId: actor.organizationId, id: { in: assetIds } },
          select: { id: true, name: true, type: true },
        })
      : [],
    keys.length > assetIds.length
      ? db.graphNode.findMany({
          where: { organizationId: actor.organizationId, key: { in: keys } },
          select: { key: true, name: true, subtype: true },
        })
      : [],
  ]);
  const names = new Map([
    ...assets.map((a) => [assetKey(a.id), `${a.name} (${a.type.toLowerCase().replace(/_/g, " ")})`] as const),
    ...nodes.map((n) => [n.key, `${n.name}${n.subtype ? ` (${n.subtype})` : ""}`] as const),
  ]);
  return { linkages: linkages.map((l) => ({ ...l, toName: names.get(l.toKey) ?? l.toKey })) };
}

/** "If this vendor is compromised, `toKey` is affected with `weight`", recorded by the buyer with a reason. */
export async function addManualLinkage(db: Db, actor: Actor, input: unknown) {
  assertCan(actor, "manageLinkages");
  const data = parseInput(manualLinkageSchema, input);
  const fromKey = vendorKey(data.vendorId);
  const linkage = await db.$transaction(async (tx) => {
    const vendor = await tx.vendor.findFirst({
      where: { id: data.vendorId, organizationId: actor.organizationId },
      select: { id: true },
    });
    if (!vendor) throw notFound("Vendor");
    const assetId = /^asset:([a-z0-9]{20,40})$/i.exec(data.toKey)?.[1];
    const exists = assetId
      ? await tx.asset.count({ where: { id: assetId, organizationId: actor.organizationId } })
      : await tx.graphNode.count({ where: { key: data.toKey, organizationId: actor.organizationId } });
    if (!exists)
      throw new AppError("VALIDATION", "Some fields need attention.", {
        toKey: ["Choose an asset or component of your organisation."],
      });
    const created = await tx.linkage.create({
      data: {
        organizationId: actor.organizationId,
        fromKey,
        toKey: data.toKey,
        kind: data.kind,
        weight: data.weight,
        reason: data.reason,
        source: "MANUAL",
        createdById: actor.userId,
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, actor, {
      action: "linkage.create",
      entityType: "Linkage",
      entityId: created.id,
      details: { fromKey, toKey: data.toKey, kind: data.kind, weight: data.weight, reason: data.reason },
    });
    return created;
  });
  await recomputeAfterGraphChange(
    db,
    actor.organizationId,
    [fromKey, data.toKey],
    `manual linkage ${linkage.id} added`,
  );
  return linkage;
}

export async function removeManualLinkage(db: Db, actor: Actor, linkageIdRaw: unknown) {
  assertCan(actor, "manageLinkages");
  const id = parseRecordId(linkageIdRaw, "Linkage");
  const removed = await db.$transaction(async (tx) => {
    const l = await tx.linkage.findFirst({
      where: { id: id, organizationId: actor.organizationId, source: "MANUAL" },
      select: { id: true, fromKey: true, toKey: true, kind: true, weight: true, reason: true },
    });
    if (!l) throw notFound("Linkage");
    await tx.linkage.delete({ where: { id: l.id } });
    await recordAuditEvent(tx, actor, {
      action: "linkage.delete",
      entityType: "Linkage",
      entityId: l.id,
      details: { fromKey: l.fromKey, toKey: l.toKey, kind: l.kind, weight: l.weight, reason: l.reason },
    });
    return l;
  });
  await recomputeAfterGraphChange(
    db,
    actor.organizationId,
    [removed.fromKey, removed.toKey],
    `manual linkage ${removed.id} removed`,
  );
  return { vendorId: idOfKey(removed.fromKey) };
}
