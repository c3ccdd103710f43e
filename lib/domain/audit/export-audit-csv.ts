import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import { writeCsv } from "@/lib/csv/write-csv";
import type { Db } from "@/lib/db/create-client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AuditFilter } from "@/lib/validation/audit";

import { describeAuditAction } from "./describe-audit-action";
import { auditWhereSql } from "./list-audit-events";

export const AUDIT_CSV_COLUMNS = [
  "time (UTC)",
  "action",
  "description",
  "actor",
  "actor e-mail",
  "record type",
  "record id",
  "details",
] as const;

/** Rows read per query: the export streams, so memory stays flat however long the log is. */
const BATCH = 1_000;

type ExportRow = {
  id: string;
  createdAt: Date;
  action: string;
  entityType: string;
  entityId: string;
  details: Prisma.JsonValue;
  actorName: string | null;
  actorEmail: string | null;
};

// Through the app's one CSV writer (lib/csv/write-csv.ts): formula guard, quoting of any cell with a
// delimiter or line break, Windows line ends.
function toRecord(e: ExportRow): string[] {
  return [
    e.createdAt.toISOString(),
    e.action,
    describeAuditAction(e.action),
    e.actorName ?? "",
    e.actorEmail ?? "",
    e.entityType,
    e.entityId,
    e.details === null ? "" : JSON.stringify(e.details),
  ];
}

/**
 * Every event matching the filter, newest first, one CSV row each (runs of sign-ins are not
 * collapsed: the export is the record). Yields the header, then one chunk per batch, read page by
 * page on (createdAt, id) so that events written meanwhile neither repeat nor shift rows.
 */
export async function* exportAuditCsv(db: Db, actor: Actor, filter: AuditFilter): AsyncGenerator<string> {
  assertCan(actor, "readAudit");
  yield writeCsv(AUDIT_CSV_COLUMNS, [], { quoteAll: true });
  const where = auditWhereSql(actor.organizationId, filter);
  let after: string | null = null;
  for (;;) {
    // The cursor is the last row's id; its time is read back in SQL (no timestamp round trip).
    const cursor: Prisma.Sql = after
      ? Prisma.sql`AND (e."createdAt", e."id") < (SELECT c."createdAt", c."id" FROM "AuditEvent" c WHERE c."id" = ${after})`
      : Prisma.empty;
    const rows: ExportRow[] = await db.$queryRaw<ExportRow[]>`
      SELECT e."id", e."createdAt", e."action", e."entityType", e."entityId", e."details", u."name" AS "actorName", u."email" AS "actorEmail"
      FROM "AuditEvent" e LEFT JOIN "User" u ON u."id" = e."actorId"
      WHERE ${where} ${cursor}
      ORDER BY e."createdAt" DESC, e."id" DESC
      LIMIT ${BATCH}`;
    if (rows.length === 0) return;
    yield writeCsv(AUDIT_CSV_COLUMNS, rows.map(toRecord), { header: false, quoteAll: true });
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1]!.id;
  }
}
