import { z } from "zod";

import { optionalMultiLineText, optionalSingleLineText, singleLineText } from "@/lib/text";

export const VENDOR_TIERS = ["CRITICAL", "HIGH", "MEDIUM", "LOW"] as const;

export const vendorInputSchema = z.object({
  name: singleLineText("Name", { min: 2, max: 120 }),
  website: singleLineText("Website", { max: 200 })
    .refine(
      (v) => v === "" || /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v),
      "Website must be a full address starting with http:// or https://.",
    )
    .optional()
    .transform((v) => (v ? v : undefined)),
  country: optionalSingleLineText("Country", 80),
  tier: z.enum(VENDOR_TIERS, { error: "Choose a tier: critical, high, medium or low." }),
  description: optionalMultiLineText("Description", 2000),
});
export type VendorInput = z.input<typeof vendorInputSchema>;
export type VendorData = z.output<typeof vendorInputSchema>;

export const contactInputSchema = z.object({
  name: singleLineText("Name", { min: 2, max: 120 }),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, "E-mail must be at most 254 characters.")
    .email("Enter a valid e-mail address."),
  phone: singleLineText("Phone", { max: 40 })
    .refine(
      (v) => v === "" || /^[+()0-9 .\-]{5,}$/.test(v),
      "Phone may contain digits, spaces and + ( ) . - only.",
    )
    .optional()
    .transform((v) => (v ? v : undefined)),
  jobTitle: optionalSingleLineText("Job title", 120),
  isPrimary: z.boolean().default(false),
});
export type ContactInput = z.input<typeof contactInputSchema>;
export type ContactData = z.output<typeof contactInputSchema>;

/** Record ids are cuids; anything else is rejected before it reaches a query. */

export const VENDOR_SORTS = ["name", "tier", "updatedAt", "createdAt"] as const;
export const vendorListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  sort: z.enum(VENDOR_SORTS).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  pageSize: z.coerce.number().int().min(5).max(100).catch(20),
  archived: z.enum(["active", "archived", "all"]).catch("active"),
});
export type VendorListQuery = z.output<typeof vendorListQuerySchema>;
