import { z } from "zod";

import { hasControlCharacter } from "@/lib/text";

// The query of GET /api/search: one schema for the route (server) and the comboboxes that build
// its URLs (client), so a limit the client asks for is one the server accepts.

export const SEARCH_TYPES = ["asset", "target", "vendor", "scored-vendor"] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export const MAX_SEARCH_RESULTS = 20;
export const DEFAULT_SEARCH_RESULTS = 8;
const MAX_QUERY_LENGTH = 100;
const MAX_EXCLUDED = 20;

/** Lower-cased, trimmed, whitespace-collapsed: the form of Vendor/Asset.normalizedName. */
export const normalizeSearchText = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();

const recordId = z.string().regex(/^[a-z0-9]{20,40}$/i, "Unknown record.");

export const searchQuerySchema = z.object({
  type: z.enum(SEARCH_TYPES, { error: `Unknown search type: use one of ${SEARCH_TYPES.join(", ")}.` }),
  q: z
    .string({ error: "The search text must be text." })
    .max(MAX_QUERY_LENGTH, `The search text must be at most ${MAX_QUERY_LENGTH} characters.`)
    .refine(
      (q) => !hasControlCharacter(q),
      "The search text must not contain line breaks or control characters.",
    )
    .default("")
    .transform(normalizeSearchText),
  limit: z.coerce
    .number({ error: "The limit must be a whole number." })
    .int("The limit must be a whole number.")
    .min(1, "The limit must be at least 1.")
    .max(MAX_SEARCH_RESULTS, `The limit must be at most ${MAX_SEARCH_RESULTS}.`)
    .default(DEFAULT_SEARCH_RESULTS),
  /** Ids (or graph keys for targets) the caller already has, e.g. vendors already chosen for a comparison. */
  exclude: z
    .array(
      z
        .string()
        .min(1)
        .max(200, "An excluded id is too long.")
        .refine((id) => !hasControlCharacter(id), "An excluded id must not contain control characters."),
    )
    .max(MAX_EXCLUDED, `At most ${MAX_EXCLUDED} ids can be excluded.`)
    .default([]),
  /** Assets only: leave out the assets this vendor is already deployed on. */
  undeployedFor: recordId.optional(),
});
export type SearchQuery = z.output<typeof searchQuerySchema>;

/** One suggestion of a search combobox: what is stored (`id`), what is shown, and a hint under it. */
export interface SearchOption {
  id: string;
  label: string;
  detail: string | null;
}

export interface SearchResponse {
  items: SearchOption[];
}

/** The search URL for a query (client side); repeated `exclude` parameters as URLSearchParams does. */
export function searchUrl(query: {
  type: SearchType;
  q: string;
  limit?: number;
  exclude?: readonly string[];
  undeployedFor?: string;
}): string {
  const params = new URLSearchParams({ type: query.type, q: query.q });
  if (query.limit) params.set("limit", String(query.limit));
  for (const id of query.exclude ?? []) params.append("exclude", id);
  if (query.undeployedFor) params.set("undeployedFor", query.undeployedFor);
  return `/api/search?${params}`;
}
