import { z } from "zod";

import { BUYER_CONTROLS } from "@/lib/linkage/buyer-controls";
import {
  hasControlCharacter,
  multiLineText,
  optionalMultiLineText,
  optionalSingleLineText,
  singleLineText,
} from "@/lib/text";

import { recordIdSchema, searchTextSchema } from "./common";

// One schema for the asset form (client), the use cases (server) and every row of a CSV import, so
// a value the form refuses is refused by the import with the same words.

export const ASSET_TYPES = [
  "SITE",
  "ZONE",
  "CONTROLLER",
  "GATEWAY",
  "BROKER",
  "HMI",
  "HISTORIAN",
  "ENGINEERING_WORKSTATION",
  "MANAGEMENT_PLATFORM",
  "NETWORK_SEGMENT",
  "OTHER",
] as const;
export type AssetType = (typeof ASSET_TYPES)[number];

export const ASSET_TYPE_LABEL: Record<AssetType, string> = {
  SITE: "Site",
  ZONE: "Zone",
  CONTROLLER: "Controller (PLC / RTU / DCS)",
  GATEWAY: "Gateway / protocol translator",
  BROKER: "Broker",
  HMI: "HMI",
  HISTORIAN: "Historian",
  ENGINEERING_WORKSTATION: "Engineering workstation",
  MANAGEMENT_PLATFORM: "Management platform",
  NETWORK_SEGMENT: "Network segment",
  OTHER: "Other",
};

/**
 * Words people write in a spreadsheet for our types (compared lower-case, with spaces, hyphens and
 * underscores ignored). Listed in docs/inventory-csv.md.
 */
const TYPE_SYNONYMS: Record<string, AssetType> = {
  plc: "CONTROLLER",
  rtu: "CONTROLLER",
  dcs: "CONTROLLER",
  sis: "CONTROLLER",
  controller: "CONTROLLER",
  protocoltranslator: "GATEWAY",
  protocolgateway: "GATEWAY",
  mqttbroker: "BROKER",
  messagebroker: "BROKER",
  ews: "ENGINEERING_WORKSTATION",
  workstation: "ENGINEERING_WORKSTATION",
  scada: "MANAGEMENT_PLATFORM",
  platform: "MANAGEMENT_PLATFORM",
  segment: "NETWORK_SEGMENT",
  network: "NETWORK_SEGMENT",
  vlan: "NETWORK_SEGMENT",
  sensor: "OTHER",
};
const squash = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, "");
const TYPE_BY_WORD: Record<string, AssetType> = {
  ...Object.fromEntries(ASSET_TYPES.map((t) => [squash(t), t])),
  ...TYPE_SYNONYMS,
};

export const ASSET_TYPE_MESSAGE = `Choose a type: ${ASSET_TYPES.map((t) => t.toLowerCase()).join(", ")}.`;

/** "plc", "Engineering workstation", "GATEWAY" … → the enum value; undefined when unknown. */
export function parseAssetType(value: string): AssetType | undefined {
  return TYPE_BY_WORD[squash(value.trim())];
}

export const CRITICALITY_MESSAGE = "Criticality must be a whole number from 1 (low) to 5 (plant-critical).";
export const SAFETY_MESSAGE = "Safety impact must be yes or no.";
export const MAX_ALIASES = 20;

const assetTypeSchema = z.string({ error: ASSET_TYPE_MESSAGE }).transform((value, ctx) => {
  if (value.trim() === "") {
    ctx.addIssue({ code: "custom", message: "Type is required." });
    return z.NEVER;
  }
  const type = parseAssetType(value);
  if (!type) {
    ctx.addIssue({
      code: "custom",
      message: `Unknown type "${value.trim().slice(0, 40)}". ${ASSET_TYPE_MESSAGE}`,
    });
    return z.NEVER;
  }
  return type;
});

// Forms send the select's string, CSV cells are strings, code may pass a number.
const criticalitySchema = z
  .union([z.number(), z.string()], { error: CRITICALITY_MESSAGE })
  .transform((value, ctx) => {
    if (typeof value === "string" && value.trim() === "") {
      ctx.addIssue({ code: "custom", message: "Criticality is required (1 to 5)." });
      return z.NEVER;
    }
    const n = typeof value === "number" ? value : Number(value.trim());
    if (!Number.isInteger(n) || n < 1 || n > 5) {
      ctx.addIssue({ code: "custom", message: CRITICALITY_MESSAGE });
      return z.NEVER;
    }
    return n;
  });

const TRUE_WORDS = new Set(["yes", "y", "true", "1", "x"]);
const FALSE_WORDS = new Set(["no", "n", "false", "0", ""]);
const safetyImpactSchema = z
  .union([z.boolean(), z.string()], { error: SAFETY_MESSAGE })
  .optional()
  .transform((value, ctx) => {
    if (value === undefined) return false;
    if (typeof value === "boolean") return value;
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    ctx.addIssue({ code: "custom", message: SAFETY_MESSAGE });
    return z.NEVER;
  });

/** Semicolon-separated text (form, CSV) or a list; trimmed, blanks dropped, repeats removed. */
const aliasesSchema = z
  .union([z.array(z.string()), z.string()], { error: "Aliases must be text, separated by semicolons." })
  .optional()
  .transform((value, ctx) => {
    const parts = (typeof value === "string" ? value.split(/[;\n]/) : (value ?? []))
      .map((s) => s.trim().replace(/\s+/g, " "))
      .filter(Boolean);
    const seen = new Set<string>();
    const aliases = parts.filter((a) =>
      seen.has(a.toLowerCase()) ? false : (seen.add(a.toLowerCase()), true),
    );
    if (aliases.length > MAX_ALIASES)
      ctx.addIssue({ code: "custom", message: `At most ${MAX_ALIASES} aliases.` });
    const long = aliases.find((a) => a.length > 120);
    if (long)
      ctx.addIssue({
        code: "custom",
        message: `Each alias must be at most 120 characters ("${long.slice(0, 20)}…" is longer).`,
      });
    if (aliases.some(hasControlCharacter))
      ctx.addIssue({ code: "custom", message: "Aliases must not contain control characters." });
    return aliases;
  });

export const assetInputSchema = z.object({
  name: singleLineText("Name", { min: 1, max: 120 }),
  type: assetTypeSchema,
  criticality: criticalitySchema,
  safetyImpact: safetyImpactSchema,
  site: optionalSingleLineText("Site", 120),
  zone: optionalSingleLineText("Zone", 120),
  aliases: aliasesSchema,
  description: optionalMultiLineText("Description", 2000),
});
export type AssetInput = z.input<typeof assetInputSchema>;
export type AssetData = z.output<typeof assetInputSchema>;
export type AssetField = keyof AssetData;
export const ASSET_FIELDS = [
  "name",
  "type",
  "criticality",
  "safetyImpact",
  "site",
  "zone",
  "aliases",
  "description",
] as const satisfies readonly AssetField[];

/** Lower-cased, whitespace-collapsed: the per-organisation identity of an asset (and CSV match key). */
export const normalizeAssetName = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();

export const ASSET_SORTS = ["name", "type", "criticality", "site", "zone", "updatedAt"] as const;
export const assetListQuerySchema = z.object({
  q: searchTextSchema,
  type: z.enum(ASSET_TYPES).optional().catch(undefined),
  sort: z.enum(ASSET_SORTS).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  pageSize: z.coerce.number().int().min(5).max(100).catch(50),
});
export type AssetListQuery = z.output<typeof assetListQuerySchema>;

// ── CSV import (docs/inventory-csv.md; parsed by lib/csv/parse-asset-csv.ts) ──

export const CSV_COLUMNS = [
  "name",
  "type",
  "criticality",
  "safety_impact",
  "site",
  "zone",
  "aliases",
  "description",
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export const REQUIRED_CSV_COLUMNS = ["name", "type", "criticality"] as const satisfies readonly CsvColumn[];

/** Limits of one import, checked in the browser before sending and again on the server. */
export const CSV_LIMITS = { maxBytes: 1_000_000, maxRows: 5_000 } as const;
export type CsvLimits = { maxBytes: number; maxRows: number };

// ── Connections: the buyer's own adjacency between two assets (Linkage rows, source INVENTORY) ──

export const LINKAGE_KINDS = ["ADJACENCY", "INHERITANCE", "TRUST"] as const;
export type ConnectionKind = (typeof LINKAGE_KINDS)[number];

export const LINKAGE_KIND_LABEL: Record<ConnectionKind, string> = {
  ADJACENCY: "Adjacency (network reach)",
  INHERITANCE: "Inheritance (shared software / firmware)",
  TRUST: "Trust (credentials / management access)",
};

/**
 * Defaults when the buyer records a connection, taken from the scoring model's control tables
 * (lib/scoring/config.ts): a recorded adjacency is reach without known filtering (0.8, "shared gateway,
 * no filtering"); inheritance is an unpatched shared stack (0.6); trust is a standing service
 * account (0.85). The buyer can lower any of them when a control is in place.
 */
export const DEFAULT_CONNECTION_WEIGHT: Record<ConnectionKind, number> = {
  ADJACENCY: 0.8,
  INHERITANCE: 0.6,
  TRUST: 0.85,
};

/** Record ids are cuids; anything else is rejected before it reaches a query. */
export const assetIdSchema = recordIdSchema("Choose an asset.");

const connectionFields = {
  kind: z.enum(LINKAGE_KINDS, { error: "Choose a kind: adjacency, inheritance or trust." }),
  weight: z
    .union([z.number(), z.string()], { error: "Weight must be a number from 0 to 1." })
    .transform((value, ctx) => {
      const n = typeof value === "number" ? value : value.trim() === "" ? NaN : Number(value.trim());
      if (!Number.isFinite(n) || n < 0 || n > 1) {
        ctx.addIssue({ code: "custom", message: "Weight must be a number from 0 to 1." });
        return z.NEVER;
      }
      return Math.round(n * 1000) / 1000;
    }),
  reason: multiLineText("Reason", {
    min: 3,
    max: 500,
    minMessage: "Say why they are connected (at least 3 characters).",
  }),
};

/** What the use case takes: "if `fromAssetId` is compromised, `toAssetId` is affected with probability `weight`". */
export const connectionInputSchema = z
  .object({ fromAssetId: assetIdSchema, toAssetId: assetIdSchema, ...connectionFields })
  .refine((c) => c.fromAssetId !== c.toAssetId, {
    message: "An asset cannot be connected to itself.",
    path: ["toAssetId"],
  });
export type ConnectionInput = z.input<typeof connectionInputSchema>;

/** What the form on an asset's page asks: the other asset and which way the effect runs. */
export const connectionFormSchema = z.object({
  direction: z.enum(["outgoing", "incoming"], { error: "Choose a direction." }),
  otherAssetId: assetIdSchema,
  ...connectionFields,
});
export type ConnectionFormInput = z.input<typeof connectionFormSchema>;
export type ConnectionFormData = z.output<typeof connectionFormSchema>;

// ── Deployments: where a vendor's products sit ──

export const deploymentInputSchema = z.object({
  assetId: assetIdSchema,
  note: optionalMultiLineText("Note", 500),
});
export type DeploymentInput = z.input<typeof deploymentInputSchema>;
export type DeploymentData = z.output<typeof deploymentInputSchema>;

// ── Buyer-side controls around a deployment ──

export const buyerControlsInputSchema = z.object({
  controls: z
    .array(z.enum(BUYER_CONTROLS, { error: "Unknown buyer-side control." }))
    .max(BUYER_CONTROLS.length, "Too many controls.")
    .default([]),
});
export type BuyerControlsInput = z.input<typeof buyerControlsInputSchema>;
export type BuyerControlsData = z.output<typeof buyerControlsInputSchema>;
