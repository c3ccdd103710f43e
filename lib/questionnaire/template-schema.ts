import { z } from "zod";

import { hasControlCharacter } from "@/lib/text";

import { ID_PATTERN, TEMPLATE_KEY_PATTERN } from "./ids";
import { LIMITS } from "./limits";

/*
 * Structural schema of a questionnaire template. Every object is strict so that a misspelt key
 * ("requried") is reported instead of silently ignored. Cross-references (condition targets, choice
 * literals, linkage targets, ordering) are checked separately in validate-template.ts, because zod
 * cannot see the whole template while it parses one question.
 */

export const QUESTION_TYPES = [
  "yesno",
  "single_choice",
  "multiple_choice",
  "number",
  "date",
  "text",
  "group",
  "evidence",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const GROUP_FIELD_TYPES = ["text", "number", "date", "single_choice", "yesno"] as const;
export type GroupFieldType = (typeof GROUP_FIELD_TYPES)[number];

export const YESNO_VALUES = ["yes", "no", "dont_know"] as const;
export type YesNoValue = (typeof YESNO_VALUES)[number];
/** The answer value meaning "the supplier does not know"; also accepted by number/date questions with allowDontKnow. */
export const DONT_KNOW = "dont_know";

export const EVIDENCE_KINDS = [
  "pdf",
  "cyclonedx_json",
  "spdx_json",
  "csaf_json",
  "vex_json",
  "image",
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const LINKAGE_KINDS = ["adjacency", "inheritance", "trust"] as const;
export type LinkageKind = (typeof LINKAGE_KINDS)[number];

export const NODE_KINDS = [
  "vendor",
  "product",
  "component",
  "asset",
  "zone",
  "platform",
  "update_service",
  "remote_access",
  "sub_supplier",
  "credential",
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const MODIFIER_OPS = ["multiply", "set"] as const;
export type ModifierOp = (typeof MODIFIER_OPS)[number];

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const idSchema = z
  .string()
  .regex(
    ID_PATTERN,
    "must start with a lowercase letter and contain only a-z, 0-9 and _ (at most 64 characters)",
  );
/** One line of text in the template's own message style (lib/text.ts for forms). */
const oneLine = (max: number) =>
  z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(max)
    .refine(
      (v) => !hasControlCharacter(v),
      "must be one line of text, without line breaks or control characters",
    );
const labelSchema = oneLine(LIMITS.labelLength);
const helpSchema = z.string().max(LIMITS.helpLength);
const conditionSchema = z.string().trim().min(1, "must not be empty").max(LIMITS.conditionLength);
const unitIntervalSchema = z.number().min(0, "must be between 0 and 1").max(1, "must be between 0 and 1");
const isoDateSchema = z.string().regex(DATE_PATTERN, "must be a date written YYYY-MM-DD");

export const referenceSchema = z.strictObject({
  /** e.g. "IEC 62443-4-1", "NIST SP 800-161r1", "CISA Secure by Demand". */
  standard: oneLine(100),
  /** e.g. "SUM-3", "SR 1.1", "Secure by default". */
  clause: oneLine(100),
});
export type Reference = z.infer<typeof referenceSchema>;

export const nodeEndpointSchema = z.strictObject({
  kind: z.enum(NODE_KINDS),
  /** Per-row rules only: group field ids naming the node, first non-empty value wins (e.g. ["purl", "cpe", "name"]). */
  identifyBy: z.array(idSchema).min(1).max(5).optional(),
  /** One node per selected choice of this (or an earlier) choice question, e.g. the zones where a product is deployed. */
  answerOf: idSchema.optional(),
  /** Names an implicit node so that rules can tell apart nodes of one kind, e.g. "update_signing_key" vs "default_credentials". */
  name: idSchema.optional(),
});
export type NodeEndpoint = z.infer<typeof nodeEndpointSchema>;

const ruleCommon = {
  /** Unique across the template; used as a modifier target and recorded as provenance on every linkage. */
  id: idSchema,
  /** Human-readable explanation shown next to the linkage in score breakdowns. */
  reason: z.string().trim().min(1, "must not be empty").max(500),
  /** Optional extra condition; may name the owning question and earlier ones. */
  when: conditionSchema.optional(),
};

export const emitRuleSchema = z.strictObject({
  ...ruleCommon,
  effect: z.literal("emit"),
  kind: z.enum(LINKAGE_KINDS),
  from: nodeEndpointSchema,
  to: nodeEndpointSchema,
  /** Propagation weight (transmissibility) when the rule fires on a known answer. */
  weight: unitIntervalSchema,
  /** Weight used when the answer is unknown (unanswered, "don't know", an unknown choice); never below `weight`. */
  unknownWeight: unitIntervalSchema,
  /** Group questions only: emit one linkage per row instead of one per answer. */
  perRow: z.boolean().optional(),
});
export type EmitRule = z.infer<typeof emitRuleSchema>;

export const modifyRuleSchema = z.strictObject({
  ...ruleCommon,
  effect: z.literal("modify"),
  /** Ids of emit rules whose weight this rule changes. */
  targets: z.array(idSchema).min(1).max(LIMITS.modifierTargets),
  op: z.enum(MODIFIER_OPS),
  /** Factor for multiply (above 1 models fan-out; the result is clamped to 1), new weight for set. */
  value: z.number().min(0).max(LIMITS.multiplierMax),
  /** Value used when the answer is unknown; never safer than `value`. */
  unknownValue: z.number().min(0).max(LIMITS.multiplierMax),
});
export type ModifyRule = z.infer<typeof modifyRuleSchema>;

export type LinkageRule = EmitRule | ModifyRule;
export const LINKAGE_EFFECTS = ["emit", "modify"] as const;

/*
 * Linkage rules, choices, group fields and questions are validated by dispatching on their
 * discriminator by hand (see validate-template.ts) so that a wrong `type` gives one clear error
 * instead of a union of every alternative's complaints. The array schemas below therefore hold
 * `unknown` elements; the typed shapes are what a validated template contains.
 */
const looseArray = (max: number) => z.array(z.unknown()).max(max);

export const choiceSchema = z.strictObject({
  id: idSchema,
  label: labelSchema,
  help: helpSchema.optional(),
  /** Selecting this choice means "we do not know": linkage rules of the question use their unknown weights. */
  unknown: z.boolean().optional(),
  /** Multiple choice only: this choice cannot be combined with others (e.g. "none of these"). */
  exclusive: z.boolean().optional(),
  linkages: looseArray(LIMITS.linkageRulesPerOwner).optional(),
});
export type Choice = Omit<z.infer<typeof choiceSchema>, "linkages"> & { linkages?: LinkageRule[] };

const choicesSchema = looseArray(LIMITS.choices).min(2, "needs at least two choices");

const fieldCommon = {
  id: idSchema,
  label: labelSchema,
  help: helpSchema.optional(),
  required: z.boolean(),
};

export const groupFieldSchemas = {
  text: z.strictObject({
    ...fieldCommon,
    type: z.literal("text"),
    maxLength: z.number().int().min(1).max(LIMITS.textMaxLength),
  }),
  number: z.strictObject({
    ...fieldCommon,
    type: z.literal("number"),
    unit: oneLine(40).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().optional(),
  }),
  date: z.strictObject({
    ...fieldCommon,
    type: z.literal("date"),
    min: isoDateSchema.optional(),
    max: isoDateSchema.optional(),
  }),
  single_choice: z.strictObject({ ...fieldCommon, type: z.literal("single_choice"), choices: choicesSchema }),
  yesno: z.strictObject({ ...fieldCommon, type: z.literal("yesno") }),
} satisfies Record<GroupFieldType, z.ZodType>;

type FieldOf<T extends GroupFieldType> = z.infer<(typeof groupFieldSchemas)[T]>;
export type TextField = FieldOf<"text">;
export type NumberField = FieldOf<"number">;
export type DateField = FieldOf<"date">;
export type SingleChoiceField = Omit<FieldOf<"single_choice">, "choices"> & { choices: Choice[] };
export type YesNoField = FieldOf<"yesno">;
export type GroupField = TextField | NumberField | DateField | SingleChoiceField | YesNoField;

const questionCommon = {
  id: idSchema,
  label: labelSchema,
  help: helpSchema.optional(),
  required: z.boolean(),
  references: z.array(referenceSchema).max(LIMITS.references).optional(),
  /** Visibility condition over earlier answers; the question is shown only when it holds. */
  condition: conditionSchema.optional(),
  linkages: looseArray(LIMITS.linkageRulesPerOwner).optional(),
};

export const questionSchemas = {
  yesno: z.strictObject({ ...questionCommon, type: z.literal("yesno") }),
  single_choice: z.strictObject({
    ...questionCommon,
    type: z.literal("single_choice"),
    choices: choicesSchema,
  }),
  multiple_choice: z.strictObject({
    ...questionCommon,
    type: z.literal("multiple_choice"),
    choices: choicesSchema,
    minSelected: z.number().int().min(0).optional(),
    maxSelected: z.number().int().min(1).optional(),
  }),
  number: z.strictObject({
    ...questionCommon,
    type: z.literal("number"),
    unit: oneLine(40).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().optional(),
    allowDontKnow: z.boolean().optional(),
  }),
  date: z.strictObject({
    ...questionCommon,
    type: z.literal("date"),
    min: isoDateSchema.optional(),
    max: isoDateSchema.optional(),
    allowDontKnow: z.boolean().optional(),
  }),
  text: z.strictObject({
    ...questionCommon,
    type: z.literal("text"),
    maxLength: z.number().int().min(1).max(LIMITS.textMaxLength),
    multiline: z.boolean().optional(),
  }),
  group: z.strictObject({
    ...questionCommon,
    type: z.literal("group"),
    /** Label of one row, e.g. "Component". */
    itemLabel: oneLine(100).optional(),
    fields: looseArray(LIMITS.groupFields).min(1, "needs at least one field"),
    minItems: z.number().int().min(0).optional(),
    maxItems: z.number().int().min(1).max(LIMITS.groupMaxItems),
  }),
  evidence: z.strictObject({
    ...questionCommon,
    type: z.literal("evidence"),
    accept: z.array(z.enum(EVIDENCE_KINDS)).min(1),
    maxBytes: z.number().int().min(1).max(LIMITS.evidenceMaxBytes),
    maxFiles: z.number().int().min(1).max(LIMITS.evidenceMaxFiles).optional(),
  }),
} satisfies Record<QuestionType, z.ZodType>;

type QuestionOf<T extends QuestionType> = Omit<z.infer<(typeof questionSchemas)[T]>, "linkages"> & {
  linkages?: LinkageRule[];
};
export type YesNoQuestion = QuestionOf<"yesno">;
export type SingleChoiceQuestion = Omit<QuestionOf<"single_choice">, "choices"> & { choices: Choice[] };
export type MultipleChoiceQuestion = Omit<QuestionOf<"multiple_choice">, "choices"> & { choices: Choice[] };
export type NumberQuestion = QuestionOf<"number">;
export type DateQuestion = QuestionOf<"date">;
export type TextQuestion = QuestionOf<"text">;
export type GroupQuestion = Omit<QuestionOf<"group">, "fields"> & { fields: GroupField[] };
export type EvidenceQuestion = QuestionOf<"evidence">;
export type Question =
  | YesNoQuestion
  | SingleChoiceQuestion
  | MultipleChoiceQuestion
  | NumberQuestion
  | DateQuestion
  | TextQuestion
  | GroupQuestion
  | EvidenceQuestion;
export type ChoiceQuestion = SingleChoiceQuestion | MultipleChoiceQuestion;

export const sectionShellSchema = z.strictObject({
  id: idSchema,
  title: labelSchema,
  description: helpSchema.optional(),
  /** A hidden section hides every question in it. */
  condition: conditionSchema.optional(),
  questions: looseArray(LIMITS.questionsPerSection).min(1, "needs at least one question"),
});
export type Section = Omit<z.infer<typeof sectionShellSchema>, "questions"> & { questions: Question[] };

export const templateShellSchema = z.strictObject({
  key: z
    .string()
    .regex(
      TEMPLATE_KEY_PATTERN,
      "must start with a lowercase letter and contain only a-z, 0-9 and - (at most 64 characters)",
    ),
  /** Positive integer; a template is immutable once used, so every edit is published as a higher version. */
  version: z.number().int().min(1),
  title: labelSchema,
  description: helpSchema,
  sections: looseArray(LIMITS.sections).min(1, "needs at least one section"),
});

/** A validated questionnaire template. Obtain one only through validateTemplate / parseTemplateJson. */
export type Template = Omit<z.infer<typeof templateShellSchema>, "sections"> & { sections: Section[] };

export { DATE_PATTERN };
