import { describe, expect, it } from "vitest";

import { describeScoreChange, type FootprintScore } from "./describe-score-change";

const score = (footprint: number, beyond: number): FootprintScore => {
  const exposure = footprint + beyond;
  return {
    exposure,
    footprintExposure: footprint,
    beyondFootprintExposure: beyond,
    amplification: exposure > 0 ? beyond / exposure : 0,
  };
};

describe("describeScoreChange", () => {
  it("names both parts of a fall side by side, and why amplification still rose", () => {
    expect(describeScoreChange("Meridian", score(12.7, 97), score(11.2, 96.6))).toBe(
      "Meridian's exposure falls by 1.9 (−2 %): its own footprint falls by 1.5 (12.7 → 11.2) and what reaches beyond it falls by 0.4 (97.0 → 96.6). Amplification rises from 88 % to 90 % only because its own footprint fell proportionally more; what reaches beyond it fell too.",
    );
  });

  it("says a rise in amplification after a control on the footprint is not the control hurting", () => {
    // MFA on the vendor's own remote access: the footprint shrinks, the beyond part stays.
    const text = describeScoreChange("Kestrel", score(24, 86), score(10, 86));
    expect(text).toContain("its own footprint falls by 14.0 (24.0 → 10.0)");
    expect(text).toContain("what reaches beyond it stays at 86.0");
    expect(text).toContain(
      "Amplification rises from 78 % to 90 % only because its own footprint shrank: what reaches beyond it did not grow",
    );
  });

  it("says when a change cuts routes beyond the footprint", () => {
    const text = describeScoreChange("Brightline", score(12, 97), score(12, 60));
    expect(text).toContain("what reaches beyond it falls by 37.0 (97.0 → 60.0)");
    expect(text).toContain("Amplification falls from 89 % to 83 %: the change cuts routes");
  });

  it("says when more passes through others (beyond rises)", () => {
    const text = describeScoreChange("Orbital", score(16, 99), score(16, 110));
    expect(text).toMatch(/^Orbital's exposure rises by 11\.0 \(\+10 %\)/);
    expect(text).toContain("passes through others' products");
  });

  it("says so when nothing changes, and writes names ending in s correctly", () => {
    expect(describeScoreChange("Atlas Field Sensors", score(50, 2), score(50, 2))).toBe(
      "The scenario does not change Atlas Field Sensors' exposure (52.0) or how much of it reaches beyond its own products and services.",
    );
  });

  it("never shows internal keys or ids: only the vendor's name and numbers", () => {
    const text = describeScoreChange("Cobalt Historian", score(5.5, 14.1), score(5.5, 10));
    expect(text).not.toMatch(/vendor:|asset:|component:|_[a-z]+_/);
  });
});
