import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { notFound } from "@/lib/errors";
import { parseRecordId } from "@/lib/validation/common";

/** The newest e-mails sent for the caller's organisation (administrators only). */
export async function listSentMail(db: Db, actor: Actor, options: { limit?: number } = {}) {
  assertCan(actor, "viewOutbox");
  const take = Math.min(500, Math.max(1, Math.trunc(options.limit ?? 100)));
  return db.sentMail.findMany({
    where: { organizationId: actor.organizationId },
    orderBy: [{ sentAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, kind: true, to: true, subject: true, sentAt: true },
  });
}

/**
 * One sent e-mail of the caller's organisation. Another organisation's id is NOT_FOUND, exactly
 * like an id that does not exist. Tokens in the stored copy are already masked (lib/mail).
 */
export async function getSentMail(db: Db, actor: Actor, idRaw: unknown) {
  assertCan(actor, "viewOutbox");
  const id = parseRecordId(idRaw, "E-mail");
  const mail = await db.sentMail.findFirst({
    where: { id: id, organizationId: actor.organizationId },
    select: {
      id: true,
      kind: true,
      to: true,
      from: true,
      subject: true,
      text: true,
      html: true,
      sentAt: true,
    },
  });
  if (!mail) throw notFound("E-mail");
  return mail;
}
