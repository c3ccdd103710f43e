// Client-safe: the what-if form validates with the same schemas the server parses with.
import { z } from "zod";

import { BUYER_CONTROLS } from "@/lib/linkage/buyer-controls";
import { singleLineText } from "@/lib/text";
import { WHAT_IF_CONTROL_IDS } from "@/lib/what-if/controls";

const linkageId = z.string().min(1, "Unknown linkage.").max(64, "Unknown linkage.");

export const weightSchema = z
  .number({ error: "Weight must be a number between 0 and 1." })
  .refine((w) => Number.isFinite(w), "Weight must be a number between 0 and 1.")
  .min(0, "Weight must be at least 0 (cannot propagate).")
  .max(1, "Weight must be at most 1 (always propagates).");

export const scenarioChangesSchema = z.object({
  controls: z
    .array(z.enum(WHAT_IF_CONTROL_IDS, { error: "Unknown control." }))
    .max(WHAT_IF_CONTROL_IDS.length)
    .default([]),
  buyerControls: z
    .array(z.enum(BUYER_CONTROLS, { error: "Unknown buyer-side control." }))
    .max(BUYER_CONTROLS.length)
    .default([]),
  remove: z.array(linkageId).max(2000, "Too many linkages in one scenario.").default([]),
  reweight: z
    .array(z.object({ linkageId, weight: weightSchema }))
    .max(2000, "Too many linkages in one scenario.")
    .default([]),
});

export const evaluateWhatIfSchema = z.object({
  vendorId: z.string().min(1).max(64).nullable().default(null),
  changes: scenarioChangesSchema,
});

export const saveScenarioSchema = evaluateWhatIfSchema.extend({
  name: singleLineText("A name", { min: 1, max: 120, minMessage: "Give the scenario a name." }),
});

export const remediationRequestSchema = z.object({
  scenarioId: z.string().min(1).max(64),
  message: z.string().trim().max(2000, "The message must be at most 2000 characters.").optional(),
});

export type EvaluateWhatIfInput = z.input<typeof evaluateWhatIfSchema>;
export type SaveScenarioInput = z.input<typeof saveScenarioSchema>;
