// Next.js 16 Proxy (formerly Middleware), for page requests only (see `config.matcher`):
// 1. Portal pages answer 503 Service Unavailable, not 200, while the database does not answer
//    (lib/db/health.ts): monitors, proxies and crawlers see the outage, and the page still says what
//    happened in words. Only page loads: server actions and API routes report their own errors.
// 2. A fresh CSP nonce per page request, and HSTS when the portal is served over https. Next.js reads
//    the nonce from the request's Content-Security-Policy header and puts it on its own scripts
//    (pages are rendered per request: see app/layout.tsx).
import { NextResponse, type NextRequest } from "next/server";

import { databaseUnavailableHtml } from "@/components/layout/database-unavailable-copy";
import { contentSecurityPolicy, strictTransportSecurity } from "@/lib/auth/security-headers";
import { isDatabaseDown } from "@/lib/db/health";

/** Pages that work or fail on their own without the portal's database check. */
const NO_HEALTH_CHECK = /^\/(?:api\/|_next\/|sign-in|invite\/|favicon\.ico)|\.[a-z0-9]+$/;

export async function proxy(request: NextRequest) {
  const publicUrl = process.env.NEXTAUTH_URL;
  const https = publicUrl?.startsWith("https://") ?? false;
  const hsts = strictTransportSecurity(publicUrl);

  const pageLoad =
    (request.method === "GET" || request.method === "HEAD") && !request.headers.has("next-action");
  if (pageLoad && !NO_HEALTH_CHECK.test(request.nextUrl.pathname) && (await isDatabaseDown())) {
    const response = new NextResponse(databaseUnavailableHtml(), {
      status: 503,
      headers: {
        "content-type": "text/html; charset=utf-8",
        "retry-after": "10",
        "cache-control": "no-store",
      },
    });
    response.headers.set(
      "Content-Security-Policy",
      contentSecurityPolicy({ nonce: null, dev: process.env.NODE_ENV === "development", https }),
    );
    if (hsts) response.headers.set("Strict-Transport-Security", hsts);
    return response;
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === "development", https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages and next-auth's own pages; not static files, nor the other API routes (JSON and
      // downloads, which set their own policy).
      source: "/((?!_next/static|_next/image|favicon.ico|api/(?!auth/)).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
