"use server";

import { revalidatePath } from "next/cache";

import { runAction } from "@/lib/actions/run-action";
import { saveScoringSettings } from "@/lib/domain/settings/scoring-settings";

export async function saveScoringSettingsAction(input: unknown) {
  return runAction("manageScoringSettings", async (db, actor) => {
    const run = await saveScoringSettings(db, actor, input);
    revalidatePath("/settings/scoring");
    revalidatePath("/scores");
    return run;
  });
}
