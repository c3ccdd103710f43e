import { z } from "zod";

import { recordIdSchema } from "./common";

// A GET form sends every field, empty ones as "": those mean "no filter".
const optional = <S extends z.ZodType>(schema: S) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
    schema.optional(),
  );

const day = z.iso.date({ error: "Enter a valid date, like 2026-03-31." });

/** Filters of the audit log page and its CSV export (query string). Dates are UTC days, inclusive. */
export const auditFilterSchema = z
  .object({
    action: optional(
      z
        .string()
        .max(100)
        .regex(/^[\w.:-]+$/, "Choose an action from the list."),
    ),
    actor: optional(recordIdSchema("Choose a person from the list.")),
    entity: optional(z.string().max(60).regex(/^\w+$/, "Choose a record type from the list.")),
    from: optional(day),
    to: optional(day),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    path: ["to"],
    message: "The end date is before the start date.",
  });

export type AuditFilter = z.output<typeof auditFilterSchema>;

export const AUDIT_FILTER_KEYS = [
  "action",
  "actor",
  "entity",
  "from",
  "to",
] as const satisfies readonly (keyof AuditFilter)[];

/** The filter as a query string (no empty keys), for links that keep it: pagination, CSV. */
export function auditFilterQuery(filter: AuditFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) if (filter[key]) params.set(key, filter[key]);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const s = params.toString();
  return s ? `?${s}` : "";
}
