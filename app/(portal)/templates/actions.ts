"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/run-action";
import { importTemplate } from "@/lib/domain/template/template-versions";

export async function importTemplateAction(jsonText: unknown) {
  return runAction("manageTemplates", async (db, actor) => {
    const r = await importTemplate(db, actor, jsonText);
    revalidatePath("/templates");
    return r;
  });
}
