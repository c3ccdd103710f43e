import { NextResponse, type NextRequest } from "next/server";
import { isDatabaseDown } from "@/lib/db/health";
import { databaseUnavailableHtml } from "@/components/layout/database-unavailable-copy";

/**
 * Portal pages answer 503 Service Unavailable, not 200, while the database does not answer
 * (lib/db/health.ts): monitors, proxies and crawlers see the outage, and the page still says what
 * happened in words. Only page loads: server actions and API routes report their own errors.
 */
export async function proxy(request: NextRequest) {
  if ((request.method !== "GET" && request.method !== "HEAD") || request.headers.has("next-action")) return NextResponse.next();
  if (!(await isDatabaseDown())) return NextResponse.next();
  return new NextResponse(databaseUnavailableHtml(), {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "retry-after": "10", "cache-control": "no-store" },
  });
}

export const config = {
  // Every page except sign-in, invitations (they work or fail on their own) and static files.
  matcher: ["/((?!api/|_next/|sign-in|invite/|favicon\\.ico|.*\\.[a-z0-9]+$).*)"],
};
