import "server-only";

// How use cases that queue a scoring run nudge the worker of this process, without importing it
// (lib/jobs/scoring-queue.ts runs these use cases, so the dependency points from the worker to
// here). The worker registers its wake-up when its module loads; on globalThis, like the worker's
// own state, so every bundle of the process sees the same one. Without a worker it does nothing.

const globalForSignal = globalThis as unknown as { trustmapWakeScoringWorker?: () => void };

/** Called by the worker module: how to wake it. */
export function registerScoringWorkerWake(wake: () => void): void {
  globalForSignal.trustmapWakeScoringWorker = wake;
}

/** Asks the worker of this process (if any) to look at the queue now rather than at its next round. */
export function wakeScoringWorker(): void {
  globalForSignal.trustmapWakeScoringWorker?.();
}
