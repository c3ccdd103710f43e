import {
  DONT_KNOW,
  isAnswered,
  type EvidenceKind,
  type Question,
  type Reference,
  type Section,
  type Visibility,
} from "@/lib/questionnaire";

/*
 * Pure display helpers shared by the editable form and the read-only rendering (which must stay
 * server-renderable, so nothing here may use hooks or browser APIs).
 */

export const YESNO_OPTIONS = [
  { id: "yes", label: "Yes" },
  { id: "no", label: "No" },
  { id: DONT_KNOW, label: "Don't know" },
] as const;

const KIND_LABELS: Record<EvidenceKind, string> = {
  pdf: "PDF",
  cyclonedx_json: "CycloneDX JSON",
  spdx_json: "SPDX JSON",
  csaf_json: "CSAF JSON",
  vex_json: "VEX JSON",
  image: "Image",
};

/** File-picker hints per kind; the server sniffs the content, this only narrows the dialog. */
const KIND_ACCEPT: Record<EvidenceKind, string> = {
  pdf: ".pdf,application/pdf",
  cyclonedx_json: ".json,.cdx.json,application/json,application/vnd.cyclonedx+json",
  spdx_json: ".json,.spdx.json,application/json,application/spdx+json",
  csaf_json: ".json,application/json,application/csaf+json",
  vex_json: ".json,application/json",
  image: "image/png,image/jpeg,image/webp,image/gif",
};

export function kindLabel(kind: EvidenceKind): string {
  return Object.hasOwn(KIND_LABELS, kind) ? KIND_LABELS[kind] : kind;
}

export function acceptAttribute(kinds: readonly EvidenceKind[]): string {
  return [...new Set(kinds.flatMap((kind) => KIND_ACCEPT[kind].split(",")))].join(",");
}

export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

export function formatReference(reference: Reference): string {
  return `${reference.standard} ${reference.clause}`;
}

export function yesNoLabel(value: unknown): string | null {
  return YESNO_OPTIONS.find((option) => option.id === value)?.label ?? null;
}

/** "12 days", with the unit when the question has one. */
export function formatNumber(value: number, unit?: string): string {
  const text = value.toLocaleString("en-GB", { maximumFractionDigits: 6 });
  return unit ? `${text} ${unit}` : text;
}

/** "Between 0 and 3,650 days, whole number" — shown under number inputs. */
export function describeRange(spec: {
  min?: number;
  max?: number;
  unit?: string;
  integer?: boolean;
}): string | null {
  const unit = spec.unit ? ` ${spec.unit}` : "";
  const parts: string[] = [];
  if (spec.min !== undefined && spec.max !== undefined)
    parts.push(`Between ${formatNumber(spec.min)} and ${formatNumber(spec.max)}${unit}`);
  else if (spec.min !== undefined) parts.push(`At least ${formatNumber(spec.min)}${unit}`);
  else if (spec.max !== undefined) parts.push(`At most ${formatNumber(spec.max)}${unit}`);
  if (spec.integer) parts.push(parts.length ? "whole number" : "Whole number");
  return parts.length ? parts.join(", ") : null;
}

/** Turns a validator message fragment ("enter a number") into a sentence. */
export function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** Formats a timestamp deterministically (same output on server and client). */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";
}

export type SectionProgress = { answered: number; required: number; answeredAny: number; visible: number };

/** Answered required questions out of the visible required ones (hidden questions do not count). */
export function sectionProgress(
  section: Section,
  visibility: Visibility,
  answers: Record<string, unknown>,
): SectionProgress {
  const progress: SectionProgress = { answered: 0, required: 0, answeredAny: 0, visible: 0 };
  if (!visibility.sections.has(section.id)) return progress;
  for (const question of section.questions) {
    if (!visibility.questions.has(question.id)) continue;
    const answered = isAnswered(Object.hasOwn(answers, question.id) ? answers[question.id] : undefined);
    progress.visible += 1;
    if (answered) progress.answeredAny += 1;
    if (question.required) {
      progress.required += 1;
      if (answered) progress.answered += 1;
    }
  }
  return progress;
}

export function questionDomId(questionId: string): string {
  return `question-${questionId}`;
}

export function inputDomId(questionId: string, ...rest: (string | number)[]): string {
  return ["q", questionId, ...rest].join("-");
}

export function isChoiceQuestion(question: Question): question is Extract<Question, { choices: unknown }> {
  return question.type === "single_choice" || question.type === "multiple_choice";
}
