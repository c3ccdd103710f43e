import { routeHandler } from "@/lib/actions/route-handler";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { exportOrganizationGraph } from "@/lib/domain/graph/export-graph";

export const GET = routeHandler("readScores", async ({ db, actor }) => {
  const document = await exportOrganizationGraph(db, actor);
  await recordAuditEvent(db, actor, {
    action: "graph.export",
    entityType: "Organization",
    entityId: actor.organizationId,
  });
  return new Response(JSON.stringify(document, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="trustmap-graph-${new Date().toISOString().slice(0, 10)}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
});
