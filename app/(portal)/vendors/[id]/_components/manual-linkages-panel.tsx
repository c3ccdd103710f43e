"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";

import {
  addManualLinkageAction,
  removeManualLinkageAction,
} from "@/app/(portal)/vendors/[id]/linkage-actions";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { SearchComboboxController } from "@/components/ui/search-combobox";
import { MANUAL_LINKAGE_KINDS, manualLinkageSchema, type ManualLinkageInput } from "@/lib/validation/linkage";

type Row = {
  id: string;
  toName: string;
  kind: (typeof MANUAL_LINKAGE_KINDS)[number];
  weight: number;
  reason: string;
};
const FIELDS = ["toKey", "kind", "weight", "reason"] as const;
const KIND_LABEL = { ADJACENCY: "Adjacency", INHERITANCE: "Inheritance", TRUST: "Trust" } as const;
// Defaults taken from the scoring model's control tables (docs/scoring.md): reach without known filtering,
// an unpatched shared stack, a standing service account.
const DEFAULT_WEIGHT = { ADJACENCY: 0.8, INHERITANCE: 0.6, TRUST: 0.85 } as const;

/** Linkages the buyer knows of but no questionnaire captured, e.g. "their engineer's laptop is on our L2 network". */
export function ManualLinkagesPanel({
  vendorId,
  linkages,
  canManage,
}: {
  vendorId: string;
  linkages: Row[];
  canManage: boolean;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const {
    register,
    handleSubmit,
    setError: setFieldError,
    setValue,
    control,
    reset,
    formState,
  } = useForm<ManualLinkageInput>({
    resolver: zodResolver(manualLinkageSchema),
    defaultValues: { vendorId, toKey: "", kind: "TRUST", weight: DEFAULT_WEIGHT.TRUST, reason: "" },
  });
  const kind = useWatch({ control, name: "kind" });
  const { errors, isSubmitting } = formState;
  const err = (f: (typeof FIELDS)[number]) => errors[f]?.message;
  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    const result = await addManualLinkageAction(values);
    if (!result.ok) {
      const unplaced = applyFieldErrors(setFieldError, result.fieldErrors, FIELDS);
      if (result.code !== "VALIDATION" || unplaced.length) setError([result.message, ...unplaced].join(" "));
      return;
    }
    reset({ vendorId, toKey: "", kind: values.kind, weight: DEFAULT_WEIGHT[values.kind], reason: "" });
    setOpen(false);
    router.refresh();
  });
  const remove = (row: Row) => {
    if (!window.confirm(`Remove the linkage to ${row.toName}?`)) return;
    startTransition(async () => {
      const result = await removeManualLinkageAction(row.id);
      if (!result.ok) setError(result.message);
      else router.refresh();
    });
  };
  return (
    <Card
      title="Linkages recorded by hand"
      actions={
        canManage && !open ? (
          <Button variant="secondary" onClick={() => setOpen(true)}>
            Add linkage
          </Button>
        ) : null
      }
    >
      {error ? (
        <div className="mb-3">
          <Alert>{error}</Alert>
        </div>
      ) : null}
      {open ? (
        <form
          onSubmit={onSubmit}
          noValidate
          className="mb-4 space-y-4 rounded-md bg-slate-50 p-4 ring-1 ring-slate-200"
          aria-label="Add a linkage"
        >
          <p className="text-sm text-slate-600">
            If this vendor is compromised or fails, what else is affected, how likely, and why? Scores update
            when you save.
          </p>
          <Field id="ml-to" label="Reaches" required error={err("toKey")}>
            <SearchComboboxController
              control={control}
              name="toKey"
              id="ml-to"
              type="target"
              placeholder="Search assets and components…"
              invalid={!!err("toKey")}
              aria-describedby={describedBy("ml-to", err("toKey"))}
            />
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="ml-kind" label="Kind" required error={err("kind")}>
              <Select
                id="ml-kind"
                {...register("kind", {
                  onChange: (e) =>
                    setValue("weight", DEFAULT_WEIGHT[e.target.value as keyof typeof DEFAULT_WEIGHT] ?? 0.5),
                })}
              >
                {MANUAL_LINKAGE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {KIND_LABEL[k]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field
              id="ml-weight"
              label="Probability it propagates (0–1)"
              required
              error={err("weight")}
              hint={`Default for ${KIND_LABEL[kind].toLowerCase()}: ${DEFAULT_WEIGHT[kind]}`}
            >
              <Input
                id="ml-weight"
                type="number"
                step="0.05"
                min={0}
                max={1}
                invalid={!!err("weight")}
                aria-describedby={describedBy("ml-weight", err("weight"), "x")}
                {...register("weight")}
              />
            </Field>
          </div>
          <Field id="ml-reason" label="Why" required error={err("reason")}>
            <Input
              id="ml-reason"
              invalid={!!err("reason")}
              placeholder="e.g. Their service engineer's laptop joins our L2 network during visits"
              aria-describedby={describedBy("ml-reason", err("reason"))}
              {...register("reason")}
            />
          </Field>
          <div className="flex gap-2">
            <Button type="submit" disabled={isSubmitting}>
              {isSubmitting ? "Saving…" : "Add linkage"}
            </Button>
            <Button variant="ghost" onClick={() => setOpen(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
      {linkages.length === 0 ? (
        <p className="text-sm text-slate-600">
          None. Linkages from accepted questionnaires appear in the score above; add one here for what you
          know but no answer captured.
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {linkages.map((l) => (
            <li key={l.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <span className="font-medium">→ {l.toName}</span>{" "}
                <span className="text-xs text-slate-500">
                  {KIND_LABEL[l.kind]}, weight {l.weight}
                </span>
                <span className="block text-slate-600">{l.reason}</span>
              </span>
              {canManage ? (
                <Button
                  variant="ghost"
                  disabled={pending}
                  onClick={() => remove(l)}
                  aria-label={`Remove the linkage to ${l.toName}`}
                >
                  Remove
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
