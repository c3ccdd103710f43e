/**
 * Runs the local SMTP sink until stopped (Ctrl-C / SIGTERM): every message sent to it is stored
 * as an .eml file in --dir and never delivered.
 *
 *   npx tsx scripts/mail-sink.ts [--dir .data/mail] [--port 2525] [--host 127.0.0.1]
 *
 * Defaults come from MAIL_SINK_DIR and MAIL_SINK_PORT when set. Point the app at it with
 * SMTP_URL=smtp://127.0.0.1:2525. Exit codes: 0 stopped by a signal, 1 usage error or start failure.
 */
import { parseArgs } from "node:util";
import { startMailSink } from "../lib/mail/sink";

const USAGE = "Usage: tsx scripts/mail-sink.ts [--dir .data/mail] [--port 2525] [--host 127.0.0.1]";

async function main(): Promise<number> {
  let values: { dir?: string; port?: string; host?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        dir: { type: "string" },
        port: { type: "string" },
        host: { type: "string" },
        help: { type: "boolean", short: "h" },
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
