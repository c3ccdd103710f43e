import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { getOrganizationExposureBands } from "@/lib/domain/settings/exposure-bands";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AssessmentStatus, VendorTier } from "@/lib/generated/prisma/enums";
import { exposureBandRange } from "@/lib/portfolio/exposure-bands";
import type { KindBreakdown } from "@/lib/scoring";

import { parsePortfolioQuery, type PortfolioKind, type PortfolioQuery } from "./portfolio-query";

/** One vendor's line in the portfolio: the newest snapshot (null when never scored) and latest assessment. */
export interface PortfolioRow {
  id: string;
  name: string;
  tier: VendorTier;
  score: {
    exposure: number;
    directExposure: number;
    amplification: number;
    /** E / E_f (scoring model 2); null when the footprint reaches nothing or on model 1 scores. */
    amplificationMultiplier: number | null;
    /** E_f and E − E_f (scoring model 2); 0 on model 1 scores. */
    footprintExposure: number;
    beyondFootprintExposure: number;
    /** Exposure range for unknown answers (scoring model 2); 0 on model 1 scores. */
    exposureLow: number;
    exposureHigh: number;
    evidenceGap: number;
    byKind: KindBreakdown;
    dominantKind: PortfolioKind | null;
    assetsReached: number;
    criticalAssetsReached: number;
    modelVersion: string;
    computedAt: Date;
  } | null;
  assessment: { id: string; status: AssessmentStatus; at: Date } | null;
}

export interface PortfolioHistoryPoint {
  computedAt: Date;
  exposure: number;
  amplification: number;
}

type RawRow = {
  id: string;
  name: string;
  tier: VendorTier;
  exposure: number | null;
  directExposure: number | null;
  amplification: number | null;
  byKind: KindBreakdown | null;
  amplificationMultiplier: number | null;
  footprintExposure: number | null;
  beyondFootprintExposure: number | null;
  exposureLow: number | null;
  exposureHigh: number | null;
  evidenceGap: number | null;
  dominantKind: PortfolioKind | null;
  assetsReached: number | null;
  criticalAssetsReached: number | null;
  modelVersion: string | null;
  computedAt: Date | null;
  assessmentId: string | null;
  assessmentStatus: AssessmentStatus | null;
  assessmentAt: Date | null;
  total: number;
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

// Whitelisted ORDER BY fragments: the query string only ever picks one of these, never writes SQL.
function orderBy(query: PortfolioQuery): Prisma.Sql {
  const dir = query.dir === "asc" ? Prisma.raw("ASC") : Prisma.raw("DESC");
  const byScore = Prisma.sql`"exposure" DESC NULLS LAST`;
  const keys: Record<PortfolioQuery["sort"], Prisma.Sql> = {
    exposure: Prisma.sql`"exposure" ${dir} NULLS LAST`,
    amplification: Prisma.sql`"amplification" ${dir} NULLS LAST, ${byScore}`,
    beyond: Prisma.sql`"beyondFootprintExposure" ${dir} NULLS LAST, ${byScore}`,
    trust: Prisma.sql`"trustShare" ${dir} NULLS LAST, ${byScore}`,
    inheritance: Prisma.sql`"inheritanceShare" ${dir} NULLS LAST, ${byScore}`,
    adjacency: Prisma.sql`"adjacencyShare" ${dir} NULLS LAST, ${byScore}`,
    gap: Prisma.sql`"gapSort" ${dir} NULLS LAST, ${byScore}`,
    name: Prisma.sql`lower("name") ${dir}`,
    tier: Prisma.sql`"tier" ${dir}, ${byScore}`,
    critical: Prisma.sql`"criticalAssetsReached" ${dir} NULLS LAST, ${byScore}`,
    assessed: Prisma.sql`"assessmentAt" ${dir} NULLS LAST`,
  };
  // A stable tiebreaker keeps pages from overlapping when sort keys repeat.
  return Prisma.sql`ORDER BY ${keys[query.sort]}, lower("name") ASC, "id" ASC`;
}

/**
 * Active vendors with their current score (CurrentScore: the newest snapshot, kept by
 * recomputeScores) and latest assessment, filtered and sorted in PostgreSQL.
 * `limit: null` returns every match (the CSV export).
 */
export async function queryPortfolioRows(
  db: Db,
  organizationId: string,
  query: PortfolioQuery,
  page: { limit: number | null; offset: number },
) {
  const filters: Prisma.Sql[] = [];
  if (query.q) filters.push(Prisma.sql`"name" ILIKE ${`%${escapeLike(query.q)}%`}`);
  if (query.tier) filters.push(Prisma.sql`"tier" = ${query.tier}::"VendorTier"`);
  if (query.status === "NONE") filters.push(Prisma.sql`"assessmentStatus" IS NULL`);
  else if (query.status) filters.push(Prisma.sql`"assessmentStatus" = ${query.status}::"AssessmentStatus"`);
  if (query.kind) filters.push(Prisma.sql`"dominantKind" = ${query.kind}`);
  if (query.critical) filters.push(Prisma.sql`"criticalAssetsReached" > 0`);
  if (query.scored === "no") filters.push(Prisma.sql`"exposure" IS NULL`);
  else if (query.scored === "yes") filters.push(Prisma.sql`"exposure" IS NOT NULL`);
  if (query.minAmplification !== undefined)
    filters.push(Prisma.sql`"amplification" >= ${query.minAmplification / 100}`);
  if (query.minBeyond !== undefined)
    filters.push(Prisma.sql`"beyondFootprintExposure" >= ${query.minBeyond}`);
  if (query.minGap !== undefined) filters.push(Prisma.sql`"gapSort" >= ${query.minGap}`);
  if (query.band) {
    const { from, to } = exposureBandRange(
      query.band,
      await getOrganizationExposureBands(db, organizationId),
    );
    filters.push(Prisma.sql`"exposure" >= ${from}`);
    if (to !== null) filters.push(Prisma.sql`"exposure" < ${to}`);
  }
  const where = filters.length ? Prisma.sql`WHERE ${Prisma.join(filters, " AND ")}` : Prisma.empty;
  const limit = page.limit === null ? Prisma.empty : Prisma.sql`LIMIT ${page.limit} OFFSET ${page.offset}`;
  // Ranking, filtering and counting run on narrow rows; the wide columns (byKind, history of the
  // run) are joined for the page's rows only. The latest assessment per vendor is needed for every
  // vendor only when the list is filtered or sorted by it: then it is one DISTINCT ON over the
  // organisation's assessments; otherwise one index probe per row of the page.
  const latestColumns = Prisma.sql`asm."vendorId", asm."id", asm."status",
             COALESCE(CASE asm."status"
                        WHEN 'ACCEPTED' THEN asm."acceptedAt"
                        WHEN 'CANCELLED' THEN asm."cancelledAt"
                        WHEN 'SUBMITTED' THEN asm."submittedAt"
                        WHEN 'RESUBMITTED' THEN asm."submittedAt"
                        WHEN 'SENT' THEN asm."sentAt"
                        WHEN 'OPENED' THEN asm."openedAt"
                      END, asm."updatedAt") AS "at"`;
  const latestForAll = Boolean(query.status) || query.sort === "assessed";
  // Sort and filter keys beyond the headline two: model 2's parts and each kind's share of exposure.
  const share = (kind: string) =>
    Prisma.sql`COALESCE((s."byKind"->>${kind})::float8, 0) / NULLIF(s."exposure", 0)`;
  const metricColumns = Prisma.sql`s."beyondFootprintExposure", s."evidenceGap" AS "gapSort",
             ${share("trust")} AS "trustShare", ${share("inheritance")} AS "inheritanceShare",
             ${share("adjacency")} AS "adjacencyShare"`;
  const pageOfBase = Prisma.sql`page AS (SELECT *, (count(*) OVER ())::int AS "total" FROM base ${where} ${orderBy(query)} ${limit})`;
  const wideColumns = Prisma.sql`s."directExposure", s."amplificationMultiplier", s."footprintExposure", s."exposureLow", s."exposureHigh", s."evidenceGap", s."byKind", s."assetsReached", s."modelVersion", s."computedAt"`;
  const wideJoin = Prisma.sql`LEFT JOIN "CurrentScore" s ON s."vendorId" = page."id" AND s."organizationId" = ${organizationId}`;
  const rows = latestForAll
    ? await db.$queryRaw<RawRow[]>`
    WITH latest AS (
      SELECT DISTINCT ON (asm."vendorId") ${latestColumns}
      FROM "Assessment" asm
      WHERE asm."organizationId" = ${organizationId}
      ORDER BY asm."vendorId", asm."createdAt" DESC, asm."id" DESC
    ), base AS (
      SELECT v."id", v."name", v."tier",
             s."exposure", s."amplification", s."dominantKind", s."criticalAssetsReached", ${metricColumns},
             a."id" AS "assessmentId", a."status" AS "assessmentStatus", a."at" AS "assessmentAt"
      FROM "Vendor" v
      LEFT JOIN "CurrentScore" s ON s."vendorId" = v."id" AND s."organizationId" = v."organizationId"
      LEFT JOIN latest a ON a."vendorId" = v."id"
      WHERE v."organizationId" = ${organizationId} AND v."archivedAt" IS NULL
    ), ${pageOfBase}
    SELECT page.*, ${wideColumns} FROM page ${wideJoin}
    ${orderBy(query)}`
    : await db.$queryRaw<RawRow[]>`
    WITH base AS (
      SELECT v."id", v."name", v."tier",
             s."exposure", s."amplification", s."dominantKind", s."criticalAssetsReached", ${metricColumns}
      FROM "Vendor" v
      LEFT JOIN "CurrentScore" s ON s."vendorId" = v."id" AND s."organizationId" = v."organizationId"
      WHERE v."organizationId" = ${organizationId} AND v."archivedAt" IS NULL
    ), ${pageOfBase}
    SELECT page.*, a."id" AS "assessmentId", a."status" AS "assessmentStatus", a."at" AS "assessmentAt", ${wideColumns}
    FROM page ${wideJoin}
    LEFT JOIN LATERAL (
      SELECT ${latestColumns}
      FROM "Assessment" asm
      WHERE asm."organizationId" = ${organizationId} AND asm."vendorId" = page."id"
      ORDER BY asm."createdAt" DESC, asm."id" DESC
      LIMIT 1
    ) a ON true
    ${orderBy(query)}`;
  const items: PortfolioRow[] = rows.map((r) => ({
    id: r.id,
    name: r.name,
    tier: r.tier,
    score:
      r.exposure === null || r.computedAt === null
        ? null
        : {
            exposure: r.exposure,
            directExposure: r.directExposure ?? 0,
            amplification: r.amplification ?? 0,
            amplificationMultiplier: r.amplificationMultiplier,
            footprintExposure: r.footprintExposure ?? 0,
            beyondFootprintExposure: r.beyondFootprintExposure ?? 0,
            exposureLow: r.exposureLow ?? 0,
            exposureHigh: r.exposureHigh ?? 0,
            evidenceGap: r.evidenceGap ?? 0,
            byKind: {
              adjacency: r.byKind?.adjacency ?? 0,
              inheritance: r.byKind?.inheritance ?? 0,
              trust: r.byKind?.trust ?? 0,
            },
            dominantKind: r.dominantKind,
            assetsReached: r.assetsReached ?? 0,
            criticalAssetsReached: r.criticalAssetsReached ?? 0,
            modelVersion: r.modelVersion ?? "",
            computedAt: r.computedAt,
          },
    assessment:
      r.assessmentId && r.assessmentStatus && r.assessmentAt
        ? { id: r.assessmentId, status: r.assessmentStatus, at: r.assessmentAt }
        : null,
  }));
  return { items, total: rows[0]?.total ?? null };
}

/** The last `points` snapshots of each listed vendor, oldest first: sparklines and trends. */
export async function listScoreHistory(
  db: Db,
  organizationId: string,
  vendorIds: string[],
  points = 12,
): Promise<Map<string, PortfolioHistoryPoint[]>> {
  const history = new Map<string, PortfolioHistoryPoint[]>();
  if (vendorIds.length === 0) return history;
  const rows = await db.$queryRaw<(PortfolioHistoryPoint & { vendorId: string })[]>`
    SELECT "vendorId", "exposure", "amplification", "computedAt" FROM (
      SELECT "vendorId", "exposure", "amplification", "computedAt",
             row_number() OVER (PARTITION BY "vendorId" ORDER BY "computedAt" DESC, "id" DESC) AS rn
      FROM "ScoreSnapshot"
      WHERE "organizationId" = ${organizationId} AND "vendorId" IN (${Prisma.join(vendorIds)})
    ) h
    WHERE rn <= ${points}
    ORDER BY "vendorId", "computedAt" ASC, rn DESC`;
  for (const { vendorId, ...point } of rows) {
    const list = history.get(vendorId) ?? [];
    list.push(point);
    history.set(vendorId, list);
  }
  return history;
}

/** One page of the ranked portfolio, with each listed vendor's recent score history. */
export async function listPortfolio(db: Db, actor: Actor, rawQuery: unknown) {
  assertCan(actor, "readScores");
  const query = parsePortfolioQuery(rawQuery);
  let { items, total } = await queryPortfolioRows(db, actor.organizationId, query, {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  if (total === null && query.page > 1) {
    // Past the last page (a stale link after filtering): show the last page that exists.
    const count =
      (await queryPortfolioRows(db, actor.organizationId, { ...query, page: 1 }, { limit: 1, offset: 0 }))
        .total ?? 0;
    query.page = Math.max(1, Math.ceil(count / query.pageSize));
    ({ items, total } = await queryPortfolioRows(db, actor.organizationId, query, {
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    }));
  }
  const history = await listScoreHistory(
    db,
    actor.organizationId,
    items.filter((i) => i.score).map((i) => i.id),
  );
  const count = total ?? 0;
  return {
    items: items.map((item) => ({ ...item, history: history.get(item.id) ?? [] })),
    total: count,
    query,
    pageCount: Math.max(1, Math.ceil(count / query.pageSize)),
  };
}
export type PortfolioPage = Awaited<ReturnType<typeof listPortfolio>>;
export type PortfolioItem = PortfolioPage["items"][number];
