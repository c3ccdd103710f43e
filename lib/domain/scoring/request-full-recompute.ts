import "server-only";
import type { Db } from "@/lib/db/create-client";
import { assertCan, type Actor } from "@/lib/auth/roles";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { enqueueFullRecompute } from "@/lib/jobs/scoring-queue";

/** Queues a whole-portfolio recompute; returns the run whose progress the UI polls. */
export async function requestFullRecompute(db: Db, actor: Actor) {
  assertCan(actor, "runScoring");
  const active = await db.scoringRun.findFirst({ where: { organizationId: actor.organizationId, kind: "full", status: { in: ["QUEUED", "RUNNING"] } }, select: { id: true } });
  if (active) return { runId: active.id, alreadyRunning: true };
  const run = await db.$transaction(async (tx) => {
    const r = await tx.scoringRun.create({ data: { organizationId: actor.organizationId, kind: "full", trigger: "manual", status: "QUEUED" }, select: { id: true } });
    await recordAuditEvent(tx, actor, { action: "scoring.full_recompute", entityType: "ScoringRun", entityId: r.id });
    return r;
  });
  const jobId = await enqueueFullRecompute({ runId: run.id, organizationId: actor.organizationId });
  await db.scoringRun.update({ where: { id: run.id }, data: { jobId } });
  return { runId: run.id, alreadyRunning: false };
}

export async function getScoringRun(db: Db, actor: Actor, runId: unknown) {
  assertCan(actor, "readScores");
  if (typeof runId !== "string") return null;
  return db.scoringRun.findFirst({ where: { id: runId, organizationId: actor.organizationId }, select: { id: true, kind: true, status: true, total: true, done: true, error: true, createdAt: true, finishedAt: true } });
}
