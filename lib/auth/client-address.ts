// Which network address a sign-in attempt comes from, for throttling. The address must be one the
// client cannot choose: the socket's peer, or — only when that peer is a configured proxy
// (TRUSTED_PROXIES) — the hop that proxy reports, walking X-Forwarded-For from the right and
// stopping at the first address that is not a trusted proxy (proxy-addr's rule).
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";

import proxyaddr from "proxy-addr";

export type TrustProxy = (address: string, hop: number) => boolean;

/** Trust nothing forwarded unless proxies are configured; names and CIDRs as proxy-addr accepts. */
export function compileTrustedProxies(list: readonly string[]): TrustProxy {
  return list.length ? proxyaddr.compile([...list]) : () => false;
}

/** "::ffff:10.0.0.1" (an IPv4 client on a dual-stack socket) is keyed as "10.0.0.1". */
function normalize(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "").toLowerCase();
}

/**
 * The client's address, or null when the peer is unknown (then callers must not key anything on a
 * header a client could have written).
 */
export function clientAddress(peer: string | null, forwardedFor: unknown, trust: TrustProxy): string | null {
  if (!peer || !isIP(peer)) return null;
  const header = typeof forwardedFor === "string" ? forwardedFor : undefined;
  // proxy-addr reads the socket address and the header from a request; give it just those.
  const request = {
    socket: { remoteAddress: peer },
    headers: { "x-forwarded-for": header },
  } as unknown as IncomingMessage;
  const address = proxyaddr(request, trust);
  return isIP(address) ? normalize(address) : null;
}
