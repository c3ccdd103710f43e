import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

import type { FieldErrors } from "@/lib/errors";

/**
 * Puts the server's per-field messages next to the matching inputs. Returns the messages that
 * belong to no known field, for a banner above the form.
 */
export function applyFieldErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fieldErrors: FieldErrors | undefined,
  fields: readonly string[],
): string[] {
  const unplaced: string[] = [];
  for (const [key, messages] of Object.entries(fieldErrors ?? {})) {
    if (fields.includes(key)) setError(key as Path<T>, { type: "server", message: messages[0] });
    else unplaced.push(...messages);
  }
  return unplaced;
}
