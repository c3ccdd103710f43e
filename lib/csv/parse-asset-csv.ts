// Pure: CSV text in, validated rows out. No database, no clock, no environment — the preview and the
// import both call it, and the unit tests drive it with plain strings. The format is described in
// docs/inventory-csv.md.
import { CsvError, parse } from "csv-parse/sync";

import {
  assetInputSchema,
  CSV_COLUMNS,
  CSV_LIMITS,
  normalizeAssetName,
  REQUIRED_CSV_COLUMNS,
  type AssetData,
  type AssetField,
  type CsvColumn,
  type CsvLimits,
} from "@/lib/validation/asset";
import { decodeUtf8 } from "@/lib/validation/utf8";

export { CSV_COLUMNS, CSV_LIMITS, REQUIRED_CSV_COLUMNS, type CsvColumn, type CsvLimits };

const FIELD_OF: Record<CsvColumn, AssetField> = {
  name: "name",
  type: "type",
  criticality: "criticality",
  safety_impact: "safetyImpact",
  site: "site",
  zone: "zone",
  aliases: "aliases",
  description: "description",
};
const COLUMN_OF = Object.fromEntries(Object.entries(FIELD_OF).map(([c, f]) => [f, c])) as Record<
  AssetField,
  CsvColumn
>;

/** Header cells are matched ignoring case, spaces, hyphens and underscores ("Safety impact" works). */
const squash = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, "");
const COLUMN_BY_SQUASHED = new Map<string, CsvColumn>(CSV_COLUMNS.map((c) => [squash(c), c]));

export type RowErrors = Partial<Record<CsvColumn | "row", string[]>>;

export interface ParsedCsvRow {
  /** Line of the file where the row starts (the header is line 1). */
  line: number;
  /** The cells as read, for the known columns present. */
  cells: Partial<Record<CsvColumn, string>>;
  /** Messages per column; "row" for the row as a whole. Empty when the row is valid. */
  errors: RowErrors;
  /** The validated asset when the row has no errors. */
  data: AssetData | null;
  /** Match key against the inventory (and for duplicates in the file); null without a name. */
  normalizedName: string | null;
}

export interface ParsedAssetCsv {
  /** Known columns found in the header, in file order. */
  columns: CsvColumn[];
  /** Asset fields the file sets: an update leaves fields of absent columns as they are. */
  fields: AssetField[];
  /** Header cells that are not ours; they are ignored (and shown as a warning). */
  ignoredColumns: string[];
  /** Problems with the file as a whole; when any, `rows` may be empty. */
  fileErrors: string[];
  rows: ParsedCsvRow[];
  /** Rows with at least one error. */
  invalidRowCount: number;
  /** True when the file can be imported: no file errors, no row errors, at least one row. */
  valid: boolean;
}

const fmt = (n: number) => n.toLocaleString("en-US");

function csvErrorMessage(error: CsvError): string {
  const line = (error as CsvError & { lines?: number }).lines;
  const at = line ? `Line ${line}: ` : "";
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return `${at}a quoted cell is never closed. Check for a missing closing quote (").`;
    case "CSV_INVALID_CLOSING_QUOTE":
    case "INVALID_OPENING_QUOTE":
      return `${at}a quote (") appears inside a cell. Put the whole cell in quotes and double the quote inside it ("").`;
    case "CSV_MAX_RECORD_SIZE":
      return `${at}a row is too long. Check for a missing closing quote.`;
    default:
      return `${at}the file could not be read as CSV.`;
  }
}

function result(partial: Partial<ParsedAssetCsv>): ParsedAssetCsv {
  const rows = partial.rows ?? [];
  const fileErrors = partial.fileErrors ?? [];
  const invalidRowCount = rows.filter((r) => Object.keys(r.errors).length > 0).length;
  return {
    columns: partial.columns ?? [],
    fields: partial.fields ?? [],
    ignoredColumns: partial.ignoredColumns ?? [],
    fileErrors,
    rows,
    invalidRowCount,
    valid: fileErrors.length === 0 && invalidRowCount === 0 && rows.length > 0,
  };
}

const addError = (errors: RowErrors, key: CsvColumn | "row", message: string) => {
  (errors[key] ??= []).push(message);
};

/**
 * Reads an asset inventory CSV: a header row naming the columns (any order; name, type and
 * criticality required), then one asset per row. Every row is validated with the asset form's own
 * schema, and names repeated within the file are flagged on every row involved. The file's bytes
 * must be UTF-8: anything else is a file error naming the line and byte, never a silent U+FFFD.
 */
export function parseAssetCsv(file: string | Uint8Array, limits: CsvLimits = CSV_LIMITS): ParsedAssetCsv {
  const bytes = typeof file === "string" ? new TextEncoder().encode(file).length : file.length;
  if (bytes > limits.maxBytes) {
    const size = (n: number) =>
      n >= 1_000_000 ? `${fmt(Math.round(n / 100_000) / 10)} MB` : `${fmt(Math.ceil(n / 1000))} KB`;
    return result({
      fileErrors: [
        `The file is ${size(bytes)}; at most ${size(limits.maxBytes)} can be imported at once. Split it into smaller files.`,
      ],
    });
  }

  let text: string;
  if (typeof file === "string") text = file;
  else {
    const decoded = decodeUtf8(file);
    if (!decoded.ok) return result({ fileErrors: [decoded.message] });
    text = decoded.text;
  }

  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      max_record_size: 100_000,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (error instanceof CsvError) return result({ fileErrors: [csvErrorMessage(error)] });
    throw error;
  }

  // Rows whose every cell is blank (",,,," from a spreadsheet) are empty lines too.
  const nonBlank = records.filter(({ record }) => record.some((cell) => cell !== ""));
  const [header, ...body] = nonBlank;
  if (!header)
    return result({
      fileErrors: ["The file is empty. The first line must name the columns, e.g. name,type,criticality."],
    });

  const fileErrors: string[] = [];
  const headerCells = header.record;
  if (headerCells.length === 1 && headerCells[0]!.includes(";")) {
    return result({
      fileErrors: [
        "The columns are separated by semicolons. Save the file as comma-separated CSV (aliases inside a cell stay separated by semicolons).",
      ],
    });
  }

  const columnAt: (CsvColumn | null)[] = [];
  const ignoredColumns: string[] = [];
  const seenColumns = new Set<CsvColumn>();
  for (const cell of headerCells) {
    const column = COLUMN_BY_SQUASHED.get(squash(cell)) ?? null;
    if (column && seenColumns.has(column))
      fileErrors.push(`The column "${column}" appears twice in the header.`);
    if (column) seenColumns.add(column);
    else if (cell !== "") ignoredColumns.push(cell);
    columnAt.push(column && !columnAt.includes(column) ? column : null);
  }
  const missing = REQUIRED_CSV_COLUMNS.filter((c) => !seenColumns.has(c));
  if (missing.length) {
    fileErrors.push(
      `The header has no ${missing.map((c) => `"${c}"`).join(", ")} column${missing.length > 1 ? "s" : ""}. The first line must name the columns, e.g. name,type,criticality.`,
    );
  }
  if (body.length === 0) fileErrors.push("The file has a header but no asset rows.");
  if (body.length > limits.maxRows) {
    fileErrors.push(
      `The file has ${fmt(body.length)} rows; at most ${fmt(limits.maxRows)} can be imported at once. Split it into smaller files.`,
    );
  }
  const columns = CSV_COLUMNS.filter((c) => seenColumns.has(c)).sort(
    (a, b) => columnAt.indexOf(a) - columnAt.indexOf(b),
  );
  const fields = columns.map((c) => FIELD_OF[c]);
  if (fileErrors.length) return result({ columns, fields, ignoredColumns, fileErrors });

  const rows: ParsedCsvRow[] = body.map(({ record, info }) => {
    const newlinesInside = record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    const cells: Partial<Record<CsvColumn, string>> = {};
    columnAt.forEach((column, i) => {
      if (column) cells[column] = record[i] ?? "";
    });
    const errors: RowErrors = {};
    if (record.length !== headerCells.length) {
      addError(
        errors,
        "row",
        `This row has ${record.length} cells but the header has ${headerCells.length}. A cell containing a comma must be in quotes.`,
      );
    }
    const input: Record<string, string> = {};
    for (const column of columns) input[FIELD_OF[column]] = cells[column] ?? "";
    const parsed = assetInputSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as AssetField | undefined;
        addError(errors, field && COLUMN_OF[field] ? COLUMN_OF[field] : "row", issue.message);
      }
    }
    const name = cells.name ?? "";
    return {
      line: info.lines - newlinesInside,
      cells,
      errors,
      data: parsed.success && Object.keys(errors).length === 0 ? parsed.data : null,
      normalizedName: name.trim() ? normalizeAssetName(name) : null,
    };
  });

  // The same asset twice in one file is ambiguous (which row wins?), so both rows are refused.
  const linesByName = new Map<string, number[]>();
  for (const row of rows)
    if (row.normalizedName)
      linesByName.set(row.normalizedName, [...(linesByName.get(row.normalizedName) ?? []), row.line]);
  for (const row of rows) {
    const lines = row.normalizedName ? linesByName.get(row.normalizedName)! : [];
    if (lines.length > 1) {
      const others = lines.filter((l) => l !== row.line);
      addError(
        row.errors,
        "name",
        `The same name is on line${others.length > 1 ? "s" : ""} ${others.join(", ")} (names are compared ignoring case and spacing).`,
      );
      row.data = null;
    }
  }

  return result({ columns, fields, ignoredColumns, rows });
}
