import "server-only";

import type { Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import { toFieldErrors } from "@/lib/validation/parse";
import { searchQuerySchema, type SearchOption } from "@/lib/validation/search";

import { searchAssets } from "./search-assets";
import { searchLinkTargets } from "./search-link-targets";
import { searchScoredVendors } from "./search-scored-vendors";
import { searchVendors } from "./search-vendors";

/**
 * GET /api/search: a few matches for a picker. Each type asks its own capability (assets:
 * readInventory, link targets and scored vendors: readScores, vendors: readVendors) and searches
 * the caller's organisation only. Bad parameters are a VALIDATION error naming the parameter.
 */
export async function searchOptions(db: Db, actor: Actor, rawQuery: unknown): Promise<SearchOption[]> {
  const parsed = searchQuerySchema.safeParse(rawQuery);
  if (!parsed.success) {
    const fieldErrors = toFieldErrors(
      parsed.error.issues.map((issue) => [String(issue.path[0] ?? "_form"), issue.message] as const),
    );
    throw new AppError("VALIDATION", parsed.error.issues.map((i) => i.message).join(" "), fieldErrors);
  }
  const query = parsed.data;
  switch (query.type) {
    case "asset":
      return searchAssets(db, actor, query);
    case "target":
      return searchLinkTargets(db, actor, query);
    case "vendor":
      return searchVendors(db, actor, query);
    case "scored-vendor":
      return (await searchScoredVendors(db, actor, query)).map(({ id, label, detail }) => ({
        id,
        label,
        detail,
      }));
  }
}
