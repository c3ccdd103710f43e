import { describe, expect, it } from "vitest";

import { exposureBandThresholdsSchema } from "@/lib/validation/exposure-bands";

import {
  DEFAULT_EXPOSURE_BAND_THRESHOLDS as D,
  exposureBand,
  exposureBandRange,
  resolveExposureBands,
} from "./exposure-bands";

describe("exposureBand with the documented defaults (4, 16, 48, 96)", () => {
  // [exposure, band]: each threshold belongs to the band it starts.
  const cases: [number, string][] = [
    [0, "low"],
    [3.99, "low"],
    [4, "guarded"],
    [15.9, "guarded"],
    [16, "elevated"],
    [47.99, "elevated"],
    [48, "high"],
    [95.9, "high"],
    [96, "severe"],
    [1e6, "severe"],
  ];
  it.each(cases)("%s → %s", (exposure, band) => expect(exposureBand(exposure, D)).toBe(band));

  it("the defaults are the ones docs/scoring.md names", () =>
    expect(D).toEqual({ guarded: 4, elevated: 16, high: 48, severe: 96 }));
});

describe("organisation thresholds", () => {
  const custom = { guarded: 1, elevated: 2, high: 3, severe: 200 };
  it("move the bands", () => {
    expect(exposureBand(2.5, custom)).toBe("elevated");
    expect(exposureBand(150, custom)).toBe("high");
  });
  it("ranges tile the line without gaps", () => {
    expect(exposureBandRange("low", custom)).toEqual({ from: 0, to: 1 });
    expect(exposureBandRange("high", custom)).toEqual({ from: 3, to: 200 });
    expect(exposureBandRange("severe", custom)).toEqual({ from: 200, to: null });
  });
  it("stored JSON that no longer parses falls back to the defaults", () => {
    expect(resolveExposureBands(null)).toEqual(D);
    expect(resolveExposureBands({ guarded: 5 })).toEqual(D);
    expect(resolveExposureBands({ guarded: 10, elevated: 5, high: 48, severe: 96 })).toEqual(D);
    expect(resolveExposureBands(custom)).toEqual(custom);
  });
});

describe("exposureBandThresholdsSchema", () => {
  const issues = (input: unknown) =>
    exposureBandThresholdsSchema
      .safeParse(input)
      .error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];
  it("accepts increasing thresholds given as form strings", () =>
    expect(
      exposureBandThresholdsSchema.parse({ guarded: "2", elevated: "8", high: "30", severe: "60" }),
    ).toEqual({ guarded: 2, elevated: 8, high: 30, severe: 60 }));
  it("names the band that does not rise", () =>
    expect(issues({ guarded: 4, elevated: 16, high: 16, severe: 96 })).toEqual([
      "high: Must be above where Elevated starts (16).",
    ]));
  it("refuses zero, negatives and words, per field", () =>
    expect(issues({ guarded: 0, elevated: -1, high: "lots", severe: 96 })).toEqual([
      "guarded: Guarded must be above 0.",
      "elevated: Elevated must be above 0.",
      "high: High: enter a number.",
    ]));
});
