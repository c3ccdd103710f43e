"use server";

import { revalidatePath } from "next/cache";

import { runAction } from "@/lib/actions/run-action";
import {
  replyToComment,
  saveDraft,
  SubmissionInvalidError,
  submitResponse,
} from "@/lib/domain/response/supplier-responses";
import type { AnswerIssue } from "@/lib/questionnaire";

export async function saveDraftAction(assessmentId: unknown, answers: unknown, version: unknown) {
  return runAction("answerAssessments", (db, actor) => saveDraft(db, actor, assessmentId, answers, version));
}

export async function submitResponseAction(assessmentId: unknown, version: unknown) {
  let issues: AnswerIssue[] | undefined;
  const result = await runAction("answerAssessments", async (db, actor) => {
    try {
      const r = await submitResponse(db, actor, assessmentId, version);
      revalidatePath("/");
      revalidatePath(`/supplier/assessments/${String(assessmentId)}`);
      return r;
    } catch (error) {
      if (error instanceof SubmissionInvalidError) issues = error.issues;
      throw error;
    }
  });
  return result.ok ? result : { ...result, issues };
}

/** The supplier's reply to a reviewer comment sent to them. */
export async function replyToCommentAction(assessmentId: unknown, input: unknown) {
  return runAction("answerAssessments", async (db, actor) => {
    const r = await replyToComment(db, actor, assessmentId, input);
    revalidatePath(`/supplier/assessments/${String(assessmentId)}`);
    revalidatePath(`/assessments/${String(assessmentId)}`);
    return r;
  });
}
