import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { checksumOf, DEFAULT_MIGRATIONS_DIR, migrate, MigrationError } from "@/lib/db/migrate";

import { createScratchDatabase, type ScratchDatabase } from "./scratch-database";

async function query<T extends pg.QueryResultRow>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

function copyMigrations(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "trustmap-mig-")), "migrations");
  cpSync(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

describe("migration runner", () => {
  let scratch: ScratchDatabase;
  beforeEach(async () => {
    scratch = await createScratchDatabase();
  });
  afterEach(async () => {
    await scratch.drop();
  });

  it("applies every migration to an empty database and records it as Prisma does", async () => {
    const dir = copyMigrations();
    const result = await migrate({ connectionString: scratch.url, migrationsDir: dir });
    expect(result.applied.length).toBeGreaterThan(0);
    expect(result.alreadyApplied).toEqual([]);

    const rows = await query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
      rolled_back_at: Date | null;
    }>(
      scratch.url,
      `SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(result.applied);
    for (const row of rows) {
      const sql = readFileSync(path.join(dir, row.migration_name, "migration.sql"), "utf8");
      expect(row.checksum).toBe(checksumOf(sql));
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    const tables = await query<{ tablename: string }>(
      scratch.url,
      `SELECT tablename FROM pg_tables WHERE schemaname='public'`,
    );
    expect(tables.map((t) => t.tablename)).toEqual(
      expect.arrayContaining(["Organization", "User", "Vendor", "VendorContact", "AuditEvent"]),
    );
  });

  it("is idempotent: a second run applies nothing and changes nothing", async () => {
    const dir = copyMigrations();
    const first = await migrate({ connectionString: scratch.url, migrationsDir: dir });
    const before = await query(scratch.url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
    const second = await migrate({ connectionString: scratch.url, migrationsDir: dir });
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(first.applied);
    expect(await query(scratch.url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`)).toEqual(
      before,
    );
  });

  it("applies only the new migration when one is added later", async () => {
    const dir = copyMigrations();
    await migrate({ connectionString: scratch.url, migrationsDir: dir });
    mkdirSync(path.join(dir, "99990101000000_add_note"));
    writeFileSync(
      path.join(dir, "99990101000000_add_note", "migration.sql"),
      `ALTER TABLE "Vendor" ADD COLUMN "note" TEXT;\n`,
    );
    const result = await migrate({ connectionString: scratch.url, migrationsDir: dir });
    expect(result.applied).toEqual(["99990101000000_add_note"]);
    const cols = await query<{ column_name: string }>(
      scratch.url,
      `SELECT column_name FROM information_schema.columns WHERE table_name='Vendor' AND column_name='note'`,
    );
    expect(cols).toHaveLength(1);
  });

  it("refuses to continue when an applied migration's file was edited", async () => {
    const dir = copyMigrations();
    const { applied } = await migrate({ connectionString: scratch.url, migrationsDir: dir });
    const edited = applied[0]!;
    appendFileSync(path.join(dir, edited, "migration.sql"), `\n-- a harmless-looking edit\n`);
    mkdirSync(path.join(dir, "99990101000000_after_edit"));
    writeFileSync(
      path.join(dir, "99990101000000_after_edit", "migration.sql"),
      `CREATE TABLE "ShouldNotExist" (id INT);\n`,
    );

    const error = await migrate({ connectionString: scratch.url, migrationsDir: dir }).catch((e) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect(error.message).toContain(`Migration ${edited} was edited after it was applied`);
    expect(error.migration).toBe(edited);
    // Refusing means stopping: later migrations are not applied either.
    const t = await query(scratch.url, `SELECT 1 FROM pg_tables WHERE tablename='ShouldNotExist'`);
    expect(t).toHaveLength(0);
  });

  it("rolls a failing migration back completely and records nothing for it", async () => {
    const dir = copyMigrations();
    const { applied } = await migrate({ connectionString: scratch.url, migrationsDir: dir });
    const name = "99990101000000_broken";
    mkdirSync(path.join(dir, name));
    writeFileSync(
      path.join(dir, name, "migration.sql"),
      `CREATE TABLE "HalfDone" (id INT);\nALTER TABLE "Vendor" ADD COLUMN "extra" TEXT;\nALTER TABLE "NoSuchTable" ADD COLUMN x INT;\n`,
    );
    const error = await migrate({ connectionString: scratch.url, migrationsDir: dir }).catch((e) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect(error.message).toMatch(/failed and was rolled back/);
    expect(error.message).toMatch(/NoSuchTable/);

    expect(await query(scratch.url, `SELECT 1 FROM pg_tables WHERE tablename='HalfDone'`)).toHaveLength(0);
    expect(
      await query(
        scratch.url,
        `SELECT 1 FROM information_schema.columns WHERE table_name='Vendor' AND column_name='extra'`,
      ),
    ).toHaveLength(0);
    const names = (
      await query<{ migration_name: string }>(scratch.url, `SELECT migration_name FROM "_prisma_migrations"`)
    ).map((r) => r.migration_name);
    expect(names.sort()).toEqual([...applied].sort());

    // Once fixed, the same migration applies cleanly.
    writeFileSync(path.join(dir, name, "migration.sql"), `CREATE TABLE "HalfDone" (id INT);\n`);
    expect((await migrate({ connectionString: scratch.url, migrationsDir: dir })).applied).toEqual([name]);
  });

  it("refuses a database where Prisma recorded a migration as started but unfinished", async () => {
    const dir = copyMigrations();
    await migrate({ connectionString: scratch.url, migrationsDir: dir });
    await query(
      scratch.url,
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ('00000000-0000-4000-8000-000000000000', $1, 'x_failed', now(), 0)`,
      ["0".repeat(64)],
    );
    await expect(migrate({ connectionString: scratch.url, migrationsDir: dir })).rejects.toThrow(
      /started but not finished/,
    );
  });
});
