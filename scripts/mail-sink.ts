/**
 * Runs the local SMTP sink until stopped (Ctrl-C / SIGTERM): every message sent to it is stored
 * as an .eml file in --dir and never delivered.
 *
 *   npx tsx scripts/mail-sink.ts [--dir .data/mail] [--port 2525] [--host 127.0.0.1]
 *   npx tsx scripts/mail-sink.ts --list [--limit 10] [--dir .data/mail]
 *
 * --list prints the newest stored messages with every link in them, unmasked: this is how a
 * developer gets at an invitation link in development (the admin Outbox masks it).
 *
 * Defaults come from MAIL_SINK_DIR and MAIL_SINK_PORT when set. Point the app at it with
 * SMTP_URL=smtp://127.0.0.1:2525. Exit codes: 0 stopped by a signal, 1 usage error or start failure.
 */
import { parseArgs } from "node:util";

import { listSinkMessages, startMailSink } from "../lib/mail/sink";

const USAGE =
  "Usage: tsx scripts/mail-sink.ts [--dir .data/mail] [--port 2525] [--host 127.0.0.1]\n" +
  "       tsx scripts/mail-sink.ts --list [--limit 10] [--dir .data/mail]";

/** Prints the newest messages in `dir`, oldest of them first, each with the links in its text. */
async function listMessages(dir: string, limitText: string): Promise<number> {
  if (!/^\d+$/.test(limitText) || Number(limitText) < 1) {
    console.error(`--limit must be a positive number, got ${JSON.stringify(limitText)}\n${USAGE}`);
    return 1;
  }
  const messages = await listSinkMessages(dir, { limit: Number(limitText) });
  if (messages.length === 0) console.log(`No messages in ${dir}.`);
  for (const m of messages.reverse()) {
    console.log(`${m.date.toISOString()}  to ${m.to}\n  ${m.subject}`);
    for (const link of new Set(m.text.match(/https?:\/\/[^\s<>"')]+/g) ?? [])) console.log(`  ${link}`);
  }
  return 0;
}

async function main(): Promise<number> {
  let values: { dir?: string; port?: string; host?: string; help?: boolean; list?: boolean; limit?: string };
  try {
    ({ values } = parseArgs({
      options: {
        dir: { type: "string" },
        port: { type: "string" },
        host: { type: "string" },
        help: { type: "boolean", short: "h" },
        list: { type: "boolean" },
        limit: { type: "string" },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }

  const dir = values.dir ?? process.env.MAIL_SINK_DIR ?? ".data/mail";
  if (values.list) return listMessages(dir, values.limit ?? "10");
  const portText = values.port ?? process.env.MAIL_SINK_PORT ?? "2525";
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65_535) {
    console.error(`--port must be a number from 0 to 65535, got ${JSON.stringify(portText)}\n${USAGE}`);
    return 1;
  }
  const host = values.host ?? "127.0.0.1";

  const sink = await startMailSink({ dir, port, host });
  console.log(`[mail-sink] listening on smtp://${sink.host}:${sink.port}, storing messages in ${dir}`);

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      console.log(`[mail-sink] ${signal}: stopping`);
      resolve();
    };
    process.once("SIGINT", () => stop("SIGINT"));
    process.once("SIGTERM", () => stop("SIGTERM"));
  });
  await sink.stop();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[mail-sink] could not start: ${(error as Error).message ?? String(error)}`);
    process.exit(1);
  },
);
