import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import type { AssessmentStatus } from "@/lib/generated/prisma/enums";

const LIST = 8;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
/** Statuses in which the supplier owes an answer: the ones a reminder is for. */
const OWED: AssessmentStatus[] = ["SENT", "OPENED", "IN_PROGRESS", "CHANGES_REQUESTED"];

const ASSESSMENT_ROW = {
  id: true,
  status: true,
  dueDate: true,
  lastRemindedAt: true,
  vendor: { select: { id: true, name: true, tier: true } },
  contact: { select: { name: true, email: true } },
  template: { select: { title: true } },
} as const;

/**
 * The procurement start page: assessments by status, overdue and due within seven days (each can be
 * reminded), and vendors still missing a contact or any assessment. Scoped to the caller's organisation.
 */
export async function loadProcurementHome(db: Db, actor: Actor, now = new Date()) {
  assertCan(actor, "readAssessments");
  const organizationId = actor.organizationId;
  const weekEnd = new Date(now.getTime() + WEEK_MS);
  const owed = { organizationId, status: { in: OWED }, vendor: { archivedAt: null } };
  const activeVendor = { organizationId, archivedAt: null };
  const noContact = { ...activeVendor, contacts: { none: {} } };
  // A cancelled questionnaire leaves the vendor as unassessed as none at all.
  const noAssessment = { ...activeVendor, assessments: { none: { status: { not: "CANCELLED" as const } } } };
  const vendorRow = { id: true, name: true, tier: true, createdAt: true } as const;
  const [
    byStatus,
    overdue,
    overdueCount,
    dueThisWeek,
    dueThisWeekCount,
    withoutContact,
    withoutContactCount,
    withoutAssessment,
    withoutAssessmentCount,
  ] = await Promise.all([
    db.assessment.groupBy({ by: ["status"], where: { organizationId }, _count: { _all: true } }),
    db.assessment.findMany({
      where: { ...owed, dueDate: { lt: now } },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      take: LIST,
      select: ASSESSMENT_ROW,
    }),
    db.assessment.count({ where: { ...owed, dueDate: { lt: now } } }),
    db.assessment.findMany({
      where: { ...owed, dueDate: { gte: now, lt: weekEnd } },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      take: LIST,
      select: ASSESSMENT_ROW,
    }),
    db.assessment.count({ where: { ...owed, dueDate: { gte: now, lt: weekEnd } } }),
    db.vendor.findMany({
      where: noContact,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: LIST,
      select: vendorRow,
    }),
    db.vendor.count({ where: noContact }),
    db.vendor.findMany({
      where: noAssessment,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: LIST,
      select: vendorRow,
    }),
    db.vendor.count({ where: noAssessment }),
  ]);
  const countsByStatus: Partial<Record<AssessmentStatus, number>> = {};
  for (const row of byStatus) countsByStatus[row.status] = row._count._all;
  return {
    countsByStatus,
    overdue: { items: overdue, total: overdueCount },
    dueThisWeek: { items: dueThisWeek, total: dueThisWeekCount },
    withoutContact: { items: withoutContact, total: withoutContactCount },
    withoutAssessment: { items: withoutAssessment, total: withoutAssessmentCount },
  };
}
export type ProcurementHome = Awaited<ReturnType<typeof loadProcurementHome>>;
