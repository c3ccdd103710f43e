import { describe, expect, it } from "vitest";

import {
  afterSuccess,
  decideAttempt,
  SIGN_IN_POLICY as P,
  pairDelayMs,
  retryMessage,
  type AttemptCounters,
  type ThrottleState,
} from "./sign-in-policy";

const t0 = new Date("2026-01-01T10:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const row = (over: Partial<ThrottleState> = {}): ThrottleState => ({
  failures: 0,
  windowStart: t0,
  lastAttemptAt: t0,
  blockedUntil: null,
  notedBlockUntil: null,
  lastSuccessAt: null,
  ...over,
});
const none: AttemptCounters = { pair: null, account: null, address: null };

describe("pairDelayMs", () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 1_000],
    [6, 2_000],
    [7, 4_000],
    [10, 32_000],
    [14, 512_000],
    [15, P.pairMaxDelayMs],
    [1_000, P.pairMaxDelayMs],
  ])("after %i failures waits %i ms", (failures, ms) => expect(pairDelayMs(failures)).toBe(ms));
});

describe("decideAttempt", () => {
  it("admits a first attempt and counts it on all three keys at once", () => {
    const d = decideAttempt(none, t0);
    expect(d.admitted).toBe(true);
    expect([d.next.pair.failures, d.next.account.failures, d.next.address?.failures]).toEqual([1, 1, 1]);
    expect(d.next.pair.blockedUntil).toBeNull();
  });

  it("the fifth failure of a pair sets the first wait; the next attempt inside it is refused", () => {
    const fifth = decideAttempt({ ...none, pair: row({ failures: 4 }) }, t0);
    expect(fifth.next.pair.blockedUntil).toEqual(at(1_000));
    const sixth = decideAttempt({ ...fifth.next }, at(500));
    expect(sixth).toMatchObject({ admitted: false, reason: "pair", retryAt: at(1_000), firstRefusal: true });
    const seventh = decideAttempt({ ...sixth.next }, at(600));
    expect(seventh).toMatchObject({ admitted: false, firstRefusal: false });
    expect(seventh.next.pair.failures).toBe(5);
    expect(decideAttempt({ ...seventh.next }, at(1_000)).admitted).toBe(true);
  });

  it("forgets a pair's failures after a quiet day but keeps its known mark", () => {
    const d = decideAttempt(
      { ...none, pair: row({ failures: 12, blockedUntil: at(60_000), lastSuccessAt: t0 }) },
      at(P.pairForgetAfterMs),
    );
    expect(d.admitted).toBe(true);
    expect(d.next.pair).toMatchObject({ failures: 1, lastSuccessAt: t0 });
  });

  it("refuses an unknown address once the account ceiling is reached, until the window ends", () => {
    const d = decideAttempt(
      { pair: null, account: row({ failures: P.accountCeiling }), address: null },
      at(60_000),
    );
    expect(d).toMatchObject({ admitted: false, reason: "account", retryAt: at(P.windowMs) });
    expect(
      decideAttempt(
        { pair: null, account: row({ failures: P.accountCeiling }), address: null },
        at(P.windowMs),
      ).admitted,
    ).toBe(true);
  });

  it("refuses an unknown address that failed across many accounts", () => {
    expect(
      decideAttempt({ pair: null, account: null, address: row({ failures: P.addressCeiling }) }, t0),
    ).toMatchObject({ admitted: false, reason: "address" });
  });

  it("an address that signed in within 30 days passes both ceilings, but not its own pair wait", () => {
    const known = row({ lastSuccessAt: at(-P.knownAddressMs + 1) });
    const full = {
      account: row({ failures: P.accountCeiling }),
      address: row({ failures: P.addressCeiling }),
    };
    expect(decideAttempt({ pair: known, ...full }, t0).admitted).toBe(true);
    expect(decideAttempt({ pair: row({ lastSuccessAt: at(-P.knownAddressMs) }), ...full }, t0).admitted).toBe(
      false,
    );
    expect(decideAttempt({ pair: { ...known, blockedUntil: at(5_000) }, ...full }, t0)).toMatchObject({
      admitted: false,
      reason: "pair",
    });
  });

  it("works without an address (unknown client): pair and account only", () => {
    const d = decideAttempt({ pair: null, account: null }, t0);
    expect(d.next.address).toBeUndefined();
  });
});

describe("afterSuccess", () => {
  it("clears the pair, marks it known and gives the attempt back to the ceilings", () => {
    const next = afterSuccess(
      {
        pair: row({ failures: 3, blockedUntil: at(1) }),
        account: row({ failures: 7 }),
        address: row({ failures: 0 }),
      },
      at(5),
    );
    expect(next.pair).toMatchObject({ failures: 0, blockedUntil: null, lastSuccessAt: at(5) });
    expect([next.account.failures, next.address?.failures]).toEqual([6, 0]);
  });
});

describe("retryMessage", () => {
  it.each([
    [
      "pair",
      1_000,
      "Too many failed sign-ins for this account from your network address. Try again in 1 second.",
    ],
    [
      "pair",
      8_000,
      "Too many failed sign-ins for this account from your network address. Try again in 8 seconds.",
    ],
    ["account", 12 * 60_000, "Too many failed sign-ins for this account. Try again in 12 minutes."],
    [
      "address",
      14 * 60_000 + 1,
      "Too many failed sign-ins from your network address. Try again in 15 minutes.",
    ],
  ] as const)("%s, %i ms", (reason, ms, text) => expect(retryMessage(reason, at(ms), t0)).toBe(text));
});
