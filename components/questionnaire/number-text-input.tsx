"use client";

import { useState, type ComponentProps } from "react";

import { Input } from "@/components/ui/field";

const NUMBER_TEXT = /^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i;

/**
 * Parses what the supplier typed: "" → undefined (unanswered), a number → that number, anything
 * else → the text itself, so that draft validation can say "enter a number" instead of silently
 * dropping the input.
 */
export function parseNumberText(text: string): number | string | undefined {
  const trimmed = text.trim().replace(/[\s_']/g, "");
  if (trimmed === "") return undefined;
  if (NUMBER_TEXT.test(trimmed)) {
    const value = Number(trimmed);
    if (Number.isFinite(value)) return value;
  }
  return text;
}

function toText(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (typeof value === "string" && value !== "dont_know") return value;
  return "";
}

/**
 * A text box for numbers that keeps exactly what was typed ("1." or "-" while typing) and reports
 * the parsed value; type="number" would hide invalid input from us.
 */
export function NumberTextInput({
  value,
  onValueChange,
  ...props
}: Omit<ComponentProps<typeof Input>, "value" | "onChange" | "type"> & {
  value: unknown;
  onValueChange: (value: number | string | undefined) => void;
}) {
  const [text, setText] = useState(() => toText(value));
  // Follow outside changes (restore, reset) without fighting the user's own formatting.
  const shown =
    Object.is(parseNumberText(text), value) || (value === undefined && text.trim() === "")
      ? text
      : toText(value);
  return (
    <Input
      {...props}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      value={shown}
      onChange={(event) => {
        setText(event.target.value);
        onValueChange(parseNumberText(event.target.value));
      }}
    />
  );
}
