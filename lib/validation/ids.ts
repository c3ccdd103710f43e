import { notFound } from "@/lib/errors";
import { assetIdSchema } from "@/lib/validation/asset";

/** A well-formed record id, or NOT_FOUND: malformed ids never reach a query. */
export function parseRecordId(value: unknown, what: string): string {
  const id = assetIdSchema.safeParse(value);
  if (!id.success) throw notFound(what);
  return id.data;
}

/** The linkage-graph key of an asset (as in lib/linkage): "asset:<id>". */
export const assetKey = (assetId: string) => `asset:${assetId}`;

/** The asset id of an "asset:<id>" key, or null for any other node. */
export function assetIdOfKey(key: string): string | null {
  const match = /^asset:([a-z0-9]{20,40})$/i.exec(key);
  return match ? match[1]! : null;
}
