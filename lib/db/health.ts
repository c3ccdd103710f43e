// Few imports: proxy.ts reads this too, and must not pull the database client into its bundle.
import { isDatabaseUnavailable } from "@/lib/errors";

/**
 * What this server process knows about its database, for answering "cannot reach its database"
 * with a real 503 (proxy.ts). The app's database client registers a probe (one `SELECT 1` on its
 * own pool, so the embedded PGlite's single connection is never contended); the portal layout
 * reports the failures it meets. State lives on globalThis: proxy.ts and the pages are separate
 * bundles in one process.
 */
interface DatabaseHealth {
  probe?: () => Promise<unknown>;
  /** When a failure was last seen and not yet followed by a successful probe; null when healthy. */
  downSince: number | null;
  checkedAt: number;
  checking?: Promise<boolean>;
}

const health = ((globalThis as unknown as { trustmapDbHealth?: DatabaseHealth }).trustmapDbHealth ??= {
  downSince: null,
  checkedAt: 0,
});

/** A healthy answer is trusted this long before the next page request probes again. */
export const HEALTHY_FOR_MS = 5_000;
/** While down, probe at most this often (every request in between gets the last answer). */
const DOWN_RECHECK_MS = 1_000;

export function registerDatabaseProbe(probe: () => Promise<unknown>): void {
  health.probe = probe;
}

/** Called where a database failure is met (the portal layout): later requests probe before rendering. */
export function noteDatabaseUnavailable(now = Date.now()): void {
  health.downSince ??= now;
  health.checkedAt = now;
}

/** Test support: forget everything, probe included. */
export function resetDatabaseHealth(): void {
  Object.assign(health, { probe: undefined, downSince: null, checkedAt: 0, checking: undefined });
}

/**
 * True when the database does not answer. Cheap: a fresh answer is reused, one probe runs at a
 * time, and with no probe registered yet (nothing has used the database) the answer is "reachable".
 */
export async function isDatabaseDown(now = Date.now()): Promise<boolean> {
  if (!health.probe) return false;
  const fresh = now - health.checkedAt < (health.downSince === null ? HEALTHY_FOR_MS : DOWN_RECHECK_MS);
  if (fresh) return health.downSince !== null;
  health.checking ??= runProbe(health.probe).finally(() => (health.checking = undefined));
  return health.checking;
}

// No timeout of its own: the driver gives up connecting after 5 s (create-client.ts), and a merely
// slow answer (a cold server's first query) is not an outage.
async function runProbe(probe: () => Promise<unknown>): Promise<boolean> {
  try {
    await probe();
    health.downSince = null;
  } catch (error) {
    if (isDatabaseUnavailable(error)) health.downSince ??= Date.now();
  } finally {
    health.checkedAt = Date.now();
  }
  return health.downSince !== null;
}
