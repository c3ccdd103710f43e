// Sign-in throttling rules (pure: no database, no clock). lib/domain/auth/sign-in-throttle.ts reads
// the counter rows under a lock, asks decideAttempt, and writes back what it returns, so the check
// and the record of an attempt are one step even for concurrent requests.
//
// Three counters per attempt:
// - pair (account + client address): a few free failures, then an exponentially growing wait.
//   Only failures from that address slow that address, so a stranger elsewhere cannot lock the
//   real user out.
// - account: a generous ceiling across all addresses, so a distributed guess is still slowed.
// - address: a generous ceiling across accounts (credential stuffing from one host).
// An address that signed in to the account successfully in the last 30 days is exempt from the two
// ceilings: during an attack on the account its owner still gets in from where they usually do.

export const SIGN_IN_POLICY = {
  /** Failures per account+address before the first wait. */
  pairFreeFailures: 5,
  /** First wait; doubles with each further failure. */
  pairBaseDelayMs: 1_000,
  pairMaxDelayMs: 15 * 60_000,
  /** A pair's count is forgotten after this long without attempts. */
  pairForgetAfterMs: 24 * 60 * 60_000,
  /** Window of the account and address ceilings. */
  windowMs: 15 * 60_000,
  accountCeiling: 100,
  addressCeiling: 50,
  /** How long a successful sign-in keeps an address "known" for the account. */
  knownAddressMs: 30 * 24 * 60 * 60_000,
} as const;

export type SignInPolicy = typeof SIGN_IN_POLICY;

/** One counter row (SignInThrottle) as the policy sees it. */
export interface ThrottleState {
  failures: number;
  windowStart: Date;
  lastAttemptAt: Date;
  blockedUntil: Date | null;
  notedBlockUntil: Date | null;
  lastSuccessAt: Date | null;
}

export interface AttemptCounters<T = ThrottleState | null> {
  pair: T;
  account: T;
  /** Absent when the client address is unknown. */
  address?: T;
}

export type RefusalReason = "pair" | "account" | "address";

export type AttemptDecision =
  | { admitted: true; next: AttemptCounters<ThrottleState> }
  | {
      admitted: false;
      reason: RefusalReason;
      retryAt: Date;
      /** The first refusal of this block: the one worth an audit event. */
      firstRefusal: boolean;
      next: AttemptCounters<ThrottleState>;
    };

const empty = (now: Date): ThrottleState => ({
  failures: 0,
  windowStart: now,
  lastAttemptAt: now,
  blockedUntil: null,
  notedBlockUntil: null,
  lastSuccessAt: null,
});

/** A pair's count after a quiet day starts again; its known-address mark stays. */
function currentPair(row: ThrottleState | null, now: Date, policy: SignInPolicy): ThrottleState {
  if (!row) return empty(now);
  if (now.getTime() - row.lastAttemptAt.getTime() >= policy.pairForgetAfterMs) {
    return { ...empty(now), lastSuccessAt: row.lastSuccessAt };
  }
  return row;
}

/** Ceilings count in fixed windows. */
function currentWindow(row: ThrottleState | null, now: Date, policy: SignInPolicy): ThrottleState {
  if (!row || now.getTime() - row.windowStart.getTime() >= policy.windowMs) return empty(now);
  return row;
}

/** The wait after the n-th failure of a pair (0 while free attempts remain). */
export function pairDelayMs(failures: number, policy: SignInPolicy = SIGN_IN_POLICY): number {
  const over = failures - policy.pairFreeFailures;
  if (over < 0) return 0;
  return Math.min(policy.pairMaxDelayMs, policy.pairBaseDelayMs * 2 ** Math.min(over, 30));
}

/**
 * Decides whether an attempt may check its password. An admitted attempt is counted as a failure
 * at once (a success gives it back: see afterSuccess), so concurrent attempts cannot all pass the
 * check before any of them is recorded.
 */
export function decideAttempt(
  rows: AttemptCounters,
  now: Date,
  policy: SignInPolicy = SIGN_IN_POLICY,
): AttemptDecision {
  const pair = currentPair(rows.pair, now, policy);
  const account = currentWindow(rows.account, now, policy);
  const address = rows.address === undefined ? undefined : currentWindow(rows.address, now, policy);
  const known =
    pair.lastSuccessAt !== null && now.getTime() - pair.lastSuccessAt.getTime() < policy.knownAddressMs;

  const refusal = ((): { reason: RefusalReason; retryAt: Date } | null => {
    if (pair.blockedUntil && pair.blockedUntil > now) return { reason: "pair", retryAt: pair.blockedUntil };
    if (known) return null;
    const windowEnd = (s: ThrottleState) => new Date(s.windowStart.getTime() + policy.windowMs);
    if (account.failures >= policy.accountCeiling) return { reason: "account", retryAt: windowEnd(account) };
    if (address && address.failures >= policy.addressCeiling)
      return { reason: "address", retryAt: windowEnd(address) };
    return null;
  })();

  if (refusal) {
    const refused = { pair, account, address }[refusal.reason]!;
    const firstRefusal = refused.notedBlockUntil?.getTime() !== refusal.retryAt.getTime();
    const next: AttemptCounters<ThrottleState> = {
      pair: { ...pair, lastAttemptAt: now },
      account,
      ...(address ? { address } : {}),
    };
    next[refusal.reason] = { ...next[refusal.reason]!, notedBlockUntil: refusal.retryAt };
    return { admitted: false, ...refusal, firstRefusal, next };
  }

  const failures = pair.failures + 1;
  const delay = pairDelayMs(failures, policy);
  const count = (s: ThrottleState): ThrottleState => ({ ...s, failures: s.failures + 1, lastAttemptAt: now });
  return {
    admitted: true,
    next: {
      pair: { ...count(pair), blockedUntil: delay > 0 ? new Date(now.getTime() + delay) : null },
      account: count(account),
      ...(address ? { address: count(address) } : {}),
    },
  };
}

/** A right password: the pair starts over and is known from now on; the ceilings get the attempt back. */
export function afterSuccess(
  rows: AttemptCounters<ThrottleState>,
  now: Date,
): AttemptCounters<ThrottleState> {
  const giveBack = (s: ThrottleState): ThrottleState => ({ ...s, failures: Math.max(0, s.failures - 1) });
  return {
    pair: { ...rows.pair, failures: 0, blockedUntil: null, notedBlockUntil: null, lastSuccessAt: now },
    account: giveBack(rows.account),
    ...(rows.address ? { address: giveBack(rows.address) } : {}),
  };
}

/** "Try again in 8 seconds." / "… in 12 minutes." */
export function retryMessage(reason: RefusalReason, retryAt: Date, now: Date): string {
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  const wait =
    seconds < 90 ? `${seconds} second${seconds === 1 ? "" : "s"}` : `${Math.ceil(seconds / 60)} minutes`;
  const who = {
    pair: "for this account from your network address",
    account: "for this account",
    address: "from your network address",
  }[reason];
  return `Too many failed sign-ins ${who}. Try again in ${wait}.`;
}
