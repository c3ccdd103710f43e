import "server-only";

import { can, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import type { StoredEvidence } from "@/lib/evidence/evidence-answers";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Whose evidence a caller may read: staff, their organisation's; a supplier, its own vendor's. Null: none. */
export function evidenceReadScope(actor: Actor): Prisma.EvidenceWhereInput | null {
  if (can.readAssessments(actor)) return { organizationId: actor.organizationId };
  if (can.answerAssessments(actor))
    return {
      organizationId: actor.organizationId,
      assessment: { vendorId: actor.vendorId!, organizationId: actor.organizationId },
    };
  return null;
}

/**
 * The stored rows behind one assessment's evidence answers, for `applyStoredEvidence`: pages and
 * reports show a file's name, kind and size from here, never from the answer JSON.
 */
export async function loadStoredEvidence(
  db: Pick<Db, "evidence">,
  actor: Actor,
  assessmentId: string,
): Promise<StoredEvidence[]> {
  const scope = evidenceReadScope(actor);
  if (!scope) return [];
  return db.evidence.findMany({
    where: { ...scope, assessmentId },
    select: { id: true, questionId: true, fileName: true, kind: true, bytes: true },
  });
}
