"use server";

import { revalidatePath } from "next/cache";

import { runAction } from "@/lib/actions/run-action";
import { evaluateScenario } from "@/lib/domain/what-if/evaluate-scenario";
import { deleteScenario, getScenario, saveScenario } from "@/lib/domain/what-if/manage-scenarios";
import {
  previewRemediationRequest,
  sendRemediationRequest,
} from "@/lib/domain/what-if/send-remediation-request";

export async function evaluateWhatIfAction(input: unknown) {
  return runAction("readScores", (db, actor) => evaluateScenario(db, actor, input));
}

export async function saveScenarioAction(input: unknown) {
  return runAction("readScores", async (db, actor) => {
    const saved = await saveScenario(db, actor, input);
    revalidatePath("/what-if");
    return saved;
  });
}

export async function loadScenarioAction(scenarioId: unknown) {
  return runAction("readScores", (db, actor) => getScenario(db, actor, scenarioId));
}

export async function deleteScenarioAction(scenarioId: unknown) {
  return runAction("readScores", async (db, actor) => {
    const deleted = await deleteScenario(db, actor, scenarioId);
    revalidatePath("/what-if");
    return deleted;
  });
}

export async function previewRemediationAction(scenarioId: unknown) {
  return runAction("reviewAssessments", (db, actor) => previewRemediationRequest(db, actor, scenarioId));
}

export async function sendRemediationAction(input: unknown) {
  return runAction("reviewAssessments", async (db, actor) => {
    const sent = await sendRemediationRequest(db, actor, input);
    revalidatePath(`/assessments/${sent.assessmentId}`);
    return sent;
  });
}
