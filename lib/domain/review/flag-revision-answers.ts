import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { extractAnswerLinkages } from "@/lib/domain/linkage/extract-answer-linkages";
import type { Template } from "@/lib/questionnaire";
import { flagAnswers, type AnswerFlag } from "@/lib/review/flag-answers";

/**
 * The review page's flags for one revision: a dry run of linkage extraction on its answers (as an
 * acceptance would run it, against the inventory and the vendor's deployments), then flagAnswers.
 * Nothing is stored. A plain object keyed by question id (ids are template-validated).
 */
export async function flagRevisionAnswers(
  db: Db,
  actor: Actor,
  source: {
    assessmentId: string;
    vendor: { id: string; name: string };
    template: Template;
    revision: number;
    answers: Record<string, unknown>;
  },
): Promise<Record<string, AnswerFlag>> {
  assertCan(actor, "reviewAssessments");
  const { result } = await extractAnswerLinkages(db, { organizationId: actor.organizationId, ...source });
  return Object.fromEntries(flagAnswers(source.template, source.answers, result));
}
