import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { notFound } from "@/lib/errors";
import { parseRecordId } from "@/lib/validation/common";

/** One vendor of the caller's organisation with its contacts; NOT_FOUND for any other id. */
export async function getVendor(db: Db, actor: Actor, vendorId: unknown) {
  assertCan(actor, "readVendors");
  const id = parseRecordId(vendorId, "Vendor");
  const vendor = await db.vendor.findFirst({
    where: { id: id, organizationId: actor.organizationId },
    select: {
      id: true,
      name: true,
      website: true,
      country: true,
      tier: true,
      description: true,
      archivedAt: true,
      createdAt: true,
      updatedAt: true,
      contacts: {
        orderBy: [{ isPrimary: "desc" }, { name: "asc" }],
        select: { id: true, name: true, email: true, phone: true, jobTitle: true, isPrimary: true },
      },
    },
  });
  if (!vendor) throw notFound("Vendor");
  return vendor;
}
