import { readFileSync } from "node:fs";

// The largest payloads a server action carries (a template file, a draft's answers) and the body
// limit that fits them live in one file, read by lib/questionnaire/limits.ts too.
const requestLimits = JSON.parse(
  readFileSync(new URL("./lib/questionnaire/request-limits.json", import.meta.url), "utf8"),
);

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  experimental: {
    // forbidden() renders app/forbidden.tsx with a real 403 status.
    authInterrupts: true,
    serverActions: { bodySizeLimit: requestLimits.serverActionBodyBytes },
  },
  // pg and the PGlite embedded server are Node-only; keep them out of the server bundle.
  serverExternalPackages: [
    "pg",
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "@node-rs/argon2",
    "nodemailer",
    "smtp-server",
    "mailparser",
  ],
  async headers() {
    return [
      {
        source: "/:path*",
        // The same for every response. The Content-Security-Policy (with a per-request nonce) and
        // HSTS (only when the public address is https) are set at run time by proxy.ts.
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          {
            key: "Permissions-Policy",
            value:
              "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), display-capture=(), browsing-topics=()",
          },
        ],
      },
    ];
  },
};

export default nextConfig;
