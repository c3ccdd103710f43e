import { routeHandler } from "@/lib/actions/route-handler";
import { searchOptions } from "@/lib/domain/search/search-options";
import type { SearchResponse } from "@/lib/validation/search";

const HEADERS = { "Cache-Control": "private, no-store" };

// Matches for the search comboboxes: /api/search?type=asset|target|vendor|scored-vendor&q=…&limit=…
// Signed-in staff only; the use case checks the capability of each type. Bad parameters are 400.
export const GET = routeHandler(
  null,
  async ({ request, db, actor }) => {
    const params = new URL(request.url).searchParams;
    const items = await searchOptions(db, actor, {
      type: params.get("type") ?? undefined,
      q: params.get("q") ?? undefined,
      limit: params.get("limit") ?? undefined,
      exclude: params.getAll("exclude"),
      undeployedFor: params.get("undeployedFor") || undefined,
    });
    return Response.json({ items } satisfies SearchResponse, { headers: HEADERS });
  },
  { headers: HEADERS, validationStatus: 400 },
);
