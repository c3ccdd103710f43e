import type { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors";

/** Parses input with a schema or throws AppError(VALIDATION) with per-field messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  throw new AppError("VALIDATION", "Some fields need attention.", fieldErrors);
}
