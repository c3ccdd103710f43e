"use server";

import { revalidatePath } from "next/cache";

import { runAction } from "@/lib/actions/run-action";
import {
  cancelAssessment,
  createAssessment,
  remindAssessment,
  revokeInvitations,
  sendAssessment,
} from "@/lib/domain/assessment/manage-assessments";
import { previewAcceptance } from "@/lib/domain/review/preview-acceptance";
import {
  acceptAssessment,
  addReviewComment,
  deleteReviewComment,
  requestChanges,
} from "@/lib/domain/review/review-assessment";

const refresh = (id?: string) => {
  revalidatePath("/assessments");
  if (id) revalidatePath(`/assessments/${id}`);
};

export async function createAssessmentAction(input: unknown) {
  return runAction("manageAssessments", async (db, actor) => {
    const a = await createAssessment(db, actor, input);
    refresh(a.id);
    return { id: a.id };
  });
}

export async function sendAssessmentAction(id: unknown) {
  return runAction("manageAssessments", async (db, actor) => {
    const r = await sendAssessment(db, actor, id);
    refresh(String(id));
    return r;
  });
}

export async function remindAssessmentAction(id: unknown) {
  return runAction("manageAssessments", async (db, actor) => {
    const r = await remindAssessment(db, actor, id);
    refresh(String(id));
    return r;
  });
}

export async function revokeInvitationsAction(id: unknown) {
  return runAction("manageAssessments", async (db, actor) => {
    const r = await revokeInvitations(db, actor, id);
    refresh(String(id));
    return r;
  });
}

export async function cancelAssessmentAction(id: unknown) {
  return runAction("manageAssessments", async (db, actor) => {
    const r = await cancelAssessment(db, actor, id);
    refresh(String(id));
    return r;
  });
}

export async function addCommentAction(id: unknown, input: unknown) {
  return runAction("reviewAssessments", async (db, actor) => {
    const r = await addReviewComment(db, actor, id, input);
    refresh(String(id));
    return r;
  });
}

export async function deleteCommentAction(commentId: unknown) {
  return runAction("reviewAssessments", async (db, actor) => {
    const r = await deleteReviewComment(db, actor, commentId);
    refresh(r.assessmentId);
    return r;
  });
}

export async function requestChangesAction(id: unknown, input: unknown) {
  return runAction("reviewAssessments", async (db, actor) => {
    const r = await requestChanges(db, actor, id, input);
    refresh(String(id));
    return r;
  });
}

export async function acceptAssessmentAction(id: unknown, input: unknown) {
  return runAction("reviewAssessments", async (db, actor) => {
    const r = await acceptAssessment(db, actor, id, input);
    refresh(String(id));
    revalidatePath(`/vendors/${r.vendorId}/score`);
    return r;
  });
}

/** What accepting would store and do to the vendor's score; nothing is saved. */
export async function previewAcceptanceAction(id: unknown) {
  return runAction("reviewAssessments", (db, actor) => previewAcceptance(db, actor, id));
}
