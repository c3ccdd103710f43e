// Sign-in throttling as an attacker meets it (issue 10, findings 3 and 4), on real PostgreSQL.
import { describe, expect, inject, it } from "vitest";

import { SIGN_IN_POLICY } from "@/lib/auth/sign-in-policy";
import { createPrismaClient } from "@/lib/db/create-client";
import { authenticateUser } from "@/lib/domain/auth/authenticate-user";
import type { AppError } from "@/lib/errors";
import { buildOrganization, buildUser } from "@/prisma/seed/factories";

import { testDb } from "../integration/setup";

const PASSWORD = "correct horse battery";
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as AppError,
  );

async function account() {
  const db = testDb();
  const org = await buildOrganization(db);
  const user = await buildUser(db, { organizationId: org.id, role: "ADMIN", password: PASSWORD });
  return { db, org, user };
}

describe("sign-in throttling under attack", () => {
  it("40 concurrent attempts from one address (39 wrong, the right one last): the right one is refused", async () => {
    const { user } = await account();
    // A pool as large as the server's (DATABASE_POOL_MAX), so the attempts really run side by side.
    const db = createPrismaClient({ connectionString: inject("databaseUrl"), max: 10 });
    try {
      const attempts = Array.from({ length: 40 }, (_, i) =>
        authenticateUser(db, {
          email: user.email,
          password: i === 39 ? PASSWORD : `wrong-${i}`,
          ip: "203.0.113.5",
        }).then(
          () => "SIGNED_IN",
          (e: unknown) => (e as AppError).code ?? String(e),
        ),
      );
      const results = await Promise.all(attempts);
      const count = (code: string) => results.filter((r) => r === code).length;
      console.log(
        `[auth-throttle] 40 concurrent: ${count("UNAUTHENTICATED")} passwords checked, ${count("RATE_LIMITED")} refused unchecked, right one: ${results[39]}`,
      );
      expect(results[39]).toBe("RATE_LIMITED");
      expect(count("UNAUTHENTICATED")).toBe(SIGN_IN_POLICY.pairFreeFailures);
      expect(count("RATE_LIMITED")).toBe(40 - SIGN_IN_POLICY.pairFreeFailures);
    } finally {
      await db.$disconnect();
    }
  });

  it("a stranger's failures from other addresses do not lock the real user out of their own address", async () => {
    const { db, user } = await account();
    // The real user has signed in from home before.
    await authenticateUser(db, { email: user.email, password: PASSWORD, ip: "198.51.100.7" });
    // A stranger guesses from a handful of addresses, a few times each.
    for (let host = 1; host <= 10; host++) {
      for (let i = 0; i < 6; i++)
        await failure(authenticateUser(db, { email: user.email, password: "guess", ip: `192.0.2.${host}` }));
    }
    await expect(
      authenticateUser(db, { email: user.email, password: PASSWORD, ip: "198.51.100.7" }),
    ).resolves.toMatchObject({ userId: user.id });
  });

  it("a distributed guess (one try per address) is slowed by the account ceiling, but not the owner's known address", async () => {
    const { db, user } = await account();
    const t0 = new Date("2026-01-01T10:00:00Z");
    await authenticateUser(db, { email: user.email, password: PASSWORD, ip: "198.51.100.7" }, t0);
    for (let i = 0; i < SIGN_IN_POLICY.accountCeiling; i++) {
      await failure(
        authenticateUser(db, { email: user.email, password: "guess", ip: `10.${i >> 8}.${i & 255}.1` }, t0),
      );
    }
    const stranger = await failure(
      authenticateUser(db, { email: user.email, password: PASSWORD, ip: "192.0.2.200" }, t0),
    );
    expect(stranger?.message).toBe("Too many failed sign-ins for this account. Try again in 15 minutes.");
    await expect(
      authenticateUser(db, { email: user.email, password: PASSWORD, ip: "198.51.100.7" }, t0),
    ).resolves.toMatchObject({ userId: user.id });
  });
});

describe("sign-in audit trail", () => {
  const events = (action: string) =>
    testDb().auditEvent.findMany({
      where: { action },
      select: { organizationId: true, actorId: true, entityId: true, details: true },
      orderBy: { createdAt: "asc" },
    });

  it("records failed sign-ins against the account's organisation, with the address, and nothing for unknown e-mails", async () => {
    const { db, org, user } = await account();
    await failure(authenticateUser(db, { email: user.email, password: "wrong", ip: "192.0.2.1" }));
    await failure(authenticateUser(db, { email: "nobody@example.test", password: "wrong", ip: "192.0.2.1" }));
    expect(await events("user.sign_in_failed")).toEqual([
      { organizationId: org.id, actorId: null, entityId: user.id, details: { ip: "192.0.2.1" } },
    ]);
  });

  it("records throttling once per block, not once per refused request", async () => {
    const { db, org, user } = await account();
    const t0 = new Date("2026-01-01T10:00:00Z");
    for (let i = 0; i < SIGN_IN_POLICY.pairFreeFailures + 10; i++) {
      await failure(
        authenticateUser(
          db,
          { email: user.email, password: "wrong", ip: "192.0.2.1" },
          new Date(t0.getTime() + i),
        ),
      );
    }
    const throttled = await events("user.sign_in_throttled");
    expect(throttled).toEqual([
      {
        organizationId: org.id,
        actorId: null,
        entityId: user.id,
        details: { ip: "192.0.2.1", limit: "pair", until: "2026-01-01T10:00:01.004Z" },
      },
    ]);
    expect(await events("user.sign_in_failed")).toHaveLength(SIGN_IN_POLICY.pairFreeFailures);
  });

  it("a failed sign-in takes as long for an unknown e-mail as for an account (audit write included)", async () => {
    const { db, user } = await account();
    const time = async (email: string, i: number) => {
      const start = performance.now();
      await failure(authenticateUser(db, { email, password: "wrong", ip: `192.0.2.${i}` }));
      return performance.now() - start;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 24; i++) {
      known.push(await time(user.email, i));
      unknown.push(await time(`nobody-${i}@example.test`, i));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
    const [k, u] = [median(known), median(unknown)];
    console.log(
      `[auth-throttle] failed sign-in, median of 24: account ${k.toFixed(1)} ms, unknown e-mail ${u.toFixed(1)} ms`,
    );
    // The leak this guards against is an order of magnitude (no argon2 verify for an unknown e-mail:
    // ~1 ms against ~20+); medians on a shared 2-core machine swing by a quarter, so half is the bound.
    expect(Math.abs(k - u)).toBeLessThan(Math.max(k, u) * 0.5);
  });
});
