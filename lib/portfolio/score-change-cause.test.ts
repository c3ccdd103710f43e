import { describe, expect, it } from "vitest";

import { describeScoreChangeCause, parseRescoreTrigger, possessive } from "./score-change-cause";

const names = {
  acceptedVendor: new Map([
    ["asm1", "Kestrel Remote Access"],
    ["asm2", "Atlas Field Sensors"],
  ]),
  scenario: new Map([["wif1", "MFA on the relay"]]),
};
const say = (trigger: string | null) => describeScoreChangeCause(parseRescoreTrigger(trigger), names);

describe("score change causes, from the run's trigger", () => {
  it.each([
    ["assessment asm1 accepted", "acceptance of Kestrel Remote Access’s assessment"],
    ["assessment asm2 accepted", "acceptance of Atlas Field Sensors’ assessment"],
    ["assessment gone accepted", "an accepted assessment"],
    ["what-if wif1 adopted", "adopted what-if “MFA on the relay”"],
    ["what-if other adopted", "an adopted what-if"],
    ["manual linkage l1 added", "a linkage recorded by hand was added"],
    ["manual linkage l1 removed", "a linkage recorded by hand was removed"],
    ["asset a1 updated", "a change to your asset inventory"],
    ["asset CSV import", "a change to your asset inventory"],
    ["manual", "a full recompute (scoring settings or “Recompute all”)"],
    ["model-upgrade", "the new scoring model"],
    ["something new", "a change to the linkage graph"],
  ])("%s → %s", (trigger, words) => expect(say(trigger)).toBe(words));

  it("a missing run reads as a graph change, never as an id", () =>
    expect(say(null)).toBe("a change to the linkage graph"));

  it("possessives", () => {
    expect(possessive("Meridian Gateways")).toBe("Meridian Gateways’");
    expect(possessive("Orbital SCADA Cloud")).toBe("Orbital SCADA Cloud’s");
    expect(possessive("Kestrel Remote Access")).toBe("Kestrel Remote Access’s");
  });
});
