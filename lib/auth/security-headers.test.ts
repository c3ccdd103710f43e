import { describe, expect, it } from "vitest";

import { contentSecurityPolicy, strictTransportSecurity } from "./security-headers";

const directives = (csp: string) =>
  new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));

describe("contentSecurityPolicy", () => {
  it("lets only this request's nonce run scripts, and forbids framing, plugins and foreign forms", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "abc123", dev: false, https: false }));
    expect(csp.get("script-src")).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(csp.get("object-src")).toBe("'none'");
    expect(csp.get("form-action")).toBe("'self'");
    expect(csp.get("base-uri")).toBe("'self'");
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
    expect([...csp.values()].join(" ")).not.toContain("unsafe-eval");
  });

  it("allows eval only in development, and upgrades requests only on https", () => {
    expect(contentSecurityPolicy({ nonce: "n", dev: true, https: false })).toContain("'unsafe-eval'");
    expect(
      directives(contentSecurityPolicy({ nonce: "n", dev: false, https: true })).has(
        "upgrade-insecure-requests",
      ),
    ).toBe(true);
  });
});

describe("strictTransportSecurity", () => {
  it.each([
    ["https://trustmap.example", "max-age=31536000"],
    ["http://localhost:3000", null],
    [undefined, null],
  ])("%s → %s", (url, header) => expect(strictTransportSecurity(url)).toBe(header));
});
