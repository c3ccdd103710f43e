// Sessions end when their user signs out (issue 10, finding 11): the token a browser had before
// signing out no longer loads the user, although its signature and expiry are still good.
import { describe, expect, it } from "vitest";

import { authenticateUser } from "@/lib/domain/auth/authenticate-user";
import { endSession, loadSessionUser, type SessionClaims } from "@/lib/domain/auth/session-user";
import { buildOrganization, buildUser } from "@/prisma/seed/factories";

import { testDb } from "../integration/setup";

const PASSWORD = "correct horse battery";

async function signedIn() {
  const db = testDb();
  const org = await buildOrganization(db);
  const user = await buildUser(db, { organizationId: org.id, role: "RISK_OFFICER", password: PASSWORD });
  const actor = await authenticateUser(db, { email: user.email, password: PASSWORD, ip: "198.51.100.7" });
  // The claims the jwt callback puts into the session cookie.
  const claims: SessionClaims = {
    uid: actor.userId,
    organizationId: actor.organizationId,
    sv: actor.sessionVersion,
  };
  return { db, org, user, claims };
}

describe("sign-out ends the session on the server", () => {
  it("the token from before sign-out no longer loads the user", async () => {
    const { db, user, claims } = await signedIn();
    expect(await loadSessionUser(db, claims)).toMatchObject({ id: user.id });
    await endSession(db, claims);
    expect(await loadSessionUser(db, claims)).toBeNull();
  });

  it("signing in again gives a working session; a replayed old sign-out does not end it", async () => {
    const { db, user, claims } = await signedIn();
    await endSession(db, claims);
    const again = await authenticateUser(db, { email: user.email, password: PASSWORD, ip: "198.51.100.7" });
    const fresh: SessionClaims = {
      uid: again.userId,
      organizationId: again.organizationId,
      sv: again.sessionVersion,
    };
    await endSession(db, claims);
    expect(await loadSessionUser(db, fresh)).toMatchObject({ id: user.id });
  });

  it("records the sign-out in the audit log of the user's organisation", async () => {
    const { db, org, user, claims } = await signedIn();
    await endSession(db, claims);
    expect(
      await db.auditEvent.findMany({
        where: { action: "user.sign_out" },
        select: { organizationId: true, actorId: true, entityId: true },
      }),
    ).toEqual([{ organizationId: org.id, actorId: user.id, entityId: user.id }]);
  });

  it("a token without a session version (or a forged one) loads nobody", async () => {
    const { db, claims } = await signedIn();
    for (const sv of [undefined, "0", 99, null])
      expect(await loadSessionUser(db, { ...claims, sv })).toBeNull();
  });
});
