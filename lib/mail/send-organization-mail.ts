/**
 * Sends an e-mail on behalf of an organisation and keeps a copy for its administrators' Outbox
 * (the SentMail table). The copy is written only once the SMTP server accepted the message, and
 * every single-use secret in it (an invitation token) is masked first: only the recipient's
 * message ever holds a usable link, and no token is ever stored in the clear.
 */
import type { Prisma } from "../generated/prisma/client";
import { getMailConfig, sendMail, type MailConfig, type MailMessage } from "./mailer";

/** What the Outbox shows in place of a secret. Not a valid token, so a masked link opens nothing. */
export const MASKED_SECRET = "••••••••";

/** Options of sendOrganizationMail. */
export interface OrganizationMail extends MailMessage {
  organizationId: string;
  /** What sent it, e.g. "assessment.invitation" (shown in the Outbox). */
  kind: string;
  /** Secrets in the message (tokens in links) that the stored copy must not contain. */
  secrets?: readonly string[];
}

/** Any Prisma client or transaction: only `sentMail.create` is used. */
interface SentMailWriter {
  sentMail: { create(args: { data: Prisma.SentMailUncheckedCreateInput }): PromiseLike<unknown> };
}

/** `text` with every occurrence of every secret replaced by MASKED_SECRET. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let masked = text;
  for (const secret of secrets) {
    // A short "secret" would mask ordinary words; our tokens are 43 characters.
    if (secret.length < 16) throw new TypeError("maskSecrets: a secret must be at least 16 characters");
    masked = masked.replaceAll(secret, MASKED_SECRET);
  }
  return masked;
}

/**
 * Sends the message (throws MailError as sendMail does, and then records nothing) and stores the
 * masked copy under the organisation. A failure to store the copy is logged, not thrown: the mail
 * has gone, and reporting it as unsent would make someone send it again.
 */
export async function sendOrganizationMail(
  db: SentMailWriter,
  mail: OrganizationMail,
  config: MailConfig = getMailConfig(),
): Promise<{ messageId: string }> {
  const { organizationId, kind, secrets = [], ...message } = mail;
  const mask = (value: string) => maskSecrets(value, secrets);
  const copy = {
    subject: mask(message.subject),
    text: mask(message.text),
    html: message.html === undefined ? null : mask(message.html),
  };
  const { messageId } = await sendMail(message, config);
  try {
    await db.sentMail.create({
      data: { organizationId, kind, to: message.to, from: config.from, messageId, ...copy },
    });
  } catch (error) {
    console.error(
      `[trustmap] e-mail ${messageId} (${kind}) was sent but its Outbox copy could not be stored:`,
      (error as Error).message,
    );
  }
  return { messageId };
}
