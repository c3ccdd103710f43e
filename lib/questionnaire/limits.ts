/**
 * Hard limits of the questionnaire format. They exist so that a hostile or broken template, condition
 * or answer set is rejected with a clear message instead of exhausting memory or the stack.
 */
export const LIMITS = {
  templateJsonBytes: 2_000_000,
  sections: 100,
  questionsPerSection: 200,
  questions: 2_000,
  choices: 100,
  groupFields: 30,
  groupMaxItems: 1_000,
  linkageRulesPerOwner: 20,
  modifierTargets: 50,
  references: 20,
  idLength: 64,
  labelLength: 500,
  helpLength: 4_000,
  textMaxLength: 20_000,
  evidenceMaxBytes: 500 * 1024 * 1024,
  evidenceMaxFiles: 50,
  conditionLength: 1_000,
  conditionTokens: 300,
  conditionDepth: 32,
  conditionStringLength: 200,
  /** Multipliers above 1 model fan-out; anything larger than this is almost certainly a typo. */
  multiplierMax: 10,
} as const;
