import { z } from "zod";

export const EXPOSURE_BANDS = ["low", "guarded", "elevated", "high", "severe"] as const;
export type ExposureBand = (typeof EXPOSURE_BANDS)[number];

export const EXPOSURE_BAND_LABEL: Record<ExposureBand, string> = {
  low: "Low",
  guarded: "Guarded",
  elevated: "Elevated",
  high: "High",
  severe: "Severe",
};

const threshold = (label: string) =>
  z.coerce
    .number({ error: `${label}: enter a number.` })
    .refine(Number.isFinite, `${label}: enter a number.`)
    .gt(0, `${label} must be above 0.`)
    .max(1_000_000, `${label} must be at most 1,000,000.`);

const THRESHOLD_KEYS = ["guarded", "elevated", "high", "severe"] as const;

/** The settings form and the server parse the same schema; each band must start above the one before. */
export const exposureBandThresholdsSchema = z
  .object({
    guarded: threshold("Guarded"),
    elevated: threshold("Elevated"),
    high: threshold("High"),
    severe: threshold("Severe"),
  })
  .superRefine((v, ctx) => {
    for (let i = 1; i < THRESHOLD_KEYS.length; i++) {
      const key = THRESHOLD_KEYS[i]!;
      const below = THRESHOLD_KEYS[i - 1]!;
      if (!(v[key] > v[below]))
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: `Must be above where ${EXPOSURE_BAND_LABEL[below]} starts (${v[below]}).`,
        });
    }
  });
export type ExposureBandThresholdsInput = z.input<typeof exposureBandThresholdsSchema>;
