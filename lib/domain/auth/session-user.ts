import "server-only";

import type { Db } from "@/lib/db/create-client";

/** What the session token (a signed JWT in a cookie) carries about its user. */
export interface SessionClaims {
  uid: unknown;
  organizationId: unknown;
  /** User.sessionVersion when the token was issued. */
  sv: unknown;
}

function parse(claims: SessionClaims) {
  const { uid, organizationId, sv } = claims;
  if (
    typeof uid !== "string" ||
    typeof organizationId !== "string" ||
    typeof sv !== "number" ||
    !Number.isInteger(sv)
  )
    return null;
  return { uid, organizationId, sv };
}

/**
 * The session's user, re-read on every request: null when the account was disabled, or when its
 * sessions were ended (sign-out bumps User.sessionVersion, so every earlier token stops working
 * although its signature and expiry are still good).
 */
export async function loadSessionUser(db: Db, claims: SessionClaims) {
  const c = parse(claims);
  if (!c) return null;
  return db.user.findFirst({
    where: { id: c.uid, organizationId: c.organizationId, sessionVersion: c.sv, disabledAt: null },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      organizationId: true,
      vendorId: true,
      organization: { select: { name: true } },
      vendor: { select: { name: true } },
    },
  });
}

/**
 * Sign-out: ends every session of the user issued so far (all devices — a JWT cannot be recalled
 * one by one without a table of them) and records it. A token that is already stale changes nothing,
 * so replaying an old sign-out cannot end a newer session.
 */
export async function endSession(db: Db, claims: SessionClaims, now = new Date()): Promise<void> {
  const c = parse(claims);
  if (!c) return;
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: c.uid, organizationId: c.organizationId, sessionVersion: c.sv },
      data: { sessionVersion: { increment: 1 } },
    });
    if (count === 1) {
      await tx.auditEvent.create({
        data: {
          organizationId: c.organizationId,
          actorId: c.uid,
          action: "user.sign_out",
          entityType: "User",
          entityId: c.uid,
          createdAt: now,
        },
      });
    }
  });
}
