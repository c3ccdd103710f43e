import { z } from "zod";

import { notFound } from "@/lib/errors";

// The shared kernel of record ids: every id the app hands out is a cuid, so one pattern checks them
// all before they reach a query.

export const RECORD_ID_PATTERN = /^[a-z0-9]{20,40}$/i;

/** A record id field; `message` says what to do when it is not one (forms show it). */
export const recordIdSchema = (message: string) => z.string().regex(RECORD_ID_PATTERN, message);

/** Any record id (route and action parameters). */
export const idSchema = recordIdSchema("Unknown record.");

/** A well-formed record id, or NOT_FOUND: malformed ids never reach a query. */
export function parseRecordId(value: unknown, what: string): string {
  const id = idSchema.safeParse(value);
  if (!id.success) throw notFound(what);
  return id.data;
}

/** A list's free-text filter from the query string: trimmed, at most 100 characters; empty or malformed means none. */
export const searchTextSchema = z
  .string()
  .trim()
  .max(100)
  .optional()
  .catch(undefined)
  .transform((v) => (v ? v : undefined));
