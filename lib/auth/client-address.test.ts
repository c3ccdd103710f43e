import { describe, expect, it } from "vitest";

import { clientAddress, compileTrustedProxies } from "./client-address";

const direct = compileTrustedProxies([]);
const behindProxy = compileTrustedProxies(["loopback", "10.0.0.0/8"]);

describe("clientAddress", () => {
  // [case, socket peer, X-Forwarded-For as received, trusted proxies, expected key]
  const cases: [string, string | null, string | undefined, typeof direct, string | null][] = [
    ["direct client, no header", "203.0.113.9", undefined, direct, "203.0.113.9"],
    ["direct client forging a header", "203.0.113.9", "198.51.100.1", direct, "203.0.113.9"],
    ["direct client forging a chain", "203.0.113.9", "1.1.1.1, 2.2.2.2", direct, "203.0.113.9"],
    ["direct client naming loopback", "203.0.113.9", "127.0.0.1", direct, "203.0.113.9"],
    ["IPv4 on a dual-stack socket", "::ffff:203.0.113.9", undefined, direct, "203.0.113.9"],
    ["trusted proxy reports the client", "127.0.0.1", "203.0.113.9", behindProxy, "203.0.113.9"],
    [
      "trusted proxy appends to a forged entry: the right-most untrusted hop wins",
      "::ffff:127.0.0.1",
      "6.6.6.6, 203.0.113.9",
      behindProxy,
      "203.0.113.9",
    ],
    ["two trusted proxies", "127.0.0.1", "6.6.6.6, 203.0.113.9, 10.1.2.3", behindProxy, "203.0.113.9"],
    [
      "untrusted peer's header ignored even with proxies configured",
      "198.51.100.4",
      "203.0.113.9",
      behindProxy,
      "198.51.100.4",
    ],
    ["trusted proxy without a header", "10.0.0.5", undefined, behindProxy, "10.0.0.5"],
    ["garbage reported by a trusted proxy", "127.0.0.1", "not-an-ip", behindProxy, null],
    ["IPv6 client", "2001:DB8::1", undefined, direct, "2001:db8::1"],
    ["unknown peer: no key from headers at all", null, "203.0.113.9", direct, null],
  ];
  it.each(cases)("%s", (_name, peer, header, trust, expected) => {
    expect(clientAddress(peer, header, trust)).toBe(expected);
  });
});
