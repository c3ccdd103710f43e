import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { COMMENT_REPLIES, DECISION_MESSAGES } from "@/lib/domain/assessment/comment-threads";
import { loadTemplate } from "@/lib/domain/template/template-versions";
import { AppError, notFound } from "@/lib/errors";
import { applyStoredEvidence } from "@/lib/evidence/evidence-answers";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assessmentListQuerySchema } from "@/lib/validation/assessment";
import { parseRecordId } from "@/lib/validation/common";

const PAGE_SIZE = 25;
const OWED = ["SENT", "OPENED", "IN_PROGRESS", "CHANGES_REQUESTED"] as const;

/** Assessments of the caller's organisation, filtered by status group, with overdue derived from the due date. */
export async function listAssessments(db: Db, actor: Actor, rawQuery: unknown, now = new Date()) {
  assertCan(actor, "readAssessments");
  const query = assessmentListQuerySchema.parse(rawQuery ?? {});
  const where: Prisma.AssessmentWhereInput = {
    organizationId: actor.organizationId,
    ...(query.vendorId ? { vendorId: query.vendorId } : {}),
    ...({
      all: {},
      open: { status: { in: ["DRAFT", ...OWED] } },
      awaiting_review: { status: { in: ["SUBMITTED", "RESUBMITTED"] } },
      overdue: { status: { in: [...OWED] }, dueDate: { lt: now } },
      accepted: { status: "ACCEPTED" },
      cancelled: { status: "CANCELLED" },
    }[query.filter] as Prisma.AssessmentWhereInput),
  };
  const orderBy: Prisma.AssessmentOrderByWithRelationInput[] =
    query.sort === "vendor"
      ? [{ vendor: { name: "asc" } }, { id: "asc" }]
      : query.sort === "updatedAt"
        ? [{ updatedAt: "desc" }, { id: "asc" }]
        : [{ dueDate: "asc" }, { id: "asc" }];
  const [total, items, counts] = await Promise.all([
    db.assessment.count({ where }),
    db.assessment.findMany({
      where,
      orderBy,
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        status: true,
        dueDate: true,
        updatedAt: true,
        submittedAt: true,
        currentRevision: true,
        vendor: { select: { id: true, name: true } },
        contact: { select: { name: true, email: true } },
        template: { select: { title: true, version: true } },
      },
    }),
    db.assessment.groupBy({
      by: ["status"],
      where: { organizationId: actor.organizationId },
      _count: { _all: true },
    }),
  ]);
  const overdueCount = await db.assessment.count({
    where: { organizationId: actor.organizationId, status: { in: [...OWED] }, dueDate: { lt: now } },
  });
  return {
    items,
    total,
    query,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    countsByStatus: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Record<
      string,
      number
    >,
    overdueCount,
  };
}

/** The newest assessments of one vendor, for its page: one query, no counts. `more` says whether older ones exist. */
export async function listVendorAssessments(db: Db, actor: Actor, vendorId: string, limit = PAGE_SIZE) {
  assertCan(actor, "readAssessments");
  const rows = await db.assessment.findMany({
    where: { organizationId: actor.organizationId, vendorId },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: limit + 1,
    select: { id: true, status: true, dueDate: true, template: { select: { title: true, version: true } } },
  });
  return { items: rows.slice(0, limit), more: rows.length > limit };
}

/** Everything the staff detail/review page shows about one assessment. */
export async function getAssessmentForStaff(db: Db, actor: Actor, assessmentIdRaw: unknown) {
  assertCan(actor, "readAssessments");
  const id = parseRecordId(assessmentIdRaw, "Assessment");
  const a = await db.assessment.findFirst({
    where: { id: id, organizationId: actor.organizationId },
    select: {
      id: true,
      status: true,
      dueDate: true,
      message: true,
      currentRevision: true,
      createdAt: true,
      sentAt: true,
      openedAt: true,
      submittedAt: true,
      acceptedAt: true,
      cancelledAt: true,
      lastRemindedAt: true,
      vendor: { select: { id: true, name: true } },
      contact: { select: { id: true, name: true, email: true } },
      template: { select: { id: true, title: true, version: true, definition: true } },
      revisions: {
        orderBy: { revision: "asc" },
        select: { revision: true, answers: true, version: true, submittedAt: true, updatedAt: true },
      },
      invitations: {
        orderBy: { createdAt: "desc" },
        select: { id: true, email: true, createdAt: true, expiresAt: true, usedAt: true, revokedAt: true },
      },
      comments: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          revision: true,
          questionId: true,
          body: true,
          createdAt: true,
          author: { select: { name: true } },
          replies: {
            where: { organizationId: actor.organizationId, kind: "SUPPLIER_REPLY" },
            ...COMMENT_REPLIES,
          },
        },
      },
      messages: {
        where: { organizationId: actor.organizationId, kind: DECISION_MESSAGES.kinds },
        orderBy: DECISION_MESSAGES.orderBy,
        select: DECISION_MESSAGES.select,
      },
      organization: { select: { separateReviewDuties: true } },
      evidence: {
        orderBy: { createdAt: "asc" },
        select: { id: true, questionId: true, fileName: true, kind: true, bytes: true, createdAt: true },
      },
    },
  });
  if (!a) throw notFound("Assessment");
  const history = await db.auditEvent.findMany({
    where: { organizationId: actor.organizationId, entityType: "Assessment", entityId: a.id },
    orderBy: { createdAt: "asc" },
    select: { id: true, action: true, createdAt: true, actor: { select: { name: true } } },
  });
  const { definition, ...template } = a.template;
  const loaded = loadTemplate(definition);
  // Files are shown as stored (name, kind, size), not as the answer JSON describes them.
  const revisions = a.revisions.map((r) => ({
    ...r,
    answers: applyStoredEvidence(
      loaded,
      r.answers as Record<string, unknown>,
      a.evidence,
    ) as Prisma.JsonValue,
  }));
  return { ...a, revisions, template: { ...template, definition: loaded }, history };
}

/** An active vendor of the caller's organisation and its contacts (primary first), to address an assessment to. */
export async function listAssessmentContacts(db: Db, actor: Actor, vendorIdRaw: unknown) {
  assertCan(actor, "manageAssessments");
  const id = parseRecordId(vendorIdRaw, "Vendor");
  const vendor = await db.vendor.findFirst({
    where: { id: id, organizationId: actor.organizationId, archivedAt: null },
    select: {
      id: true,
      name: true,
      contacts: {
        orderBy: [{ isPrimary: "desc" }, { name: "asc" }],
        select: { id: true, name: true, email: true, isPrimary: true },
      },
    },
  });
  if (!vendor) throw notFound("Vendor");
  return vendor;
}

/**
 * What the new-assessment form needs: templates, whether any vendor exists, and the vendor named
 * in the link (with its contacts) when there is one. Other vendors are searched, never listed.
 */
export async function getAssessmentFormOptions(db: Db, actor: Actor, vendorIdRaw?: unknown) {
  assertCan(actor, "manageAssessments");
  const [vendorCount, vendor, templates] = await Promise.all([
    db.vendor.count({ where: { organizationId: actor.organizationId, archivedAt: null } }),
    // A stale link (vendor archived or gone) just leaves the vendor to be chosen.
    vendorIdRaw
      ? listAssessmentContacts(db, actor, vendorIdRaw).catch((e: unknown) => {
          if (e instanceof AppError && e.code === "NOT_FOUND") return null;
          throw e;
        })
      : null,
    db.questionnaireTemplate.findMany({
      where: { organizationId: actor.organizationId, archivedAt: null },
      orderBy: [{ key: "asc" }, { version: "desc" }],
      select: { id: true, key: true, title: true, version: true },
    }),
  ]);
  return { vendorCount, vendor, templates };
}
