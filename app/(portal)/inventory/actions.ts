"use server";

import { revalidatePath } from "next/cache";

import { runAction } from "@/lib/actions/run-action";
import { importAssets, previewAssetImport } from "@/lib/domain/inventory/import-assets";
import { addConnection, removeConnection } from "@/lib/domain/inventory/manage-connections";
import { createAsset, deleteAsset, updateAsset } from "@/lib/domain/inventory/save-asset";
import { assetIdOfKey } from "@/lib/linkage/keys";

export async function createAssetAction(input: unknown) {
  return runAction("manageInventory", async (db, actor) => {
    const asset = await createAsset(db, actor, input);
    revalidatePath("/inventory");
    return { id: asset.id };
  });
}

export async function updateAssetAction(assetId: unknown, input: unknown) {
  return runAction("manageInventory", async (db, actor) => {
    const asset = await updateAsset(db, actor, assetId, input);
    revalidatePath("/inventory");
    revalidatePath(`/inventory/${asset.id}`);
    return { id: asset.id };
  });
}

export async function deleteAssetAction(assetId: unknown) {
  return runAction("manageInventory", async (db, actor) => {
    const result = await deleteAsset(db, actor, assetId);
    revalidatePath("/inventory");
    return result;
  });
}

/**
 * The browser sends the CSV file itself: it travels as a raw multipart part, whereas a string argument
 * is JSON-escaped (every quote doubles in size). Its bytes go to the use case undecoded, so a file that
 * is not UTF-8 is reported (line and byte) rather than read with U+FFFD in place of each bad byte.
 */
async function csvTextOf(csv: unknown): Promise<unknown> {
  return csv instanceof Blob ? new Uint8Array(await csv.arrayBuffer()) : csv;
}

export async function previewAssetImportAction(csv: unknown) {
  return runAction("manageInventory", async (db, actor) =>
    previewAssetImport(db, actor, await csvTextOf(csv)),
  );
}

export async function importAssetsAction(csv: unknown) {
  return runAction("manageInventory", async (db, actor) => {
    const counts = await importAssets(db, actor, await csvTextOf(csv));
    revalidatePath("/inventory");
    return counts;
  });
}

export async function addConnectionAction(input: unknown) {
  return runAction("manageInventory", async (db, actor) => {
    const result = await addConnection(db, actor, input);
    revalidatePath(`/inventory/${result.fromAssetId}`);
    revalidatePath(`/inventory/${result.toAssetId}`);
    return { id: result.id };
  });
}

export async function removeConnectionAction(linkageId: unknown) {
  return runAction("manageInventory", async (db, actor) => {
    const { fromKey, toKey } = await removeConnection(db, actor, linkageId);
    for (const key of [fromKey, toKey]) {
      const id = assetIdOfKey(key);
      if (id) revalidatePath(`/inventory/${id}`);
    }
    return { removed: true };
  });
}
