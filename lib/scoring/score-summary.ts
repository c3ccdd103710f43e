import type { KindBreakdown } from "./types";

/** Scoring model 2's stored parts (zero / null on snapshots of model 1: check modelVersion). */
export interface ScoreModel2Parts {
  footprintExposure: number;
  beyondFootprintExposure: number;
  amplificationMultiplier: number | null;
  exposureLow: number;
  exposureHigh: number;
  evidenceGap: number;
}

/** A vendor's score in brief: the one shape the score card, the report and what-if show. */
export interface ScoreSummary {
  exposure: number;
  directExposure: number;
  amplification: number;
  byKind: KindBreakdown;
  assetsReached: number;
  criticalAssetsReached: number;
}
