"use server";

import { revalidatePath } from "next/cache";

import { runAction } from "@/lib/actions/run-action";
import { addDeployment, removeDeployment } from "@/lib/domain/inventory/deployments";
import { setBuyerControls } from "@/lib/domain/inventory/set-buyer-controls";

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

/** Stores the buyer-side controls around a deployment ({ controls: BuyerControl[] }); re-extracts and rescores its vendor. */
export async function setBuyerControlsAction(deploymentId: unknown, input: unknown) {
  return runAction("manageVendors", async (db, actor) => {
    const result = await setBuyerControls(db, actor, deploymentId, input);
    if (result.changed) {
      revalidatePath(`/vendors/${result.vendorId}`);
      revalidatePath(`/vendors/${result.vendorId}/score`);
      revalidatePath(`/inventory/${result.assetId}`);
      revalidatePath("/scores");
    }
    return {
      controls: result.controls,
      changed: result.changed,
      assessmentsRebuilt: result.assessmentsRebuilt,
      vendorsRescored: result.vendorsRescored,
    };
  });
}
