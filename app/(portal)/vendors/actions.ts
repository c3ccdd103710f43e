"use server";

import { revalidatePath } from "next/cache";

import { runAction } from "@/lib/actions/run-action";
import { createContact, deleteContact, updateContact } from "@/lib/domain/vendor/manage-contacts";
import { createVendor, setVendorArchived, updateVendor } from "@/lib/domain/vendor/save-vendor";

export async function createVendorAction(input: unknown) {
  return runAction("manageVendors", async (db, actor) => {
    const vendor = await createVendor(db, actor, input);
    revalidatePath("/vendors");
    return { id: vendor.id };
  });
}

export async function updateVendorAction(vendorId: unknown, input: unknown) {
  return runAction("manageVendors", async (db, actor) => {
    const vendor = await updateVendor(db, actor, vendorId, input);
    revalidatePath("/vendors");
    revalidatePath(`/vendors/${vendor.id}`);
    return { id: vendor.id };
  });
}

export async function setVendorArchivedAction(vendorId: unknown, archived: unknown) {
  return runAction("manageVendors", async (db, actor) => {
    const result = await setVendorArchived(db, actor, vendorId, archived === true);
    revalidatePath("/vendors");
    revalidatePath(`/vendors/${result.id}`);
    return result;
  });
}

export async function createContactAction(vendorId: unknown, input: unknown) {
  return runAction("manageVendors", async (db, actor) => {
    const contact = await createContact(db, actor, vendorId, input);
    revalidatePath(`/vendors/${contact.vendorId}`);
    return { id: contact.id };
  });
}

export async function updateContactAction(contactId: unknown, input: unknown) {
  return runAction("manageVendors", async (db, actor) => {
    const contact = await updateContact(db, actor, contactId, input);
    revalidatePath(`/vendors/${contact.vendorId}`);
    return { id: contact.id };
  });
}

export async function deleteContactAction(contactId: unknown) {
  return runAction("manageVendors", async (db, actor) => {
    const { vendorId } = await deleteContact(db, actor, contactId);
    revalidatePath(`/vendors/${vendorId}`);
    return { vendorId };
  });
}
