import "server-only";

import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/roles";
import { hashToken } from "@/lib/auth/tokens";
import type { Db } from "@/lib/db/create-client";
import { transitionAssessment } from "@/lib/domain/assessment/transition";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import { acceptInvitationSchema } from "@/lib/validation/assessment";
import { parseInput } from "@/lib/validation/parse";

const INVALID =
  "This invitation link is not valid. It may have been mistyped, replaced by a newer one, or withdrawn. Ask the person who sent it for a new link.";

export type InvitationState =
  | { state: "invalid"; message: string }
  | { state: "expired"; message: string }
  | { state: "used"; message: string }
  | { state: "new_account"; email: string; vendorName: string; organizationName: string; contactName: string }
  | { state: "existing_account"; email: string; vendorName: string; organizationName: string };

async function findInvitation(db: Db, token: unknown) {
  if (typeof token !== "string" || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  return db.assessmentInvitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      organizationId: true,
      email: true,
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
      assessmentId: true,
      assessment: {
        select: {
          id: true,
          status: true,
          organizationId: true,
          vendorId: true,
          vendor: { select: { name: true } },
          organization: { select: { name: true } },
          contact: { select: { name: true } },
        },
      },
    },
  });
}

/** What the invitation page should offer for a token, without changing anything. */
export async function inspectInvitation(db: Db, token: unknown, now = new Date()): Promise<InvitationState> {
  const inv = await findInvitation(db, token);
  if (!inv || inv.revokedAt || inv.assessment.status === "CANCELLED")
    return { state: "invalid", message: INVALID };
  if (inv.usedAt)
    return {
      state: "used",
      message: "This invitation link has already been used. Sign in with the password you chose to continue.",
    };
  if (inv.expiresAt.getTime() <= now.getTime())
    return {
      state: "expired",
      message:
        "This invitation link has expired. Ask the person who sent it to send the questionnaire again; you will get a new link.",
    };
  const existing = await db.user.findUnique({ where: { email: inv.email }, select: { id: true } });
  const base = {
    email: inv.email,
    vendorName: inv.assessment.vendor.name,
    organizationName: inv.assessment.organization.name,
  };
  return existing
    ? { state: "existing_account", ...base }
    : { state: "new_account", ...base, contactName: inv.assessment.contact.name };
}

async function consume(db: Db, token: unknown, now: Date) {
  const inv = await findInvitation(db, token);
  if (!inv || inv.revokedAt || inv.assessment.status === "CANCELLED")
    throw new AppError("NOT_FOUND", INVALID);
  if (inv.usedAt)
    throw new AppError(
      "CONFLICT",
      "This invitation link has already been used. Sign in with your password instead.",
    );
  if (inv.expiresAt.getTime() <= now.getTime())
    throw new AppError("CONFLICT", "This invitation link has expired. Ask for a new one.");
  return inv;
}

/** Marks the link used (once: the update names usedAt = null) and opens the assessment. */
async function markUsedAndOpen(
  tx: Parameters<Parameters<Db["$transaction"]>[0]>[0],
  inv: NonNullable<Awaited<ReturnType<typeof findInvitation>>>,
  userId: string,
  now: Date,
) {
  const used = await tx.assessmentInvitation.updateMany({
    where: { id: inv.id, usedAt: null, revokedAt: null },
    data: { usedAt: now },
  });
  if (used.count !== 1)
    throw new AppError(
      "CONFLICT",
      "This invitation link has already been used. Sign in with your password instead.",
    );
  const a = inv.assessment;
  if (a.status === "SENT") await transitionAssessment(tx, a, "open", { openedAt: now });
  await recordAuditEvent(
    tx,
    { userId, organizationId: inv.organizationId },
    {
      action: "invitation.accept",
      entityType: "Assessment",
      entityId: a.id,
      details: { invitationId: inv.id },
    },
  );
}

/** First visit: creates the supplier's account (tied to the assessment's vendor) and opens the assessment. */
export async function acceptInvitationWithNewAccount(
  db: Db,
  token: unknown,
  input: unknown,
  now = new Date(),
) {
  const data = parseInput(acceptInvitationSchema, input);
  const inv = await consume(db, token, now);
  const passwordHash = await hashPassword(data.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: inv.email }, select: { id: true } })) {
      throw new AppError("CONFLICT", "An account with this e-mail already exists. Sign in to continue.");
    }
    const user = await tx.user.create({
      data: {
        organizationId: inv.organizationId,
        email: inv.email,
        name: data.name,
        role: "SUPPLIER",
        vendorId: inv.assessment.vendorId,
        passwordHash,
      },
      select: { id: true, email: true },
    });
    await markUsedAndOpen(tx, inv, user.id, now);
    return { email: user.email, assessmentId: inv.assessmentId };
  });
}

/** A supplier who already has an account uses the link while signed in. */
export async function acceptInvitationAsUser(
  db: Db,
  actor: Actor & { email: string },
  token: unknown,
  now = new Date(),
) {
  const inv = await consume(db, token, now);
  const a = inv.assessment;
  if (
    actor.role !== "SUPPLIER" ||
    actor.email !== inv.email ||
    actor.organizationId !== a.organizationId ||
    actor.vendorId !== a.vendorId
  ) {
    throw new AppError(
      "FORBIDDEN",
      `This invitation was sent to ${inv.email}. Sign out and sign in as that person to continue.`,
    );
  }
  await db.$transaction((tx) => markUsedAndOpen(tx, inv, actor.userId, now));
  return { assessmentId: a.id };
}
