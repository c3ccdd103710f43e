import { buildAnswerSchema } from "./answer-schema";
import { getCompiledCondition } from "./compiled-conditions";
import { evaluateCondition, isAnswered } from "./condition-evaluator";
import type { Question, Section, Template } from "./template-schema";

/** Raw answers as stored or typed: a flat question id → value map, kept apart from the template. */
export type Answers = Readonly<Record<string, unknown>>;

export type Visibility = { sections: ReadonlySet<string>; questions: ReadonlySet<string> };
/** A question to render with its section and its number in the questionnaire ("3.2", template order). */
export type VisibleQuestion = { section: Section; question: Question; number: string };

/**
 * Decides which sections and questions are shown for these answers. One pass in template order is
 * enough because conditions may only name earlier questions. A condition sees only the answers of
 * questions that are themselves visible and well-formed, so a stale answer behind a hidden question
 * cannot keep its follow-ups alive.
 */
export function computeVisibility(template: Template, answers: Answers): Visibility {
  const sections = new Set<string>();
  const questions = new Set<string>();
  const effective = new Map<string, unknown>();
  const lookup = (id: string) => effective.get(id);

  for (const section of template.sections) {
    if (!isShown(template, section.condition, lookup)) continue;
    sections.add(section.id);
    for (const question of section.questions) {
      if (!isShown(template, question.condition, lookup)) continue;
      questions.add(question.id);
      const value = readAnswer(answers, question.id);
      if (isAnswered(value) && buildAnswerSchema(question, "draft").safeParse(value).success) {
        effective.set(question.id, value);
      }
    }
  }
  return { sections, questions };
}

/** The questions to render, in template order, with their section. */
export function visibleQuestions(template: Template, answers: Answers): VisibleQuestion[] {
  const visibility = computeVisibility(template, answers);
  return template.sections.flatMap((section, s) =>
    section.questions
      .map((question, q) => ({ section, question, number: `${s + 1}.${q + 1}` }))
      .filter(({ question }) => visibility.questions.has(question.id)),
  );
}

/** Drops answers to hidden (and unknown) questions: they are neither required nor scored. */
export function pruneHiddenAnswers(template: Template, answers: Answers): Record<string, unknown> {
  const visibility = computeVisibility(template, answers);
  const pruned: Record<string, unknown> = {};
  for (const id of visibility.questions) {
    const value = readAnswer(answers, id);
    if (value !== undefined) pruned[id] = value;
  }
  return pruned;
}

/** Reads an answer without ever falling through to Object.prototype ("constructor", "__proto__"). */
export function readAnswer(answers: Answers, questionId: string): unknown {
  return Object.hasOwn(answers, questionId) ? answers[questionId] : undefined;
}

function isShown(
  template: Template,
  condition: string | undefined,
  lookup: (id: string) => unknown,
): boolean {
  return condition === undefined || evaluateCondition(getCompiledCondition(template, condition), lookup);
}
