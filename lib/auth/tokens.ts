import { createHash, randomBytes } from "node:crypto";

/** A 256-bit random token for links; only its hash is stored. */
export function createToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

// A fast hash is right here: the token has 256 bits of entropy, so it cannot be guessed offline.
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;
