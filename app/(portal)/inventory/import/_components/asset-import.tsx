"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition } from "react";

import { importAssetsAction, previewAssetImportAction } from "@/app/(portal)/inventory/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import type { AssetImportPreview } from "@/lib/domain/inventory/import-assets";
import { CSV_COLUMNS, CSV_LIMITS, type CsvColumn } from "@/lib/validation/asset";

const EXAMPLE = [
  "name,type,criticality,safety_impact,site,zone,aliases,description",
  'PLC-7,controller,5,yes,North plant,L1 Control,"Helix HC-900; filter-plc-7",Filter gallery PLC',
  "GW-2,gateway,4,no,North plant,L2 Supervisory,Meridian MG-400,Modbus to OPC UA gateway",
].join("\r\n");
const EXAMPLE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(EXAMPLE + "\r\n")}`;

const ACTION_BADGE = {
  create: <Badge tone="green">Create</Badge>,
  update: <Badge tone="blue">Update</Badge>,
  unchanged: <Badge>Unchanged</Badge>,
} as const;

type Row = AssetImportPreview["rows"][number];

function PreviewTable({ preview, onlyErrors }: { preview: AssetImportPreview; onlyErrors: boolean }) {
  const columns: CsvColumn[] = CSV_COLUMNS.filter((c) => preview.columns.includes(c));
  const rows = onlyErrors ? preview.rows.filter((r) => !r.valid) : preview.rows;
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label="Import preview">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Line
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Result
            </th>
            {columns.map((c) => (
              <th key={c} scope="col" className="px-3 py-2 font-mono text-xs font-medium">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row: Row) => (
            <tr
              key={row.line}
              className={row.valid ? "" : "bg-red-50/60"}
              data-testid={`import-row-${row.line}`}
            >
              <td className="px-3 py-2 align-top whitespace-nowrap text-slate-500">{row.line}</td>
              <td className="px-3 py-2 align-top">
                {row.valid ? ACTION_BADGE[row.action] : <Badge tone="red">Error</Badge>}
                {row.errors.row?.map((m) => (
                  <p key={m} className="mt-1 max-w-xs text-xs text-red-700">
                    {m}
                  </p>
                ))}
              </td>
              {columns.map((c) => {
                const errors = row.errors[c];
                return (
                  <td
                    key={c}
                    className={`max-w-56 px-3 py-2 align-top ${c === "name" ? "min-w-40" : ""} ${errors ? "text-red-900" : "text-slate-800"}`}
                  >
                    <span
                      className={`break-words ${errors ? "rounded bg-red-100 px-1 ring-1 ring-red-300" : ""}`}
                    >
                      {row.cells[c] ||
                        (errors ? (
                          <em className="text-red-700">empty</em>
                        ) : (
                          <span className="text-slate-300">—</span>
                        ))}
                    </span>
                    {errors?.map((m) => (
                      <p key={m} className="mt-1 text-xs text-red-700">
                        {m}
                      </p>
                    ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Choose a CSV, see every row checked, then import all of it or nothing. */
export function AssetImport() {
  const router = useRouter();
  const inputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  // The file's bytes as chosen: sent undecoded, so the server can say where a non-UTF-8 byte is.
  const [csvFile, setCsvFile] = useState<Blob | null>(null);
  const [preview, setPreview] = useState<AssetImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [onlyErrors, setOnlyErrors] = useState(false);
  const [pending, startTransition] = useTransition();

  const runPreview = (csv: Blob) =>
    startTransition(async () => {
      const result = await previewAssetImportAction(csv).catch(() => null);
      if (!result) {
        setError("The file could not be sent. It may be too large; split it into smaller files.");
        return;
      }
      if (!result.ok) setError(result.message);
      else setPreview(result.data);
    });

  const onFile = async (file: File | undefined) => {
    setError(null);
    setPreview(null);
    setCsvFile(null);
    setOnlyErrors(false);
    if (!file) return;
    setFileName(file.name);
    if (file.size > CSV_LIMITS.maxBytes) {
      setError(
        `${file.name} is ${Math.ceil(file.size / 1000).toLocaleString("en-US")} KB; at most ${CSV_LIMITS.maxBytes / 1_000_000} MB (and ${CSV_LIMITS.maxRows.toLocaleString("en-US")} rows) can be imported at once. Split it into smaller files.`,
      );
      return;
    }
    const csv = new Blob([await file.arrayBuffer()], { type: "text/csv" });
    setCsvFile(csv);
    runPreview(csv);
  };

  const onImport = () => {
    if (!csvFile) return;
    setError(null);
    startTransition(async () => {
      const result = await importAssetsAction(csvFile).catch(() => null);
      if (!result) {
        setError("The import could not be sent. Please try again.");
        return;
      }
      if (!result.ok) {
        setError(result.message);
        if (result.code === "VALIDATION" || result.code === "CONFLICT") runPreview(csvFile);
        return;
      }
      const { created, updated, unchanged } = result.data;
      router.push(`/inventory?imported=${created}.${updated}.${unchanged}`);
      router.refresh();
    });
  };

  const importable = preview ? preview.rows.length : 0;
  return (
    <div className="space-y-6">
      <Card title="1. Choose a CSV file">
        <div className="space-y-3 text-sm text-slate-700">
          <p>
            Columns: <code className="font-mono text-xs">{CSV_COLUMNS.join(",")}</code>. Name, type and
            criticality are required; aliases are separated by semicolons. A row whose name matches an
            existing asset (ignoring case and spacing) updates it. Up to{" "}
            {CSV_LIMITS.maxRows.toLocaleString("en-US")} rows and {CSV_LIMITS.maxBytes / 1_000_000} MB.{" "}
            <a
              href={EXAMPLE_HREF}
              download="inventory-example.csv"
              className="font-medium text-brand-700 underline"
            >
              Download an example
            </a>
            .
          </p>
          <div className="flex flex-wrap items-center gap-3">
            <label htmlFor={inputId} className="font-medium text-slate-800">
              CSV file
            </label>
            <input
              ref={fileInput}
              id={inputId}
              type="file"
              accept=".csv,text/csv"
              className="text-sm file:mr-3 file:rounded-md file:border-0 file:bg-white file:px-3 file:py-2 file:text-sm file:font-medium file:ring-1 file:ring-slate-300 hover:file:bg-slate-50"
              onChange={(e) => {
                void onFile(e.target.files?.[0]);
                // Choosing the same (fixed) file again must trigger a new preview.
                e.target.value = "";
              }}
            />
            {pending ? (
              <span role="status" className="text-slate-500">
                Working…
              </span>
            ) : null}
          </div>
        </div>
      </Card>

      {error ? <Alert>{error}</Alert> : null}

      {preview ? (
        <Card
          title={`2. Preview of ${fileName ?? "the file"}`}
          actions={
            <Button onClick={onImport} disabled={!preview.valid || pending}>
              {pending
                ? "Importing…"
                : `Import ${importable.toLocaleString("en-US")} asset${importable === 1 ? "" : "s"}`}
            </Button>
          }
        >
          <div className="mb-4 space-y-3">
            {preview.fileErrors.length ? (
              <Alert>
                <p className="font-medium">This file cannot be imported:</p>
                <ul className="mt-1 list-disc pl-5">
                  {preview.fileErrors.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              </Alert>
            ) : preview.valid ? (
              <Alert tone="success">
                All {preview.rows.length.toLocaleString("en-US")} rows are valid: {preview.counts.create} to
                create, {preview.counts.update} to update, {preview.counts.unchanged} unchanged.
              </Alert>
            ) : (
              <Alert>
                {preview.invalidRowCount} of {preview.rows.length} row
                {preview.rows.length === 1 ? " has" : "s have"} errors. Nothing will be imported until every
                row is valid: fix the file and choose it again.
              </Alert>
            )}
            {preview.ignoredColumns.length ? (
              <Alert tone="info">
                Ignored column{preview.ignoredColumns.length === 1 ? "" : "s"} (not part of the format):{" "}
                {preview.ignoredColumns.map((c) => `"${c}"`).join(", ")}.
              </Alert>
            ) : null}
            {preview.invalidRowCount > 0 ? (
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className="h-4 w-4 rounded border-slate-300"
                  checked={onlyErrors}
                  onChange={(e) => setOnlyErrors(e.target.checked)}
                />
                Show only rows with errors
              </label>
            ) : null}
          </div>
          {preview.rows.length ? <PreviewTable preview={preview} onlyErrors={onlyErrors} /> : null}
        </Card>
      ) : null}
    </div>
  );
}
