import "server-only";

import type { Db } from "@/lib/db/create-client";
import { bumpGraphVersion } from "@/lib/domain/graph-store/graph-cache";
import { isDatabaseUnavailable } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

import { recomputeScores, type RecomputeResult } from "./recompute-scores";

/**
 * The ScoringRun table is the durable queue of recomputes. A change that needs rescoring writes a
 * QUEUED run in its own transaction, so the change and the promise to rescore commit together;
 * whoever claims the run first (the request that made the change, or any process's scoring
 * worker, see lib/jobs/scoring-queue.ts) runs it. A claim is one conditional UPDATE, so a run is
 * never run twice at once; a run whose worker died stops beating and is reaped: marked FAILED
 * and queued again (up to MAX_ATTEMPTS claims in all).
 */

/** Claims of one piece of work (a run and the runs queued to replace it) before it stays FAILED. */
export const MAX_ATTEMPTS = 3;
/** How often a running run proves its worker is alive. */
export const HEARTBEAT_MS = 15_000;

/** Tuning of the reaper. */
export interface ReapOptions {
  /** A RUNNING run without a heartbeat for this long lost its worker. */
  leaseMs?: number;
  /** A QUEUED run nobody claimed for this long is replaced by a fresh one. */
  queuedStaleMs?: number;
}

export const DEFAULT_LEASE_MS = 3 * 60_000;
export const DEFAULT_QUEUED_STALE_MS = 15 * 60_000;

const INTERRUPTED =
  "The recompute was interrupted and has been queued again; previous scores are kept meanwhile.";
const GAVE_UP = "The recompute was interrupted too often; previous scores are kept. Start it again later.";
const FAILED = "The recompute failed; previous scores are kept.";

export interface ClaimedRun {
  id: string;
  organizationId: string;
  kind: string;
  seedNodeKeys: string[];
  attempts: number;
}

/**
 * After a change to the graph, in the change's own transaction: invalidates compiled graphs (the
 * version bump) and queues an incremental rescore of the vendors that can reach `nodeKeys`.
 */
export async function queueRescoreInTransaction(
  tx: Prisma.TransactionClient,
  organizationId: string,
  nodeKeys: string[],
  trigger: string,
): Promise<string> {
  await bumpGraphVersion(tx, organizationId);
  const run = await tx.scoringRun.create({
    data: {
      organizationId,
      kind: "incremental",
      trigger,
      status: "QUEUED",
      seedNodeKeys: [...new Set(nodeKeys)],
    },
    select: { id: true },
  });
  return run.id;
}

// Timestamps are stored as UTC without a zone (as Prisma writes them), whatever the session's zone.
const CLAIM_SET = `status = 'RUNNING', "startedAt" = now() AT TIME ZONE 'UTC', "heartbeatAt" = now() AT TIME ZONE 'UTC', attempts = attempts + 1`;
const CLAIM_RETURNING = `RETURNING id, "organizationId", kind, "seedNodeKeys", attempts`;

/** Claims this run if it is still queued; null when another worker has it (or it is done). */
export async function claimScoringRun(db: Db, runId: string): Promise<ClaimedRun | null> {
  const rows = await db.$queryRawUnsafe<ClaimedRun[]>(
    `UPDATE "ScoringRun" SET ${CLAIM_SET} WHERE id = $1 AND status = 'QUEUED' ${CLAIM_RETURNING}`,
    runId,
  );
  return rows[0] ?? null;
}

/**
 * Claims the oldest queued run, skipping rows another worker is claiming. Incremental runs younger
 * than `graceMs` are left to the request that queued them, which runs them straight away.
 */
export async function claimNextScoringRun(db: Db, graceMs: number): Promise<ClaimedRun | null> {
  const rows = await db.$queryRawUnsafe<ClaimedRun[]>(
    `UPDATE "ScoringRun" SET ${CLAIM_SET}
      WHERE id = (SELECT id FROM "ScoringRun"
                   WHERE status = 'QUEUED' AND (kind = 'full' OR "createdAt" < (now() AT TIME ZONE 'UTC') - make_interval(secs => $1::float8 / 1000))
                   ORDER BY "createdAt", id LIMIT 1 FOR UPDATE SKIP LOCKED)
        AND status = 'QUEUED'
      ${CLAIM_RETURNING}`,
    graceMs,
  );
  return rows[0] ?? null;
}

/**
 * Runs a claimed run to the end. Never throws: an engine failure marks the run FAILED (previous
 * scores stay); a lost database marks it FAILED and queues it again, or leaves it RUNNING for
 * the reaper when even that cannot be written.
 */
export async function executeScoringRun(
  db: Db,
  run: ClaimedRun,
  options: { batchSize?: number } = {},
): Promise<RecomputeResult | null> {
  const heartbeat = setInterval(() => {
    db.scoringRun
      .updateMany({ where: { id: run.id, status: "RUNNING" }, data: { heartbeatAt: new Date() } })
      .catch(() => {});
  }, HEARTBEAT_MS);
  heartbeat.unref();
  try {
    return await recomputeScores(db, run.organizationId, {
      runId: run.id,
      batchSize: options.batchSize,
      seedNodeKeys: run.kind === "full" ? undefined : run.seedNodeKeys,
    });
  } catch (error) {
    const unavailable = isDatabaseUnavailable(error);
    console.error(
      `[trustmap] ${run.kind} recompute ${run.id} failed:`,
      unavailable ? (error as Error).message : error,
    );
    await failRun(db, run, unavailable).catch(() => {});
    return null;
  } finally {
    clearInterval(heartbeat);
  }
}

/** Claims and runs one run now (the request that queued it). Never throws; null if it did not run here. */
export async function runQueuedScoringRun(db: Db, runId: string): Promise<RecomputeResult | null> {
  try {
    const run = await claimScoringRun(db, runId);
    return run ? await executeScoringRun(db, run) : null;
  } catch (error) {
    console.error(
      `[trustmap] recompute ${runId} stays queued for the scoring worker:`,
      (error as Error).message,
    );
    return null;
  }
}

/** Marks a run FAILED; with `requeue`, queues the same work again unless it has used its attempts. */
async function failRun(db: Db, run: ClaimedRun, requeue: boolean): Promise<string | null> {
  const requeued = requeue && run.attempts < MAX_ATTEMPTS;
  return db.$transaction(async (tx) => {
    const { count } = await tx.scoringRun.updateMany({
      where: { id: run.id, status: { in: ["QUEUED", "RUNNING"] } },
      data: {
        status: "FAILED",
        error: requeued ? INTERRUPTED : requeue ? GAVE_UP : FAILED,
        finishedAt: new Date(),
      },
    });
    if (count === 0 || !requeued) return null;
    const { trigger } = await tx.scoringRun.findUniqueOrThrow({
      where: { id: run.id },
      select: { trigger: true },
    });
    const next = await tx.scoringRun.create({
      data: {
        organizationId: run.organizationId,
        kind: run.kind,
        trigger,
        status: "QUEUED",
        seedNodeKeys: run.seedNodeKeys,
        attempts: run.attempts,
      },
      select: { id: true },
    });
    return next.id;
  });
}

/**
 * Reaps runs whose worker is gone: RUNNING without a heartbeat for `leaseMs`, or QUEUED and
 * unclaimed for `queuedStaleMs`. Each is marked FAILED and its work queued again. Returns how many.
 */
export async function reapStaleRuns(db: Db, options: ReapOptions = {}): Promise<number> {
  const now = Date.now();
  const leaseCutoff = new Date(now - (options.leaseMs ?? DEFAULT_LEASE_MS));
  const queuedCutoff = new Date(now - (options.queuedStaleMs ?? DEFAULT_QUEUED_STALE_MS));
  const stale = await db.scoringRun.findMany({
    where: {
      OR: [
        {
          status: "RUNNING",
          OR: [{ heartbeatAt: { lt: leaseCutoff } }, { heartbeatAt: null, createdAt: { lt: leaseCutoff } }],
        },
        { status: "QUEUED", createdAt: { lt: queuedCutoff } },
      ],
    },
    orderBy: { createdAt: "asc" },
    take: 100,
    select: { id: true, organizationId: true, kind: true, seedNodeKeys: true, attempts: true },
  });
  for (const run of stale) {
    console.warn(
      `[trustmap] reaping ${run.kind} recompute ${run.id} (attempt ${run.attempts}): its worker stopped`,
    );
    await failRun(db, run, true);
  }
  return stale.length;
}

/** True when an active run has outlived its lease (RUNNING) or waited too long (QUEUED). */
export function isStaleRun(
  run: { status: string; createdAt: Date; heartbeatAt: Date | null },
  options: ReapOptions = {},
  now = Date.now(),
): boolean {
  if (run.status === "RUNNING")
    return (run.heartbeatAt ?? run.createdAt).getTime() < now - (options.leaseMs ?? DEFAULT_LEASE_MS);
  if (run.status === "QUEUED")
    return run.createdAt.getTime() < now - (options.queuedStaleMs ?? DEFAULT_QUEUED_STALE_MS);
  return false;
}

/**
 * After a change to the graph has committed (an inventory edit, a manual linkage), rescore only the
 * vendors that can reach the changed nodes: queues an incremental run and runs it in this request.
 * Never throws: when the database fails meanwhile, the run stays queued (or is reaped and queued
 * again) and a scoring worker finishes it. Changes that can, queue the run in their own transaction
 * instead (queueRescoreInTransaction, as accepting an assessment does), so no crash can lose it.
 */
export async function recomputeAfterGraphChange(
  db: Db,
  organizationId: string,
  nodeKeys: string[],
  trigger: string,
): Promise<RecomputeResult | null> {
  let runId: string;
  try {
    // Every graph change passes through here or queueRescoreInTransaction, which bumps the
    // version that invalidates cached compiled graphs.
    runId = await db.$transaction((tx) => queueRescoreInTransaction(tx, organizationId, nodeKeys, trigger));
  } catch (error) {
    console.error("[trustmap] could not queue the rescore after a graph change:", (error as Error).message);
    return null;
  }
  return runQueuedScoringRun(db, runId);
}
