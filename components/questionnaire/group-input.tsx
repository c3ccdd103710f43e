"use client";

import { useEffect, useRef, useState } from "react";

import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import type { GroupField, GroupQuestion, GroupRow } from "@/lib/questionnaire";

import { describeRange, inputDomId, sentence, YESNO_OPTIONS } from "./answer-format";
import { cellOf } from "./draft-answers";
import { NumberTextInput } from "./number-text-input";
import type { QuestionInputProps } from "./types";

type Row = Record<string, unknown>;

let keySequence = 0;
const nextKey = () => `row-${(keySequence += 1)}`;

function toRows(value: unknown): Row[] {
  return Array.isArray(value)
    ? value.map((row) => (row && typeof row === "object" && !Array.isArray(row) ? (row as Row) : {}))
    : [];
}

/** A repeatable group: one card per row, with add, remove and move up/down. */
export function GroupInput({
  question,
  value,
  onChange,
  onBlur,
  issues,
}: QuestionInputProps & { question: GroupQuestion }) {
  const rows = toRows(value);
  // Stable React keys so that moving a row moves its inputs (and focus) with it.
  const [keys, setKeys] = useState<string[]>(() => rows.map(nextKey));
  const rowKeys =
    keys.length === rows.length ? keys : rows.map((_, index) => keys[index] ?? `fallback-${index}`);
  const pendingFocus = useRef<string | null>(null);
  const item = question.itemLabel ?? "Row";
  const itemLower = item.toLowerCase();
  const full = rows.length >= question.maxItems;

  useEffect(() => {
    if (!pendingFocus.current) return;
    document.getElementById(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  });

  const commit = (nextRows: Row[], nextKeys: string[]) => {
    setKeys(nextKeys);
    onChange(nextRows.length ? (nextRows as GroupRow[]) : undefined);
  };

  const add = () => {
    if (full) return;
    pendingFocus.current = cellId(question, rows.length, question.fields[0]!);
    commit([...rows, {}], [...rowKeys, nextKey()]);
  };
  const remove = (index: number) => {
    const next = rows.filter((_, i) => i !== index);
    pendingFocus.current = next.length
      ? `${rowDomId(question, Math.min(index, next.length - 1))}-remove`
      : `${inputDomId(question.id)}-add`;
    commit(
      next,
      rowKeys.filter((_, i) => i !== index),
    );
  };
  const move = (index: number, delta: -1 | 1) => {
    const target = index + delta;
    if (target < 0 || target >= rows.length) return;
    const nextRows = rows.slice();
    const nextKeys = rowKeys.slice();
    [nextRows[index], nextRows[target]] = [nextRows[target]!, nextRows[index]!];
    [nextKeys[index], nextKeys[target]] = [nextKeys[target]!, nextKeys[index]!];
    // Keep focus on the moved row's button; at the top or bottom it is disabled, so use the other one.
    const sameEnabled = delta === -1 ? target > 0 : target < rows.length - 1;
    pendingFocus.current = `${rowDomId(question, target)}-${(delta === -1) === sameEnabled ? "up" : "down"}`;
    commit(nextRows, nextKeys);
  };
  const setCell = (index: number, field: GroupField, cell: unknown) => {
    const next = rows.slice();
    const row = { ...next[index] };
    if (cell === undefined || cell === "") delete row[field.id];
    else row[field.id] = cell;
    next[index] = row;
    onChange(next as GroupRow[]);
  };

  const rowIssues = (index: number) => issues.filter((issue) => issue.path === `${question.id}[${index}]`);
  const cellIssue = (index: number, fieldId: string) =>
    issues.filter((issue) => {
      const cell = cellOf(issue);
      return cell?.row === index && cell.field === fieldId;
    });

  return (
    <div className="space-y-3">
      {rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 px-4 py-3 text-sm text-slate-500">
          No {itemLower}s added yet.
        </p>
      ) : (
        <ol className="space-y-3">
          {rows.map((row, index) => {
            const base = rowDomId(question, index);
            const problems = rowIssues(index);
            return (
              <li key={rowKeys[index]} id={base} className="rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
                <div className="mb-2 flex items-center justify-between gap-2">
                  <h4 id={`${base}-title`} className="text-sm font-semibold text-slate-700">
                    {item} {index + 1}
                    {rowTitle(question, row) ? (
                      <span className="ml-2 font-normal text-slate-500">{rowTitle(question, row)}</span>
                    ) : null}
                  </h4>
                  <div className="flex gap-1">
                    <IconButton
                      id={`${base}-up`}
                      label={`Move ${itemLower} ${index + 1} up`}
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                      path="M5 12l5-5 5 5"
                    />
                    <IconButton
                      id={`${base}-down`}
                      label={`Move ${itemLower} ${index + 1} down`}
                      disabled={index === rows.length - 1}
                      onClick={() => move(index, 1)}
                      path="M5 8l5 5 5-5"
                    />
                    <IconButton
                      id={`${base}-remove`}
                      label={`Remove ${itemLower} ${index + 1}`}
                      onClick={() => remove(index)}
                      path="M6 6l8 8M14 6l-8 8"
                      danger
                    />
                  </div>
                </div>
                <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
                  {question.fields.map((field) => (
                    <GroupCell
                      key={field.id}
                      id={cellId(question, index, field)}
                      rowTitleId={`${base}-title`}
                      field={field}
                      value={row[field.id]}
                      issues={cellIssue(index, field.id).map((issue) => issue.message)}
                      onChange={(cell) => setCell(index, field, cell)}
                      onBlur={onBlur}
                    />
                  ))}
                </div>
                {problems.length ? (
                  <p className="mt-2 text-sm text-red-700">
                    {problems.map((issue) => sentence(issue.message)).join(" ")}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button
          id={`${inputDomId(question.id)}-add`}
          variant="secondary"
          onClick={add}
          disabled={full}
          onBlur={onBlur}
        >
          <svg
            aria-hidden
            viewBox="0 0 20 20"
            className="size-4"
            fill="none"
            stroke="currentColor"
            strokeWidth={2}
          >
            <path d="M10 4v12M4 10h12" />
          </svg>
          Add {itemLower}
        </Button>
        <span className="text-xs text-slate-500">
          {rows.length} of at most {question.maxItems}
          {question.minItems ? ` · at least ${question.minItems} needed` : ""}
        </span>
      </div>
    </div>
  );
}

function rowDomId(question: GroupQuestion, index: number) {
  return `${inputDomId(question.id)}-row-${index}`;
}

function cellId(question: GroupQuestion, index: number, field: GroupField) {
  return inputDomId(question.id, index, field.id);
}

/** A short title for a collapsed mental model of the row: its first text value. */
function rowTitle(question: GroupQuestion, row: Row): string | null {
  const field = question.fields.find(
    (candidate) =>
      candidate.type === "text" &&
      typeof row[candidate.id] === "string" &&
      (row[candidate.id] as string).trim(),
  );
  return field ? `— ${(row[field.id] as string).trim().slice(0, 60)}` : null;
}

function IconButton({
  id,
  label,
  onClick,
  disabled,
  path,
  danger,
}: {
  id: string;
  label: string;
  onClick: () => void;
  disabled?: boolean;
  path: string;
  danger?: boolean;
}) {
  return (
    <button
      type="button"
      id={id}
      aria-label={label}
      title={label}
      onClick={onClick}
      disabled={disabled}
      className={`inline-flex size-8 items-center justify-center rounded-md bg-white ring-1 ring-slate-300 ring-inset disabled:cursor-not-allowed disabled:opacity-40 ${danger ? "text-red-700 hover:bg-red-50" : "text-slate-700 hover:bg-slate-100"}`}
    >
      <svg
        aria-hidden
        viewBox="0 0 20 20"
        className="size-4"
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d={path} />
      </svg>
    </button>
  );
}

function GroupCell({
  id,
  rowTitleId,
  field,
  value,
  issues,
  onChange,
  onBlur,
}: {
  id: string;
  rowTitleId: string;
  field: GroupField;
  value: unknown;
  issues: string[];
  onChange: (value: unknown) => void;
  onBlur: () => void;
}) {
  const invalid = issues.length > 0;
  const hint = field.help ?? (field.type === "number" ? describeRange(field) : null);
  const describedBy =
    [hint ? `${id}-hint` : null, invalid ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  // "Name, Component 2": the field label alone is ambiguous between rows.
  const labelledBy = `${id}-label ${rowTitleId}`;
  let control;
  switch (field.type) {
    case "text":
      control = (
        <Input
          id={id}
          value={typeof value === "string" ? value : ""}
          maxLength={field.maxLength}
          invalid={invalid}
          aria-labelledby={labelledBy}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
          onBlur={onBlur}
        />
      );
      break;
    case "number":
      control = (
        <NumberTextInput
          id={id}
          value={value}
          onValueChange={onChange}
          invalid={invalid}
          aria-labelledby={labelledBy}
          aria-describedby={describedBy}
          onBlur={onBlur}
        />
      );
      break;
    case "date":
      control = (
        <Input
          id={id}
          type="date"
          min={field.min}
          max={field.max}
          value={typeof value === "string" ? value : ""}
          invalid={invalid}
          aria-labelledby={labelledBy}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
          onBlur={onBlur}
        />
      );
      break;
    case "single_choice":
    case "yesno": {
      const options = field.type === "yesno" ? YESNO_OPTIONS : field.choices;
      control = (
        <Select
          id={id}
          value={typeof value === "string" ? value : ""}
          invalid={invalid}
          aria-labelledby={labelledBy}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
          onBlur={onBlur}
        >
          <option value="">Choose…</option>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </Select>
      );
      break;
    }
  }
  return (
    <div className="min-w-0 space-y-1">
      <label id={`${id}-label`} htmlFor={id} className="block text-xs font-medium text-slate-700">
        {field.label}
        {field.required ? (
          <>
            <span className="text-red-600" aria-hidden>
              {" "}
              *
            </span>
            <span className="sr-only"> (required)</span>
          </>
        ) : null}
        {field.type === "number" && field.unit ? (
          <span className="font-normal text-slate-500"> ({field.unit})</span>
        ) : null}
      </label>
      {control}
      {hint && !invalid ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {invalid ? (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {issues
            .map((message) => (message === `${field.label} is required` ? "Required" : sentence(message)))
            .join(" ")}
        </p>
      ) : null}
    </div>
  );
}
