"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { saveExposureBandsAction } from "@/app/(portal)/settings/scoring/exposure-band-actions";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import { ExposureBandLegend } from "@/components/scores/exposure-band";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { describedBy, Field, Input } from "@/components/ui/field";
import type { ExposureBandThresholds } from "@/lib/portfolio/exposure-bands";
import {
  exposureBandThresholdsSchema,
  type ExposureBandThresholdsInput,
} from "@/lib/validation/exposure-bands";

const FIELDS = ["guarded", "elevated", "high", "severe"] as const;
const LABELS = {
  guarded: "Guarded from",
  elevated: "Elevated from",
  high: "High from",
  severe: "Severe from",
} as const;

/** Where each exposure band starts; saving relabels scores and never recomputes them. */
export function ExposureBandsForm({
  values,
  defaults,
  customised,
}: {
  values: ExposureBandThresholds;
  defaults: ExposureBandThresholds;
  customised: boolean;
}) {
  const router = useRouter();
  const [banner, setBanner] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<ExposureBandThresholdsInput>({
    resolver: zodResolver(exposureBandThresholdsSchema),
    defaultValues: values,
    mode: "onTouched",
  });
  const { errors, isSubmitting } = formState;
  const onSubmit = handleSubmit(async (input) => {
    setBanner(null);
    const result = await saveExposureBandsAction(input);
    if (!result.ok) {
      const unplaced = applyFieldErrors(setError, result.fieldErrors, FIELDS);
      setBanner({
        tone: "error",
        text: [
          result.code === "VALIDATION" && !unplaced.length
            ? "Some thresholds need attention."
            : result.message,
          ...unplaced,
        ].join(" "),
      });
      return;
    }
    setBanner({ tone: "success", text: "Saved. Every exposure is now shown in these bands." });
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl" aria-label="Exposure bands">
      <Card title="Exposure bands">
        <div className="space-y-4">
          {banner ? <Alert tone={banner.tone}>{banner.text}</Alert> : null}
          <p className="text-sm text-slate-600">
            Every exposure is shown with a band. An exposure at or above a threshold is in that band; below
            the first one it is low. The defaults count in plant-critical assets surely affected (16 each with
            the default weights): elevated from one, high from three, severe from six.
            {customised ? null : " This organisation uses the defaults."}
          </p>
          <ExposureBandLegend bands={values} />
          <div className="grid gap-4 sm:grid-cols-4">
            {FIELDS.map((f) => (
              <Field
                key={f}
                id={`band-${f}`}
                label={LABELS[f]}
                error={errors[f]?.message}
                hint={`Default ${defaults[f]}`}
              >
                <Input
                  id={`band-${f}`}
                  type="number"
                  inputMode="decimal"
                  step="any"
                  min={0}
                  invalid={!!errors[f]}
                  aria-describedby={describedBy(`band-${f}`, errors[f]?.message, "x")}
                  {...register(f)}
                />
              </Field>
            ))}
          </div>
          <div className="flex gap-3">
            <Button type="submit" disabled={isSubmitting}>
              {isSubmitting ? "Saving…" : "Save bands"}
            </Button>
            <Button variant="secondary" onClick={() => reset(defaults)}>
              Fill in the defaults
            </Button>
          </div>
        </div>
      </Card>
    </form>
  );
}
