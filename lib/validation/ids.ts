// Node keys of the linkage graph (to join lib/linkage/keys.ts once that exists).

/** The linkage-graph key of an asset (as in lib/linkage): "asset:<id>". */
export const assetKey = (assetId: string) => `asset:${assetId}`;

/** The asset id of an "asset:<id>" key, or null for any other node. */
export function assetIdOfKey(key: string): string | null {
  const match = /^asset:([a-z0-9]{20,40})$/i.exec(key);
  return match ? match[1]! : null;
}
