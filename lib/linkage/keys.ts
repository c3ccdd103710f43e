/**
 * Node keys of the linkage graph, the one place that spells them: a vendor is "vendor:<id>" (its
 * own components hang below it: "vendor:<id>/<kind>/…"), an inventory asset is "asset:<id>" (a
 * named but unmapped one "asset:unmapped:<name>"). Pure and client-safe.
 */

/** The key of a vendor's own node: "vendor:<id>". */
export const vendorKey = (vendorId: string) => `vendor:${vendorId}`;

/** The key of an inventory asset's node: "asset:<id>". */
export const assetKey = (assetId: string) => `asset:${assetId}`;

/** A vendor's own node ("vendor:<id>"), not one of its components ("vendor:<id>/firmware/…"). */
export const isVendorKey = (key: string) => key.startsWith("vendor:") && !key.includes("/");

/** A vendor's node or one of its own components ("vendor:<id>…"): never shared with another vendor. */
export const isVendorScopedKey = (key: string) => key.startsWith("vendor:");

/** An asset node: a record ("asset:<id>") or an unmapped name ("asset:unmapped:<name>"). */
export const isAssetKey = (key: string) => key.startsWith("asset:");

/** The id in a vendor's or an asset's own key ("vendor:<id>" / "asset:<id>" → "<id>"). */
export function idOfKey(key: string): string {
  if (isVendorKey(key)) return key.slice("vendor:".length);
  if (isAssetKey(key)) return key.slice("asset:".length);
  throw new Error(`not a vendor or asset node key: ${key}`);
}

/** The asset record id of an "asset:<id>" key, or null for any other node (unmapped names included). */
export function assetIdOfKey(key: string): string | null {
  const match = /^asset:([a-z0-9]{20,40})$/i.exec(key);
  return match ? match[1]! : null;
}
