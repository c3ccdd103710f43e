import {
  computeVisibility,
  validateAnswers,
  type AnswerIssue,
  type Question,
  type Template,
} from "@/lib/questionnaire";

import type { FormAnswers } from "./types";

const CELL_PATH = /^[a-z][a-z0-9_]*\[(\d+)\]\.([a-z][a-z0-9_]*)$/;

/** Drops undefined and null values, which mean "not answered" and would only bloat the payload. */
export function compactAnswers(answers: FormAnswers): FormAnswers {
  // fromEntries defines own keys: an id like "__proto__" stays an answer instead of a prototype.
  return Object.fromEntries(
    Object.entries(answers).filter(([, value]) => value !== undefined && value !== null),
  );
}

export type SaveableAnswers = {
  /** What autosave sends: every answer that passes draft validation. */
  answers: FormAnswers;
  /** Questions whose current (half-typed or invalid) value is held back until it is fixed. */
  heldBack: string[];
};

/**
 * Autosave must never be refused because one field holds a half-typed value, so an answer that
 * fails draft validation is not sent: the last saved value of that question is sent instead (for
 * group rows, only the bad cell is left out). The invalid value itself stays in the local copy.
 */
export function saveableAnswers(
  template: Template,
  raw: FormAnswers,
  lastSaved: FormAnswers = {},
): SaveableAnswers {
  let answers = compactAnswers(raw);
  const first = validateAnswers(template, answers, "draft");
  if (first.ok) return { answers, heldBack: [] };

  const questions = questionIndex(template);
  const heldBack = new Set<string>();
  answers = { ...answers };
  for (const issue of first.errors) {
    if (issue.code === "unknown_question") {
      if (issue.questionId) delete answers[issue.questionId];
      continue;
    }
    heldBack.add(issue.questionId);
    const cell = CELL_PATH.exec(issue.path);
    const question = questions.get(issue.questionId);
    const rows = answers[issue.questionId];
    if (cell && question?.type === "group" && Array.isArray(rows)) {
      const rowIndex = Number(cell[1]);
      const row = rows[rowIndex];
      if (row && typeof row === "object") {
        const copy = rows.slice();
        const { [cell[2] as string]: _dropped, ...rest } = row as Record<string, unknown>;
        copy[rowIndex] = rest;
        answers[issue.questionId] = copy;
        continue;
      }
    }
    if (Object.hasOwn(lastSaved, issue.questionId)) answers[issue.questionId] = lastSaved[issue.questionId];
    else delete answers[issue.questionId];
  }
  // Whatever is still wrong (a row that is not an object, too many rows) is held back as a whole.
  const second = validateAnswers(template, answers, "draft");
  if (!second.ok) for (const issue of second.errors) if (issue.questionId) delete answers[issue.questionId];
  return { answers, heldBack: [...heldBack] };
}

/** Draft-mode problems of visible questions, grouped by question id (hidden answers are not validated). */
export function draftIssuesByQuestion(template: Template, raw: FormAnswers): Map<string, AnswerIssue[]> {
  const visibility = computeVisibility(template, raw);
  const result = validateAnswers(template, compactAnswers(raw), "draft");
  const byQuestion = new Map<string, AnswerIssue[]>();
  if (result.ok) return byQuestion;
  for (const issue of result.errors) {
    if (!visibility.questions.has(issue.questionId)) continue;
    byQuestion.set(issue.questionId, [...(byQuestion.get(issue.questionId) ?? []), issue]);
  }
  return byQuestion;
}

/** The part of an issue path below the question: "" for the question itself, "[2].purl" for a cell. */
export function subPath(issue: AnswerIssue): string {
  return issue.path.slice(issue.questionId.length);
}

/** Cell coordinates of an issue inside a group ("[2].purl" → row 2, field purl), if it has them. */
export function cellOf(issue: { path: string }): { row: number; field: string } | null {
  const match = CELL_PATH.exec(issue.path);
  return match ? { row: Number(match[1]), field: match[2] as string } : null;
}

const indexCache = new WeakMap<Template, Map<string, Question>>();

export function questionIndex(template: Template): Map<string, Question> {
  let index = indexCache.get(template);
  if (!index) {
    index = new Map(
      template.sections.flatMap((section) =>
        section.questions.map((question) => [question.id, question] as const),
      ),
    );
    indexCache.set(template, index);
  }
  return index;
}
