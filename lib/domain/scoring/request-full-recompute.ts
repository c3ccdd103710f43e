import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";

import { isStaleRun } from "./scoring-runs";
import { wakeScoringWorker } from "./scoring-worker-signal";

/**
 * Queues a whole-portfolio recompute; returns the run whose progress the UI polls. The run row is
 * the job (see scoring-runs.ts): it commits with its audit event or not at all, and any process's
 * scoring worker picks it up. An earlier full run that is still active answers instead, unless it
 * has gone stale (its worker died), in which case it is marked failed and replaced.
 */
export async function requestFullRecompute(db: Db, actor: Actor) {
  assertCan(actor, "runScoring");
  const result = await db.$transaction(async (tx) => {
    const active = await tx.scoringRun.findFirst({
      where: { organizationId: actor.organizationId, kind: "full", status: { in: ["QUEUED", "RUNNING"] } },
      orderBy: { createdAt: "desc" },
      select: { id: true, status: true, createdAt: true, heartbeatAt: true },
    });
    if (active && !isStaleRun(active)) return { runId: active.id, alreadyRunning: true };
    if (active) {
      await tx.scoringRun.updateMany({
        where: { id: active.id, status: { in: ["QUEUED", "RUNNING"] } },
        data: {
          status: "FAILED",
          error: "The recompute stopped without finishing and was replaced by a new one.",
          finishedAt: new Date(),
        },
      });
    }
    const r = await tx.scoringRun.create({
      data: { organizationId: actor.organizationId, kind: "full", trigger: "manual", status: "QUEUED" },
      select: { id: true },
    });
    await recordAuditEvent(tx, actor, {
      action: "scoring.full_recompute",
      entityType: "ScoringRun",
      entityId: r.id,
    });
    return { runId: r.id, alreadyRunning: false };
  });
  wakeScoringWorker();
  return result;
}

/** What a run's progress display reads (the recompute button, the status poll). */
export const SCORING_RUN_SELECT = {
  id: true,
  kind: true,
  status: true,
  total: true,
  done: true,
  error: true,
  createdAt: true,
  finishedAt: true,
  trigger: true,
} as const;
export async function getScoringRun(db: Db, actor: Actor, runId: unknown) {
  assertCan(actor, "readScores");
  if (typeof runId !== "string") return null;
  return db.scoringRun.findFirst({
    where: { id: runId, organizationId: actor.organizationId },
    select: SCORING_RUN_SELECT,
  });
}
