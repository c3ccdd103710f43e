// No "server-only" marker: the fault tests run a worker in a plain Node process they can kill.
import type { Db } from "@/lib/db/create-client";
import { queueModelUpgradeRecomputes } from "@/lib/domain/scoring/queue-model-upgrades";
import {
  claimNextScoringRun,
  executeScoringRun,
  reapStaleRuns,
  type ReapOptions,
} from "@/lib/domain/scoring/scoring-runs";
import { registerScoringWorkerWake } from "@/lib/domain/scoring/scoring-worker-signal";
import { isDatabaseUnavailable } from "@/lib/errors";

/**
 * The scoring worker: a loop in every server process that reaps runs whose worker died and runs
 * queued ones (lib/domain/scoring/scoring-runs.ts), oldest first. The queue is the ScoringRun
 * table itself, so there is nothing to start that can fail for good: while the database is down
 * each round fails and the next one comes later (backing off to `maxBackoffMs`); once it is back
 * the worker carries on by itself.
 */

/** Tuning of the worker; the defaults suit production, tests shorten them. */
export interface ScoringWorkerOptions extends ReapOptions {
  /** Pause between rounds while the queue is empty. */
  pollMs?: number;
  /** Longest pause while the database keeps failing. */
  maxBackoffMs?: number;
  /** Incremental runs younger than this are left to the request that queued them. */
  graceMs?: number;
}

interface WorkerState {
  db: Db;
  options: Required<Pick<ScoringWorkerOptions, "pollMs" | "maxBackoffMs" | "graceMs">> & ReapOptions;
  timer?: NodeJS.Timeout;
  round?: Promise<void>;
  failures: number;
  stopped: boolean;
  /** Scores of an older model version have been queued for a full recompute (once per process). */
  upgradesQueued?: boolean;
}

const globalForWorker = globalThis as unknown as { trustmapScoringWorker?: WorkerState };

/** Starts the worker in this process (once; a second call changes nothing). Never throws. */
export function startScoringWorker(db: Db, options: ScoringWorkerOptions = {}): void {
  if (globalForWorker.trustmapScoringWorker && !globalForWorker.trustmapScoringWorker.stopped) return;
  const state: WorkerState = {
    db,
    options: {
      pollMs: options.pollMs ?? 2_000,
      maxBackoffMs: options.maxBackoffMs ?? 30_000,
      graceMs: options.graceMs ?? 5_000,
      leaseMs: options.leaseMs,
      queuedStaleMs: options.queuedStaleMs,
    },
    failures: 0,
    stopped: false,
  };
  globalForWorker.trustmapScoringWorker = state;
  schedule(state, 0);
}

/** Asks the worker of this process (if any) to look at the queue now rather than at its next round. */
export function wakeScoringWorker(): void {
  const state = globalForWorker.trustmapScoringWorker;
  if (state && !state.stopped && !state.round && state.failures === 0) schedule(state, 0);
}
registerScoringWorkerWake(wakeScoringWorker);

/** Stops the worker of this process and waits for the run it is on, if any. */
export async function stopScoringWorker(): Promise<void> {
  const state = globalForWorker.trustmapScoringWorker;
  if (!state) return;
  state.stopped = true;
  clearTimeout(state.timer);
  await state.round;
  globalForWorker.trustmapScoringWorker = undefined;
}

function schedule(state: WorkerState, delayMs: number): void {
  clearTimeout(state.timer);
  state.timer = setTimeout(() => {
    state.round = runRound(state).finally(() => {
      state.round = undefined;
      if (state.stopped) return;
      const backoff = Math.min(state.options.pollMs * 2 ** state.failures, state.options.maxBackoffMs);
      schedule(state, state.failures === 0 ? state.options.pollMs : backoff);
    });
  }, delayMs);
  // The worker never keeps a process alive on its own (scripts and tests end when their work does).
  state.timer.unref();
}

async function runRound(state: WorkerState): Promise<void> {
  const { db, options } = state;
  try {
    await reapStaleRuns(db, options);
    if (!state.upgradesQueued) {
      await queueModelUpgradeRecomputes(db);
      state.upgradesQueued = true;
    }
    while (!state.stopped) {
      const run = await claimNextScoringRun(db, options.graceMs);
      if (!run) break;
      await executeScoringRun(db, run);
    }
    if (state.failures > 0)
      console.log("[trustmap] scoring worker: the database is back; queued recomputes resume.");
    state.failures = 0;
  } catch (error) {
    // Log the first failure of a streak in full, then quietly keep trying.
    if (state.failures === 0)
      console.error(
        "[trustmap] scoring worker: cannot reach the queue; retrying with backoff:",
        isDatabaseUnavailable(error) ? (error as Error).message : error,
      );
    state.failures += 1;
  }
}
