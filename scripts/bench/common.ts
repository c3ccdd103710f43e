/** What every part of the web benchmark shares: the log line, timings, and one clean-up at exit. */

export const log = (line: string) => process.stdout.write(`${line}\n`);
export const elapsed = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
export const quantile = (sorted: readonly number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : NaN;

// Clean-up that runs once, in reverse order of registration, on success, error or Ctrl+C.
const cleanups: (() => Promise<void>)[] = [];
let cleaningUp: Promise<void> | undefined;

/** Registers a step to undo at exit (stop the server, drop the database, remove the scratch folder). */
export function onCleanup(step: () => Promise<void>): void {
  cleanups.push(step);
}

export function cleanup(): Promise<void> {
  cleaningUp ??= (async () => {
    for (const step of cleanups.reverse())
      await step().catch((e) => process.stderr.write(`cleanup: ${(e as Error).message}\n`));
  })();
  return cleaningUp;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    process.stderr.write(`\n${signal}: stopping the server and dropping the benchmark database …\n`);
    void cleanup().finally(() => process.exit(130));
  });
}
