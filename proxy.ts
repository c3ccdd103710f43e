// Next.js 16 Proxy (formerly Middleware): a fresh CSP nonce per page request, and HSTS when the
// portal is served over https. Next.js reads the nonce from the request's Content-Security-Policy
// header and puts it on its own scripts (pages are rendered per request: see app/layout.tsx).
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, strictTransportSecurity } from "@/lib/auth/security-headers";

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const publicUrl = process.env.NEXTAUTH_URL;
  const csp = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === "development", https: publicUrl?.startsWith("https://") ?? false });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  const hsts = strictTransportSecurity(publicUrl);
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
