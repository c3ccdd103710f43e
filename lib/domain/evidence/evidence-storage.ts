import "server-only";

import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";

import { evidenceDir, stagingDir } from "@/lib/evidence/evidence-dir";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Serialises the evidence changes of one assessment (uploads, pruning, submission's status change
 * takes the same row lock): counts and quotas read under it stay true until the commit.
 */
export async function lockAssessment(
  tx: Prisma.TransactionClient,
  organizationId: string,
  assessmentId: string,
): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Assessment" WHERE id = ${assessmentId} AND "organizationId" = ${organizationId} FOR UPDATE`;
}

/** Deletes stored files whose rows are gone (call after the deleting transaction committed). */
export async function removeStoredFiles(storageKeys: string[]): Promise<void> {
  await Promise.all(storageKeys.map((key) => rm(path.join(evidenceDir(), key), { force: true })));
}

/** A staging file this old belongs to no upload still running (one that the process died during). */
const ABANDONED_AFTER_MS = 60 * 60_000;

/** Deletes staging files left by uploads that never finished (a crash or a kill mid-upload). */
export async function removeAbandonedUploads(now = new Date()): Promise<void> {
  const names = await readdir(stagingDir()).catch(() => [] as string[]);
  await Promise.all(
    names.map(async (name) => {
      const file = path.join(stagingDir(), name);
      const modified = await stat(file).then(
        (s) => s.mtimeMs,
        () => now.getTime(),
      );
      if (modified < now.getTime() - ABANDONED_AFTER_MS) await rm(file, { force: true });
    }),
  );
}
