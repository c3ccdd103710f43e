/**
 * Which answers a reviewer should look at twice: those that create a high-weight linkage and those
 * that are "don't know". Pure: it reads a dry-run extraction of the answers (lib/linkage) and the
 * template, and returns plain data keyed by question id.
 */
import type { ExtractionResult, LinkageKind } from "../linkage/types";
import { DONT_KNOW, type Question, type Template } from "../questionnaire";

/** Linkages at or above this weight are "high weight": the control levels that leave a path wide open (docs/linkage-extraction.md). */
export const HIGH_LINKAGE_WEIGHT = 0.6;

/** One linkage an answer creates or weighs on, named for a person. */
export interface FlaggedLinkage {
  from: string;
  to: string;
  kind: LinkageKind;
  /** The linkage's weight after every modifier, in [0, 1]. */
  weight: number;
  reason: string;
}

export interface AnswerFlag {
  /** The answer (or a cell of one of its rows) is "don't know". */
  dontKnow: boolean;
  /** High-weight linkages it creates or raises, and any linkage a "don't know" answer weighs on; heaviest first. */
  linkages: FlaggedLinkage[];
}

/** True when the answer is "don't know": the value itself, a choice marked unknown, or a cell of a row. */
export function isDontKnowAnswer(question: Question, value: unknown): boolean {
  if (value === DONT_KNOW) return true;
  if (question.type === "single_choice" || question.type === "multiple_choice") {
    const ids = Array.isArray(value) ? value : [value];
    return ids.some((id) => question.choices.some((c) => c.id === id && c.unknown === true));
  }
  if (question.type === "group" && Array.isArray(value)) {
    return value.some(
      (row) =>
        !!row &&
        typeof row === "object" &&
        question.fields.some((field) => {
          const cell = Object.hasOwn(row, field.id) ? (row as Record<string, unknown>)[field.id] : undefined;
          if (cell === DONT_KNOW) return true;
          return (
            field.type === "single_choice" && field.choices.some((c) => c.id === cell && c.unknown === true)
          );
        }),
    );
  }
  return false;
}

/**
 * Flags per question id (a Map: ids are data). A linkage is attached to the question whose rule
 * emitted it and to every question whose modifier shaped its weight; custody linkages (vendor →
 * what it operates, weight 1 by construction) say nothing about an answer and are left out.
 */
export function flagAnswers(
  template: Template,
  answers: Readonly<Record<string, unknown>>,
  extraction: ExtractionResult,
  threshold = HIGH_LINKAGE_WEIGHT,
): Map<string, AnswerFlag> {
  const flags = new Map<string, AnswerFlag>();
  const flagOf = (questionId: string) => {
    let flag = flags.get(questionId);
    if (!flag) flags.set(questionId, (flag = { dontKnow: false, linkages: [] }));
    return flag;
  };
  const dontKnow = new Set<string>();
  for (const section of template.sections)
    for (const question of section.questions) {
      const value = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
      if (isDontKnowAnswer(question, value)) {
        dontKnow.add(question.id);
        flagOf(question.id).dontKnow = true;
      }
    }

  const names = new Map(extraction.nodes.map((n) => [n.key, n.name]));
  for (const l of extraction.linkages) {
    const questions = new Set<string>();
    for (const p of l.provenance) {
      if (p.custody) continue;
      questions.add(p.questionId);
      for (const m of p.modifiers) questions.add(m.questionId);
    }
    const linkage: FlaggedLinkage = {
      from: names.get(l.fromKey) ?? l.fromKey,
      to: names.get(l.toKey) ?? l.toKey,
      kind: l.kind,
      weight: l.weight,
      reason: l.reason,
    };
    for (const questionId of questions)
      if (l.weight >= threshold || dontKnow.has(questionId)) flagOf(questionId).linkages.push(linkage);
  }
  for (const flag of flags.values()) flag.linkages.sort((a, b) => b.weight - a.weight);
  return flags;
}
