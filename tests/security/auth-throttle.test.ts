// Sign-in throttling as an attacker meets it (issue 10, findings 3 and 4), on real PostgreSQL.
import { describe, expect, it } from "vitest";
import { authenticateUser } from "@/lib/domain/auth/authenticate-user";
import type { AppError } from "@/lib/errors";
import { buildOrganization, buildUser } from "@/prisma/seed/factories";
import { testDb } from "../integration/setup";

const PASSWORD = "correct horse battery";
const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as AppError);

async function account() {
  const db = testDb();
  const org = await buildOrganization(db);
  const user = await buildUser(db, { organizationId: org.id, role: "ADMIN", password: PASSWORD });
  return { db, org, user };
}

describe("sign-in throttling under attack", () => {
  it("40 concurrent attempts from one address (39 wrong, the right one last): the right one is refused", async () => {
    const { db, user } = await account();
    const attempts = Array.from({ length: 40 }, (_, i) =>
      failure(authenticateUser(db, { email: user.email, password: i === 39 ? PASSWORD : `wrong-${i}`, ip: "203.0.113.5" })),
    );
    const results = await Promise.all(attempts);
    const limited = results.filter((e) => e?.code === "RATE_LIMITED").length;
    const checked = results.filter((e) => e?.code === "UNAUTHENTICATED").length;
    console.log(`[auth-throttle] 40 concurrent: ${checked} passwords checked, ${limited} refused unchecked, right one: ${results[39]?.code ?? "SIGNED IN"}`);
    expect(results[39]?.code).toBe("RATE_LIMITED");
    expect(checked).toBeLessThanOrEqual(5);
  });

  it("a stranger's failures from other addresses do not lock the real user out of their own address", async () => {
    const { db, user } = await account();
    // The real user has signed in from home before.
    await authenticateUser(db, { email: user.email, password: PASSWORD, ip: "198.51.100.7" });
    // A stranger guesses from a handful of addresses, a few times each.
    for (let host = 1; host <= 10; host++) {
      for (let i = 0; i < 6; i++) await failure(authenticateUser(db, { email: user.email, password: "guess", ip: `192.0.2.${host}` }));
    }
    await expect(authenticateUser(db, { email: user.email, password: PASSWORD, ip: "198.51.100.7" })).resolves.toMatchObject({ userId: user.id });
  });
});
