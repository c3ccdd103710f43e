// Next.js gives route handlers no access to the socket: `next start` copies the peer address into
// X-Forwarded-For only when the client sent none, and passes a client-written X-Forwarded-For
// through unchanged (checked against next 16.4: base-server.js sets it with `??=`). So the server
// process itself stamps every request with its socket's peer address, through Node's documented
// `http.server.request.start` diagnostics channel, which runs before Next sees the request.
// The stamp carries a random per-process token: a client cannot forge it, and a request that
// arrived before the stamp was installed (server start-up) is simply treated as "address unknown".
import { randomBytes, timingSafeEqual } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

export const PEER_HEADER = "x-trustmap-peer";

// Shared through globalThis: instrumentation and route handlers are bundled separately.
const TOKEN = Symbol.for("trustmap.peer-address-token");
type WithToken = typeof globalThis & { [TOKEN]?: string };

/** Called once per server process from instrumentation.ts. */
export function installPeerAddressStamp(): void {
  const global = globalThis as WithToken;
  if (global[TOKEN]) return;
  const token = randomBytes(16).toString("hex");
  global[TOKEN] = token;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    // Overwrites whatever the client sent under this name.
    request.headers[PEER_HEADER] = `${token} ${socket.remoteAddress ?? ""}`;
  });
}

/** The socket peer address from a stamped request's headers, or null when unstamped or forged. */
export function peerAddressFrom(value: unknown): string | null {
  const token = (globalThis as WithToken)[TOKEN];
  if (!token || typeof value !== "string") return null;
  const space = value.indexOf(" ");
  const given = Buffer.from(space < 0 ? value : value.slice(0, space));
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return value.slice(space + 1) || null;
}
