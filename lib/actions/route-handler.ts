import "server-only";

import { requireActor, type CurrentUser } from "@/lib/auth/next-auth/session";
import type { Capability } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/create-client";
import { AppError, toActionFailure } from "@/lib/errors";

/** What a route's work gets: the request, its route parameters, the database and the signed-in actor. */
export interface RouteInput<P> {
  request: Request;
  params: P;
  db: Db;
  actor: CurrentUser;
}

export interface RouteOptions {
  /** Sent with the error responses too (e.g. Cache-Control). */
  headers?: Record<string, string>;
  /** VALIDATION answers 422 (a submitted body); query-parameter routes answer 400 instead. */
  validationStatus?: 400 | 422;
}

/** The HTTP status of a failure: an AppError's own (or `validationStatus`), 500 for anything else. */
export function routeErrorStatus(
  error: unknown,
  options: Pick<RouteOptions, "validationStatus"> = {},
): number {
  if (!(error instanceof AppError)) return 500;
  return error.code === "VALIDATION" && options.validationStatus ? options.validationStatus : error.status;
}

/**
 * The shape of every API route, beside runAction for server actions: authenticate, check the
 * capability (none: any signed-in user; the use case checks), run the work, and answer any failure
 * as the ActionResult JSON with its status. A request body the work did not read is cancelled, so an
 * upload refused early is not received in full. The use case still scopes its own queries.
 */
export function routeHandler<P = Record<string, never>>(
  capability: Capability | null,
  work: (input: RouteInput<P>) => Promise<Response>,
  options: RouteOptions = {},
) {
  return async (request: Request, context?: { params: Promise<P> }): Promise<Response> => {
    try {
      const actor = await requireActor(capability ?? undefined);
      return await work({ request, params: (await context?.params) as P, db: getDb(), actor });
    } catch (error) {
      if (!request.bodyUsed) await request.body?.cancel().catch(() => undefined);
      return Response.json(toActionFailure(error), {
        status: routeErrorStatus(error, options),
        headers: options.headers,
      });
    }
  };
}
