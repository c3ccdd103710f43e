import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import { diffFields, recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseRecordId } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { contactInputSchema } from "@/lib/validation/vendor";

const duplicateEmail = () =>
  new AppError("CONFLICT", "This vendor already has a contact with that e-mail.", {
    email: ["This vendor already has a contact with that e-mail."],
  });

// Only one primary contact per vendor: setting one clears the others in the same transaction.
async function clearOtherPrimaries(
  tx: Prisma.TransactionClient,
  vendorId: string,
  organizationId: string,
  keepId?: string,
) {
  await tx.vendorContact.updateMany({
    where: { vendorId, organizationId, isPrimary: true, ...(keepId ? { id: { not: keepId } } : {}) },
    data: { isPrimary: false },
  });
}

export async function createContact(db: Db, actor: Actor, vendorIdRaw: unknown, input: unknown) {
  assertCan(actor, "manageVendors");
  const vendorId = parseRecordId(vendorIdRaw, "Vendor");
  const data = parseInput(contactInputSchema, input);
  try {
    return await db.$transaction(async (tx) => {
      const vendor = await tx.vendor.findFirst({
        where: { id: vendorId, organizationId: actor.organizationId },
        select: { id: true },
      });
      if (!vendor) throw notFound("Vendor");
      if (data.isPrimary) await clearOtherPrimaries(tx, vendorId, actor.organizationId);
      const contact = await tx.vendorContact.create({
        data: { ...data, vendorId, organizationId: actor.organizationId },
        select: { id: true, name: true, email: true, vendorId: true },
      });
      await recordAuditEvent(tx, actor, {
        action: "vendor_contact.create",
        entityType: "VendorContact",
        entityId: contact.id,
        details: { vendorId, email: contact.email },
      });
      return contact;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateEmail();
    throw error;
  }
}

export async function updateContact(db: Db, actor: Actor, contactIdRaw: unknown, input: unknown) {
  assertCan(actor, "manageVendors");
  const contactId = parseRecordId(contactIdRaw, "Contact");
  const data = parseInput(contactInputSchema, input);
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.vendorContact.findFirst({
        where: { id: contactId, organizationId: actor.organizationId },
        select: { vendorId: true, name: true, email: true, phone: true, jobTitle: true, isPrimary: true },
      });
      if (!before) throw notFound("Contact");
      const next = { ...data, phone: data.phone ?? null, jobTitle: data.jobTitle ?? null };
      if (data.isPrimary) await clearOtherPrimaries(tx, before.vendorId, actor.organizationId, contactId);
      const contact = await tx.vendorContact.update({
        where: { id: contactId, organizationId: actor.organizationId },
        data: next,
        select: { id: true, name: true, email: true, vendorId: true },
      });
      const { vendorId: _v, ...beforeFields } = before;
      await recordAuditEvent(tx, actor, {
        action: "vendor_contact.update",
        entityType: "VendorContact",
        entityId: contactId,
        details: { vendorId: before.vendorId, changes: diffFields(beforeFields, next) } as never,
      });
      return contact;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateEmail();
    throw error;
  }
}

export async function deleteContact(db: Db, actor: Actor, contactIdRaw: unknown) {
  assertCan(actor, "manageVendors");
  const contactId = parseRecordId(contactIdRaw, "Contact");
  return db.$transaction(async (tx) => {
    const contact = await tx.vendorContact.findFirst({
      where: { id: contactId, organizationId: actor.organizationId },
      select: { id: true, vendorId: true, email: true, name: true },
    });
    if (!contact) throw notFound("Contact");
    await tx.vendorContact.delete({ where: { id: contactId, organizationId: actor.organizationId } });
    await recordAuditEvent(tx, actor, {
      action: "vendor_contact.delete",
      entityType: "VendorContact",
      entityId: contactId,
      details: { vendorId: contact.vendorId, email: contact.email, name: contact.name },
    });
    return { vendorId: contact.vendorId };
  });
}
