"use server";

import { revalidatePath } from "next/cache";

import { runAction } from "@/lib/actions/run-action";
import { importTemplate } from "@/lib/domain/template/template-versions";

/**
 * The page sends the file itself (a Blob travels as a raw multipart part; a string would be JSON-escaped
 * and grow past the body limit), and the use case decodes its bytes strictly as UTF-8.
 */
export async function importTemplateAction(file: unknown) {
  return runAction("manageTemplates", async (db, actor) => {
    const r = await importTemplate(
      db,
      actor,
      file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : file,
    );
    revalidatePath("/templates");
    return r;
  });
}
