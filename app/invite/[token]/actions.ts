"use server";

import { runAction } from "@/lib/actions/run-action";
import { getDb } from "@/lib/db/client";
import {
  acceptInvitationAsUser,
  acceptInvitationWithNewAccount,
} from "@/lib/domain/invitation/accept-invitation";
import { toActionFailure, type ActionResult } from "@/lib/errors";

/** No session yet: the token itself is the credential, checked by the use case. */
export async function acceptInvitationAction(
  token: unknown,
  input: unknown,
): Promise<ActionResult<{ email: string; assessmentId: string }>> {
  try {
    return { ok: true, data: await acceptInvitationWithNewAccount(getDb(), token, input) };
  } catch (error) {
    return toActionFailure(error);
  }
}

export async function acceptInvitationAsUserAction(token: unknown) {
  return runAction("answerAssessments", (db, actor) => acceptInvitationAsUser(db, actor, token));
}
