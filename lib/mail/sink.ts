/**
 * A local SMTP server that accepts every message and stores it on disk, for the demo and tests
 * (nothing leaves the machine). Tests and developers read the stored messages back with
 * listSinkMessages / readSinkMessage (or `scripts/mail-sink.ts --list`): these files hold the real,
 * unmasked links. The admin Outbox shows the SentMail table instead. See docs/email.md.
 */
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import path from "node:path";

import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer } from "smtp-server";

/** Options for startMailSink. */
export interface MailSinkOptions {
  /** Directory the messages are written to (created if missing). */
  dir: string;
  /** TCP port; 0 picks a free one (read it back from the result). */
  port: number;
  host?: string;
  /** Largest accepted message in bytes; larger ones are refused with SMTP 552. Default 10 MiB. */
  maxMessageBytes?: number;
}

export interface MailSink {
  host: string;
  port: number;
  /** Stops accepting connections and resolves once the server is closed. */
  stop(): Promise<void>;
}

export interface SinkMessage {
  /** `<timestamp>-<random>`: the file name without `.eml`. */
  id: string;
  /** The To header as written (e.g. `Ada <ada@example.com>`), or the envelope recipients. */
  to: string;
  from: string;
  subject: string;
  /** The Date header, or the time the sink received the message. */
  date: Date;
  text: string;
  /** The HTML body as sent: render it only in a sandboxed frame. Null for text-only mail. */
  html: string | null;
}

const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
// Millisecond timestamp padded to 13 digits, so file names sort by arrival time.
const ID_PATTERN = /^\d{13}-[0-9a-f]{16}$/;
const FILE_PATTERN = /^(\d{13}-[0-9a-f]{16})\.eml$/;

function newMessageId(): string {
  return `${String(Date.now()).padStart(13, "0")}-${randomBytes(8).toString("hex")}`;
}

export async function startMailSink(options: MailSinkOptions): Promise<MailSink> {
  const { dir, host = "127.0.0.1", maxMessageBytes = DEFAULT_MAX_BYTES } = options;
  await mkdir(dir, { recursive: true });

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    size: maxMessageBytes,
    logger: false,
    banner: "Trustmap mail sink (messages are stored locally, never delivered)",
    closeTimeout: 1_000,
    // No reverse DNS of the client: pointless on loopback and slow where DNS is unreachable.
    disableReverseLookup: true,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => {
        // Past the limit, keep draining the stream but stop buffering.
        if (!stream.sizeExceeded) chunks.push(chunk);
      });
      stream.on("error", (error) => callback(error));
      stream.on("end", () => {
        if (stream.sizeExceeded) {
          const error = Object.assign(
            new Error(`Message exceeds the sink's limit of ${maxMessageBytes} bytes`),
            {
              responseCode: 552,
            },
          );
          callback(error);
          return;
        }
        const id = newMessageId();
        // Record the envelope as headers: Bcc recipients appear nowhere else.
        const envelope =
          `X-Sink-Envelope-From: ${session.envelope.mailFrom ? session.envelope.mailFrom.address : ""}\r\n` +
          `X-Sink-Envelope-To: ${session.envelope.rcptTo.map((r) => r.address).join(", ")}\r\n`;
        const file = path.join(dir, `${id}.eml`);
        // Write then rename, so a reader never sees a half-written message.
        writeFile(`${file}.tmp`, Buffer.concat([Buffer.from(envelope, "utf8"), ...chunks]))
          .then(() => rename(`${file}.tmp`, file))
          .then(
            () => callback(null, `Stored as ${id}`),
            (error: Error) => callback(error),
          );
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(options.port, host, () => {
      server.server.off("error", reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;

  return {
    host,
    port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function addressText(value: AddressObject | AddressObject[] | undefined): string {
  if (!value) return "";
  return (Array.isArray(value) ? value : [value]).map((a) => a.text).join(", ");
}

function headerText(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function timestampOf(id: string): Date {
  return new Date(Number(id.slice(0, 13)));
}

async function parseMessage(id: string, source: Buffer): Promise<SinkMessage> {
  const mail = await simpleParser(source, {
    skipImageLinks: true,
    skipTextToHtml: true,
    skipTextLinks: true,
  });
  return {
    id,
    to: addressText(mail.to) || headerText(mail.headers.get("x-sink-envelope-to")),
    from: addressText(mail.from) || headerText(mail.headers.get("x-sink-envelope-from")),
    subject: mail.subject ?? "",
    date: mail.date ?? timestampOf(id),
    text: mail.text ?? "",
    html: mail.html || null,
  };
}

/** Options for listSinkMessages. */
export interface ListSinkMessagesOptions {
  /** Most messages returned (newest first). Default 50. */
  limit?: number;
}

/** The stored messages, newest first. A missing directory means no mail yet: returns []. */
export async function listSinkMessages(
  dir: string,
  options: ListSinkMessagesOptions = {},
): Promise<SinkMessage[]> {
  const limit = Math.max(0, Math.trunc(options.limit ?? 50));
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const ids = names
    .map((name) => FILE_PATTERN.exec(name)?.[1])
    .filter((id): id is string => id !== undefined)
    .sort()
    .reverse()
    .slice(0, limit);
  const messages = await Promise.all(ids.map((id) => readSinkMessage(dir, id)));
  return messages.filter((message): message is SinkMessage => message !== null);
}

/** True when `id` has the exact shape the sink gives its messages (and so cannot name another path). */
export function isSinkMessageId(id: string): boolean {
  return ID_PATTERN.test(id);
}

/**
 * One stored message, or null if there is none with that id. Throws for an id that is not of the
 * sink's own form (e.g. `../secret`): ids come from URLs and must never reach the file system raw.
 */
export async function readSinkMessage(dir: string, id: string): Promise<SinkMessage | null> {
  if (typeof id !== "string" || !isSinkMessageId(id)) {
    throw new Error(`Invalid mail sink message id: ${JSON.stringify(id).slice(0, 80)}`);
  }
  const root = path.resolve(dir);
  const file = path.resolve(root, `${id}.eml`);
  if (path.dirname(file) !== root) throw new Error("Invalid mail sink message id");
  let source: Buffer;
  try {
    source = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  return parseMessage(id, source);
}
