import { describe, expect, it } from "vitest";

import { MASKED_SECRET, maskSecrets } from "@/lib/mail/send-organization-mail";

const TOKEN = "kX3v9Qz_Lr2-Wm8Tn5Yb0Hc7Jd4Fg6Ps1Ae2Ou3Iy4";

describe("maskSecrets", () => {
  it("masks every occurrence of every secret, in text and in HTML attributes", () => {
    const html = `<a href="https://p.test/invite/${TOKEN}">Start</a> https://p.test/invite/${TOKEN}`;
    expect(maskSecrets(html, [TOKEN])).toBe(
      `<a href="https://p.test/invite/${MASKED_SECRET}">Start</a> https://p.test/invite/${MASKED_SECRET}`,
    );
    expect(maskSecrets(`${TOKEN}${TOKEN}`, [TOKEN, `other-${TOKEN}`])).toBe(MASKED_SECRET.repeat(2));
  });
  it("leaves text without secrets alone, and refuses a secret short enough to mask ordinary words", () => {
    expect(maskSecrets("no links here", [TOKEN])).toBe("no links here");
    expect(maskSecrets("anything", [])).toBe("anything");
    expect(() => maskSecrets("the invite", ["invite"])).toThrow(/at least 16/);
  });
});
