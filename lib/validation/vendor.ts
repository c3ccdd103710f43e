import { z } from "zod";

// Optional text inputs arrive from forms as "" — treat blank as "not given".
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters.`)
    .optional()
    .transform((v) => (v ? v : undefined));

export const VENDOR_TIERS = ["CRITICAL", "HIGH", "MEDIUM", "LOW"] as const;

export const vendorInputSchema = z.object({
  name: z.string().trim().min(2, "Name must be at least 2 characters.").max(120, "Name must be at most 120 characters."),
  website: z
    .string()
    .trim()
    .max(200, "Website must be at most 200 characters.")
    .refine((v) => v === "" || /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v), "Website must be a full address starting with http:// or https://.")
    .optional()
    .transform((v) => (v ? v : undefined)),
  country: optionalText(80, "Country"),
  tier: z.enum(VENDOR_TIERS, { error: "Choose a tier: critical, high, medium or low." }),
  description: optionalText(2000, "Description"),
});
export type VendorInput = z.input<typeof vendorInputSchema>;
export type VendorData = z.output<typeof vendorInputSchema>;

export const contactInputSchema = z.object({
  name: z.string().trim().min(2, "Name must be at least 2 characters.").max(120, "Name must be at most 120 characters."),
  email: z.string().trim().toLowerCase().max(254, "E-mail must be at most 254 characters.").email("Enter a valid e-mail address."),
  phone: z
    .string()
    .trim()
    .max(40, "Phone must be at most 40 characters.")
    .refine((v) => v === "" || /^[+()0-9 .\-]{5,}$/.test(v), "Phone may contain digits, spaces and + ( ) . - only.")
    .optional()
    .transform((v) => (v ? v : undefined)),
  jobTitle: optionalText(120, "Job title"),
  isPrimary: z.boolean().default(false),
});
export type ContactInput = z.input<typeof contactInputSchema>;
export type ContactData = z.output<typeof contactInputSchema>;

/** Record ids are cuids; anything else is rejected before it reaches a query. */
export const idSchema = z.string().regex(/^[a-z0-9]{20,40}$/i, "Unknown record.");

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
