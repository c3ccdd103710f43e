import "server-only";

import type { Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { citedFileIdsOf } from "@/lib/evidence/evidence-answers";
import { idSchema } from "@/lib/validation/common";

import { lockAssessment, removeStoredFiles } from "./evidence-storage";

/**
 * After a submission: deletes the assessment's evidence that no revision's answers cite (files the
 * supplier removed or never attached), rows first, then the files. Runs after the submission has
 * committed and never fails it: a problem is logged, and the files stay for the next submission.
 * Returns how many files were deleted.
 */
export async function deleteUnreferencedEvidence(
  db: Db,
  actor: Pick<Actor, "organizationId">,
  assessmentIdRaw: unknown,
): Promise<number> {
  const id = idSchema.safeParse(assessmentIdRaw);
  if (!id.success) return 0;
  try {
    const storageKeys = await db.$transaction(async (tx) => {
      await lockAssessment(tx, actor.organizationId, id.data);
      const revisions = await tx.responseRevision.findMany({
        where: { organizationId: actor.organizationId, assessmentId: id.data },
        select: { answers: true },
      });
      const cited = new Set(revisions.flatMap((revision) => [...citedFileIdsOf(revision.answers)]));
      const rows = await tx.evidence.findMany({
        where: { organizationId: actor.organizationId, assessmentId: id.data },
        select: { id: true, storageKey: true },
      });
      const orphans = rows.filter((row) => !cited.has(row.id));
      if (orphans.length)
        await tx.evidence.deleteMany({
          where: {
            id: { in: orphans.map((row) => row.id) },
            organizationId: actor.organizationId,
            assessmentId: id.data,
          },
        });
      return orphans.map((row) => row.storageKey);
    });
    await removeStoredFiles(storageKeys);
    return storageKeys.length;
  } catch (error) {
    console.error("[trustmap] could not delete unreferenced evidence of assessment", id.data, error);
    return 0;
  }
}
