import { requireActor } from "@/lib/auth/next-auth/session";
import { getDb } from "@/lib/db/client";
import { getTemplate } from "@/lib/domain/template/template-versions";
import { exportTemplateJson } from "@/lib/questionnaire";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { AppError, toActionFailure } from "@/lib/errors";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await requireActor("readTemplates");
    const db = getDb();
    const row = await getTemplate(db, actor, (await params).id);
    await recordAuditEvent(db, actor, { action: "template.export", entityType: "QuestionnaireTemplate", entityId: row.id, details: { key: row.key, version: row.version } });
    return new Response(exportTemplateJson(row.template), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${row.key}-v${row.version}.json"`,
      },
    });
  } catch (error) {
    return Response.json(toActionFailure(error), { status: error instanceof AppError ? error.status : 500 });
  }
}
