// Client-safe: the exposure bands every screen shows next to the exposure number
// (docs/scoring.md, "Exposure bands"). An organisation may move the thresholds; the names are fixed.
import {
  EXPOSURE_BANDS,
  exposureBandThresholdsSchema,
  type ExposureBand,
} from "@/lib/validation/exposure-bands";

export { EXPOSURE_BAND_LABEL, EXPOSURE_BANDS, type ExposureBand } from "@/lib/validation/exposure-bands";

/** Where each band above "low" starts: exposure ≥ threshold. Strictly increasing. */
export interface ExposureBandThresholds {
  guarded: number;
  elevated: number;
  high: number;
  severe: number;
}

/**
 * Defaults in units of the default criticality weights (1, 2, 4, 8, 16): guarded from 4 (one
 * criticality-3 asset surely affected), elevated from 16 (one plant-critical asset surely affected),
 * high from 48 (three), severe from 96 (six).
 */
export const DEFAULT_EXPOSURE_BAND_THRESHOLDS: Readonly<ExposureBandThresholds> = Object.freeze({
  guarded: 4,
  elevated: 16,
  high: 48,
  severe: 96,
});

/** The stored JSON (Organization.exposureBands), or the defaults when it is unset or no longer valid. */
export function resolveExposureBands(stored: unknown): ExposureBandThresholds {
  if (stored === null || stored === undefined) return { ...DEFAULT_EXPOSURE_BAND_THRESHOLDS };
  const parsed = exposureBandThresholdsSchema.safeParse(stored);
  return parsed.success ? parsed.data : { ...DEFAULT_EXPOSURE_BAND_THRESHOLDS };
}

/** The band an exposure falls in: a threshold belongs to the band it starts. */
export function exposureBand(exposure: number, thresholds: ExposureBandThresholds): ExposureBand {
  if (exposure >= thresholds.severe) return "severe";
  if (exposure >= thresholds.high) return "high";
  if (exposure >= thresholds.elevated) return "elevated";
  if (exposure >= thresholds.guarded) return "guarded";
  return "low";
}

/** [from, to) of a band; `to` is null for "severe". */
export function exposureBandRange(
  band: ExposureBand,
  thresholds: ExposureBandThresholds,
): { from: number; to: number | null } {
  const starts = [0, thresholds.guarded, thresholds.elevated, thresholds.high, thresholds.severe];
  const i = EXPOSURE_BANDS.indexOf(band);
  return { from: starts[i]!, to: i + 1 < starts.length ? starts[i + 1]! : null };
}
