import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { Prisma } from "@/lib/generated/prisma/client";
import { auditFilterSchema, type AuditFilter } from "@/lib/validation/audit";
import { parseInput } from "@/lib/validation/parse";

/**
 * Actions that repeat in runs (every sign-in, failed or not) and would drown the other events:
 * consecutive ones of the same action, person and record are shown as one row with a count.
 * A LIKE pattern, so sign-in events recorded under new names (…sign_in_failed) group too.
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

type RunHead = { id: string; rn: number; previousAt: Date | null };

/**
 * One page of the audit log, newest first, filtered, with runs of repeated sign-ins collapsed.
 * The query walks the (organizationId, createdAt) index newest first and marks each row that
 * starts a run (it differs from the row before); it stops once it has the page's run heads plus
 * one, so the first pages cost the same however long the log is. A run's size is the distance to
 * the next head, and its first event is the row just before that head. Paging counts rows as
 * shown, so no total is computed (that would read the whole log): the page knows only whether
 * there is a next one.
 */
export async function listAuditEvents(
  db: Db,
  actor: Actor,
  options: { filter?: AuditFilter; page?: number; pageSize?: number } = {},
) {
  assertCan(actor, "readAudit");
  const pageSize = Math.min(100, Math.max(10, Math.trunc(options.pageSize ?? 50)));
  const page = Math.max(1, Math.min(10_000, Math.trunc(options.page ?? 1) || 1));
  const where = auditWhereSql(actor.organizationId, options.filter ?? {});
  const heads = await db.$queryRaw<RunHead[]>`
    WITH marked AS (
      SELECT e."id", (row_number() OVER w)::int AS rn, lag(e."createdAt") OVER w AS "previousAt",
             NOT (e."action" LIKE ${GROUPED_ACTION_PATTERN}
                  AND (e."action", e."actorId", e."entityType", e."entityId") IS NOT DISTINCT FROM
                      (lag(e."action") OVER w, lag(e."actorId") OVER w, lag(e."entityType") OVER w, lag(e."entityId") OVER w)) AS starts
      FROM "AuditEvent" e
      WHERE ${where}
      WINDOW w AS (ORDER BY e."createdAt" DESC, e."id" DESC)
    )
    SELECT "id", rn, "previousAt" FROM marked WHERE starts
    OFFSET ${(page - 1) * pageSize} LIMIT ${pageSize + 1}`;
  const hasNext = heads.length > pageSize;
  const shown = heads.slice(0, pageSize);
  // The last run on the last page reaches the end of the log: count it from its head onwards.
  const last = shown.at(-1);
  const [tail] =
    last && !hasNext
      ? await db.$queryRaw<{ count: number; firstAt: Date }[]>`
        SELECT count(*)::int AS count, min(e."createdAt") AS "firstAt" FROM "AuditEvent" e
        WHERE ${where} AND (e."createdAt", e."id") <= (SELECT h."createdAt", h."id" FROM "AuditEvent" h WHERE h."id" = ${last.id})`
      : [];
  const events = await db.auditEvent.findMany({
    where: { id: { in: shown.map((h) => h.id) }, organizationId: actor.organizationId },
    select: {
      id: true,
      action: true,
      entityType: true,
      entityId: true,
      details: true,
      createdAt: true,
      actor: { select: { name: true, email: true } },
    },
  });
  const byId = new Map(events.map((e) => [e.id, e]));
  const items: AuditRow[] = shown.flatMap((head, i) => {
    const e = byId.get(head.id);
    if (!e) return [];
    const next = heads[i + 1];
    const run = next
      ? { count: next.rn - head.rn, firstAt: next.previousAt ?? e.createdAt }
      : (tail ?? { count: 1, firstAt: e.createdAt });
    return [{ ...e, ...run }];
  });
  return { items, page, hasNext };
}

/** What the filter menus offer: the actions, record types and people that occur in the log. */
export async function listAuditFilterOptions(db: Db, actor: Actor) {
  assertCan(actor, "readAudit");
  const where = { organizationId: actor.organizationId };
  const [actions, entityTypes, actors] = await Promise.all([
    db.auditEvent.groupBy({ by: ["action"], where, orderBy: { action: "asc" } }),
    db.auditEvent.groupBy({ by: ["entityType"], where, orderBy: { entityType: "asc" } }),
    db.user.findMany({
      where: { ...where, auditEvents: { some: where } },
      orderBy: { name: "asc" },
      select: { id: true, name: true, email: true },
    }),
  ]);
  return { actions: actions.map((a) => a.action), entityTypes: entityTypes.map((t) => t.entityType), actors };
}
