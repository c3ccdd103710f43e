import { z } from "zod";

const weight = (label: string) =>
  z.coerce
    .number({ error: `${label} must be a number.` })
    .min(0, `${label} must be 0 or more.`)
    .max(1000, `${label} must be at most 1000.`);

/** The scoring settings an administrator may change (lib/scoring ScoringConfigOverrides, a subset). */
export const scoringSettingsSchema = z
  .object({
    criticality1: weight("Criticality 1"),
    criticality2: weight("Criticality 2"),
    criticality3: weight("Criticality 3"),
    criticality4: weight("Criticality 4"),
    criticality5: weight("Criticality 5"),
    probabilityThreshold: z.coerce
      .number({ error: "Enter a number." })
      .gt(0, "Must be above 0.")
      .max(0.5, "Must be at most 0.5: higher would ignore most paths."),
    criticalAssetMinCriticality: z.coerce.number().int().min(1, "Choose 1 to 5.").max(5, "Choose 1 to 5."),
    topPathCount: z.coerce
      .number({ error: "Enter a whole number." })
      .int("Enter a whole number.")
      .min(1, "At least 1.")
      .max(10, "At most 10."),
  })
  .superRefine((v, ctx) => {
    const levels = [v.criticality1, v.criticality2, v.criticality3, v.criticality4, v.criticality5];
    for (let i = 1; i < levels.length; i++) {
      if (levels[i]! < levels[i - 1]!)
        ctx.addIssue({
          code: "custom",
          path: [`criticality${i + 1}`],
          message: `Must be at least the weight of criticality ${i}: a more critical asset cannot count less.`,
        });
    }
  });
export type ScoringSettingsInput = z.input<typeof scoringSettingsSchema>;
