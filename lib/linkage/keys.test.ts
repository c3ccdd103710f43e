import { describe, expect, it } from "vitest";

import {
  assetIdOfKey,
  assetKey,
  idOfKey,
  isAssetKey,
  isVendorKey,
  isVendorScopedKey,
  vendorKey,
} from "./keys";

const id = "clx0abcdefghijklmnopqrst";

describe("node keys", () => {
  it("spells vendor and asset keys and reads their ids back", () => {
    expect(vendorKey(id)).toBe(`vendor:${id}`);
    expect(assetKey(id)).toBe(`asset:${id}`);
    expect(idOfKey(vendorKey(id))).toBe(id);
    expect(idOfKey(assetKey(id))).toBe(id);
  });

  it.each([
    // key, vendor's own node, vendor-scoped, asset
    [`vendor:${id}`, true, true, false],
    [`vendor:${id}/firmware/main`, false, true, false],
    [`asset:${id}`, false, false, true],
    ["asset:unmapped:gw 2", false, false, true],
    ["component:pkg:generic/lumen@5", false, false, false],
  ])("%s: vendor %s, vendor-scoped %s, asset %s", (key, vendor, scoped, asset) => {
    expect(isVendorKey(key)).toBe(vendor);
    expect(isVendorScopedKey(key)).toBe(scoped);
    expect(isAssetKey(key)).toBe(asset);
  });

  it("refuses to read an id out of a component's key", () => {
    expect(() => idOfKey(`vendor:${id}/firmware/main`)).toThrow(/not a vendor or asset node key/);
    expect(() => idOfKey("component:x")).toThrow(/not a vendor or asset node key/);
  });

  it("finds an asset record id only in a record's own key", () => {
    expect(assetIdOfKey(assetKey(id))).toBe(id);
    expect(assetIdOfKey("asset:unmapped:gw-2")).toBeNull();
    expect(assetIdOfKey(vendorKey(id))).toBeNull();
    expect(assetIdOfKey("asset:short")).toBeNull();
  });
});
