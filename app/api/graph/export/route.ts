import { requireActor } from "@/lib/auth/next-auth/session";
import { getDb } from "@/lib/db/client";
import { exportOrganizationGraph } from "@/lib/domain/graph/export-graph";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { AppError, toActionFailure } from "@/lib/errors";

export async function GET() {
  try {
    const actor = await requireActor("readScores");
    const db = getDb();
    const document = await exportOrganizationGraph(db, actor);
    await recordAuditEvent(db, actor, { action: "graph.export", entityType: "Organization", entityId: actor.organizationId });
    return new Response(JSON.stringify(document, null, 2), {
      headers: { "Content-Type": "application/json; charset=utf-8", "Content-Disposition": `attachment; filename="trustmap-graph-${new Date().toISOString().slice(0, 10)}.json"`, "Cache-Control": "private, no-store" },
    });
  } catch (error) {
    return Response.json(toActionFailure(error), { status: error instanceof AppError ? error.status : 500 });
  }
}
