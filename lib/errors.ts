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
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: FieldErrors };

const GENERIC_MESSAGE = "Something went wrong on our side. Your input is kept; please try again.";

/** True when an error means the database could not be reached (pg / Prisma connection errors). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string; cause?: unknown } | undefined;
  if (!e) return false;
  if (["ECONNREFUSED", "ETIMEDOUT", "ENOTFOUND", "57P03", "P1001", "P1017"].includes(e.code ?? "")) return true;
  if (/Can't reach database|connection terminated|Connection terminated|ECONNREFUSED|timeout exceeded when trying to connect/i.test(e.message ?? "")) return true;
  return e.cause ? isDatabaseUnavailable(e.cause) : false;
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
