"use server";

import { revalidatePath } from "next/cache";

import { runAction } from "@/lib/actions/run-action";
import { saveReviewSettings } from "@/lib/domain/settings/review-settings";

export async function saveReviewSettingsAction(input: unknown) {
  return runAction("manageReviewSettings", async (db, actor) => {
    const saved = await saveReviewSettings(db, actor, input);
    revalidatePath("/settings/review");
    return saved;
  });
}
