import { z } from "zod";

import { ID_PATTERN, isPrototypeKey } from "@/lib/questionnaire/ids";
import { multiLineText, optionalMultiLineText, singleLineText } from "@/lib/text";
import { recordIdSchema } from "@/lib/validation/common";

const idField = (label: string) =>
  z.string({ error: `Choose a ${label}.` }).regex(/^[a-z0-9]{20,40}$/i, `Choose a ${label}.`);

/** The calendar date a form sends ("2026-12-31"); parsed by the platform, not by hand. */
const dateOnly = z.iso.date({ error: "Enter a valid date." });

export const createAssessmentSchema = z.object({
  vendorId: idField("vendor"),
  contactId: idField("contact"),
  templateId: idField("questionnaire"),
  dueDate: dateOnly,
  message: optionalMultiLineText("The message", 2000),
  send: z.boolean().default(true),
});
export type CreateAssessmentInput = z.input<typeof createAssessmentSchema>;

export const ASSESSMENT_FILTERS = [
  "all",
  "open",
  "awaiting_review",
  "overdue",
  "accepted",
  "cancelled",
] as const;
export const assessmentListQuerySchema = z.object({
  filter: z.enum(ASSESSMENT_FILTERS).catch("all"),
  vendorId: z
    .string()
    .regex(/^[a-z0-9]{20,40}$/i)
    .optional()
    .catch(undefined),
  sort: z.enum(["dueDate", "updatedAt", "vendor"]).catch("dueDate"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export const commentSchema = z.object({
  // A question id as templates declare them: never an Object.prototype member, since comments are
  // grouped by it.
  questionId: z
    .string()
    .regex(ID_PATTERN, "Choose a question.")
    .refine((id) => !isPrototypeKey(id), "Choose a question."),
  body: multiLineText("A comment", { min: 1, max: 4000, minMessage: "Write a comment first." }),
});

/** A reviewer's decision on a submission (accept or request changes): the overall message to the supplier. */
export const reviewDecisionSchema = z.object({
  message: optionalMultiLineText("The message", 2000),
});
export const requestChangesSchema = reviewDecisionSchema;
export const acceptAssessmentSchema = reviewDecisionSchema;

/** A supplier's reply to one reviewer comment. */
export const commentReplySchema = z.object({
  commentId: recordIdSchema("Choose a comment to reply to."),
  body: multiLineText("A reply", { min: 1, max: 4000, minMessage: "Write a reply first." }),
});

/** The organisation's review policy (/settings/review). */
export const reviewSettingsSchema = z.object({
  separateReviewDuties: z.boolean({ error: "Choose whether procurement may accept assessments." }),
});

export const acceptInvitationSchema = z
  .object({
    name: singleLineText("Name", { min: 2, max: 120, minMessage: "Enter your name." }),
    password: z.string().min(12, "Use at least 12 characters.").max(200, "That password is too long."),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords do not match." });
export type AcceptInvitationInput = z.input<typeof acceptInvitationSchema>;
