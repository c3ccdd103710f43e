/**
 * Scoring configuration: the model version, default weights and the per-organisation override merge.
 *
 * Everything here is plain data so an organisation's overrides can be stored as JSON next to its
 * tenant settings and passed back in unchanged. See docs/scoring.md for why each default is what it is.
 */

/** Bumped whenever a formula or a default changes, so every snapshot says which model produced it. */
export const MODEL_VERSION = "trustmap-propagation/2.0.0";

export const LINKAGE_KINDS = ["adjacency", "inheritance", "trust"] as const;
export type LinkageKind = (typeof LINKAGE_KINDS)[number];

export const NODE_TYPES = ["vendor", "component", "asset"] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/** Weight tables keyed by a control level the extraction layer recognises, per linkage kind. */
export type ControlWeightTable = Readonly<Record<LinkageKind, Readonly<Record<string, number>>>>;

/** The complete, resolved configuration the engine runs with. */
export interface ScoringConfig {
  /** Paths whose probability falls below this are not followed (and their hop is not counted). */
  readonly probabilityThreshold: number;
  /** Consequence weight per asset criticality 1..5 (index 0 unused). */
  readonly criticalityWeights: readonly [number, number, number, number, number, number];
  /** Criticality assumed for an asset whose criticality is not recorded. */
  readonly defaultAssetCriticality: 1 | 2 | 3 | 4 | 5;
  /** Assets at or above this criticality count as "critical" in the reached-critical-assets figure. */
  readonly criticalAssetMinCriticality: 1 | 2 | 3 | 4 | 5;
  /** How many explaining paths to materialise per vendor. */
  readonly topPathCount: number;
  /** Floor for the weight of a linkage whose controlling answer is unknown / "don't know" / missing. */
  readonly unknownAnswerWeight: number;
  /** Transmissibility of a linkage given the control the supplier reported. */
  readonly controlWeights: ControlWeightTable;
}

/** Per-organisation overrides: any subset of the config; control tables merge per key. */
export interface ScoringConfigOverrides {
  readonly probabilityThreshold?: number;
  readonly criticalityWeights?: readonly [number, number, number, number, number, number];
  readonly defaultAssetCriticality?: 1 | 2 | 3 | 4 | 5;
  readonly criticalAssetMinCriticality?: 1 | 2 | 3 | 4 | 5;
  readonly topPathCount?: number;
  readonly unknownAnswerWeight?: number;
  readonly controlWeights?: Partial<Record<LinkageKind, Readonly<Record<string, number>>>>;
}

/**
 * Defaults. The control tables are deliberately coarse (a handful of levels per kind): the
 * questionnaire can only tell us which class of control exists, not measure its strength, and
 * pretending to more precision would make rankings jitter on wording.
 */
export const DEFAULT_WEIGHTS: ScoringConfig = Object.freeze({
  probabilityThreshold: 0.01,
  // Doubling per level: operators treat criticality as ordinal with "one level up" meaning a clearly
  // worse outcome, so a safety-critical DCS (5) counts as sixteen office-grade assets (1).
  criticalityWeights: Object.freeze([0, 1, 2, 4, 8, 16]) as unknown as ScoringConfig["criticalityWeights"],
  defaultAssetCriticality: 3,
  criticalAssetMinCriticality: 4,
  topPathCount: 3,
  // Pessimistic on purpose: "don't know" must never beat a truthful answer, so it is also lifted to at
  // least the worst control of its kind by resolveLinkageWeight.
  unknownAnswerWeight: 0.9,
  controlWeights: Object.freeze({
    adjacency: Object.freeze({
      "flat-network": 0.9,
      "shared-gateway-no-filtering": 0.8,
      "shared-broker-no-acl": 0.7,
      "shared-gateway-filtered": 0.4,
      "segmented-firewall": 0.25,
      "unidirectional-gateway": 0.05,
    }),
    inheritance: Object.freeze({
      "unsigned-update": 0.9,
      "signed-not-verified": 0.7,
      "shared-sdk-unpatched": 0.6,
      "signed-verified-on-install": 0.3,
      "signed-verified-in-bootloader": 0.1,
      "sbom-and-vex-monitored": 0.15,
    }),
    trust: Object.freeze({
      "always-on-shared-credentials": 0.95,
      "long-lived-service-account": 0.85,
      "always-on-individual-accounts": 0.6,
      "on-demand-with-mfa": 0.3,
      "on-demand-mfa-and-session-approval": 0.15,
      "no-remote-access": 0,
    }),
  }),
});

/** The literal answers that mean "we do not know"; the extraction layer may add its own. */
export const UNKNOWN_ANSWERS: ReadonlySet<string> = new Set([
  "unknown",
  "dont-know",
  "don't know",
  "not-answered",
]);

/** Merges organisation overrides over the defaults without mutating either. */
export function resolveScoringConfig(
  overrides: ScoringConfigOverrides = {},
  base: ScoringConfig = DEFAULT_WEIGHTS,
): ScoringConfig {
  const config: ScoringConfig = {
    probabilityThreshold: overrides.probabilityThreshold ?? base.probabilityThreshold,
    criticalityWeights: overrides.criticalityWeights ?? base.criticalityWeights,
    defaultAssetCriticality: overrides.defaultAssetCriticality ?? base.defaultAssetCriticality,
    criticalAssetMinCriticality: overrides.criticalAssetMinCriticality ?? base.criticalAssetMinCriticality,
    topPathCount: overrides.topPathCount ?? base.topPathCount,
    unknownAnswerWeight: overrides.unknownAnswerWeight ?? base.unknownAnswerWeight,
    controlWeights: {
      adjacency: { ...base.controlWeights.adjacency, ...overrides.controlWeights?.adjacency },
      inheritance: { ...base.controlWeights.inheritance, ...overrides.controlWeights?.inheritance },
      trust: { ...base.controlWeights.trust, ...overrides.controlWeights?.trust },
    },
  };
  assertValidConfig(config);
  return config;
}

function assertValidConfig(config: ScoringConfig): void {
  const problems: string[] = [];
  // A zero threshold would make every search visit the whole graph; 1 would prune everything.
  if (!(config.probabilityThreshold > 0 && config.probabilityThreshold < 1))
    problems.push("probabilityThreshold must be in (0, 1)");
  if (
    config.criticalityWeights.length !== 6 ||
    config.criticalityWeights.some((w) => !(w >= 0 && Number.isFinite(w)))
  ) {
    problems.push("criticalityWeights must be six finite non-negative numbers (index 0 unused)");
  }
  // Monotone in criticality, otherwise "more critical" could lower a score.
  for (let level = 2; level <= 5; level++) {
    if (config.criticalityWeights[level]! < config.criticalityWeights[level - 1]!)
      problems.push("criticalityWeights must not decrease with criticality");
  }
  if (!(Number.isInteger(config.topPathCount) && config.topPathCount >= 0))
    problems.push("topPathCount must be a non-negative integer");
  if (!(config.unknownAnswerWeight >= 0 && config.unknownAnswerWeight <= 1))
    problems.push("unknownAnswerWeight must be in [0, 1]");
  for (const kind of LINKAGE_KINDS) {
    for (const [control, weight] of Object.entries(config.controlWeights[kind])) {
      if (!(weight >= 0 && weight <= 1)) problems.push(`controlWeights.${kind}.${control} must be in [0, 1]`);
    }
  }
  if (problems.length > 0) throw new ScoringConfigError(problems);
}

export class ScoringConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid scoring configuration: ${problems.join("; ")}`);
    this.name = "ScoringConfigError";
  }
}

/**
 * Maps a reported control to a linkage weight. Unknown, missing or unrecognised answers get the
 * pessimistic weight: at least `unknownAnswerWeight` and never below the worst known control of that
 * kind, so — with exposure monotone in weights — a "don't know" can never score better than any
 * truthful answer, whatever an organisation overrides.
 */
export function resolveLinkageWeight(
  kind: LinkageKind,
  control: string | null | undefined,
  config: ScoringConfig = DEFAULT_WEIGHTS,
): number {
  const table = config.controlWeights[kind];
  if (control != null && !UNKNOWN_ANSWERS.has(control) && Object.hasOwn(table, control))
    return table[control]!;
  return resolveUnknownWeight(kind, config);
}

/** The weight used for an unknown answer of the given kind (see resolveLinkageWeight). */
export function resolveUnknownWeight(kind: LinkageKind, config: ScoringConfig = DEFAULT_WEIGHTS): number {
  let worst = config.unknownAnswerWeight;
  for (const weight of Object.values(config.controlWeights[kind])) if (weight > worst) worst = weight;
  return worst;
}

/**
 * The weight of the best (lowest-weight) control of a kind: where an unknown answer's linkage sits
 * for the low end of a vendor's exposure range (`bestWeight` on the linkage, docs/graph-format.md).
 */
export function resolveBestControlWeight(kind: LinkageKind, config: ScoringConfig = DEFAULT_WEIGHTS): number {
  let best = resolveUnknownWeight(kind, config);
  for (const weight of Object.values(config.controlWeights[kind])) if (weight < best) best = weight;
  return best;
}
