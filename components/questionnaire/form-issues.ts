import type { FieldError, FieldErrors, Resolver } from "react-hook-form";

import type { AnswerIssue, Question, Template } from "@/lib/questionnaire";

import { sentence } from "./answer-format";
import { cellOf, draftIssuesByQuestion, questionIndex } from "./draft-answers";
import { errorId, helpId } from "./question-block";
import type { AnswerIssueLike, FormAnswers } from "./types";

// How the questionnaire form turns validation into what each question shows.

/** Draft validation for react-hook-form: the same validator the server uses, visible questions only. */
export function draftResolver(template: Template): Resolver<FormAnswers> {
  return async (values) => {
    const byQuestion = draftIssuesByQuestion(template, values);
    if (byQuestion.size === 0) return { values, errors: {} };
    const errors: FieldErrors<FormAnswers> = {};
    for (const [questionId, issues] of byQuestion) {
      const types: Record<string, string> = {};
      for (const issue of issues)
        types[issue.path] = types[issue.path]
          ? `${types[issue.path]} ${sentence(issue.message)}`
          : issue.message;
      errors[questionId] = { type: "draft", message: issues[0]?.message, types } satisfies FieldError;
    }
    return { values: {}, errors };
  };
}

export function issuesFromFieldError(questionId: string, error: FieldError | undefined): AnswerIssueLike[] {
  if (!error) return [];
  if (!error.types) return error.message ? [{ questionId, path: questionId, message: error.message }] : [];
  return Object.entries(error.types).map(([path, message]) => ({
    questionId,
    path,
    message: String(message),
  }));
}

export function describedBy(question: Question, hasIssues: boolean): string | undefined {
  return (
    [question.help ? helpId(question.id) : null, hasIssues ? errorId(question.id) : null]
      .filter(Boolean)
      .join(" ") || undefined
  );
}

export function mergeIssues(draft: AnswerIssueLike[], submission: AnswerIssueLike[]): AnswerIssueLike[] {
  const seen = new Set<string>();
  return [...submission, ...draft].filter((issue) => {
    const key = `${issue.path}|${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function describeIssue(issue: AnswerIssue, template: Template): string {
  const question = questionIndex(template).get(issue.questionId);
  const cell = cellOf(issue);
  if (!question || !cell || question.type !== "group") return issue.message;
  const field = question.fields.find((candidate) => candidate.id === cell.field);
  const row = `${question.itemLabel ?? "Row"} ${cell.row + 1}`;
  const label = field?.label ?? cell.field;
  return issue.message.startsWith(label) ? `${row}: ${issue.message}` : `${row}, ${label}: ${issue.message}`;
}
