// Reads the mail the portal delivered over SMTP to the e2e sink (tests/e2e/support/e2e-server.ts
// starts it and writes every message as an .eml file into E2E_MAIL_DIR).
import path from "node:path";

import { listSinkMessages, type SinkMessage } from "../../../lib/mail/sink";

export type { SinkMessage };

/** The directory the e2e server's SMTP sink writes to (same default as e2e-server.ts). */
export const MAIL_DIR = process.env.E2E_MAIL_DIR ?? path.resolve("test-results/mail");

function recipientMatches(message: SinkMessage, email: string): boolean {
  return message.to.toLowerCase().includes(email.toLowerCase());
}

/**
 * Polls the sink until a message to `to` whose subject matches arrives (newest first), or fails
 * after `timeoutMs`. `notIds` skips messages already seen (e.g. an earlier mail with the same subject).
 */
export async function waitForMail(
  { to, subject, notIds = [] }: { to: string; subject: RegExp; notIds?: string[] },
  timeoutMs = 10_000,
): Promise<SinkMessage> {
  const deadline = Date.now() + timeoutMs;
  let seen: SinkMessage[] = [];
  for (;;) {
    seen = await listSinkMessages(MAIL_DIR, { limit: 200 });
    const hit = seen.find(
      (m) => recipientMatches(m, to) && subject.test(m.subject) && !notIds.includes(m.id),
    );
    if (hit) return hit;
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const summary =
    seen.map((m) => `  ${m.id} to=${m.to} subject=${JSON.stringify(m.subject)}`).join("\n") || "  (none)";
  throw new Error(
    `No mail to ${to} with subject ${subject} within ${timeoutMs} ms in ${MAIL_DIR}. Messages present:\n${summary}`,
  );
}

/** The path (with token) of the first link to `pathPrefix` in the plain-text body, e.g. "/invite/…". */
export function linkPath(message: SinkMessage, pathPrefix: string): string {
  const escaped = pathPrefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`https?://[^\\s/]+(${escaped}[^\\s<>"')]*)`).exec(message.text);
  if (!match?.[1])
    throw new Error(`No ${pathPrefix} link in the mail "${message.subject}":\n${message.text}`);
  return match[1];
}
