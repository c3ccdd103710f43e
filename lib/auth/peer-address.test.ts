import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";

import { describe, expect, it } from "vitest";

import { installPeerAddressStamp, PEER_HEADER, peerAddressFrom } from "./peer-address";

// One real request on loopback: what a handler sees when the client forges the stamp header.
async function headerSeenByHandler(forged: Record<string, string>): Promise<unknown> {
  let seen: unknown;
  const server = createServer((req, res) => {
    seen = req.headers[PEER_HEADER];
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => {
    request({ host: "127.0.0.1", port, headers: forged }, (res) => res.resume().on("end", resolve))
      .on("error", reject)
      .end();
  });
  await new Promise((resolve) => server.close(resolve));
  return seen;
}

describe("peer address stamp", () => {
  it("is ignored before the stamp is installed (start-up), even when the client sends one", async () => {
    const forged = await headerSeenByHandler({ [PEER_HEADER]: "anything 198.51.100.1" });
    expect(peerAddressFrom(forged)).toBeNull();
  });

  it("carries the socket's peer address, whatever the client sent under the same name", async () => {
    installPeerAddressStamp();
    const value = await headerSeenByHandler({
      [PEER_HEADER]: "anything 198.51.100.1",
      "x-forwarded-for": "198.51.100.1",
    });
    expect(peerAddressFrom(value)).toBe("127.0.0.1");
  });

  it("rejects values without the process's token", () => {
    installPeerAddressStamp();
    for (const value of [undefined, "", "198.51.100.1", "0000 198.51.100.1", ["x"]])
      expect(peerAddressFrom(value)).toBeNull();
  });
});
