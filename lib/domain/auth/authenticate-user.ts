import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { getDummyHash, verifyPassword } from "@/lib/auth/password";
import { signInSchema } from "@/lib/validation/auth";

/** Sign-in throttling: failures counted in a sliding window, per account and per client IP. */
export const SIGN_IN_LIMITS = {
  windowMs: 15 * 60 * 1000,
  perAccount: 5,
  perIp: 30,
} as const;

export interface AuthenticatedUser extends Actor {
  email: string;
  name: string;
}

const INVALID = "E-mail or password is incorrect.";

async function assertNotThrottled(db: Db, key: string, limit: number, who: string, now: Date) {
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMs);
  const recent = await db.signInAttempt.findMany({
    where: { key, createdAt: { gte: since } },
    select: { createdAt: true },
    orderBy: { createdAt: "asc" },
  });
  if (recent.length >= limit) {
    // The window reopens when the oldest counted failure ages out.
    const oldest = recent[recent.length - limit]!.createdAt.getTime();
    const minutes = Math.max(1, Math.ceil((oldest + SIGN_IN_LIMITS.windowMs - now.getTime()) / 60_000));
    throw new AppError(
      "RATE_LIMITED",
      `Too many failed sign-ins ${who}. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    );
  }
}

/**
 * Checks an e-mail and password. Throws AppError(RATE_LIMITED) when the account or IP has too many
 * recent failures, AppError(UNAUTHENTICATED) for wrong credentials or a disabled account.
 */
export async function authenticateUser(
  db: Db,
  input: { email: unknown; password: unknown; ip: string | null },
  now = new Date(),
): Promise<AuthenticatedUser> {
  const parsed = signInSchema.safeParse({ email: input.email, password: input.password });
  if (!parsed.success) throw new AppError("UNAUTHENTICATED", INVALID);
  const { email, password } = parsed.data;
  const emailKey = `email:${email}`;
  const ipKey = input.ip ? `ip:${input.ip}` : null;

  await assertNotThrottled(db, emailKey, SIGN_IN_LIMITS.perAccount, "for this account", now);
  if (ipKey) await assertNotThrottled(db, ipKey, SIGN_IN_LIMITS.perIp, "from your network address", now);

  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true, email: true, name: true, role: true, organizationId: true, vendorId: true,
      disabledAt: true, passwordHash: true,
    },
  });
  const ok = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : (await verifyPassword(await getDummyHash(), password), false);

  if (!user || !ok || user.disabledAt) {
    await db.signInAttempt.createMany({
      data: [{ key: emailKey, createdAt: now }, ...(ipKey ? [{ key: ipKey, createdAt: now }] : [])],
    });
    throw new AppError("UNAUTHENTICATED", INVALID);
  }

  await db.signInAttempt.deleteMany({ where: { key: emailKey } });
  await db.auditEvent.create({
    data: { organizationId: user.organizationId, actorId: user.id, action: "user.sign_in", entityType: "User", entityId: user.id },
  });
  return {
    userId: user.id, email: user.email, name: user.name, role: user.role,
    organizationId: user.organizationId, vendorId: user.vendorId,
  };
}
