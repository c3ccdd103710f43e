/**
 * Sends e-mail over SMTP (nodemailer). Server-side only, but deliberately without the
 * "server-only" marker so that scripts and tests can send mail too.
 *
 * Configuration: SMTP_URL (e.g. smtp://127.0.0.1:2525, smtps://user:pass@mail.example.com) and
 * MAIL_FROM (default "Trustmap <no-reply@trustmap.local>"). See docs/email.md.
 */
import nodemailer, { type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { z } from "zod";

import { AppError } from "../errors";

export const DEFAULT_MAIL_FROM = "Trustmap <no-reply@trustmap.local>";

/** Why a message was not sent. */
export type MailErrorReason = "not-configured" | "invalid-recipient" | "unreachable" | "rejected" | "failed";

const USER_MESSAGES: Record<MailErrorReason, string> = {
  "not-configured":
    "E-mail sending is not set up on this server, so the e-mail was not sent. Ask an administrator to configure SMTP_URL.",
  "invalid-recipient": "The e-mail could not be sent because the recipient address is not valid.",
  unreachable:
    "The mail server could not be reached, so the e-mail was not sent. Please try again in a few minutes.",
  rejected:
    "The mail server refused the e-mail, so it was not sent. Please check the recipient address and try again.",
  failed: "The e-mail could not be sent. Please try again in a few minutes.",
};

/**
 * A message was not sent. `message` is safe to show to the person who triggered the send; the
 * technical detail (host, SMTP response) is in `cause` and `detail`, for logs only.
 */
export class MailError extends AppError {
  constructor(
    readonly reason: MailErrorReason,
    readonly detail: string,
    options: { cause?: unknown } = {},
  ) {
    super(reason === "invalid-recipient" ? "VALIDATION" : "UNAVAILABLE", USER_MESSAGES[reason]);
    this.name = "MailError";
    if (options.cause !== undefined) this.cause = options.cause;
  }
}

/** Where and as whom to send. Read from the environment by getMailConfig(). */
export interface MailConfig {
  smtpUrl: string;
  from: string;
}

export function getMailConfig(env: Readonly<Record<string, string | undefined>> = process.env): MailConfig {
  const smtpUrl = env.SMTP_URL?.trim();
  if (!smtpUrl) throw new MailError("not-configured", "SMTP_URL is not set");
  return { smtpUrl, from: env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM };
}

// Short timeouts: sending happens inside a person's request, which should fail fast with a clear
// message rather than hang on a mail server that is down.
const TIMEOUTS = {
  connectionTimeout: 5_000,
  greetingTimeout: 5_000,
  socketTimeout: 20_000,
  dnsTimeout: 5_000,
} as const;

/**
 * Turns SMTP_URL into transport options. nodemailer would parse the URL itself, but then ignores
 * every other option passed beside it (our timeouts), so the URL is parsed here.
 * Query parameters become options ("true"/"false" and numbers are converted), e.g. ?ignoreTLS=true.
 */
export function smtpOptionsFromUrl(smtpUrl: string): SMTPTransport.Options {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw new MailError("not-configured", "SMTP_URL is not a valid URL");
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") {
    throw new MailError(
      "not-configured",
      `SMTP_URL must start with smtp:// or smtps://, got ${url.protocol}`,
    );
  }
  const secure = url.protocol === "smtps:";
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (!host) throw new MailError("not-configured", "SMTP_URL has no host");

  const query: Record<string, string | number | boolean> = {};
  for (const [key, value] of url.searchParams) {
    query[key] =
      value === "true" ? true : value === "false" ? false : /^\d+$/.test(value) ? Number(value) : value;
  }
  return {
    ...TIMEOUTS,
    ...query,
    host,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: url.username
      ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
      : undefined,
    logger: false,
  };
}

const transports = new Map<string, Transporter<SMTPTransport.SentMessageInfo>>();

function getTransport(config: MailConfig): Transporter<SMTPTransport.SentMessageInfo> {
  // Keyed by URL and sender so that a change of configuration (tests, restarts) gets a new one.
  const key = `${config.smtpUrl}\n${config.from}`;
  let transport = transports.get(key);
  if (!transport) {
    transport = nodemailer.createTransport(smtpOptionsFromUrl(config.smtpUrl), { from: config.from });
    transports.set(key, transport);
  }
  return transport;
}

/** Closes every cached transport (for tests and orderly shutdown). */
export function closeMailTransports(): void {
  for (const transport of transports.values()) transport.close();
  transports.clear();
}

const messageSchema = z.object({
  to: z.email(),
  subject: z
    .string()
    .min(1)
    .max(998)
    .refine((s) => !/[\r\n]/.test(s), "must be one line"),
  text: z.string(),
  html: z.string().optional(),
});

export type MailMessage = z.input<typeof messageSchema>;

const UNREACHABLE_CODES = new Set([
  "ECONNECTION",
  "ETIMEDOUT",
  "ESOCKET",
  "EDNS",
  "ECONNREFUSED",
  "ECONNRESET",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETLS",
]);

function toMailError(error: unknown, config: MailConfig): MailError {
  const e = error as { code?: string; responseCode?: number; response?: string; message?: string };
  const host = (() => {
    try {
      return new URL(config.smtpUrl).host;
    } catch {
      return "(invalid SMTP_URL)";
    }
  })();
  const detail = `SMTP ${host}: ${e.code ?? "error"} ${e.response ?? e.message ?? String(error)}`;
  if (e.code && UNREACHABLE_CODES.has(e.code)) return new MailError("unreachable", detail, { cause: error });
  if (e.code === "EENVELOPE" || e.code === "EMESSAGE" || (e.responseCode ?? 0) >= 500) {
    return new MailError("rejected", detail, { cause: error });
  }
  if ((e.responseCode ?? 0) >= 400) return new MailError("unreachable", detail, { cause: error });
  return new MailError("failed", detail, { cause: error });
}

/**
 * Sends one message. Resolves with the Message-ID once the SMTP server accepted it; throws
 * MailError (with a message safe to show) when it is not configured, unreachable or refuses.
 */
export async function sendMail(
  message: MailMessage,
  config: MailConfig = getMailConfig(),
): Promise<{ messageId: string }> {
  const parsed = messageSchema.safeParse(message);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    // A bad recipient can come from what a person typed; a bad subject is a bug in the caller.
    if (parsed.error.issues.every((issue) => issue.path[0] === "to")) {
      throw new MailError("invalid-recipient", `invalid message: ${fields}`);
    }
    throw new TypeError(`sendMail: invalid message: ${fields}`);
  }
  const transport = getTransport(config);
  try {
    const info = await transport.sendMail(parsed.data);
    return { messageId: info.messageId };
  } catch (error) {
    throw toMailError(error, config);
  }
}
