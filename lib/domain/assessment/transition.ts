import "server-only";

import { nextStatus, STATUS_LABELS, type AssessmentEvent } from "@/lib/assessment/status-machine";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AssessmentStatus } from "@/lib/generated/prisma/enums";

const EVENT_WORDS: Record<AssessmentEvent, string> = {
  send: "send it",
  open: "open it",
  save: "change answers",
  submit: "submit it",
  request_changes: "request changes",
  accept: "accept it",
  cancel: "cancel it",
};

/**
 * Moves an assessment along the status machine inside the caller's transaction. The update names
 * the status it started from, so two people acting at once cannot both win.
 */
export async function transitionAssessment(
  tx: Prisma.TransactionClient,
  assessment: { id: string; organizationId: string; status: AssessmentStatus },
  event: AssessmentEvent,
  data: Prisma.AssessmentUpdateManyMutationInput = {},
): Promise<AssessmentStatus> {
  const to = nextStatus(assessment.status, event);
  if (!to) {
    throw new AppError(
      "CONFLICT",
      `This assessment is ${STATUS_LABELS[assessment.status].toLowerCase()}, so you cannot ${EVENT_WORDS[event]} now.`,
    );
  }
  const result = await tx.assessment.updateMany({
    where: { id: assessment.id, organizationId: assessment.organizationId, status: assessment.status },
    data: { ...data, status: to },
  });
  if (result.count !== 1)
    throw new AppError(
      "CONFLICT",
      "Someone else changed this assessment a moment ago. Reload the page and try again.",
    );
  return to;
}
