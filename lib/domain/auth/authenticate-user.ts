import "server-only";

import { getDummyHash, verifyPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/roles";
import { retryMessage } from "@/lib/auth/sign-in-policy";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { signInSchema } from "@/lib/validation/auth";

import { recordSignInEvent } from "./record-sign-in-event";
import { admitSignInAttempt, afterSignInSuccess, throttleKeys } from "./sign-in-throttle";

export interface AuthenticatedUser extends Actor {
  email: string;
  name: string;
  /** Goes into the session token; sign-out bumps it (see session-user.ts). */
  sessionVersion: number;
}

const INVALID = "E-mail or password is incorrect.";

/**
 * Checks an e-mail and password. Throws AppError(RATE_LIMITED) when the throttle holds the attempt
 * back (lib/auth/sign-in-policy.ts), AppError(UNAUTHENTICATED) for wrong credentials or a disabled
 * account. Unknown e-mails go through the same steps, so neither answers nor timing tell them apart.
 * `ip` is the client address as lib/auth/client-address.ts determines it, or null when unknown.
 */
export async function authenticateUser(
  db: Db,
  input: { email: unknown; password: unknown; ip: string | null },
  now = new Date(),
): Promise<AuthenticatedUser> {
  const parsed = signInSchema.safeParse({ email: input.email, password: input.password });
  if (!parsed.success) throw new AppError("UNAUTHENTICATED", INVALID);
  const { email, password } = parsed.data;
  const keys = throttleKeys(email, input.ip);

  const admission = await admitSignInAttempt(db, keys, now, async (tx, refusal) => {
    // Once per block, not once per refused request: an attack must not flood the audit log.
    if (refusal.firstRefusal) {
      await recordSignInEvent(tx, {
        email,
        action: "user.sign_in_throttled",
        at: now,
        details: { ip: input.ip, limit: refusal.reason, until: refusal.retryAt.toISOString() },
      });
    }
  });
  if (!admission.admitted)
    throw new AppError("RATE_LIMITED", retryMessage(admission.reason, admission.retryAt, now));

  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      organizationId: true,
      vendorId: true,
      disabledAt: true,
      passwordHash: true,
      sessionVersion: true,
    },
  });
  const ok = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : (await verifyPassword(await getDummyHash(), password), false);

  if (!user || !ok || user.disabledAt) {
    // The attempt was counted when it was admitted; only the audit trail is left to write.
    await recordSignInEvent(db, { email, action: "user.sign_in_failed", at: now, details: { ip: input.ip } });
    throw new AppError("UNAUTHENTICATED", INVALID);
  }

  await afterSignInSuccess(db, keys, now);
  await db.auditEvent.create({
    data: {
      organizationId: user.organizationId,
      actorId: user.id,
      action: "user.sign_in",
      entityType: "User",
      entityId: user.id,
      details: { ip: input.ip },
    },
  });
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organizationId: user.organizationId,
    vendorId: user.vendorId,
    sessionVersion: user.sessionVersion,
  };
}
