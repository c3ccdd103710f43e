import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { describeAuditAction } from "@/lib/domain/audit/describe-audit-action";
import type { Role } from "@/lib/generated/prisma/enums";

const EVENTS = 8;
const LIST = 8;
const DAY_MS = 24 * 60 * 60 * 1000;
/** An invitation nobody opened after this long probably never arrived (wrong address, spam filter). */
const UNOPENED_AFTER_DAYS = 3;

/**
 * The administrator's start page: users by role, the newest audit events and e-mail that may not
 * have reached anyone. Scoped to the caller's organisation.
 */
export async function loadAdminHome(db: Db, actor: Actor, now = new Date()) {
  assertCan(actor, "readAudit");
  assertCan(actor, "viewOutbox");
  const organizationId = actor.organizationId;
  const weekAgo = new Date(now.getTime() - 7 * DAY_MS);
  const unopenedSince = new Date(now.getTime() - UNOPENED_AFTER_DAYS * DAY_MS);
  const [byRole, disabled, recentUsers, events, sentThisWeek, unopened, unopenedCount] = await Promise.all([
    db.user.groupBy({ by: ["role"], where: { organizationId, disabledAt: null }, _count: { _all: true } }),
    db.user.count({ where: { organizationId, disabledAt: { not: null } } }),
    db.user.findMany({
      where: { organizationId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 5,
      select: {
        id: true,
        name: true,
        email: true,
        role: true,
        disabledAt: true,
        createdAt: true,
        vendor: { select: { name: true } },
      },
    }),
    db.auditEvent.findMany({
      where: { organizationId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: EVENTS,
      select: {
        id: true,
        action: true,
        entityType: true,
        createdAt: true,
        actor: { select: { name: true } },
      },
    }),
    db.sentMail.count({ where: { organizationId, sentAt: { gte: weekAgo } } }),
    // Delivery is confirmed only by the supplier opening the link: still "sent" days later is a problem to check.
    db.assessment.findMany({
      where: { organizationId, status: "SENT", sentAt: { lt: unopenedSince } },
      orderBy: [{ sentAt: "asc" }, { id: "asc" }],
      take: LIST,
      select: {
        id: true,
        sentAt: true,
        vendor: { select: { name: true } },
        contact: { select: { name: true, email: true } },
      },
    }),
    db.assessment.count({ where: { organizationId, status: "SENT", sentAt: { lt: unopenedSince } } }),
  ]);
  const usersByRole: Partial<Record<Role, number>> = {};
  for (const r of byRole) usersByRole[r.role] = r._count._all;
  return {
    usersByRole,
    disabledUsers: disabled,
    recentUsers,
    events: events.map((e) => ({ ...e, label: describeAuditAction(e.action) })),
    mail: {
      sentThisWeek,
      unopened: { items: unopened, total: unopenedCount },
      unopenedAfterDays: UNOPENED_AFTER_DAYS,
    },
  };
}
export type AdminHome = Awaited<ReturnType<typeof loadAdminHome>>;
