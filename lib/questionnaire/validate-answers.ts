import { buildAnswerSchema, type AnswerValidationMode, type AnswerValue } from "./answer-schema";
import { isAnswered } from "./condition-evaluator";
import { formatPath, type PathSegment } from "./template-issues";
import type { Question, Template } from "./template-schema";
import { computeVisibility, readAnswer, type Answers } from "./visibility";

const MAX_UNKNOWN_REPORTED = 20;

export type AnswerIssueCode = "required" | "invalid" | "unknown_question";

/** One problem with one answer; `path` is the question id, deeper for rows and files (`components[2].purl`). */
export type AnswerIssue = {
  questionId: string;
  /** Null only for answers to questions the template does not have. */
  sectionId: string | null;
  label: string;
  path: string;
  code: AnswerIssueCode;
  message: string;
};

export type AnswerValidationResult =
  | { ok: true; answers: Record<string, AnswerValue> }
  /** `answers` holds the answers that did validate, so a caller can still show or keep them. */
  | { ok: false; answers: Record<string, AnswerValue>; errors: AnswerIssue[] };

/**
 * Validates a set of answers against a template.
 * - draft: every present answer must have the right shape; nothing is required; answers to hidden
 *   questions are kept (the supplier may switch the condition back).
 * - submission: every visible required question must be answered and every visible answer must be
 *   fully valid; answers to hidden questions are dropped from the result and never reported.
 * Errors come in template order, so the UI can list them as "missing or invalid answers".
 */
export function validateAnswers(
  template: Template,
  answers: unknown,
  mode: AnswerValidationMode,
): AnswerValidationResult {
  if (typeof answers !== "object" || answers === null || Array.isArray(answers)) {
    const errors: AnswerIssue[] = [
      {
        questionId: "",
        sectionId: null,
        label: "",
        path: "",
        code: "invalid",
        message: "answers must be an object of question id → value",
      },
    ];
    return { ok: false, answers: {}, errors };
  }
  const raw = answers as Answers;
  const visibility = mode === "submission" ? computeVisibility(template, raw) : null;
  const errors: AnswerIssue[] = [];
  const valid: Record<string, AnswerValue> = {};
  const known = new Set<string>();

  for (const section of template.sections) {
    for (const question of section.questions) {
      known.add(question.id);
      if (visibility && !visibility.questions.has(question.id)) continue;
      const value = readAnswer(raw, question.id);
      const issue = (code: AnswerIssueCode, message: string, path: PathSegment[] = []): AnswerIssue => ({
        questionId: question.id,
        sectionId: section.id,
        label: question.label,
        path: formatPath([question.id, ...path]),
        code,
        message,
      });
      if (!isAnswered(value)) {
        if (mode === "submission" && question.required)
          errors.push(issue("required", describeMissing(question)));
        continue;
      }
      const result = buildAnswerSchema(question, mode).safeParse(value);
      if (result.success) valid[question.id] = value as AnswerValue;
      else
        for (const zodIssue of result.error.issues)
          errors.push(issue("invalid", zodIssue.message, zodIssue.path as PathSegment[]));
    }
  }

  // Capped so that a hostile payload with a million keys cannot produce a million-entry response.
  const unknownIds = Object.keys(raw).filter((id) => !known.has(id));
  for (const id of unknownIds.slice(0, MAX_UNKNOWN_REPORTED)) {
    errors.push({
      questionId: id,
      sectionId: null,
      label: "",
      path: formatPath([id]),
      code: "unknown_question",
      message: "is not a question of this template",
    });
  }
  if (unknownIds.length > MAX_UNKNOWN_REPORTED) {
    errors.push({
      questionId: "",
      sectionId: null,
      label: "",
      path: "",
      code: "unknown_question",
      message: `${unknownIds.length - MAX_UNKNOWN_REPORTED} more answers to unknown questions`,
    });
  }
  return errors.length === 0 ? { ok: true, answers: valid } : { ok: false, answers: valid, errors };
}

function describeMissing(question: Question): string {
  switch (question.type) {
    case "group":
      return `add at least one ${(question.itemLabel ?? "row").toLowerCase()}`;
    case "evidence":
      return "attach a file";
    case "multiple_choice":
      return "select at least one option";
    default:
      return "answer this question";
  }
}
