// The one CSV writer of the app: every export goes through it, so quoting and the formula guard
// cannot be forgotten by the next export. Pure (csv-stringify, no I/O): safe anywhere.
import { stringify } from "csv-stringify/sync";

/** A cell: text is guarded and quoted as needed, numbers are written as they are, null/undefined as empty. */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * A cell starting with = + - @ (or a tab, carriage return or line feed) is run as a formula by
 * spreadsheet programs; so is its fullwidth or small form (＝, ﹦, ＋ …), which they fold to ASCII.
 * NFKC does the same folding here before the check (U+2212, the minus sign, is not folded by NFKC
 * but is read as one, so it is named too).
 */
const FORMULA_START = /^[=+\-@\t\r\n\u2212]/;

/** Prefixes text a spreadsheet would run as a formula with an apostrophe, which keeps it text. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text.normalize("NFKC")) ? `'${text}` : text;
}

/** Options of writeCsv. */
export interface CsvWriteOptions {
  /** Write the header line (default true); false for the second and later batches of a streamed export. */
  header?: boolean;
  /** Quote every cell, not only those that need it (the audit export: a record, read by tools). */
  quoteAll?: boolean;
}

/**
 * Writes rows under a header as CSV with CRLF line ends (what spreadsheet programs expect). Every
 * text cell is formula-guarded; a cell holding a delimiter, a quote, any line break (LF, CR, U+2028,
 * U+2029) or a semicolon (the delimiter of some locales) is quoted, so no cell can start a new row.
 */
export function writeCsv(
  columns: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  options: CsvWriteOptions = {},
): string {
  const cells = rows.map((row) =>
    row.map((cell) => (typeof cell === "string" ? neutralizeFormula(cell) : (cell ?? ""))),
  );
  return stringify(cells, {
    header: options.header ?? true,
    columns: [...columns],
    record_delimiter: "windows",
    quoted_match: /[\r\n;\u2028\u2029]/,
    ...(options.quoteAll ? { quoted: true, quoted_empty: true } : {}),
    cast: { boolean: (value) => (value ? "true" : "false") },
  });
}
