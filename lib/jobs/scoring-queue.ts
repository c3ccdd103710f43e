import "server-only";
import PgBoss from "pg-boss";
import type { Db } from "@/lib/db/create-client";
import { recomputeScores } from "@/lib/domain/scoring/recompute-scores";

/**
 * The background queue for whole-portfolio recomputes, on PostgreSQL through pg-boss. It uses
 * JOBS_DATABASE_URL when set (the embedded setup gives the queue its own PGlite, since PGlite
 * serves one connection at a time) and DATABASE_URL otherwise.
 */
export const FULL_RECOMPUTE_QUEUE = "scoring-full-recompute";

export interface FullRecomputeJob {
  runId: string;
  organizationId: string;
}

const globalForBoss = globalThis as unknown as { trustmapBoss?: Promise<PgBoss> };

export function getBoss(): Promise<PgBoss> {
  globalForBoss.trustmapBoss ??= (async () => {
    const connectionString = process.env.JOBS_DATABASE_URL ?? process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set");
    const boss = new PgBoss({ connectionString, max: Number(process.env.JOBS_POOL_MAX ?? 2) });
    boss.on("error", (error) => console.error("[trustmap] job queue error:", error.message));
    await boss.start();
    await boss.createQueue(FULL_RECOMPUTE_QUEUE);
    return boss;
  })();
  return globalForBoss.trustmapBoss;
}

export async function enqueueFullRecompute(job: FullRecomputeJob): Promise<string | null> {
  const boss = await getBoss();
  // A singleton key per organisation: a second request while one waits is folded into it.
  return boss.send(FULL_RECOMPUTE_QUEUE, job, { singletonKey: job.organizationId, retryLimit: 1 });
}

/** Runs queued recomputes in this process. A failing job marks its run FAILED; old snapshots stay. */
export async function startScoringWorker(db: Db): Promise<void> {
  const boss = await getBoss();
  await boss.work<FullRecomputeJob>(FULL_RECOMPUTE_QUEUE, async ([job]) => {
    if (!job) return;
    const { runId, organizationId } = job.data;
    try {
      await recomputeScores(db, organizationId, { runId });
    } catch (error) {
      console.error("[trustmap] full recompute failed:", error);
      await db.scoringRun.update({ where: { id: runId }, data: { status: "FAILED", error: "The recompute failed; previous scores are kept.", finishedAt: new Date() } }).catch(() => {});
      throw error;
    }
  });
}

export async function stopBoss(): Promise<void> {
  const boss = await globalForBoss.trustmapBoss?.catch(() => undefined);
  globalForBoss.trustmapBoss = undefined;
  await boss?.stop({ graceful: false, wait: true });
}
