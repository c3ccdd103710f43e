// Response headers computed per request (proxy.ts). The static ones that never vary — nosniff,
// Referrer-Policy, Permissions-Policy, X-Frame-Options — are in next.config.js.

/** Options of contentSecurityPolicy. */
export interface CspOptions {
  /**
   * Fresh per request; Next.js puts it on its own scripts when it finds it in the request's CSP.
   * Null for a page of our own with no script at all (the 503 "database unavailable" page).
   */
  nonce: string | null;
  /** `next dev` needs eval for React's debugging aids. */
  dev: boolean;
  /** The public address is https: ask browsers to upgrade any stray http sub-resource. */
  https: boolean;
}

/**
 * A nonce-based policy (Next.js's documented approach): only scripts carrying this request's nonce
 * run, and what they load ('strict-dynamic'). Styles allow inline because server-rendered style
 * attributes (charts, the graph) cannot carry a nonce; a style cannot run script.
 */
export function contentSecurityPolicy({ nonce, dev, https }: CspOptions): string {
  return [
    "default-src 'self'",
    nonce === null
      ? "script-src 'none'"
      : `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** HSTS only when the portal's public address is https: over plain http it would be ignored or wrong. */
export function strictTransportSecurity(publicUrl: string | undefined): string | null {
  return publicUrl?.startsWith("https://") ? "max-age=31536000" : null;
}
