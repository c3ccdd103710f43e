import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import { diffFields, recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { AppError, notFound } from "@/lib/errors";
import { parseRecordId } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { vendorInputSchema } from "@/lib/validation/vendor";

export const normalizeVendorName = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();

function duplicateName(): AppError {
  return new AppError("CONFLICT", "A vendor with this name already exists.", {
    name: ["A vendor with this name already exists (it may be archived)."],
  });
}

export async function createVendor(db: Db, actor: Actor, input: unknown) {
  assertCan(actor, "manageVendors");
  const data = parseInput(vendorInputSchema, input);
  try {
    return await db.$transaction(async (tx) => {
      const vendor = await tx.vendor.create({
        data: {
          ...data,
          normalizedName: normalizeVendorName(data.name),
          organizationId: actor.organizationId,
        },
        select: { id: true, name: true },
      });
      await recordAuditEvent(tx, actor, {
        action: "vendor.create",
        entityType: "Vendor",
        entityId: vendor.id,
        details: { name: vendor.name },
      });
      return vendor;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName();
    throw error;
  }
}

export async function updateVendor(db: Db, actor: Actor, vendorId: unknown, input: unknown) {
  assertCan(actor, "manageVendors");
  const id = parseRecordId(vendorId, "Vendor");
  const data = parseInput(vendorInputSchema, input);
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.vendor.findFirst({
        where: { id: id, organizationId: actor.organizationId },
        select: { name: true, website: true, country: true, tier: true, description: true },
      });
      if (!before) throw notFound("Vendor");
      const next = {
        ...data,
        website: data.website ?? null,
        country: data.country ?? null,
        description: data.description ?? null,
      };
      const vendor = await tx.vendor.update({
        where: { id: id, organizationId: actor.organizationId },
        data: { ...next, normalizedName: normalizeVendorName(data.name) },
        select: { id: true, name: true },
      });
      const changes = diffFields(before, next);
      if (Object.keys(changes).length > 0) {
        await recordAuditEvent(tx, actor, {
          action: "vendor.update",
          entityType: "Vendor",
          entityId: vendor.id,
          details: { changes } as never,
        });
      }
      return vendor;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName();
    throw error;
  }
}

/** Archiving hides a vendor from the default list but keeps its history; restoring undoes it. */
export async function setVendorArchived(db: Db, actor: Actor, vendorId: unknown, archived: boolean) {
  assertCan(actor, "manageVendors");
  const id = parseRecordId(vendorId, "Vendor");
  return db.$transaction(async (tx) => {
    const result = await tx.vendor.updateMany({
      where: { id: id, organizationId: actor.organizationId, archivedAt: archived ? null : { not: null } },
      data: { archivedAt: archived ? new Date() : null },
    });
    if (result.count === 0) {
      const exists = await tx.vendor.count({ where: { id: id, organizationId: actor.organizationId } });
      if (!exists) throw notFound("Vendor");
      return { id: id, changed: false };
    }
    await recordAuditEvent(tx, actor, {
      action: archived ? "vendor.archive" : "vendor.restore",
      entityType: "Vendor",
      entityId: id,
    });
    return { id: id, changed: true };
  });
}
