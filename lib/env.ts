import proxyaddr from "proxy-addr";
import { z } from "zod";

/** A comma-separated list of proxy addresses, CIDRs or proxy-addr's names (loopback, uniquelocal, …). */
const proxyList = z
  .string()
  .default("")
  .transform((value) =>
    value
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean),
  )
  .superRefine((entries, ctx) => {
    for (const entry of entries) {
      try {
        proxyaddr.compile(entry);
      } catch {
        ctx.addIssue({
          code: "custom",
          message: `"${entry}" is not an IP address, CIDR range or one of loopback, linklocal, uniquelocal`,
        });
      }
    }
  });

/** Server configuration, read once from the environment. */
const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .min(1, "DATABASE_URL is not set: run `npm start` for the embedded database, or point it at PostgreSQL"),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  /** The portal's public address; https here turns on HSTS. */
  NEXTAUTH_URL: z.url().optional(),
  /** Proxies whose X-Forwarded-For is believed when keying sign-in throttling (none by default). */
  TRUSTED_PROXIES: proxyList,
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      throw new Error(
        "Invalid configuration: " +
          parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
      );
    }
    cached = parsed.data;
  }
  return cached;
}
