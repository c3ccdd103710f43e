"use server";

import { revalidatePath } from "next/cache";

import { runAction } from "@/lib/actions/run-action";
import { addDeployment, removeDeployment } from "@/lib/domain/inventory/deployments";

/** Records that a vendor's products sit on an asset; `input` is { assetId, note? } from the panel's form. */
export async function addDeploymentAction(vendorId: unknown, input: unknown) {
  return runAction("manageVendors", async (db, actor) => {
    const { assetId, note } = (input ?? {}) as { assetId?: unknown; note?: unknown };
    const deployment = await addDeployment(db, actor, vendorId, assetId, note);
    revalidatePath(`/vendors/${deployment.vendorId}`);
    revalidatePath(`/inventory/${deployment.asset.id}`);
    return { id: deployment.id };
  });
}

export async function removeDeploymentAction(deploymentId: unknown) {
  return runAction("manageVendors", async (db, actor) => {
    const { vendorId, assetId } = await removeDeployment(db, actor, deploymentId);
    revalidatePath(`/vendors/${vendorId}`);
    revalidatePath(`/inventory/${assetId}`);
    return { vendorId };
  });
}
