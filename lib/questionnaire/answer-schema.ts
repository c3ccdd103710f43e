import { z } from "zod";

import { isIsoDate } from "./condition-checker";
import { isAnswered } from "./condition-evaluator";
import {
  DONT_KNOW,
  EVIDENCE_KINDS,
  YESNO_VALUES,
  type Choice,
  type DateField,
  type DateQuestion,
  type EvidenceKind,
  type EvidenceQuestion,
  type GroupField,
  type GroupQuestion,
  type MultipleChoiceQuestion,
  type NumberField,
  type NumberQuestion,
  type Question,
} from "./template-schema";

/**
 * "draft" checks shape and hard caps only (right type, known choice ids, length and count limits)
 * so that autosave never refuses a half-typed answer; "submission" also checks ranges, integers,
 * minimum counts and required fields inside group rows.
 */
export type AnswerValidationMode = "draft" | "submission";

/** A file already uploaded and content-sniffed by the evidence store; the answer only refers to it. */
export type EvidenceFile = { fileId: string; name: string; kind: EvidenceKind; bytes: number };
export type GroupRowValue = string | number;
export type GroupRow = Record<string, GroupRowValue>;
/** yesno/single choice/date/text: string; number: number (or "dont_know"); multiple choice: ids; group: rows; evidence: files. */
export type AnswerValue = string | number | string[] | GroupRow[] | EvidenceFile[];

type Report = (message: string, path?: (string | number)[]) => void;
type Check = (value: unknown, report: Report) => void;

const schemaCache = new WeakMap<Question, Partial<Record<AnswerValidationMode, z.ZodType<AnswerValue>>>>();

/**
 * Builds the zod schema for one question's answer value (presence is checked by the caller, since
 * whether an answer is required depends on visibility). Messages are written for the supplier.
 */
export function buildAnswerSchema(question: Question, mode: AnswerValidationMode): z.ZodType<AnswerValue> {
  const cached = schemaCache.get(question)?.[mode];
  if (cached) return cached;
  const check = buildCheck(question, mode === "submission");
  const schema = z.unknown().superRefine((value, ctx) => {
    check(value, (message, path = []) => ctx.addIssue({ code: "custom", message, path }));
  }) as unknown as z.ZodType<AnswerValue>;
  schemaCache.set(question, { ...schemaCache.get(question), [mode]: schema });
  return schema;
}

function buildCheck(question: Question, strict: boolean): Check {
  switch (question.type) {
    case "yesno":
      return checkYesNo;
    case "single_choice":
      return (value, report) => checkSingleChoice(question.choices, value, report);
    case "multiple_choice":
      return (value, report) => checkMultipleChoice(question, value, strict, report);
    case "number":
      return (value, report) => checkNumber(question, value, strict, report);
    case "date":
      return (value, report) => checkDate(question, value, strict, report);
    case "text":
      return (value, report) => checkText(question.maxLength, value, report);
    case "group":
      return (value, report) => checkGroup(question, value, strict, report);
    case "evidence":
      return (value, report) => checkEvidence(question, value, report);
  }
}

function checkYesNo(value: unknown, report: Report): void {
  if (!(YESNO_VALUES as readonly unknown[]).includes(value)) report('choose "yes", "no" or "don\'t know"');
}

function checkSingleChoice(choices: Choice[], value: unknown, report: Report): void {
  if (typeof value !== "string" || !choices.some((choice) => choice.id === value)) {
    report("choose one of the listed options");
  }
}

function checkMultipleChoice(
  question: MultipleChoiceQuestion,
  value: unknown,
  strict: boolean,
  report: Report,
): void {
  if (!Array.isArray(value)) return report("choose from the listed options");
  if (value.length > question.choices.length) return report("too many options selected");
  const seen = new Set<string>();
  value.forEach((item, index) => {
    const choice = question.choices.find((candidate) => candidate.id === item);
    if (!choice) report("is not one of the listed options", [index]);
    else if (seen.has(choice.id)) report(`"${choice.label}" is selected twice`, [index]);
    else seen.add(choice.id);
  });
  const exclusive = question.choices.find(
    (choice) => (choice.exclusive || choice.unknown) && seen.has(choice.id),
  );
  if (exclusive && seen.size > 1) report(`"${exclusive.label}" cannot be combined with other options`);
  if (!strict) return;
  if (question.minSelected !== undefined && seen.size < question.minSelected) {
    report(`select at least ${question.minSelected} option${question.minSelected === 1 ? "" : "s"}`);
  }
  if (question.maxSelected !== undefined && seen.size > question.maxSelected) {
    report(`select at most ${question.maxSelected} option${question.maxSelected === 1 ? "" : "s"}`);
  }
}

function checkNumber(
  spec: NumberQuestion | NumberField,
  value: unknown,
  strict: boolean,
  report: Report,
): void {
  if (value === DONT_KNOW && "allowDontKnow" in spec && spec.allowDontKnow) return;
  if (typeof value !== "number" || !Number.isFinite(value)) return report("enter a number");
  if (!strict) return;
  const unit = spec.unit ? ` ${spec.unit}` : "";
  if (spec.integer && !Number.isInteger(value)) report("enter a whole number");
  if (spec.min !== undefined && value < spec.min) report(`must be at least ${spec.min}${unit}`);
  if (spec.max !== undefined && value > spec.max) report(`must be at most ${spec.max}${unit}`);
}

function checkDate(spec: DateQuestion | DateField, value: unknown, strict: boolean, report: Report): void {
  if (value === DONT_KNOW && "allowDontKnow" in spec && spec.allowDontKnow) return;
  if (typeof value !== "string" || !isIsoDate(value)) return report("enter a date as YYYY-MM-DD");
  if (!strict) return;
  if (spec.min !== undefined && value < spec.min) report(`must be on or after ${spec.min}`);
  if (spec.max !== undefined && value > spec.max) report(`must be on or before ${spec.max}`);
}

function checkText(maxLength: number, value: unknown, report: Report): void {
  if (typeof value !== "string") return report("enter text");
  if (value.length > maxLength) report(`must be at most ${maxLength} characters (currently ${value.length})`);
}

function checkGroup(question: GroupQuestion, value: unknown, strict: boolean, report: Report): void {
  if (!Array.isArray(value)) return report("must be a list of rows");
  const item = question.itemLabel ?? "row";
  if (value.length > question.maxItems)
    report(`may have at most ${question.maxItems} ${item.toLowerCase()}s`);
  if (strict && question.minItems !== undefined && value.length < question.minItems) {
    report(`add at least ${question.minItems} ${item.toLowerCase()}${question.minItems === 1 ? "" : "s"}`);
  }
  const fieldsById = new Map(question.fields.map((field) => [field.id, field]));
  value.slice(0, question.maxItems).forEach((row, rowIndex) => {
    if (typeof row !== "object" || row === null || Array.isArray(row))
      return report("must be a row of fields", [rowIndex]);
    for (const key of Object.keys(row)) {
      if (!fieldsById.has(key)) report("is not a field of this list", [rowIndex, key]);
    }
    for (const field of question.fields) {
      const cell = Object.hasOwn(row, field.id) ? (row as Record<string, unknown>)[field.id] : undefined;
      if (!isAnswered(cell)) {
        if (strict && field.required) report(`${field.label} is required`, [rowIndex, field.id]);
        continue;
      }
      checkField(field, cell, strict, (message, path = []) => report(message, [rowIndex, field.id, ...path]));
    }
  });
}

function checkField(field: GroupField, value: unknown, strict: boolean, report: Report): void {
  switch (field.type) {
    case "text":
      return checkText(field.maxLength, value, report);
    case "number":
      return checkNumber(field, value, strict, report);
    case "date":
      return checkDate(field, value, strict, report);
    case "single_choice":
      return checkSingleChoice(field.choices, value, report);
    case "yesno":
      return checkYesNo(value, report);
  }
}

const FILE_ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;

function checkEvidence(question: EvidenceQuestion, value: unknown, report: Report): void {
  if (!Array.isArray(value)) return report("must be a list of uploaded files");
  const maxFiles = question.maxFiles ?? 1;
  if (value.length > maxFiles) report(`attach at most ${maxFiles} file${maxFiles === 1 ? "" : "s"}`);
  value.slice(0, maxFiles).forEach((file, index) => {
    if (typeof file !== "object" || file === null || Array.isArray(file))
      return report("is not an uploaded file", [index]);
    const { fileId, name, kind, bytes, ...rest } = file as Record<string, unknown>;
    if (Object.keys(rest).length > 0) report(`has unknown fields: ${Object.keys(rest).join(", ")}`, [index]);
    if (typeof fileId !== "string" || !FILE_ID_PATTERN.test(fileId))
      report("has an invalid file id", [index, "fileId"]);
    if (typeof name !== "string" || name.length === 0 || name.length > 255)
      report("needs a file name of at most 255 characters", [index, "name"]);
    if (!(EVIDENCE_KINDS as readonly unknown[]).includes(kind))
      report("has an unknown file type", [index, "kind"]);
    else if (!question.accept.includes(kind as EvidenceKind)) {
      report(
        `${describeKind(kind as EvidenceKind)} files are not accepted here (accepted: ${question.accept.map(describeKind).join(", ")})`,
        [index, "kind"],
      );
    }
    if (typeof bytes !== "number" || !Number.isInteger(bytes) || bytes < 0)
      report("has an invalid size", [index, "bytes"]);
    else if (bytes > question.maxBytes)
      report(`is larger than the limit of ${formatBytes(question.maxBytes)}`, [index, "bytes"]);
  });
}

const KIND_NAMES: Record<EvidenceKind, string> = {
  pdf: "PDF",
  cyclonedx_json: "CycloneDX JSON",
  spdx_json: "SPDX JSON",
  csaf_json: "CSAF JSON",
  vex_json: "VEX JSON",
  image: "image",
};

export function describeKind(kind: EvidenceKind): string {
  return KIND_NAMES[kind];
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} bytes`;
}
