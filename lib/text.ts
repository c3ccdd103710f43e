import { z } from "zod";

// Text fields, one kernel for every schema. Names, titles and other one-line values never contain a
// line break or a control character: a newline inside a vendor name would start a new row of a CSV
// export (where the next line may be a formula), and PostgreSQL refuses NUL in text outright.

/** C0 controls (tab and line breaks included), DEL, C1 controls and the Unicode line/paragraph separators. */
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** The same, except tab, line feed and carriage return, which multi-line text may hold. */
const CONTROL_CHARACTER_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export const hasControlCharacter = (value: string) => CONTROL_CHARACTER.test(value);

/** Options of singleLineText and multiLineText. */
export interface TextOptions {
  /** At least this many characters after trimming (default 0); 1 or more makes the field required. */
  min?: number;
  max: number;
  /** Said when fewer than `min` characters are given (default "<label> is required." for min 1). */
  minMessage?: string;
}

const requiredMessage = (label: string, min: number) =>
  min <= 1 ? `${label} is required.` : `${label} must be at least ${min} characters.`;

/**
 * A one-line value (a name, a title, a site): trimmed, `min`..`max` characters, and refused when it
 * holds a line break or any other control character.
 */
export function singleLineText(label: string, { min = 0, max, minMessage }: TextOptions) {
  let schema = z.string({ error: min > 0 ? requiredMessage(label, 1) : `${label} must be text.` }).trim();
  if (min > 0) schema = schema.min(min, minMessage ?? requiredMessage(label, min));
  return schema
    .max(max, `${label} must be at most ${max} characters.`)
    .refine(
      (v) => !CONTROL_CHARACTER.test(v),
      `${label} must be one line of text, without line breaks or control characters.`,
    );
}

/** Free text over several lines (a description, a message): tabs and line breaks allowed, other control characters not. */
export function multiLineText(label: string, { min = 0, max, minMessage }: TextOptions) {
  let schema = z.string({ error: min > 0 ? requiredMessage(label, 1) : `${label} must be text.` }).trim();
  if (min > 0) schema = schema.min(min, minMessage ?? requiredMessage(label, min));
  return schema
    .max(max, `${label} must be at most ${max} characters.`)
    .refine((v) => !CONTROL_CHARACTER_IN_TEXT.test(v), `${label} must not contain control characters.`);
}

/** Optional one-line text from a form: blank ("" or spaces) is "not given". */
export const optionalSingleLineText = (label: string, max: number) =>
  singleLineText(label, { max })
    .optional()
    .transform((v) => (v ? v : undefined));

/** Optional multi-line text from a form: blank is "not given". */
export const optionalMultiLineText = (label: string, max: number) =>
  multiLineText(label, { max })
    .optional()
    .transform((v) => (v ? v : undefined));
