"use server";

import { revalidatePath } from "next/cache";

import { runAction } from "@/lib/actions/run-action";
import { getScoringRun, requestFullRecompute } from "@/lib/domain/scoring/request-full-recompute";

export async function requestFullRecomputeAction() {
  return runAction("runScoring", (db, actor) => requestFullRecompute(db, actor));
}

export async function getScoringRunAction(runId: unknown) {
  return runAction("readScores", async (db, actor) => {
    const run = await getScoringRun(db, actor, runId);
    if (run && (run.status === "SUCCEEDED" || run.status === "FAILED")) revalidatePath("/scores");
    return run;
  });
}
