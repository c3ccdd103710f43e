import { Prisma } from "@/lib/generated/prisma/client";

// How every picker search matches and orders: a case-insensitive substring of the normalised name
// (strpos, so "%" and "_" in what people type are plain characters), names that start with the
// text first, then by name. The organisation's rows are scanned; at 20,000 assets that takes a few
// milliseconds, and the (organizationId, normalizedName) unique index serves the ordering.

/** SQL: `column` contains `q` (both lower-case). */
export const containsText = (column: Prisma.Sql, q: string) => Prisma.sql`strpos(${column}, ${q}) > 0`;

/** SQL ORDER BY keys: prefix matches of `q` first, then `column`, then `id` to keep ties stable. */
export const prefixFirst = (column: Prisma.Sql, q: string, id: Prisma.Sql) =>
  Prisma.sql`starts_with(${column}, ${q}) DESC, ${column} ASC, ${id} ASC`;

/** The same order in JavaScript, for merging two result lists or ranking in-memory names. */
export function comparePrefixFirst(q: string) {
  return (a: { sortName: string }, b: { sortName: string }) =>
    Number(b.sortName.startsWith(q)) - Number(a.sortName.startsWith(q)) ||
    (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : 0);
}

/** SQL fragment leaving out `ids` of `column`, or nothing. */
export const notIn = (column: Prisma.Sql, ids: readonly string[]) =>
  ids.length ? Prisma.sql`AND ${column} NOT IN (${Prisma.join(ids)})` : Prisma.empty;
