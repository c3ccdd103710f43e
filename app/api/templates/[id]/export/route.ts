import { requireActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getTemplate } from "@/lib/domain/template/template-versions";
import { exportTemplateJson } from "@/lib/questionnaire";
import { AppError, toActionFailure } from "@/lib/errors";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await requireActor("readTemplates");
    const row = await getTemplate(getDb(), actor, (await params).id);
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
