// No "server-only" marker: the scoring worker (lib/jobs/scoring-queue.ts) calls this, and the fault tests run it in plain Node.
import type { Db } from "@/lib/db/create-client";
import { MODEL_VERSION } from "@/lib/scoring";

/** "trustmap-propagation/2." for model 2.x.y: snapshots of another major version are outdated. */
export const CURRENT_MODEL_PREFIX = MODEL_VERSION.slice(0, MODEL_VERSION.indexOf(".") + 1);

/** True when a snapshot was computed under the current major model version. */
export function isCurrentModel(modelVersion: string): boolean {
  return modelVersion.startsWith(CURRENT_MODEL_PREFIX);
}

/**
 * Queues one full recompute (a ScoringRun the scoring worker picks up) for every organisation whose
 * current scores include one computed under an older major model version, e.g. 1.x after model 2
 * shipped. An organisation with a full run already queued or running gets none. Archived vendors
 * are not rescored, so their old rows never trigger a run. Returns the ids of the runs queued.
 */
export async function queueModelUpgradeRecomputes(db: Db): Promise<string[]> {
  const outdated = await db.currentScore.findMany({
    where: { NOT: { modelVersion: { startsWith: CURRENT_MODEL_PREFIX } } },
    select: { vendorId: true },
  });
  if (outdated.length === 0) return [];
  const organizations = await db.vendor.findMany({
    where: { id: { in: outdated.map((o) => o.vendorId) }, archivedAt: null },
    distinct: ["organizationId"],
    select: { organizationId: true },
  });
  const queued: string[] = [];
  for (const { organizationId } of organizations) {
    const id = await db.$transaction(async (tx) => {
      const active = await tx.scoringRun.findFirst({
        where: { organizationId, kind: "full", status: { in: ["QUEUED", "RUNNING"] } },
        select: { id: true },
      });
      if (active) return null;
      return (
        await tx.scoringRun.create({
          data: { organizationId, kind: "full", trigger: "model-upgrade", status: "QUEUED" },
          select: { id: true },
        })
      ).id;
    });
    if (id) queued.push(id);
  }
  return queued;
}
