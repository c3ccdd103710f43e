import "server-only";

import {
  afterSuccess,
  decideAttempt,
  SIGN_IN_POLICY,
  type AttemptCounters,
  type RefusalReason,
  type ThrottleState,
} from "@/lib/auth/sign-in-policy";
import type { Db } from "@/lib/db/create-client";
import { Prisma } from "@/lib/generated/prisma/client";

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
async function withLockedCounters<T>(
  db: Db,
  keys: Keys,
  work: (tx: Tx, rows: AttemptCounters) => Promise<T>,
): Promise<T> {
  return db.$transaction(
    async (tx) => {
      // unnest yields the sorted keys in order and the locks are taken row by row in that order.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(${Object.values(keys).sort()}::text[]) AS k`;
      const found = await tx.signInThrottle.findMany({ where: { key: { in: Object.values(keys) } } });
      const byKey = new Map(found.map(({ key, ...state }) => [key, state]));
      const rows: AttemptCounters = {
        pair: byKey.get(keys.pair) ?? null,
        account: byKey.get(keys.account) ?? null,
      };
      if (keys.address) rows.address = byKey.get(keys.address) ?? null;
      return work(tx, rows);
    },
    { maxWait: 10_000, timeout: 10_000 },
  );
}

// One statement for all of an attempt's rows (the lock is held, so a plain upsert is safe).
async function save(tx: Tx, keys: Keys, next: AttemptCounters<ThrottleState>) {
  const rows = entries(keys).flatMap(([name, key]) => (next[name] ? [{ key, ...next[name] }] : []));
  const values = rows.map(
    (r) =>
      Prisma.sql`(${r.key}, ${r.failures}, ${r.windowStart}, ${r.lastAttemptAt}, ${r.blockedUntil}::timestamp, ${r.notedBlockUntil}::timestamp, ${r.lastSuccessAt}::timestamp)`,
  );
  await tx.$executeRaw`
    INSERT INTO "SignInThrottle" ("key", "failures", "windowStart", "lastAttemptAt", "blockedUntil", "notedBlockUntil", "lastSuccessAt")
    VALUES ${Prisma.join(values)}
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = EXCLUDED."failures", "windowStart" = EXCLUDED."windowStart", "lastAttemptAt" = EXCLUDED."lastAttemptAt",
      "blockedUntil" = EXCLUDED."blockedUntil", "notedBlockUntil" = EXCLUDED."notedBlockUntil", "lastSuccessAt" = EXCLUDED."lastSuccessAt"`;
}

export type Admission =
  { admitted: true } | { admitted: false; reason: RefusalReason; retryAt: Date; firstRefusal: boolean };

/**
 * Admits an attempt (and counts it as a failure until afterSignInSuccess gives it back) or refuses it,
 * in one locked step. `onRefusal` runs inside the same transaction.
 */
export async function admitSignInAttempt(
  db: Db,
  keys: Keys,
  now: Date,
  onRefusal?: (tx: Tx, refusal: Extract<Admission, { admitted: false }>) => Promise<void>,
): Promise<Admission> {
  return withLockedCounters(db, keys, async (tx, rows) => {
    const decision = decideAttempt(rows, now);
    await save(tx, keys, decision.next);
    if (decision.admitted) return { admitted: true };
    const refusal = {
      admitted: false as const,
      reason: decision.reason,
      retryAt: decision.retryAt,
      firstRefusal: decision.firstRefusal,
    };
    await onRefusal?.(tx, refusal);
    return refusal;
  });
}

/** The right password: reset the pair, remember the address as known, and drop long-idle rows. */
export async function afterSignInSuccess(db: Db, keys: Keys, now: Date): Promise<void> {
  await withLockedCounters(db, keys, async (tx, rows) => {
    const fresh = (row: ThrottleState | null | undefined): ThrottleState =>
      row ?? {
        failures: 0,
        windowStart: now,
        lastAttemptAt: now,
        blockedUntil: null,
        notedBlockUntil: null,
        lastSuccessAt: null,
      };
    const current: AttemptCounters<ThrottleState> = { pair: fresh(rows.pair), account: fresh(rows.account) };
    if (keys.address) current.address = fresh(rows.address);
    await save(tx, keys, afterSuccess(current, now));
  });
  const idleSince = new Date(now.getTime() - SIGN_IN_POLICY.pairForgetAfterMs);
  const knownSince = new Date(now.getTime() - SIGN_IN_POLICY.knownAddressMs);
  await db.signInThrottle.deleteMany({
    where: {
      lastAttemptAt: { lt: idleSince },
      OR: [{ lastSuccessAt: null }, { lastSuccessAt: { lt: knownSince } }],
    },
  });
}
