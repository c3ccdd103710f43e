// npm run db:migrate — applies pending migrations to DATABASE_URL.
import { migrate, MigrationError } from "../lib/db/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    "DATABASE_URL is not set. Example: DATABASE_URL=postgresql://postgres@127.0.0.1:5432/trustmap npm run db:migrate",
  );
  process.exit(2);
}
try {
  const result = await migrate({ connectionString: url, log: (l) => console.log(l) });
  console.log(
    result.applied.length
      ? `${result.applied.length} migration(s) applied, ${result.alreadyApplied.length} already applied.`
      : `Database is up to date (${result.alreadyApplied.length} migration(s) applied).`,
  );
} catch (error) {
  console.error(error instanceof MigrationError ? error.message : error);
  process.exit(1);
}
