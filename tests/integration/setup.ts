// Per test file: one Prisma client on the run's database, emptied before every test.
import { afterAll, beforeEach, inject } from "vitest";

import { createPrismaClient, type Db } from "@/lib/db/create-client";

let db: Db | undefined;

export function testDb(): Db {
  db ??= createPrismaClient({ connectionString: inject("databaseUrl"), max: 2 });
  return db;
}

beforeEach(async () => {
  const tables = await testDb().$queryRawUnsafe<{ tablename: string }[]>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  if (tables.length) {
    await testDb().$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} CASCADE`);
  }
});

afterAll(async () => {
  await db?.$disconnect();
});
