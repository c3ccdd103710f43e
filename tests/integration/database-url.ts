// Where integration tests may run: only a PostgreSQL on this machine. Tests create and drop
// databases, so a remote URL (a shared or production server) is refused outright.
import pg from "pg";

export const DEFAULT_TEST_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]", ""]);

export function assertLocalDatabaseUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`TEST_DATABASE_URL is not a valid URL: ${url}`);
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol))
    throw new Error(`TEST_DATABASE_URL must be a postgresql:// URL (got ${parsed.protocol})`);
  const host = parsed.hostname;
  const socketHost = parsed.searchParams.get("host");
  if (!LOCAL_HOSTS.has(host) && !(socketHost && socketHost.startsWith("/"))) {
    throw new Error(
      `Refusing to run integration tests against non-local database host "${host}". Tests create and drop databases; use a PostgreSQL on this machine.`,
    );
  }
  return parsed;
}

export function withDatabase(url: URL, database: string): string {
  const copy = new URL(url.toString());
  copy.pathname = `/${database}`;
  return copy.toString();
}

export async function isReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
