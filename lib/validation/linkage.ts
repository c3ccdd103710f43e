import { z } from "zod";

import { multiLineText } from "@/lib/text";

export const MANUAL_LINKAGE_KINDS = ["ADJACENCY", "INHERITANCE", "TRUST"] as const;

/** A linkage the buyer records by hand from a vendor to an asset or a graph node, with a reason. */
export const manualLinkageSchema = z.object({
  vendorId: z.string().regex(/^[a-z0-9]{20,40}$/i, "Unknown vendor."),
  toKey: z.string().min(3, "Choose what the vendor reaches.").max(300, "Choose what the vendor reaches."),
  kind: z.enum(MANUAL_LINKAGE_KINDS, { error: "Choose a kind: adjacency, inheritance or trust." }),
  weight: z.coerce
    .number({ error: "Weight must be a number from 0 to 1." })
    .min(0, "Weight must be a number from 0 to 1.")
    .max(1, "Weight must be a number from 0 to 1."),
  reason: multiLineText("Reason", { min: 3, max: 500, minMessage: "Say why (at least 3 characters)." }),
});
export type ManualLinkageInput = z.input<typeof manualLinkageSchema>;
