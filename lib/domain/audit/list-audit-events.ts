import "server-only";
import type { Db } from "@/lib/db/create-client";
import { assertCan, type Actor } from "@/lib/auth/roles";

export async function listAuditEvents(db: Db, actor: Actor, options: { page?: number; pageSize?: number } = {}) {
  assertCan(actor, "readAudit");
  const pageSize = Math.min(100, Math.max(10, options.pageSize ?? 50));
  const page = Math.max(1, Math.min(10_000, Math.floor(options.page ?? 1)));
  const where = { organizationId: actor.organizationId };
  const [total, items] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, action: true, entityType: true, entityId: true, details: true, createdAt: true, actor: { select: { name: true, email: true } } },
    }),
  ]);
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
