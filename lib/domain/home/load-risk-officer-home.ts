import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { listConcentration } from "@/lib/domain/portfolio/list-concentration";
import { resolveNodeNames } from "@/lib/domain/scoring/read-scores";
import { getExposureBands } from "@/lib/domain/settings/exposure-bands";
import { questionLabelsFor } from "@/lib/domain/template/question-labels";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AssessmentStatus, VendorTier } from "@/lib/generated/prisma/enums";
import { describePathReason, type ReasonQuestion } from "@/lib/portfolio/describe-path-reason";
import {
  describeScoreChangeCause,
  parseRescoreTrigger,
  type ScoreChangeCause,
} from "@/lib/portfolio/score-change-cause";
import type { ExplainingPath } from "@/lib/scoring";

const TOP_VENDORS = 5;
const QUEUE = 8;
const UNKNOWN = 8;
const AMPLIFIERS = 5;
const CHANGES = 8;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
/** Smaller moves are rounding between runs, not news. */
const MIN_EXPOSURE_DELTA = 0.05;
const MIN_AMPLIFICATION_DELTA = 0.005;
const OWED: AssessmentStatus[] = ["SENT", "OPENED", "IN_PROGRESS", "CHANGES_REQUESTED"];

export interface TopVendor {
  id: string;
  name: string;
  tier: VendorTier;
  exposure: number;
  amplification: number;
  beyondFootprintExposure: number;
  /** One line of plain words from the top explaining path; null when no path reaches an asset. */
  reason: string | null;
}

type ScoredRow = {
  id: string;
  name: string;
  tier: VendorTier;
  exposure: number;
  amplification: number;
  beyondFootprintExposure: number;
  topPaths: ExplainingPath[] | null;
};

/** Each vendor's top path in words: node names and question numbers, looked up in one round each. */
async function withReasons(db: Db, organizationId: string, rows: ScoredRow[]): Promise<TopVendor[]> {
  const firstPaths = rows.map((r) => (Array.isArray(r.topPaths) ? r.topPaths[0] : undefined));
  const keys = new Set<string>();
  const assessmentIds = new Set<string>();
  for (const p of firstPaths)
    for (const h of p?.hops ?? []) {
      keys.add(h.from).add(h.to);
      const prov = (h.provenance ?? {}) as { assessmentId?: unknown; sources?: { assessmentId?: unknown }[] };
      if (typeof prov.assessmentId === "string") assessmentIds.add(prov.assessmentId);
      for (const s of Array.isArray(prov.sources) ? prov.sources : [])
        if (typeof s?.assessmentId === "string") assessmentIds.add(s.assessmentId);
    }
  const [names, labels] = await Promise.all([
    resolveNodeNames(db, organizationId, keys),
    questionLabelsFor(db, organizationId, assessmentIds),
  ]);
  const questions = new Map<string, ReasonQuestion>(
    [...labels].map(([k, l]) => [k, { number: l.number, text: l.text }]),
  );
  return rows.map((r, i) => ({
    id: r.id,
    name: r.name,
    tier: r.tier,
    exposure: r.exposure,
    amplification: r.amplification,
    beyondFootprintExposure: r.beyondFootprintExposure,
    reason: describePathReason(firstPaths[i], r.name, names, questions),
  }));
}

/** The scored vendors with the most exposure, and the one whose exposure reaches furthest beyond its footprint. */
async function topScoredVendors(db: Db, organizationId: string) {
  const select = Prisma.sql`
    SELECT v."id", v."name", v."tier", s."exposure", s."amplification", s."beyondFootprintExposure", snap."topPaths"
    FROM "CurrentScore" s
    JOIN "Vendor" v ON v."id" = s."vendorId" AND v."organizationId" = ${organizationId} AND v."archivedAt" IS NULL
    JOIN "ScoreSnapshot" snap ON snap."id" = s."snapshotId" AND snap."organizationId" = ${organizationId}
    WHERE s."organizationId" = ${organizationId}`;
  const [top, furthest] = await Promise.all([
    db.$queryRaw<
      ScoredRow[]
    >`${select} ORDER BY s."exposure" DESC, lower(v."name"), v."id" LIMIT ${TOP_VENDORS}`,
    db.$queryRaw<ScoredRow[]>`${select} AND s."beyondFootprintExposure" > 0
      ORDER BY s."beyondFootprintExposure" DESC, s."exposure" DESC, lower(v."name"), v."id" LIMIT 1`,
  ]);
  const extra = furthest[0] && !top.some((t) => t.id === furthest[0]!.id) ? [furthest[0]] : [];
  const described = await withReasons(db, organizationId, [...top, ...extra]);
  const mostPropagating = furthest[0] ? described.find((d) => d.id === furthest[0]!.id)! : null;
  return { top: described.slice(0, top.length), mostPropagating };
}

/** Submitted and resubmitted assessments, the longest-waiting first. */
async function reviewQueue(db: Db, organizationId: string) {
  const where = { organizationId, status: { in: ["SUBMITTED", "RESUBMITTED"] as AssessmentStatus[] } };
  const [items, total] = await Promise.all([
    db.assessment.findMany({
      where,
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      take: QUEUE,
      select: {
        id: true,
        status: true,
        submittedAt: true,
        currentRevision: true,
        vendor: { select: { id: true, name: true, tier: true } },
        template: { select: { title: true } },
      },
    }),
    db.assessment.count({ where }),
  ]);
  return { items, total };
}

export interface UnknownRiskVendor {
  id: string;
  name: string;
  tier: VendorTier;
  overdue: boolean;
  assessment: { id: string; status: AssessmentStatus; dueDate: Date } | null;
}

/** Critical-tier or overdue vendors without a score: unknown risk, shown rather than hidden. */
async function unknownRisk(db: Db, organizationId: string, now: Date) {
  const rows = await db.$queryRaw<
    {
      id: string;
      name: string;
      tier: VendorTier;
      overdue: boolean;
      assessmentId: string | null;
      status: AssessmentStatus | null;
      dueDate: Date | null;
      total: number;
    }[]
  >`
    WITH unscored AS (
      SELECT v."id", v."name", v."tier",
             EXISTS (SELECT 1 FROM "Assessment" o
                     WHERE o."organizationId" = ${organizationId} AND o."vendorId" = v."id"
                       AND o."status"::text = ANY(${OWED}) AND o."dueDate" < ${now}) AS "overdue"
      FROM "Vendor" v
      WHERE v."organizationId" = ${organizationId} AND v."archivedAt" IS NULL
        AND NOT EXISTS (SELECT 1 FROM "CurrentScore" s WHERE s."organizationId" = ${organizationId} AND s."vendorId" = v."id")
    ), flagged AS (
      SELECT *, (count(*) OVER ())::int AS "total" FROM unscored WHERE "tier" = 'CRITICAL' OR "overdue"
      ORDER BY ("tier" = 'CRITICAL') DESC, "overdue" DESC, lower("name"), "id"
      LIMIT ${UNKNOWN}
    )
    SELECT f.*, a."id" AS "assessmentId", a."status", a."dueDate"
    FROM flagged f
    LEFT JOIN LATERAL (
      SELECT asm."id", asm."status", asm."dueDate" FROM "Assessment" asm
      WHERE asm."organizationId" = ${organizationId} AND asm."vendorId" = f."id"
      ORDER BY asm."createdAt" DESC, asm."id" DESC LIMIT 1
    ) a ON true
    ORDER BY (f."tier" = 'CRITICAL') DESC, f."overdue" DESC, lower(f."name"), f."id"`;
  const items: UnknownRiskVendor[] = rows.map((r) => ({
    id: r.id,
    name: r.name,
    tier: r.tier,
    overdue: r.overdue,
    assessment:
      r.assessmentId && r.status && r.dueDate
        ? { id: r.assessmentId, status: r.status, dueDate: r.dueDate }
        : null,
  }));
  return { items, total: rows[0]?.total ?? 0 };
}

export interface ScoreChange {
  vendorId: string;
  vendorName: string;
  computedAt: Date;
  exposure: number;
  /** null when this is the vendor's first score. */
  previousExposure: number | null;
  amplification: number;
  previousAmplification: number | null;
  cause: string;
}

/** Snapshots of the last week that moved a score, newest first, each with the run that caused it. */
async function scoreChanges(db: Db, organizationId: string, now: Date): Promise<ScoreChange[]> {
  const since = new Date(now.getTime() - WEEK_MS);
  const rows = await db.$queryRaw<
    {
      vendorId: string;
      vendorName: string;
      computedAt: Date;
      exposure: number;
      amplification: number;
      previousExposure: number | null;
      previousAmplification: number | null;
      trigger: string | null;
    }[]
  >`
    SELECT s."vendorId", v."name" AS "vendorName", s."computedAt", s."exposure", s."amplification",
           p."exposure" AS "previousExposure", p."amplification" AS "previousAmplification", r."trigger"
    FROM "ScoreSnapshot" s
    JOIN "Vendor" v ON v."id" = s."vendorId" AND v."organizationId" = ${organizationId}
    LEFT JOIN "ScoringRun" r ON r."id" = s."runId" AND r."organizationId" = ${organizationId}
    LEFT JOIN LATERAL (
      SELECT prev."exposure", prev."amplification" FROM "ScoreSnapshot" prev
      WHERE prev."organizationId" = ${organizationId} AND prev."vendorId" = s."vendorId"
        AND (prev."computedAt", prev."id") < (s."computedAt", s."id")
      ORDER BY prev."computedAt" DESC, prev."id" DESC LIMIT 1
    ) p ON true
    WHERE s."organizationId" = ${organizationId} AND s."computedAt" >= ${since} AND s."computedAt" <= ${now}
      AND (p."exposure" IS NULL
           OR abs(s."exposure" - p."exposure") >= ${MIN_EXPOSURE_DELTA}
           OR abs(s."amplification" - p."amplification") >= ${MIN_AMPLIFICATION_DELTA})
    ORDER BY s."computedAt" DESC, s."id" DESC
    LIMIT ${CHANGES}`;
  const causes = rows.map((r) => parseRescoreTrigger(r.trigger));
  const idsOf = <K extends ScoreChangeCause["kind"]>(
    kind: K,
    pick: (c: Extract<ScoreChangeCause, { kind: K }>) => string,
  ) => causes.filter((c): c is Extract<ScoreChangeCause, { kind: K }> => c.kind === kind).map(pick);
  const [accepted, scenarios] = await Promise.all([
    db.assessment.findMany({
      where: { organizationId, id: { in: idsOf("acceptance", (c) => c.assessmentId) } },
      select: { id: true, vendor: { select: { name: true } } },
    }),
    db.whatIfScenario.findMany({
      where: { organizationId, id: { in: idsOf("what-if", (c) => c.scenarioId) } },
      select: { id: true, name: true },
    }),
  ]);
  const names = {
    acceptedVendor: new Map(accepted.map((a) => [a.id, a.vendor.name])),
    scenario: new Map(scenarios.map((s) => [s.id, s.name])),
  };
  return rows.map((r, i) => ({
    vendorId: r.vendorId,
    vendorName: r.vendorName,
    computedAt: r.computedAt,
    exposure: r.exposure,
    previousExposure: r.previousExposure,
    amplification: r.amplification,
    previousAmplification: r.previousAmplification,
    cause: describeScoreChangeCause(causes[i]!, names),
  }));
}

/**
 * Everything the risk officer's start page shows, each query scoped to the caller's organisation:
 * top vendors with a reason each, the review queue, unscored critical or overdue vendors, the plant's
 * structural amplifiers and the week's score changes with their causes.
 */
export async function loadRiskOfficerHome(db: Db, actor: Actor, now = new Date()) {
  assertCan(actor, "readScores");
  assertCan(actor, "reviewAssessments");
  const organizationId = actor.organizationId;
  const [bands, vendors, queue, unknown, amplifiers, changes] = await Promise.all([
    getExposureBands(db, actor),
    topScoredVendors(db, organizationId),
    reviewQueue(db, organizationId),
    unknownRisk(db, organizationId, now),
    listConcentration(db, actor, AMPLIFIERS),
    scoreChanges(db, organizationId, now),
  ]);
  return { bands, ...vendors, queue, unknown, amplifiers, changes };
}
export type RiskOfficerHome = Awaited<ReturnType<typeof loadRiskOfficerHome>>;
