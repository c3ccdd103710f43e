import "server-only";

import type { Db } from "@/lib/db/create-client";

export type SignInAuditAction = "user.sign_in_failed" | "user.sign_in_throttled";

/**
 * Records a failed or throttled sign-in against the account the e-mail belongs to. Audit rows belong
 * to an organisation, so an unknown e-mail records nothing — but through the same single statement
 * (an INSERT … SELECT that finds no user), so that neither branch answers measurably slower and
 * timing does not tell which addresses have accounts. The actor is unknown: whoever typed it.
 */
export async function recordSignInEvent(
  db: Pick<Db, "$executeRaw">,
  event: { email: string; action: SignInAuditAction; details: Record<string, string | null>; at: Date },
): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "AuditEvent" ("id", "organizationId", "actorId", "action", "entityType", "entityId", "details", "createdAt")
    SELECT gen_random_uuid()::text, u."organizationId", NULL, ${event.action}, 'User', u."id", ${JSON.stringify(event.details)}::jsonb, ${event.at}
    FROM "User" u WHERE u."email" = ${event.email}`;
}
