import { ASSET_FIELDS_SELECT } from "@/lib/domain/inventory/asset-select";

import "server-only";

import { createHash } from "node:crypto";

import { assertCan, type Actor } from "@/lib/auth/roles";
import { parseAssetCsv, type ParsedCsvRow } from "@/lib/csv/parse-asset-csv";
import type { Db } from "@/lib/db/create-client";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assetKey } from "@/lib/linkage/keys";
import type { AssetData, AssetField } from "@/lib/validation/asset";

import { rescoreAfterInventoryChange } from "./rescore";
import { assetColumns } from "./save-asset";

export type ImportAction = "create" | "update" | "unchanged";

const existingSelect = {
  ...ASSET_FIELDS_SELECT,
  normalizedName: true,
  aliases: true,
  description: true,
} as const;
type ExistingAsset = Prisma.AssetGetPayload<{ select: typeof existingSelect }>;

/** The file as the browser sent it (bytes, decoded strictly by the parser) or text from code. */
function asFile(value: unknown): string | Uint8Array {
  if (typeof value !== "string" && !(value instanceof Uint8Array))
    throw new AppError("VALIDATION", "Choose a CSV file to import.");
  return value;
}

/** The columns a row changes on a matched asset: only the fields the file has columns for. */
function changesFor(row: AssetData, fields: readonly AssetField[], existing: ExistingAsset) {
  const all = assetColumns(row);
  const changes: Partial<ReturnType<typeof assetColumns>> = {};
  for (const field of fields) {
    if (JSON.stringify(all[field]) !== JSON.stringify(existing[field]))
      (changes as Record<string, unknown>)[field] = all[field];
  }
  return changes;
}

async function existingByName(db: Pick<Db, "asset">, organizationId: string, rows: readonly ParsedCsvRow[]) {
  const names = [...new Set(rows.map((r) => r.normalizedName).filter((n): n is string => n !== null))];
  const existing = names.length
    ? await db.asset.findMany({
        where: { organizationId, normalizedName: { in: names } },
        select: existingSelect,
      })
    : [];
  return new Map(existing.map((a) => [a.normalizedName, a]));
}

/**
 * Validates a CSV without writing anything: every row with its errors per column and whether it
 * would create an asset, update the asset of the same (normalised) name, or change nothing.
 */
export async function previewAssetImport(db: Db, actor: Actor, csvText: unknown) {
  assertCan(actor, "manageInventory");
  const parsed = parseAssetCsv(asFile(csvText));
  const existing = await existingByName(db, actor.organizationId, parsed.rows);
  const rows = parsed.rows.map((row) => {
    const match = row.normalizedName ? existing.get(row.normalizedName) : undefined;
    const action: ImportAction = !match
      ? "create"
      : row.data && Object.keys(changesFor(row.data, parsed.fields, match)).length === 0
        ? "unchanged"
        : "update";
    return {
      line: row.line,
      cells: row.cells,
      errors: row.errors,
      valid: row.data !== null,
      action,
      existingAssetId: match?.id ?? null,
    };
  });
  const count = (a: ImportAction) => rows.filter((r) => r.valid && r.action === a).length;
  return {
    columns: parsed.columns,
    ignoredColumns: parsed.ignoredColumns,
    fileErrors: parsed.fileErrors,
    rows,
    valid: parsed.valid,
    invalidRowCount: parsed.invalidRowCount,
    counts: { create: count("create"), update: count("update"), unchanged: count("unchanged") },
  };
}
export type AssetImportPreview = Awaited<ReturnType<typeof previewAssetImport>>;

/**
 * Imports a CSV all-or-nothing: re-validates it, and when any row is invalid writes nothing. Otherwise
 * creates and updates every row in one transaction (matching on the normalised name at commit time,
 * so a change since the preview is taken into account) and records one audit event with the counts.
 */
export async function importAssets(db: Db, actor: Actor, csvText: unknown) {
  assertCan(actor, "manageInventory");
  const file = asFile(csvText);
  const parsed = parseAssetCsv(file);
  if (!parsed.valid) {
    const problems = parsed.fileErrors.length
      ? parsed.fileErrors.join(" ")
      : `${parsed.invalidRowCount} row${parsed.invalidRowCount === 1 ? " has" : "s have"} errors.`;
    throw new AppError("VALIDATION", `Nothing was imported. ${problems} Fix the file and preview it again.`);
  }
  const rows = parsed.rows.map((r) => ({ data: r.data!, normalizedName: r.normalizedName! }));
  let outcome: {
    counts: { created: number; updated: number; unchanged: number; rows: number };
    rescore: string[];
  };
  try {
    outcome = await db.$transaction(
      async (tx) => {
        const existing = await existingByName(tx, actor.organizationId, parsed.rows);
        const creates: Prisma.AssetCreateManyInput[] = [];
        let updated = 0;
        let unchanged = 0;
        const rescore: string[] = [];
        for (const { data, normalizedName } of rows) {
          const match = existing.get(normalizedName);
          if (!match) {
            creates.push({ ...assetColumns(data), normalizedName, organizationId: actor.organizationId });
            continue;
          }
          const changes = changesFor(data, parsed.fields, match);
          if (Object.keys(changes).length === 0) {
            unchanged++;
            continue;
          }
          await tx.asset.update({
            where: { id: match.id, organizationId: actor.organizationId },
            data: changes,
          });
          if ("criticality" in changes) rescore.push(assetKey(match.id));
          updated++;
        }
        if (creates.length) await tx.asset.createMany({ data: creates });
        const counts = { created: creates.length, updated, unchanged, rows: rows.length };
        await recordAuditEvent(tx, actor, {
          action: "asset.import",
          entityType: "Organization",
          entityId: actor.organizationId,
          details: {
            ...counts,
            columns: parsed.columns,
            sha256: createHash("sha256").update(file).digest("hex"),
          },
        });
        return { counts, rescore };
      },
      // 5,000 rows of updates take a few seconds on a small server; the default 5 s is too tight.
      { timeout: 60_000, maxWait: 10_000 },
    );
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError(
        "CONFLICT",
        "The inventory changed while importing (an asset of the same name was added). Nothing was imported; preview the file again.",
      );
    }
    throw error;
  }
  await rescoreAfterInventoryChange(db, actor.organizationId, outcome.rescore, "asset CSV import");
  return outcome.counts;
}
