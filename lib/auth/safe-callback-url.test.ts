import { describe, expect, it } from "vitest";

import { safeCallbackUrl } from "./safe-callback-url";

const ORIGIN = "https://trustmap.example";

// Where a browser would go: the value as window.location.assign resolves it on the portal's page.
const landsOn = (value: string) => new URL(value, `${ORIGIN}/sign-in`).origin;

describe("safeCallbackUrl", () => {
  // Values as the page receives them (already percent-decoded once by the query string parser).
  const attacks: [string, string][] = [
    ["backslash host", "/\\evil.example/"],
    ["double backslash", "/\\\\evil.example/"],
    ["tab before slash", "/\t/evil.example/"],
    ["newline before slash", "/\n/evil.example/"],
    ["protocol-relative", "//evil.example/"],
    ["slash backslash mix", "\\/evil.example/"],
    ["absolute other origin", "https://evil.example/"],
    ["same host other scheme", "http://trustmap.example/"],
    ["javascript", "javascript:alert(1)"],
    ["data", "data:text/html,<script>alert(1)</script>"],
    ["dot segment to protocol-relative", "/.//evil.example/"],
    ["encoded dot segment", "/%2e//evil.example/"],
    ["userinfo trick", "https://trustmap.example@evil.example/"],
    ["leading space", " //evil.example/"],
    ["empty", ""],
  ];
  it.each(attacks)("keeps %s on the portal", (_name, value) => {
    const result = safeCallbackUrl(value, ORIGIN);
    expect(landsOn(result)).toBe(ORIGIN);
    expect(result.startsWith("/")).toBe(true);
    expect(result).not.toMatch(/^\/[\\/]/);
  });

  const allowed: [string, string][] = [
    ["/vendors", "/vendors"],
    ["/vendors/abc?tab=scores#top", "/vendors/abc?tab=scores#top"],
    ["https://trustmap.example/assessments", "/assessments"],
    ["/", "/"],
  ];
  it.each(allowed)("allows the portal's own page %s", (value, expected) => {
    expect(safeCallbackUrl(value, ORIGIN)).toBe(expected);
  });

  it("falls back to the home page for anything that is not a string", () => {
    for (const value of [undefined, null, 42, ["/vendors"]]) expect(safeCallbackUrl(value, ORIGIN)).toBe("/");
  });
});
