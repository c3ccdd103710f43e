"use server";

import { revalidatePath } from "next/cache";

import { runAction } from "@/lib/actions/run-action";
import { saveExposureBands } from "@/lib/domain/settings/exposure-bands";

export async function saveExposureBandsAction(input: unknown) {
  return runAction("manageScoringSettings", async (db, actor) => {
    const thresholds = await saveExposureBands(db, actor, input);
    revalidatePath("/", "layout");
    return thresholds;
  });
}
