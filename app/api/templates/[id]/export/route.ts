import { routeHandler } from "@/lib/actions/route-handler";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { getTemplate } from "@/lib/domain/template/template-versions";
import { exportTemplateJson } from "@/lib/questionnaire";

export const GET = routeHandler<{ id: string }>("readTemplates", async ({ db, actor, params }) => {
  const row = await getTemplate(db, actor, params.id);
  await recordAuditEvent(db, actor, {
    action: "template.export",
    entityType: "QuestionnaireTemplate",
    entityId: row.id,
    details: { key: row.key, version: row.version },
  });
  return new Response(exportTemplateJson(row.template), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${row.key}-v${row.version}.json"`,
    },
  });
});
