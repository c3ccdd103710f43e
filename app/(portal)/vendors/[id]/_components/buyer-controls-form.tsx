"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { setBuyerControlsAction } from "@/app/(portal)/inventory/deployment-actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { BUYER_CONTROL_LABELS } from "@/lib/linkage/buyer-control-targets";
import { BUYER_CONTROLS, type BuyerControl } from "@/lib/linkage/buyer-controls";
import {
  buyerControlsInputSchema,
  type BuyerControlsData,
  type BuyerControlsInput,
} from "@/lib/validation/asset";

const FIELDS = ["controls"] as const;

/** The controls a deployment has, as chips (everyone who reads the vendor sees them). */
export function BuyerControlChips({ controls }: { controls: readonly string[] }) {
  const known = BUYER_CONTROLS.filter((c) => controls.includes(c));
  if (known.length === 0) return null;
  return (
    <ul className="mt-1 flex flex-wrap gap-1" aria-label="Buyer-side controls">
      {known.map((c) => (
        <li key={c}>
          <Badge tone="green">{BUYER_CONTROL_LABELS[c].label}</Badge>
        </li>
      ))}
    </ul>
  );
}

/**
 * Tick what the buyer already has around one deployment. Plain checkboxes in a fieldset: Tab moves
 * between them, Space ticks, Enter on Save submits. Saving re-extracts the vendor's linkages and
 * rescores it.
 */
export function BuyerControlsForm({
  deploymentId,
  assetName,
  controls,
}: {
  deploymentId: string;
  assetName: string;
  controls: readonly string[];
}) {
  const router = useRouter();
  const [saved, setSaved] = useState<string | null>(null);
  const initial = BUYER_CONTROLS.filter((c) => controls.includes(c));
  const { form, onSubmit, formError, err } = useActionForm<
    BuyerControlsInput,
    BuyerControlsData,
    { changed: boolean; vendorsRescored: number; assessmentsRebuilt: number }
  >({
    resolver: zodResolver(buyerControlsInputSchema),
    defaultValues: { controls: initial },
    fields: FIELDS,
    submit: (values) => {
      setSaved(null);
      return setBuyerControlsAction(deploymentId, values);
    },
    onSuccess: (data) => {
      setSaved(
        !data.changed
          ? "Nothing changed."
          : data.assessmentsRebuilt === 0
            ? "Saved. They will apply once an assessment of this vendor is accepted."
            : `Saved. Linkages re-extracted and ${data.vendorsRescored} vendor${data.vendorsRescored === 1 ? "" : "s"} rescored.`,
      );
      form.reset({ controls: form.getValues("controls") });
      router.refresh();
    },
  });
  const {
    watch,
    setValue,
    formState: { isSubmitting, isDirty },
  } = form;
  const ticked = watch("controls") ?? [];
  const toggle = (c: BuyerControl, on: boolean) =>
    setValue(
      "controls",
      BUYER_CONTROLS.filter((x) => (x === c ? on : ticked.includes(x))),
      { shouldDirty: true },
    );
  const idBase = `buyer-controls-${deploymentId}`;
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={`Buyer-side controls on ${assetName}`}
      className="space-y-3"
    >
      {formError.length ? <Alert>{formError.join(" ")}</Alert> : null}
      <fieldset aria-describedby={err("controls") ? `${idBase}-error` : `${idBase}-hint`}>
        <legend className="sr-only">Buyer-side controls on {assetName}</legend>
        <p id={`${idBase}-hint`} className="mb-2 text-xs text-slate-600">
          What you already have around this deployment. Each lowers this vendor&apos;s linkages into it, and
          the score explains how.
        </p>
        <ul className="grid gap-2 sm:grid-cols-2">
          {BUYER_CONTROLS.map((c) => {
            const id = `${idBase}-${c}`;
            const on = ticked.includes(c);
            return (
              <li key={c}>
                <label
                  htmlFor={id}
                  className={`flex h-full cursor-pointer gap-2 rounded-md p-2 ring-1 focus-within:ring-2 focus-within:ring-brand-600 ${on ? "ring-brand-300 bg-brand-50" : "ring-slate-200 hover:bg-slate-50"}`}
                >
                  <input
                    id={id}
                    type="checkbox"
                    className="mt-0.5 h-4 w-4 shrink-0 rounded border-slate-300"
                    checked={on}
                    onChange={(e) => toggle(c, e.target.checked)}
                  />
                  <span className="text-sm">
                    <span className="block font-medium text-slate-900">{BUYER_CONTROL_LABELS[c].label}</span>
                    <span className="block text-xs text-slate-600">{BUYER_CONTROL_LABELS[c].meaning}</span>
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
        {err("controls") ? (
          <p id={`${idBase}-error`} role="alert" className="mt-2 text-sm text-red-700">
            {err("controls")}
          </p>
        ) : null}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving and rescoring…" : "Save controls"}
        </Button>
        <p role="status" className="text-sm text-slate-600">
          {isDirty ? "Unsaved changes." : saved}
        </p>
      </div>
    </form>
  );
}
