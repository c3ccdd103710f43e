import "server-only";

// The portfolio's query string, parsed once for the page, the CSV export and the tests. The page's
// filter form (a client component) imports only its type.
import { z } from "zod";

import { ASSESSMENT_STATUSES } from "@/lib/assessment/status-machine";
import { searchTextSchema } from "@/lib/validation/common";
import { EXPOSURE_BANDS } from "@/lib/validation/exposure-bands";

export const PORTFOLIO_SORTS = [
  "exposure",
  "amplification",
  "beyond",
  "trust",
  "inheritance",
  "adjacency",
  "gap",
  "name",
  "tier",
  "critical",
  "assessed",
] as const;
export const PORTFOLIO_KINDS = ["adjacency", "inheritance", "trust"] as const;
export const ASSESSMENT_STATUS_FILTERS = [...ASSESSMENT_STATUSES, "NONE"] as const;
export const VENDOR_TIER_FILTERS = ["CRITICAL", "HIGH", "MEDIUM", "LOW"] as const;

export type PortfolioSort = (typeof PORTFOLIO_SORTS)[number];
export type PortfolioKind = (typeof PORTFOLIO_KINDS)[number];

const minimum = (max: number) =>
  z.coerce
    .number()
    .min(0)
    .max(max)
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v : undefined));

/** Unknown or malformed parameters fall back to defaults: a shared link never turns into an error page. */
export const portfolioQuerySchema = z.object({
  q: searchTextSchema,
  status: z.enum(ASSESSMENT_STATUS_FILTERS).optional().catch(undefined),
  tier: z.enum(VENDOR_TIER_FILTERS).optional().catch(undefined),
  kind: z.enum(PORTFOLIO_KINDS).optional().catch(undefined),
  critical: z.literal("yes").optional().catch(undefined),
  /** Exposure band, by the organisation's thresholds. */
  band: z.enum(EXPOSURE_BANDS).optional().catch(undefined),
  /** "no": only vendors without a score (unknown risk); "yes": only scored ones. */
  scored: z.enum(["yes", "no"]).optional().catch(undefined),
  /** Lower bounds: amplification in percent, beyond-footprint exposure, evidence gap. */
  minAmplification: minimum(100),
  minBeyond: minimum(1_000_000),
  minGap: minimum(1_000_000),
  sort: z.enum(PORTFOLIO_SORTS).catch("exposure"),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  pageSize: z.coerce.number().int().min(5).max(200).catch(25),
});
export type PortfolioQueryInput = z.input<typeof portfolioQuerySchema>;
export type PortfolioQuery = z.output<typeof portfolioQuerySchema> & { dir: "asc" | "desc" };

/** Scores and counts read best from the top; names and tiers from A / Critical down. */
export const defaultDirection = (sort: PortfolioSort): "asc" | "desc" =>
  sort === "name" || sort === "tier" ? "asc" : "desc";

export function parsePortfolioQuery(raw: unknown): PortfolioQuery {
  const flat = Object.fromEntries(
    Object.entries((raw ?? {}) as Record<string, unknown>).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  const parsed = portfolioQuerySchema.parse(flat);
  return { ...parsed, dir: parsed.dir ?? defaultDirection(parsed.sort) };
}

/** The query as URL parameters, leaving out defaults, so links stay short and stable. */
export function portfolioSearchParams(
  query: PortfolioQuery,
  changes: Partial<PortfolioQuery> = {},
): URLSearchParams {
  const merged = { ...query, ...changes };
  const params = new URLSearchParams();
  if (merged.q) params.set("q", merged.q);
  if (merged.status) params.set("status", merged.status);
  if (merged.tier) params.set("tier", merged.tier);
  if (merged.kind) params.set("kind", merged.kind);
  if (merged.critical) params.set("critical", merged.critical);
  if (merged.band) params.set("band", merged.band);
  if (merged.scored) params.set("scored", merged.scored);
  if (merged.minAmplification) params.set("minAmplification", String(merged.minAmplification));
  if (merged.minBeyond) params.set("minBeyond", String(merged.minBeyond));
  if (merged.minGap) params.set("minGap", String(merged.minGap));
  if (merged.sort !== "exposure") params.set("sort", merged.sort);
  if (merged.dir !== defaultDirection(merged.sort)) params.set("dir", merged.dir);
  if (merged.page > 1) params.set("page", String(merged.page));
  if (merged.pageSize !== 25) params.set("pageSize", String(merged.pageSize));
  return params;
}
