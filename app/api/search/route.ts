import { requireActor } from "@/lib/auth/next-auth/session";
import { getDb } from "@/lib/db/client";
import { AppError, toActionFailure } from "@/lib/errors";
import { searchOptions } from "@/lib/domain/search/search-options";
import type { SearchResponse } from "@/lib/validation/search";

const HEADERS = { "Cache-Control": "private, no-store" };

// Matches for the search comboboxes: /api/search?type=asset|target|vendor|scored-vendor&q=…&limit=…
// Signed-in staff only; the use case checks the capability of each type. Bad parameters are 400.
export async function GET(request: Request) {
  try {
    const actor = await requireActor();
    const params = new URL(request.url).searchParams;
    const items = await searchOptions(getDb(), actor, {
      type: params.get("type") ?? undefined,
      q: params.get("q") ?? undefined,
      limit: params.get("limit") ?? undefined,
      exclude: params.getAll("exclude"),
      undeployedFor: params.get("undeployedFor") || undefined,
    });
    return Response.json({ items } satisfies SearchResponse, { headers: HEADERS });
  } catch (error) {
    const status = error instanceof AppError ? (error.code === "VALIDATION" ? 400 : error.status) : 500;
    return Response.json(toActionFailure(error), { status, headers: HEADERS });
  }
}
