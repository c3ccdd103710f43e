import { describe, expect, it } from "vitest";

import { SIGN_IN_POLICY } from "@/lib/auth/sign-in-policy";
import { authenticateUser } from "@/lib/domain/auth/authenticate-user";
import { AppError } from "@/lib/errors";
import { buildOrganization, buildUser } from "@/prisma/seed/factories";

import { testDb } from "./setup";

const PASSWORD = "correct horse battery";

async function fixture() {
  const db = testDb();
  const org = await buildOrganization(db);
  const user = await buildUser(db, { organizationId: org.id, role: "PROCUREMENT", password: PASSWORD });
  return { db, org, user };
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as AppError,
  );

describe("authenticateUser", () => {
  it("signs in with the right password and returns the actor with organisation and role", async () => {
    const { db, org, user } = await fixture();
    const actor = await authenticateUser(db, {
      email: user.email.toUpperCase(),
      password: PASSWORD,
      ip: "10.0.0.1",
    });
    expect(actor).toMatchObject({
      userId: user.id,
      organizationId: org.id,
      role: "PROCUREMENT",
      vendorId: null,
    });
    expect(await db.auditEvent.count({ where: { action: "user.sign_in", actorId: user.id } })).toBe(1);
  });

  it("stores passwords as argon2id hashes, never in clear", async () => {
    const { db, user } = await fixture();
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(PASSWORD);
  });

  it("does not return password hashes from ordinary queries", async () => {
    const { db, user } = await fixture();
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).not.toHaveProperty("passwordHash");
  });

  it("gives the same message for a wrong password and an unknown e-mail", async () => {
    const { db, user } = await fixture();
    const wrong = await failure(authenticateUser(db, { email: user.email, password: "nope", ip: null }));
    const unknown = await failure(
      authenticateUser(db, { email: "nobody@example.test", password: "nope", ip: null }),
    );
    expect(wrong).toBeInstanceOf(AppError);
    expect(wrong?.code).toBe("UNAUTHENTICATED");
    expect(unknown?.message).toBe(wrong?.message);
  });

  it("refuses a disabled account even with the right password", async () => {
    const { db, user } = await fixture();
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(
      (await failure(authenticateUser(db, { email: user.email, password: PASSWORD, ip: null })))?.code,
    ).toBe("UNAUTHENTICATED");
  });

  it("rejects malformed input without touching the database", async () => {
    const { db } = await fixture();
    for (const input of [
      { email: 42, password: "x" },
      { email: "a@b.test", password: "x".repeat(500) },
      { email: "not-an-email", password: "x" },
    ]) {
      expect((await failure(authenticateUser(db, { ...input, ip: null })))?.code).toBe("UNAUTHENTICATED");
    }
    expect(await db.signInThrottle.count()).toBe(0);
  });

  it("holds an account back from one address after a few failures, with waits that grow, and lets the right password in after the wait", async () => {
    const { db, user } = await fixture();
    const t0 = new Date("2026-01-01T10:00:00Z");
    const ip = "10.0.0.1";
    for (let i = 0; i < SIGN_IN_POLICY.pairFreeFailures; i++) {
      expect(
        (await failure(authenticateUser(db, { email: user.email, password: "wrong", ip }, t0)))?.code,
      ).toBe("UNAUTHENTICATED");
    }
    const held = await failure(
      authenticateUser(db, { email: user.email, password: PASSWORD, ip }, new Date(t0.getTime() + 500)),
    );
    expect(held?.code).toBe("RATE_LIMITED");
    expect(held?.message).toBe(
      "Too many failed sign-ins for this account from your network address. Try again in 1 second.",
    );
    // Another address is not held back by this one's failures.
    await expect(
      authenticateUser(
        db,
        { email: user.email, password: PASSWORD, ip: "10.9.9.9" },
        new Date(t0.getTime() + 500),
      ),
    ).resolves.toMatchObject({ userId: user.id });
    await expect(
      authenticateUser(db, { email: user.email, password: PASSWORD, ip }, new Date(t0.getTime() + 1_000)),
    ).resolves.toMatchObject({ userId: user.id });
  });

  it("limits failures per address across accounts, for addresses that never signed in to the account", async () => {
    const { db, org } = await fixture();
    const victim = await buildUser(db, { organizationId: org.id, role: "ADMIN", password: PASSWORD });
    const now = new Date();
    for (let i = 0; i < SIGN_IN_POLICY.addressCeiling; i++) {
      await failure(
        authenticateUser(db, { email: `guess-${i}@example.test`, password: "wrong", ip: "203.0.113.7" }, now),
      );
    }
    const blocked = await failure(
      authenticateUser(db, { email: victim.email, password: PASSWORD, ip: "203.0.113.7" }, now),
    );
    expect(blocked?.code).toBe("RATE_LIMITED");
    expect(blocked?.message).toMatch(/from your network address/);
    await expect(
      authenticateUser(db, { email: victim.email, password: PASSWORD, ip: "198.51.100.1" }, now),
    ).resolves.toMatchObject({ userId: victim.id });
  });

  it("a successful sign-in clears the failure count of that address", async () => {
    const { db, user } = await fixture();
    for (let i = 0; i < SIGN_IN_POLICY.pairFreeFailures - 1; i++)
      await failure(authenticateUser(db, { email: user.email, password: "wrong", ip: null }));
    await authenticateUser(db, { email: user.email, password: PASSWORD, ip: null });
    for (let i = 0; i < SIGN_IN_POLICY.pairFreeFailures - 1; i++)
      await failure(authenticateUser(db, { email: user.email, password: "wrong", ip: null }));
    await expect(
      authenticateUser(db, { email: user.email, password: PASSWORD, ip: null }),
    ).resolves.toBeTruthy();
  });
});
