import REQUEST_LIMITS from "./request-limits.json" with { type: "json" };

/**
 * Hard limits of the questionnaire format. They exist so that a hostile or broken template, condition
 * or answer set is rejected with a clear message instead of exhausting memory or the stack.
 */
export const LIMITS = {
  /** A template file, in bytes (UTF-8): the import page, the server action and the parser all use this. */
  templateJsonBytes: REQUEST_LIMITS.templateJsonBytes,
  /** A draft's answers as JSON, in bytes (UTF-8): autosave refuses more before sending, the server too. */
  answersJsonBytes: REQUEST_LIMITS.answersJsonBytes,
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

/**
 * The body limit of every server action (`experimental.serverActions.bodySizeLimit` in next.config.js,
 * read from the same JSON file): the largest payload above plus room for the action's own framing.
 */
export const SERVER_ACTION_BODY_BYTES: number = REQUEST_LIMITS.serverActionBodyBytes;

/** Size of text as sent (UTF-8 bytes), which is what the limits above count. */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** "1.5 MB", "320 KB": sizes in messages, in the decimal units the limits are written in. */
export function formatBytes(bytes: number): string {
  return bytes >= 1_000_000
    ? `${(Math.round(bytes / 100_000) / 10).toLocaleString("en-US")} MB`
    : `${Math.ceil(bytes / 1000).toLocaleString("en-US")} KB`;
}
