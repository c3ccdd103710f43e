import "server-only";
import type { Db } from "@/lib/db/create-client";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { parseInput } from "@/lib/validation/parse";
import { auditFilterSchema, type AuditFilter } from "@/lib/validation/audit";

/**
 * Actions that repeat in runs (every sign-in, failed or not) and would drown the other events:
 * consecutive ones of the same action, person and record are shown as one row with a count.
 */
export const GROUPED_ACTION_PATTERN = "%sign\\_in%";

/** Parses the page's or the export's query string; throws VALIDATION with per-field messages. */
export function parseAuditFilter(input: unknown): AuditFilter {
  return parseInput(auditFilterSchema, input);
}

/** The filter as SQL conditions on "AuditEvent" e, organisation first. */
export function auditWhereSql(organizationId: string, filter: AuditFilter): Prisma.Sql {
  const conditions = [Prisma.sql`e."organizationId" = ${organizationId}`];
  if (filter.action) conditions.push(Prisma.sql`e."action" = ${filter.action}`);
  if (filter.actor) conditions.push(Prisma.sql`e."actorId" = ${filter.actor}`);
  if (filter.entity) conditions.push(Prisma.sql`e."entityType" = ${filter.entity}`);
  // UTC days, both inclusive (the page shows times in UTC; timestamps are stored in UTC). The
  // database does the calendar arithmetic: the day after `to` is `to::date + 1`.
  if (filter.from) conditions.push(Prisma.sql`e."createdAt" >= ${filter.from}::date`);
  if (filter.to) conditions.push(Prisma.sql`e."createdAt" < ${filter.to}::date + 1`);
  return Prisma.join(conditions, " AND ");
}

/** A row of the log: one event, or a run of `count` consecutive repeats shown by its latest. */
export interface AuditRow {
  id: string;
  action: string;
  entityType: string;
  entityId: string;
  details: Prisma.JsonValue;
  createdAt: Date;
  /** The earliest event of the run (equal to createdAt for a single event). */
  firstAt: Date;
  count: number;
  actor: { name: string; email: string } | null;
}

/**
 * One page of the audit log, newest first, filtered, with runs of repeated sign-ins collapsed
 * (gaps and islands: a new run starts wherever the run key differs from the previous row's).
 * Paging counts rows as shown, so a run never splits across a page's worth of sign-ins.
 */
export async function listAuditEvents(db: Db, actor: Actor, options: { filter?: AuditFilter; page?: number; pageSize?: number } = {}) {
  assertCan(actor, "readAudit");
  const pageSize = Math.min(100, Math.max(10, Math.trunc(options.pageSize ?? 50)));
  const page = Math.max(1, Math.min(10_000, Math.trunc(options.page ?? 1) || 1));
  const where = auditWhereSql(actor.organizationId, options.filter ?? {});
  const runs = Prisma.sql`
    WITH keyed AS (
      SELECT e."id", e."createdAt",
             CASE WHEN e."action" LIKE ${GROUPED_ACTION_PATTERN}
                  THEN concat_ws('|', e."action", coalesce(e."actorId", '-'), e."entityType", e."entityId")
                  ELSE e."id" END AS run_key
      FROM "AuditEvent" e
      WHERE ${where}
    ), marked AS (
      SELECT "id", "createdAt",
             CASE WHEN run_key = lag(run_key) OVER w THEN 0 ELSE 1 END AS starts
      FROM keyed
      WINDOW w AS (ORDER BY "createdAt" DESC, "id" DESC)
    ), numbered AS (
      SELECT "id", "createdAt", starts, sum(starts) OVER (ORDER BY "createdAt" DESC, "id" DESC) AS run
      FROM marked
    )`;
  const [[totals], groups] = await Promise.all([
    db.$queryRaw<{ total: number }[]>`${runs} SELECT count(*)::int AS total FROM numbered WHERE starts = 1`,
    db.$queryRaw<{ latestId: string; firstAt: Date; count: number }[]>`${runs}
      SELECT (array_agg("id" ORDER BY "createdAt" DESC, "id" DESC))[1] AS "latestId", min("createdAt") AS "firstAt", count(*)::int AS count
      FROM numbered GROUP BY run ORDER BY run
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
  ]);
  const events = await db.auditEvent.findMany({
    where: { id: { in: groups.map((g) => g.latestId) }, organizationId: actor.organizationId },
    select: { id: true, action: true, entityType: true, entityId: true, details: true, createdAt: true, actor: { select: { name: true, email: true } } },
  });
  const byId = new Map(events.map((e) => [e.id, e]));
  const items: AuditRow[] = groups.flatMap((g) => {
    const e = byId.get(g.latestId);
    return e ? [{ ...e, firstAt: g.firstAt, count: g.count }] : [];
  });
  const total = totals?.total ?? 0;
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** What the filter menus offer: the actions, record types and people that occur in the log. */
export async function listAuditFilterOptions(db: Db, actor: Actor) {
  assertCan(actor, "readAudit");
  const where = { organizationId: actor.organizationId };
  const [actions, entityTypes, actors] = await Promise.all([
    db.auditEvent.groupBy({ by: ["action"], where, orderBy: { action: "asc" } }),
    db.auditEvent.groupBy({ by: ["entityType"], where, orderBy: { entityType: "asc" } }),
    db.user.findMany({ where: { ...where, auditEvents: { some: where } }, orderBy: { name: "asc" }, select: { id: true, name: true, email: true } }),
  ]);
  return { actions: actions.map((a) => a.action), entityTypes: entityTypes.map((t) => t.entityType), actors };
}
