import "server-only";
import { stringify } from "csv-stringify/sync";
import type { Db } from "@/lib/db/create-client";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/auth/roles";
import type { AuditFilter } from "@/lib/validation/audit";
import { neutralizeFormula } from "@/lib/domain/portfolio/export-portfolio-csv";
import { auditWhereSql } from "./list-audit-events";
import { describeAuditAction } from "./describe-audit-action";

export const AUDIT_CSV_COLUMNS = ["time (UTC)", "action", "description", "actor", "actor e-mail", "record type", "record id", "details"] as const;

/** Rows read per query: the export streams, so memory stays flat however long the log is. */
const BATCH = 1_000;

// Every field quoted (a name with a comma or line break stays one cell), Windows line ends as
// spreadsheet programs expect, and free text through the same formula guard as the portfolio CSV.
const CSV_OPTIONS = { quoted: true, quoted_empty: true, record_delimiter: "windows" } as const;

type ExportRow = { id: string; createdAt: Date; action: string; entityType: string; entityId: string; details: Prisma.JsonValue; actorName: string | null; actorEmail: string | null };

function toRecord(e: ExportRow): string[] {
  return [
    e.createdAt.toISOString(),
    neutralizeFormula(e.action),
    neutralizeFormula(describeAuditAction(e.action)),
    neutralizeFormula(e.actorName ?? ""),
    neutralizeFormula(e.actorEmail ?? ""),
    neutralizeFormula(e.entityType),
    neutralizeFormula(e.entityId),
    e.details === null ? "" : neutralizeFormula(JSON.stringify(e.details)),
  ];
}

/**
 * Every event matching the filter, newest first, one CSV row each (runs of sign-ins are not
 * collapsed: the export is the record). Yields the header, then one chunk per batch, read page by
 * page on (createdAt, id) so that events written meanwhile neither repeat nor shift rows.
 */
export async function* exportAuditCsv(db: Db, actor: Actor, filter: AuditFilter): AsyncGenerator<string> {
  assertCan(actor, "readAudit");
  yield stringify([[...AUDIT_CSV_COLUMNS]], CSV_OPTIONS);
  const where = auditWhereSql(actor.organizationId, filter);
  let after: string | null = null;
  for (;;) {
    // The cursor is the last row's id; its time is read back in SQL (no timestamp round trip).
    const cursor: Prisma.Sql = after ? Prisma.sql`AND (e."createdAt", e."id") < (SELECT c."createdAt", c."id" FROM "AuditEvent" c WHERE c."id" = ${after})` : Prisma.empty;
    const rows: ExportRow[] = await db.$queryRaw<ExportRow[]>`
      SELECT e."id", e."createdAt", e."action", e."entityType", e."entityId", e."details", u."name" AS "actorName", u."email" AS "actorEmail"
      FROM "AuditEvent" e LEFT JOIN "User" u ON u."id" = e."actorId"
      WHERE ${where} ${cursor}
      ORDER BY e."createdAt" DESC, e."id" DESC
      LIMIT ${BATCH}`;
    if (rows.length === 0) return;
    yield stringify(rows.map(toRecord), CSV_OPTIONS);
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1]!.id;
  }
}
