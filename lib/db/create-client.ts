import { PrismaPg } from "@prisma/adapter-pg";

import { PrismaClient } from "@/lib/generated/prisma/client";

/** Options for a Prisma client bound to one PostgreSQL URL. */
export interface CreateClientOptions {
  connectionString: string;
  /** Pool size; the embedded database serialises connections anyway. */
  max?: number;
}

/**
 * Builds a Prisma 7 client over the pg driver adapter. Password hashes are omitted from every
 * query unless a caller explicitly asks for them (only sign-in does).
 */
export function createPrismaClient({ connectionString, max = 10 }: CreateClientOptions) {
  const adapter = new PrismaPg({ connectionString, max, connectionTimeoutMillis: 5_000 });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createPrismaClient>;
