"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { saveScoringSettingsAction } from "@/app/(portal)/settings/scoring/actions";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { describedBy, Field, Input } from "@/components/ui/field";
import { scoringSettingsSchema, type ScoringSettingsInput } from "@/lib/validation/scoring-settings";

type Values = {
  criticality1: number;
  criticality2: number;
  criticality3: number;
  criticality4: number;
  criticality5: number;
  probabilityThreshold: number;
  criticalAssetMinCriticality: number;
  topPathCount: number;
};
const FIELDS = [
  "criticality1",
  "criticality2",
  "criticality3",
  "criticality4",
  "criticality5",
  "probabilityThreshold",
  "criticalAssetMinCriticality",
  "topPathCount",
] as const;

export function ScoringSettingsForm({
  values,
  defaults,
  customised,
}: {
  values: Values;
  defaults: Values;
  customised: boolean;
}) {
  const router = useRouter();
  const [banner, setBanner] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<ScoringSettingsInput>({
    resolver: zodResolver(scoringSettingsSchema),
    defaultValues: values,
    mode: "onTouched",
  });
  const { errors, isSubmitting } = formState;
  const err = (f: (typeof FIELDS)[number]) => errors[f]?.message;
  const onSubmit = handleSubmit(async (input) => {
    setBanner(null);
    const result = await saveScoringSettingsAction(input);
    if (!result.ok) {
      const unplaced = applyFieldErrors(setError, result.fieldErrors, FIELDS);
      setBanner({
        tone: "error",
        text: [
          result.code === "VALIDATION" && !unplaced.length ? "Some settings need attention." : result.message,
          ...unplaced,
        ].join(" "),
      });
      return;
    }
    setBanner({
      tone: "success",
      text: "Saved. Every vendor is being rescored with these settings — follow progress on the Scores page.",
    });
    router.refresh();
  });
  const num = (
    f: (typeof FIELDS)[number],
    label: string,
    props: { step?: string; min?: number; max?: number } = {},
  ) => (
    <Field id={f} label={label} error={err(f)} hint={`Default ${defaults[f]}`}>
      <Input
        id={f}
        type="number"
        inputMode="decimal"
        {...props}
        invalid={!!err(f)}
        aria-describedby={describedBy(f, err(f), "x")}
        {...register(f)}
      />
    </Field>
  );
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl space-y-6" aria-label="Scoring settings">
      {banner ? <Alert tone={banner.tone}>{banner.text}</Alert> : null}
      {customised ? null : <Alert tone="info">This organisation uses the documented defaults.</Alert>}
      <Card title="Consequence weight per asset criticality">
        <p className="mb-4 text-sm text-slate-600">
          Exposure adds up, for every asset a vendor can reach, this weight × the probability the asset is
          affected. Weights must not fall as criticality rises.
        </p>
        <div className="grid gap-4 sm:grid-cols-5">
          {num("criticality1", "1 (low)", { step: "0.5", min: 0 })}
          {num("criticality2", "2", { step: "0.5", min: 0 })}
          {num("criticality3", "3", { step: "0.5", min: 0 })}
          {num("criticality4", "4", { step: "0.5", min: 0 })}
          {num("criticality5", "5 (plant-critical)", { step: "0.5", min: 0 })}
        </div>
      </Card>
      <Card title="Paths and reporting">
        <div className="grid gap-4 sm:grid-cols-3">
          {num("probabilityThreshold", "Ignore paths less likely than", { step: "0.005", min: 0, max: 0.5 })}
          {num("criticalAssetMinCriticality", "“Critical asset” means criticality ≥", {
            step: "1",
            min: 1,
            max: 5,
          })}
          {num("topPathCount", "Explaining paths per vendor", { step: "1", min: 1, max: 10 })}
        </div>
      </Card>
      <div className="flex gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save and rescore"}
        </Button>
        <Button variant="secondary" onClick={() => reset(defaults)}>
          Fill in the defaults
        </Button>
      </div>
    </form>
  );
}
