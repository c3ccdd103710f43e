import "server-only";
import type { Db } from "@/lib/db/create-client";
import {
  SIGN_IN_POLICY,
  afterSuccess,
  decideAttempt,
  type AttemptCounters,
  type RefusalReason,
  type ThrottleState,
} from "@/lib/auth/sign-in-policy";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type Keys = AttemptCounters<string>;

/** Counter keys of one attempt: the account, the account from this address, and the address. */
export function throttleKeys(email: string, address: string | null): Keys {
  return {
    pair: `pair:${email} ${address ?? "unknown"}`,
    account: `account:${email}`,
    ...(address ? { address: `ip:${address}` } : {}),
  };
}

const entries = (keys: Keys) => Object.entries(keys) as [keyof Keys, string][];

// Forty concurrent attempts must not all read "4 failures so far": each one takes a transaction-scoped
// advisory lock per key (in one global order, so two attempts never wait on each other in a cycle),
// reads the rows, and writes its own count before the next one reads.
async function withLockedCounters<T>(db: Db, keys: Keys, work: (tx: Tx, rows: AttemptCounters) => Promise<T>): Promise<T> {
  return db.$transaction(
    async (tx) => {
      for (const key of Object.values(keys).sort()) {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
      }
      const found = await tx.signInThrottle.findMany({ where: { key: { in: Object.values(keys) } } });
      const byKey = new Map(found.map(({ key, ...state }) => [key, state]));
      const rows: AttemptCounters = { pair: byKey.get(keys.pair) ?? null, account: byKey.get(keys.account) ?? null };
      if (keys.address) rows.address = byKey.get(keys.address) ?? null;
      return work(tx, rows);
    },
    { maxWait: 10_000, timeout: 10_000 },
  );
}

async function save(tx: Tx, keys: Keys, next: AttemptCounters<ThrottleState>) {
  for (const [name, key] of entries(keys)) {
    const state = next[name];
    if (state) await tx.signInThrottle.upsert({ where: { key }, create: { key, ...state }, update: state });
  }
}

export type Admission = { admitted: true } | { admitted: false; reason: RefusalReason; retryAt: Date; firstRefusal: boolean };

/**
 * Admits an attempt (and counts it as a failure until afterSignInSuccess gives it back) or refuses it,
 * in one locked step. `onRefusal` runs inside the same transaction.
 */
export async function admitSignInAttempt(db: Db, keys: Keys, now: Date, onRefusal?: (tx: Tx, refusal: Extract<Admission, { admitted: false }>) => Promise<void>): Promise<Admission> {
  return withLockedCounters(db, keys, async (tx, rows) => {
    const decision = decideAttempt(rows, now);
    await save(tx, keys, decision.next);
    if (decision.admitted) return { admitted: true };
    const refusal = { admitted: false as const, reason: decision.reason, retryAt: decision.retryAt, firstRefusal: decision.firstRefusal };
    await onRefusal?.(tx, refusal);
    return refusal;
  });
}

/** The right password: reset the pair, remember the address as known, and drop long-idle rows. */
export async function afterSignInSuccess(db: Db, keys: Keys, now: Date): Promise<void> {
  await withLockedCounters(db, keys, async (tx, rows) => {
    const fresh = (row: ThrottleState | null | undefined): ThrottleState =>
      row ?? { failures: 0, windowStart: now, lastAttemptAt: now, blockedUntil: null, notedBlockUntil: null, lastSuccessAt: null };
    const current: AttemptCounters<ThrottleState> = { pair: fresh(rows.pair), account: fresh(rows.account) };
    if (keys.address) current.address = fresh(rows.address);
    await save(tx, keys, afterSuccess(current, now));
  });
  const idleSince = new Date(now.getTime() - SIGN_IN_POLICY.pairForgetAfterMs);
  const knownSince = new Date(now.getTime() - SIGN_IN_POLICY.knownAddressMs);
  await db.signInThrottle.deleteMany({
    where: { lastAttemptAt: { lt: idleSince }, OR: [{ lastSuccessAt: null }, { lastSuccessAt: { lt: knownSince } }] },
  });
}
