import "server-only";
import { rm } from "node:fs/promises";
import path from "node:path";
import type { Prisma } from "@/lib/generated/prisma/client";
import { evidenceDir } from "@/lib/evidence/evidence-dir";

/**
 * Serialises the evidence changes of one assessment (uploads, pruning, submission's status change
 * takes the same row lock): counts and quotas read under it stay true until the commit.
 */
export async function lockAssessment(tx: Prisma.TransactionClient, organizationId: string, assessmentId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Assessment" WHERE id = ${assessmentId} AND "organizationId" = ${organizationId} FOR UPDATE`;
}

/** Deletes stored files whose rows are gone (call after the deleting transaction committed). */
export async function removeStoredFiles(storageKeys: string[]): Promise<void> {
  await Promise.all(storageKeys.map((key) => rm(path.join(evidenceDir(), key), { force: true })));
}
