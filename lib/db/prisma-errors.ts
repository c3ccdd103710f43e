/** True for a unique-constraint violation, from Prisma (P2002) or straight from PostgreSQL (23505). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as
    | { code?: string; cause?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: string } } } }
    | undefined;
  if (!e) return false;
  if (e.code === "P2002" || e.code === "23505") return true;
  if (e.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation") return true;
  return e.cause ? isUniqueViolation(e.cause) : false;
}
