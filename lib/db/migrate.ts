import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import pg from "pg";

/**
 * Applies Prisma-format migration folders (prisma/migrations/<name>/migration.sql) in name order,
 * each in its own transaction, and records them in `_prisma_migrations` exactly as Prisma Migrate
 * does (sha256 of the file as checksum, started/finished timestamps, one applied step), so that
 * `prisma migrate status|deploy` on a machine with the schema engine agrees with this runner.
 *
 * It exists because Prisma's schema engine cannot be downloaded on offline machines.
 */

export const DEFAULT_MIGRATIONS_DIR = path.resolve("prisma/migrations");

// The same key Prisma Migrate takes, so the two never run at once against one database.
const ADVISORY_LOCK_KEY = 72707369;

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly migration?: string,
  ) {
    super(message);
    this.name = "MigrationError";
  }
}

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateOptions {
  connectionString: string;
  migrationsDir?: string;
  log?: (line: string) => void;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
}

export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

export function readMigrations(dir = DEFAULT_MIGRATIONS_DIR): MigrationFile[] {
  if (!existsSync(dir)) throw new MigrationError(`Migrations folder not found: ${dir}`);
  return readdirSync(dir)
    .filter((name) => statSync(path.join(dir, name)).isDirectory())
    .sort()
    .map((name) => {
      const file = path.join(dir, name, "migration.sql");
      if (!existsSync(file)) throw new MigrationError(`Migration ${name} has no migration.sql`, name);
      // Prisma hashes the raw bytes; reading as UTF-8 and re-encoding is byte-identical for text.
      const sql = readFileSync(file, "utf8");
      return { name, sql, checksum: checksumOf(sql) };
    });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export async function migrate(options: MigrateOptions): Promise<MigrateResult> {
  const log = options.log ?? (() => {});
  const migrations = readMigrations(options.migrationsDir);
  const client = new pg.Client({ connectionString: options.connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    try {
      await client.query(CREATE_TABLE);
      const { rows } = await client.query<AppliedRow>(
        `SELECT migration_name, checksum, finished_at, rolled_back_at
           FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
      );
      const applied = new Map<string, AppliedRow>();
      for (const row of rows) {
        if (row.rolled_back_at) continue;
        if (!row.finished_at) {
          throw new MigrationError(
            `Migration ${row.migration_name} is recorded as started but not finished (a failed run of ` +
              `Prisma Migrate). Fix the database by hand, then mark it with ` +
              `\`prisma migrate resolve\` or delete its row from "_prisma_migrations".`,
            row.migration_name,
          );
        }
        applied.set(row.migration_name, row);
      }

      const known = new Set(migrations.map((m) => m.name));
      for (const name of applied.keys()) {
        if (!known.has(name)) {
          log(
            `warning: migration ${name} is applied in the database but missing from ${options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR}`,
          );
        }
      }

      const result: MigrateResult = { applied: [], alreadyApplied: [] };
      for (const m of migrations) {
        const row = applied.get(m.name);
        if (row) {
          if (row.checksum !== m.checksum) {
            throw new MigrationError(
              `Migration ${m.name} was edited after it was applied (checksum ${m.checksum.slice(0, 12)}… ` +
                `≠ recorded ${row.checksum.slice(0, 12)}…). Applied migrations must not change: ` +
                `restore the file and put the change in a new migration (npm run db:new-migration).`,
              m.name,
            );
          }
          result.alreadyApplied.push(m.name);
          continue;
        }
        await applyOne(client, m);
        log(`applied ${m.name}`);
        result.applied.push(m.name);
      }
      return result;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]).catch(() => {});
    }
  } finally {
    await client.end();
  }
}

async function applyOne(client: pg.Client, m: MigrationFile): Promise<void> {
  const startedAt = new Date();
  await client.query("BEGIN");
  try {
    // The simple-query protocol runs a multi-statement script; all of it is inside BEGIN…COMMIT.
    await client.query(m.sql);
    await client.query(
      `INSERT INTO "_prisma_migrations"
         (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
       VALUES ($1, $2, now(), $3, NULL, NULL, $4, 1)`,
      [randomUUID(), m.checksum, m.name, startedAt],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(
      `Migration ${m.name} failed and was rolled back; nothing of it was applied. Database said: ${reason}`,
      m.name,
    );
  }
}
