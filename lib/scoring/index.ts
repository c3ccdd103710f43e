/** Public surface of the scoring engine (pure: no database, clock, env or framework imports). */
export * from "./config";
export * from "./graph-format";
export * from "./types";
export { buildScoringGraph, ScoringInputError, type ScoringGraph } from "./scoring-graph";
export {
  scoreVendor,
  scorePortfolio,
  listVendorAssetExposure,
  rankStructuralAmplifiers,
  computeBlastRadius,
  type ScoreOptions,
  type ScorePortfolioOptions,
  type RankAmplifiersOptions,
  type BlastRadiusOptions,
} from "./score-vendors";
export {
  applyGraphChanges,
  type GraphChanges,
  type LinkageSelector,
  type AppliedGraphChanges,
} from "./apply-graph-changes";
export {
  evaluateWhatIf,
  recomputeIncrementally,
  findAffectedVendors,
  type WhatIfOptions,
  type WhatIfResult,
  type VendorScoreDelta,
  type IncrementalRecompute,
} from "./recompute-incrementally";
