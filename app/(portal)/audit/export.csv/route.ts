import { requireActor } from "@/lib/auth/next-auth/session";
import { getDb } from "@/lib/db/client";
import { exportAuditCsv } from "@/lib/domain/audit/export-audit-csv";
import { parseAuditFilter } from "@/lib/domain/audit/list-audit-events";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { AppError, toActionFailure } from "@/lib/errors";

// The audit log as CSV, with the page's filters (query string). Administrators only; the export
// is itself recorded. Streamed: the log can be long.
export async function GET(request: Request) {
  try {
    const actor = await requireActor("readAudit");
    const filter = parseAuditFilter(Object.fromEntries(new URL(request.url).searchParams));
    const db = getDb();
    await recordAuditEvent(db, actor, {
      action: "audit.export_csv",
      entityType: "Organization",
      entityId: actor.organizationId,
      details: { filter },
    });
    const chunks = exportAuditCsv(db, actor, filter);
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode("\ufeff"));
      },
      async pull(controller) {
        try {
          const next = await chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        } catch (error) {
          console.error("[trustmap] audit export failed mid-stream:", (error as Error).message);
          controller.error(error);
        }
      },
      async cancel() {
        await chunks.return(undefined);
      },
    });
    const day = new Date().toISOString().slice(0, 10);
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="trustmap-audit-${day}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return Response.json(toActionFailure(error), { status: error instanceof AppError ? error.status : 500 });
  }
}
