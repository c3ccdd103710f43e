// Pure: answers as plain text for the printed report (the portal renders them as markup instead,
// in components/questionnaire/questionnaire-answers.tsx).
import { DONT_KNOW, isAnswered, type GroupField, type Question } from "@/lib/questionnaire";

const YES_NO = new Map<unknown, string>([
  ["yes", "Yes"],
  ["no", "No"],
  [DONT_KNOW, "Don't know"],
]);

function formatNumber(value: number, unit?: string): string {
  const text = value.toLocaleString("en-GB", { maximumFractionDigits: 6 });
  return unit ? `${text} ${unit}` : text;
}

function cellText(field: GroupField, cell: unknown): string {
  if (!isAnswered(cell)) return "—";
  if (field.type === "yesno") return YES_NO.get(cell) ?? String(cell);
  if (field.type === "single_choice")
    return field.choices.find((choice) => choice.id === cell)?.label ?? String(cell);
  if (field.type === "number" && typeof cell === "number") return formatNumber(cell, field.unit);
  return String(cell);
}

/** One answer as text: choice labels instead of ids, units on numbers, one line per group row. */
export function formatAnswerText(question: Question, value: unknown): string {
  if (!isAnswered(value)) return "Not answered";
  switch (question.type) {
    case "yesno":
      return YES_NO.get(value) ?? String(value);
    case "single_choice": {
      const choice = question.choices.find((candidate) => candidate.id === value);
      return choice?.unknown ? "Don't know" : (choice?.label ?? String(value));
    }
    case "multiple_choice": {
      const ids = Array.isArray(value) ? value : [value];
      return ids
        .map((id) => {
          const choice = question.choices.find((candidate) => candidate.id === id);
          return choice?.unknown ? "Don't know" : (choice?.label ?? String(id));
        })
        .join("; ");
    }
    case "number":
      if (value === DONT_KNOW) return "Don't know";
      return typeof value === "number" ? formatNumber(value, question.unit) : String(value);
    case "date":
      return value === DONT_KNOW ? "Don't know" : String(value);
    case "text":
      return String(value);
    case "group": {
      const rows = Array.isArray(value) ? value : [];
      return rows
        .map((row, index) => {
          const record = row && typeof row === "object" ? (row as Record<string, unknown>) : {};
          const cells = question.fields.map(
            (field) =>
              `${field.label}${/[?:]$/.test(field.label) ? "" : ":"} ${cellText(field, Object.hasOwn(record, field.id) ? record[field.id] : undefined)}`,
          );
          return `${index + 1}. ${cells.join(" · ")}`;
        })
        .join("\n");
    }
    case "evidence": {
      const files = Array.isArray(value) ? (value as { name?: unknown }[]) : [];
      return files.map((file) => `File: ${String(file?.name ?? "unnamed")}`).join("\n");
    }
  }
}
