import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/**
 * The zero-setup database: PostgreSQL compiled to WASM (PGlite), persisted to a directory and
 * served over the PostgreSQL wire protocol on loopback, so the app keeps one code path
 * (Prisma → @prisma/adapter-pg → pg) whichever database it talks to.
 */

/** Options for the embedded PostgreSQL server. */
export interface EmbeddedDbOptions {
  /** Directory PGlite persists to; created if missing. */
  dataDir: string;
  /** Loopback port to serve on; 0 picks a free one. */
  port: number;
}

export interface EmbeddedDb {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export class EmbeddedDbError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmbeddedDbError";
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

// PGlite does not guard its directory against a second process, and two writers corrupt it.
function acquireLock(dataDir: string): () => void {
  const lockFile = path.join(path.dirname(dataDir), `${path.basename(dataDir)}.lock`);
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, "utf8").trim());
    if (Number.isInteger(pid) && pid !== process.pid && isProcessAlive(pid)) {
      throw new EmbeddedDbError(
        `The embedded database in ${dataDir} is in use by another process (pid ${pid}), ` +
          `probably another \`npm start\`. Stop that process (kill ${pid}), or use a different ` +
          `directory with TRUSTMAP_DATA_DIR=… .`,
      );
    }
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

export async function startEmbeddedDb({ dataDir, port }: EmbeddedDbOptions): Promise<EmbeddedDb> {
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const releaseLock = acquireLock(dataDir);
  let db: PGlite | undefined;
  try {
    db = await PGlite.create({ dataDir });
    // One connection at a time: PGlite is single-session, and multiplexing several clients'
    // transactions over it is not safe. Other connections wait in the server's queue.
    const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: 1 });
    await server.start().catch((error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        throw new EmbeddedDbError(
          `Port ${port} on 127.0.0.1 is already in use, so the embedded database cannot listen there. ` +
            `Stop whatever uses it, or choose another port with EMBEDDED_DB_PORT=… .`,
        );
      }
      throw error;
    });
    const conn = server.getServerConn(); // "host:port"
    const actualPort = Number(conn.split(":").pop());
    const dbRef = db;
    return {
      url: `postgresql://postgres@127.0.0.1:${actualPort}/postgres?sslmode=disable`,
      port: actualPort,
      async stop() {
        await server.stop();
        await dbRef.close();
        releaseLock();
      },
    };
  } catch (error) {
    await db?.close().catch(() => {});
    releaseLock();
    throw error;
  }
}
