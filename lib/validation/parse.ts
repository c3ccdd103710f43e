import type { z } from "zod";

import { AppError, type FieldErrors } from "@/lib/errors";

/**
 * Groups messages by field. Keys come from requests (answer ids, zod paths), so they are collected in
 * a Map: a key such as "constructor" or "__proto__" is an ordinary field, never Object.prototype.
 */
export function toFieldErrors(entries: Iterable<readonly [key: string, message: string]>): FieldErrors {
  const byKey = new Map<string, string[]>();
  for (const [key, message] of entries) byKey.set(key, [...(byKey.get(key) ?? []), message]);
  return Object.fromEntries(byKey);
}

/** Per-field messages of a failed zod parse; issues without a path go to "_form". */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  return toFieldErrors(
    error.issues.map((issue) => [issue.path.map(String).join(".") || "_form", issue.message] as const),
  );
}

/** Parses input with a schema or throws AppError(VALIDATION) with per-field messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError("VALIDATION", "Some fields need attention.", zodFieldErrors(result.error));
}
