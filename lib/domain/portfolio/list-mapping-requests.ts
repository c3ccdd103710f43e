import "server-only";

import type { Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { listOpenMappingRequests } from "@/lib/domain/scoring/read-scores";
import { questionLabelsFor } from "@/lib/domain/template/question-labels";
import { pathQuestionKey } from "@/lib/reports/explain";

/**
 * Open mapping requests with the name of the vendor whose answer raised each and that question's
 * number in the questionnaire ("5.1"; null if the template no longer has it), never its key.
 */
export async function listMappingRequestsWithVendors(db: Db, actor: Actor) {
  const requests = await listOpenMappingRequests(db, actor);
  const questions = await questionLabelsFor(
    db,
    actor.organizationId,
    requests.map((r) => r.assessmentId),
  );
  const vendors = await db.vendor.findMany({
    where: {
      organizationId: actor.organizationId,
      id: { in: [...new Set(requests.map((r) => r.vendorId))] },
    },
    select: { id: true, name: true },
  });
  const names = new Map(vendors.map((v) => [v.id, v.name]));
  return requests.map((r) => ({
    ...r,
    vendorName: names.get(r.vendorId) ?? null,
    questionNumber: questions.get(pathQuestionKey(r.assessmentId, r.questionId))?.number ?? null,
  }));
}
