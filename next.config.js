import { readFileSync } from "node:fs";

// The largest payloads a server action carries (a template file, a draft's answers) and the body
// limit that fits them live in one file, read by lib/questionnaire/limits.ts too.
const requestLimits = JSON.parse(readFileSync(new URL("./lib/questionnaire/request-limits.json", import.meta.url), "utf8"));

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  experimental: {
    // forbidden() renders app/forbidden.tsx with a real 403 status.
    authInterrupts: true,
    serverActions: { bodySizeLimit: requestLimits.serverActionBodyBytes },
  },
  // pg and the PGlite embedded server are Node-only; keep them out of the server bundle.
  serverExternalPackages: ["pg", "@electric-sql/pglite", "@electric-sql/pglite-socket", "@node-rs/argon2", "pg-boss", "nodemailer", "smtp-server", "mailparser"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
