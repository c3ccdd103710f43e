"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";

import { addConnectionAction, removeConnectionAction } from "@/app/(portal)/inventory/actions";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { describedBy, Field, Input, Select, Textarea } from "@/components/ui/field";
import { SearchComboboxController } from "@/components/ui/search-combobox";
import {
  connectionFormSchema,
  DEFAULT_CONNECTION_WEIGHT,
  LINKAGE_KIND_LABEL,
  LINKAGE_KINDS,
  type ConnectionFormData,
  type ConnectionFormInput,
  type ConnectionKind,
} from "@/lib/validation/asset";

export type ConnectionRow = {
  id: string;
  direction: "outgoing" | "incoming";
  kind: ConnectionKind;
  weight: number;
  reason: string;
  other: { id: string; name: string; type: string } | null;
};

const FIELDS = ["direction", "otherAssetId", "kind", "weight", "reason"] as const;
const KIND_TONE = { ADJACENCY: "blue", INHERITANCE: "amber", TRUST: "red" } as const;

function ConnectionForm({
  assetId,
  assetName,
  onDone,
}: {
  assetId: string;
  assetName: string;
  onDone: () => void;
}) {
  const router = useRouter();
  const [formError, setFormError] = useState<string[]>([]);
  const { register, handleSubmit, setError, setValue, getFieldState, formState, control } = useForm<
    ConnectionFormInput,
    unknown,
    ConnectionFormData
  >({
    resolver: zodResolver(connectionFormSchema),
    defaultValues: {
      direction: "outgoing",
      otherAssetId: "",
      kind: "ADJACENCY",
      weight: String(DEFAULT_CONNECTION_WEIGHT.ADJACENCY),
      reason: "",
    },
    mode: "onTouched",
  });
  const { errors, isSubmitting } = formState;
  const direction = useWatch({ control, name: "direction" });
  const kindField = register("kind", {
    // A new kind brings its default weight, unless the person already chose a weight.
    onChange: (e: { target: { value: string } }) => {
      if (!getFieldState("weight").isDirty)
        setValue("weight", String(DEFAULT_CONNECTION_WEIGHT[e.target.value as ConnectionKind] ?? 0.5));
    },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError([]);
    const { direction: dir, otherAssetId, ...rest } = values;
    const input =
      dir === "outgoing"
        ? { fromAssetId: assetId, toAssetId: otherAssetId, ...rest }
        : { fromAssetId: otherAssetId, toAssetId: assetId, ...rest };
    const result = await addConnectionAction(input);
    if (result.ok) {
      router.refresh();
      onDone();
      return;
    }
    const mapped = Object.fromEntries(
      Object.entries(result.fieldErrors ?? {}).map(([k, v]) => [
        k === "fromAssetId" || k === "toAssetId" ? "otherAssetId" : k,
        v,
      ]),
    );
    const unplaced = applyFieldErrors(setError, mapped, FIELDS);
    setFormError(
      result.code === "VALIDATION" || result.code === "CONFLICT" ? unplaced : [result.message, ...unplaced],
    );
  });
  const err = (f: (typeof FIELDS)[number]) => errors[f]?.message;
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="space-y-4 rounded-md bg-slate-50 p-4 ring-1 ring-slate-200"
      aria-label="New connection"
    >
      {formError.length ? <Alert>{formError.join(" ")}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="conn-direction" label="Direction" required error={err("direction")}>
          <Select id="conn-direction" invalid={!!err("direction")} {...register("direction")}>
            <option value="outgoing">{assetName} affects the other asset</option>
            <option value="incoming">The other asset affects {assetName}</option>
          </Select>
        </Field>
        <Field id="conn-other" label="Other asset" required error={err("otherAssetId")}>
          <SearchComboboxController
            control={control}
            name="otherAssetId"
            id="conn-other"
            type="asset"
            exclude={[assetId]}
            placeholder="Search your inventory…"
            invalid={!!err("otherAssetId")}
            aria-describedby={describedBy("conn-other", err("otherAssetId"))}
          />
        </Field>
        <Field id="conn-kind" label="Kind" required error={err("kind")}>
          <Select id="conn-kind" invalid={!!err("kind")} {...kindField}>
            {LINKAGE_KINDS.map((k) => (
              <option key={k} value={k}>
                {LINKAGE_KIND_LABEL[k]}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id="conn-weight"
          label="Weight"
          required
          error={err("weight")}
          hint="Probability (0–1) that a compromise passes through. Lower it when a control is in place."
        >
          <Input
            id="conn-weight"
            type="number"
            min={0}
            max={1}
            step={0.05}
            inputMode="decimal"
            invalid={!!err("weight")}
            aria-describedby={describedBy("conn-weight", err("weight"), "x")}
            {...register("weight")}
          />
        </Field>
      </div>
      <Field
        id="conn-reason"
        label="Reason"
        required
        error={err("reason")}
        hint={
          direction === "outgoing"
            ? `e.g. "PLC-7 sits behind ${assetName}"`
            : `e.g. "${assetName} sits behind gateway GW-2"`
        }
      >
        <Textarea
          id="conn-reason"
          rows={2}
          invalid={!!err("reason")}
          aria-describedby={describedBy("conn-reason", err("reason"), "x")}
          {...register("reason")}
        />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Add connection"}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** The buyer's own adjacency of one asset: which assets it affects and which affect it. */
export function ConnectionsPanel({
  assetId,
  assetName,
  connections,
  hasOtherAssets,
  canManage,
}: {
  assetId: string;
  assetName: string;
  connections: ConnectionRow[];
  hasOtherAssets: boolean;
  canManage: boolean;
}) {
  const router = useRouter();
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const remove = (c: ConnectionRow) => {
    if (!window.confirm(`Remove the connection with ${c.other?.name ?? "this asset"}?`)) return;
    setError(null);
    startTransition(async () => {
      const result = await removeConnectionAction(c.id);
      if (!result.ok) setError(result.message);
      else router.refresh();
    });
  };
  return (
    <Card
      title="Connections"
      actions={
        canManage && !adding ? (
          <Button variant="secondary" onClick={() => setAdding(true)} disabled={!hasOtherAssets}>
            Add connection
          </Button>
        ) : null
      }
    >
      {error ? (
        <div className="mb-3">
          <Alert>{error}</Alert>
        </div>
      ) : null}
      {adding ? (
        <div className="mb-4">
          <ConnectionForm assetId={assetId} assetName={assetName} onDone={() => setAdding(false)} />
        </div>
      ) : null}
      {connections.length === 0 && !adding ? (
        <p className="text-sm text-slate-600">
          No connections recorded.{" "}
          {canManage
            ? "Record which assets sit behind this one, share its controller or broker, or sit in the same flat zone."
            : ""}
        </p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {connections.map((c) => {
            const other = c.other ? (
              <Link href={`/inventory/${c.other.id}`} className="font-medium text-brand-700 hover:underline">
                {c.other.name}
              </Link>
            ) : (
              <span className="text-slate-500">(deleted asset)</span>
            );
            return (
              <li key={c.id} className="flex items-start justify-between gap-3 py-3 text-sm">
                <div className="min-w-0 flex-1 space-y-1">
                  <div className="flex flex-wrap items-center gap-2">
                    {c.direction === "outgoing" ? (
                      <>
                        <span className="font-medium">{assetName}</span>
                        <span aria-hidden>→</span>
                        {other}
                      </>
                    ) : (
                      <>
                        {other}
                        <span aria-hidden>→</span>
                        <span className="font-medium">{assetName}</span>
                      </>
                    )}
                    <Badge tone={KIND_TONE[c.kind]}>{c.kind.toLowerCase()}</Badge>
                    <span className="text-slate-600">weight {c.weight}</span>
                  </div>
                  <p className="text-slate-600">{c.reason}</p>
                </div>
                {canManage ? (
                  <Button
                    variant="ghost"
                    onClick={() => remove(c)}
                    disabled={pending}
                    aria-label={`Remove connection with ${c.other?.name ?? "deleted asset"}`}
                  >
                    Remove
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
