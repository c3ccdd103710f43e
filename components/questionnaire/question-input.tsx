"use client";

import type { ReactNode } from "react";

import { Input, Textarea } from "@/components/ui/field";
import {
  DONT_KNOW,
  type Choice,
  type DateQuestion,
  type MultipleChoiceQuestion,
  type NumberQuestion,
  type TextQuestion,
} from "@/lib/questionnaire";

import { describeRange, inputDomId, YESNO_OPTIONS } from "./answer-format";
import { EvidenceInput } from "./evidence-input";
import { GroupInput } from "./group-input";
import { NumberTextInput } from "./number-text-input";
import type { QuestionInputProps } from "./types";

export type { QuestionInputProps };

/** The control(s) for one question; the label, help and errors are drawn by QuestionBlock. */
export function QuestionInput(props: QuestionInputProps) {
  const { question } = props;
  switch (question.type) {
    case "yesno":
      return (
        <RadioChoices
          {...props}
          choices={YESNO_OPTIONS.map((option) => ({ id: option.id, label: option.label }))}
          inline
        />
      );
    case "single_choice":
      return <RadioChoices {...props} choices={question.choices} inline={false} />;
    case "multiple_choice":
      return <CheckboxChoices {...props} question={question} />;
    case "number":
      return <NumberQuestionInput {...props} question={question} />;
    case "date":
      return <DateQuestionInput {...props} question={question} />;
    case "text":
      return <TextQuestionInput {...props} question={question} />;
    case "group":
      return <GroupInput {...props} question={question} />;
    case "evidence":
      return <EvidenceInput {...props} question={question} />;
  }
}

const OPTION_CARD =
  "flex cursor-pointer items-start gap-2.5 rounded-md bg-white px-3 py-2 text-sm text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 has-checked:bg-brand-50 has-checked:ring-2 has-checked:ring-brand-600 has-disabled:cursor-not-allowed has-disabled:opacity-60";
const OPTION_CONTROL = "mt-0.5 size-4 shrink-0 accent-brand-600";

function RadioChoices({
  question,
  value,
  onChange,
  onBlur,
  choices,
  inline,
}: QuestionInputProps & { choices: Pick<Choice, "id" | "label" | "help">[]; inline: boolean }) {
  const name = inputDomId(question.id);
  return (
    <div>
      <div className={inline ? "flex flex-wrap gap-2" : "grid gap-2"}>
        {choices.map((choice, index) => (
          <label key={choice.id} className={`${OPTION_CARD} ${inline ? "min-w-28" : ""}`}>
            <input
              type="radio"
              id={index === 0 ? name : `${name}-${choice.id}`}
              name={name}
              value={choice.id}
              checked={value === choice.id}
              onChange={() => onChange(choice.id)}
              onBlur={onBlur}
              className={OPTION_CONTROL}
            />
            <span>
              <span className="font-medium">{choice.label}</span>
              {choice.help ? (
                <span className="mt-0.5 block text-xs text-slate-500">{choice.help}</span>
              ) : null}
            </span>
          </label>
        ))}
      </div>
      {typeof value === "string" && value !== "" ? (
        <ClearButton label={question.label} onClear={() => onChange(undefined)} />
      ) : null}
    </div>
  );
}

function ClearButton({ label, onClear }: { label: string; onClear: () => void }) {
  return (
    <button
      type="button"
      onClick={onClear}
      className="mt-1.5 rounded text-xs font-medium text-slate-500 underline-offset-2 hover:text-slate-800 hover:underline"
    >
      Clear answer<span className="sr-only"> to “{label}”</span>
    </button>
  );
}

function CheckboxChoices({
  question,
  value,
  onChange,
  onBlur,
  issues,
}: QuestionInputProps & { question: MultipleChoiceQuestion }) {
  const selected = new Set(
    Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [],
  );
  const atMax = question.maxSelected !== undefined && selected.size >= question.maxSelected;
  const toggle = (choice: Choice, checked: boolean) => {
    const next = new Set(selected);
    if (checked) {
      // An exclusive choice ("none of these", "don't know") replaces the others, and vice versa.
      if (choice.exclusive || choice.unknown) next.clear();
      else for (const other of question.choices) if (other.exclusive || other.unknown) next.delete(other.id);
      next.add(choice.id);
    } else {
      next.delete(choice.id);
    }
    // Keep template order so that re-selecting the same options is not a change.
    const ordered = question.choices
      .filter((candidate) => next.has(candidate.id))
      .map((candidate) => candidate.id);
    onChange(ordered.length ? ordered : undefined);
  };
  const hint = selectionHint(question);
  return (
    <div>
      {hint ? <p className="mb-2 text-xs text-slate-500">{hint}</p> : null}
      <div className="grid gap-2 sm:grid-cols-2">
        {question.choices.map((choice, index) => {
          const checked = selected.has(choice.id);
          return (
            <label key={choice.id} className={OPTION_CARD}>
              <input
                type="checkbox"
                id={index === 0 ? inputDomId(question.id) : `${inputDomId(question.id)}-${choice.id}`}
                checked={checked}
                disabled={!checked && atMax && !(choice.exclusive || choice.unknown)}
                onChange={(event) => toggle(choice, event.target.checked)}
                onBlur={onBlur}
                aria-invalid={issues.length > 0 || undefined}
                className={OPTION_CONTROL}
              />
              <span>
                <span className="font-medium">{choice.label}</span>
                {choice.exclusive || choice.unknown ? (
                  <span className="ml-1 text-xs text-slate-500">(only this)</span>
                ) : null}
                {choice.help ? (
                  <span className="mt-0.5 block text-xs text-slate-500">{choice.help}</span>
                ) : null}
              </span>
            </label>
          );
        })}
      </div>
    </div>
  );
}

function selectionHint(question: MultipleChoiceQuestion): string | null {
  const { minSelected: min, maxSelected: max } = question;
  if (min && max) return min === max ? `Select ${min}.` : `Select ${min} to ${max}.`;
  if (min && min > 1) return `Select at least ${min}.`;
  if (max) return `Select up to ${max}.`;
  return "Select all that apply.";
}

function DontKnowToggle({
  id,
  checked,
  onChange,
  onBlur,
}: {
  id: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  onBlur: () => void;
}) {
  return (
    <label htmlFor={id} className="inline-flex cursor-pointer items-center gap-2 text-sm text-slate-700">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        onBlur={onBlur}
        className="size-4 accent-brand-600"
      />
      Don&apos;t know
    </label>
  );
}

function InlineRow({ children }: { children: ReactNode }) {
  return <div className="flex flex-wrap items-center gap-x-4 gap-y-2">{children}</div>;
}

function NumberQuestionInput({
  question,
  value,
  onChange,
  onBlur,
  describedBy,
  issues,
}: QuestionInputProps & { question: NumberQuestion }) {
  const id = inputDomId(question.id);
  const dontKnow = value === DONT_KNOW;
  const range = describeRange(question);
  return (
    <div className="space-y-1.5">
      <InlineRow>
        <div className="flex w-full max-w-xs rounded-md shadow-sm">
          <NumberTextInput
            id={id}
            value={dontKnow ? undefined : value}
            onValueChange={onChange}
            onBlur={onBlur}
            disabled={dontKnow}
            invalid={issues.length > 0}
            aria-describedby={describedBy}
            className={`shadow-none disabled:bg-slate-100 disabled:text-slate-400 ${question.unit ? "rounded-r-none" : ""}`}
          />
          {question.unit ? (
            <span className="inline-flex items-center rounded-r-md bg-slate-50 px-3 text-sm text-slate-600 ring-1 ring-slate-300 ring-inset">
              {question.unit}
            </span>
          ) : null}
        </div>
        {question.allowDontKnow ? (
          <DontKnowToggle
            id={`${id}-dont-know`}
            checked={dontKnow}
            onChange={(checked) => onChange(checked ? DONT_KNOW : undefined)}
            onBlur={onBlur}
          />
        ) : null}
      </InlineRow>
      {range ? <p className="text-xs text-slate-500">{range}</p> : null}
    </div>
  );
}

function DateQuestionInput({
  question,
  value,
  onChange,
  onBlur,
  describedBy,
  issues,
}: QuestionInputProps & { question: DateQuestion }) {
  const id = inputDomId(question.id);
  const dontKnow = value === DONT_KNOW;
  return (
    <InlineRow>
      <Input
        id={id}
        type="date"
        min={question.min}
        max={question.max}
        value={!dontKnow && typeof value === "string" ? value : ""}
        disabled={dontKnow}
        onChange={(event) => onChange(event.target.value || undefined)}
        onBlur={onBlur}
        invalid={issues.length > 0}
        aria-describedby={describedBy}
        className="max-w-48 disabled:bg-slate-100 disabled:text-slate-400"
      />
      {question.allowDontKnow ? (
        <DontKnowToggle
          id={`${id}-dont-know`}
          checked={dontKnow}
          onChange={(checked) => onChange(checked ? DONT_KNOW : undefined)}
          onBlur={onBlur}
        />
      ) : null}
    </InlineRow>
  );
}

function TextQuestionInput({
  question,
  value,
  onChange,
  onBlur,
  describedBy,
  issues,
}: QuestionInputProps & { question: TextQuestion }) {
  const id = inputDomId(question.id);
  const text = typeof value === "string" ? value : "";
  const long = question.multiline || question.maxLength > 300;
  const counterId = `${id}-count`;
  const describe = [describedBy, counterId].filter(Boolean).join(" ");
  const common = {
    id,
    value: text,
    maxLength: question.maxLength,
    invalid: issues.length > 0,
    "aria-describedby": describe,
    onBlur,
    onChange: (event: { target: { value: string } }) =>
      onChange(event.target.value === "" ? undefined : event.target.value),
  };
  const nearLimit = text.length > question.maxLength * 0.8;
  return (
    <div className="space-y-1">
      {long ? (
        <Textarea {...common} rows={Math.min(10, Math.max(3, text.split("\n").length + 1))} />
      ) : (
        <Input {...common} />
      )}
      <p id={counterId} className={`text-right text-xs ${nearLimit ? "text-amber-700" : "text-slate-400"}`}>
        {text.length.toLocaleString("en-GB")} / {question.maxLength.toLocaleString("en-GB")}
        <span className="sr-only"> characters</span>
      </p>
    </div>
  );
}
