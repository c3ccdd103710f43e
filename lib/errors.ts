/**
 * The app's one error type. Only AppError messages are shown to users; anything else is logged
 * and replaced by a generic message (see toActionFailure).
 */
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "VALIDATION"
  | "CONFLICT"
  | "TOO_LARGE"
  | "RATE_LIMITED"
  | "UNAVAILABLE"
  | "INTERNAL";

const STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 422,
  CONFLICT: 409,
  TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = "AppError";
    this.status = STATUS[code];
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} not found.`);
export const forbidden = (message = "You do not have permission to do that.") =>
  new AppError("FORBIDDEN", message);

export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; code: ErrorCode; message: string; fieldErrors?: FieldErrors };

const GENERIC_MESSAGE = "Something went wrong on our side. Your input is kept; please try again.";

// Connection-level failures, whichever layer reports them: Node socket codes, PostgreSQL's
// connection_exception class (08…) and shutdowns (57P01 admin, 57P02 crash, 57P03 starting up),
// Prisma's P1001/P1002/P1008/P1017, and the driver adapter's error kinds.
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EPIPE",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "P1001",
  "P1002",
  "P1008",
  "P1017",
]);
const UNAVAILABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
// The pg driver's own messages when a connection breaks (they carry no code).
const UNAVAILABLE_MESSAGE =
  /Can't reach database|connection terminated|ECONNREFUSED|timeout exceeded when trying to connect|connection error|closed the connection|terminating connection due to administrator command|Client was closed and is not queryable|the database system is (starting up|shutting down)/i;

/** True when an error means the database could not be reached (pg / Prisma connection errors). */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  const e = error as
    | {
        code?: unknown;
        kind?: unknown;
        message?: unknown;
        cause?: unknown;
        meta?: { driverAdapterError?: unknown };
      }
    | undefined;
  if (!e || typeof e !== "object" || depth > 5) return false;
  if (typeof e.code === "string" && UNAVAILABLE_CODES.has(e.code)) return true;
  if (typeof e.kind === "string" && UNAVAILABLE_KINDS.has(e.kind)) return true;
  if (typeof e.message === "string" && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  return (
    isDatabaseUnavailable(e.cause, depth + 1) || isDatabaseUnavailable(e.meta?.driverAdapterError, depth + 1)
  );
}

/** Maps any thrown value to an action failure that is safe to show. */
export function toActionFailure(error: unknown): Extract<ActionResult<never>, { ok: false }> {
  if (error instanceof AppError) {
    return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors };
  }
  if (isDatabaseUnavailable(error)) {
    console.error("[trustmap] database unavailable:", (error as Error).message);
    return {
      ok: false,
      code: "UNAVAILABLE",
      message: "The database is not reachable right now. Your input is kept; please try again in a moment.",
    };
  }
  console.error("[trustmap] unexpected error:", error);
  return { ok: false, code: "INTERNAL", message: GENERIC_MESSAGE };
}
