import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { vendorListQuerySchema, type VendorListQuery } from "@/lib/validation/vendor";

export async function listVendors(db: Db, actor: Actor, rawQuery: unknown) {
  assertCan(actor, "readVendors");
  const query: VendorListQuery = vendorListQuerySchema.parse(rawQuery ?? {});
  const where: Prisma.VendorWhereInput = {
    organizationId: actor.organizationId,
    ...(query.archived === "active"
      ? { archivedAt: null }
      : query.archived === "archived"
        ? { archivedAt: { not: null } }
        : {}),
    ...(query.q
      ? {
          OR: [
            { name: { contains: query.q, mode: "insensitive" } },
            { country: { contains: query.q, mode: "insensitive" } },
            { contacts: { some: { email: { contains: query.q, mode: "insensitive" } } } },
          ],
        }
      : {}),
  };
  const [total, items] = await Promise.all([
    db.vendor.count({ where }),
    db.vendor.findMany({
      where,
      // A stable tiebreaker keeps pages from overlapping when sort keys repeat.
      orderBy: [{ [query.sort]: query.dir }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: {
        id: true,
        name: true,
        tier: true,
        country: true,
        website: true,
        archivedAt: true,
        updatedAt: true,
        _count: { select: { contacts: true } },
        contacts: { where: { isPrimary: true }, select: { name: true, email: true }, take: 1 },
      },
    }),
  ]);
  return {
    items: items.map(({ _count, contacts, ...v }) => ({
      ...v,
      contactCount: _count.contacts,
      primaryContact: contacts[0] ?? null,
    })),
    total,
    query,
    pageCount: Math.max(1, Math.ceil(total / query.pageSize)),
  };
}
