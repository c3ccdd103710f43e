"use server";

import { revalidatePath } from "next/cache";

import { runAction } from "@/lib/actions/run-action";
import { addManualLinkage, removeManualLinkage } from "@/lib/domain/linkage/manual-linkages";

export async function addManualLinkageAction(input: unknown) {
  return runAction("manageLinkages", async (db, actor) => {
    const r = await addManualLinkage(db, actor, input);
    revalidatePath("/vendors/[id]", "page");
    revalidatePath("/scores");
    return r;
  });
}

export async function removeManualLinkageAction(linkageId: unknown) {
  return runAction("manageLinkages", async (db, actor) => {
    const r = await removeManualLinkage(db, actor, linkageId);
    revalidatePath(`/vendors/${r.vendorId}`);
    revalidatePath("/scores");
    return r;
  });
}
