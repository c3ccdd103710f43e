"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { addDeploymentAction, removeDeploymentAction } from "@/app/(portal)/inventory/deployment-actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { assetTypeLabel, CriticalityBadge, SafetyBadge } from "@/components/inventory/asset-badges";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { describedBy, Field, Input } from "@/components/ui/field";
import { SearchComboboxController } from "@/components/ui/search-combobox";
import { deploymentInputSchema, type DeploymentData, type DeploymentInput } from "@/lib/validation/asset";

import { BuyerControlChips, BuyerControlsForm } from "./buyer-controls-form";

/** One row of listDeploymentsForVendor (lib/domain/inventory/deployments.ts). */
export type DeploymentPanelRow = {
  id: string;
  note: string | null;
  buyerControls: string[];
  asset: {
    id: string;
    name: string;
    type: string;
    criticality: number;
    safetyImpact: boolean;
    site: string | null;
    zone: string | null;
  };
};
const FIELDS = ["assetId", "note"] as const;

function DeploymentForm({ vendorId, onDone }: { vendorId: string; onDone: () => void }) {
  const router = useRouter();
  const { form, onSubmit, formError, err } = useActionForm<DeploymentInput, DeploymentData, unknown>({
    resolver: zodResolver(deploymentInputSchema),
    defaultValues: { assetId: "", note: "" },
    fields: FIELDS,
    submit: (values) => addDeploymentAction(vendorId, values),
    onSuccess: () => {
      router.refresh();
      onDone();
    },
    // A duplicate deployment names its field; any other conflict says what happened in its message.
    toldByFields: (failure) =>
      failure.code === "VALIDATION" || (failure.code === "CONFLICT" && !!failure.fieldErrors),
  });
  const {
    register,
    control,
    formState: { isSubmitting },
  } = form;
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="space-y-4 rounded-md bg-slate-50 p-4 ring-1 ring-slate-200"
      aria-label="New deployment"
    >
      {formError.length ? <Alert>{formError.join(" ")}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="deployment-asset" label="Asset" required error={err("assetId")}>
          {/* Assets this vendor is already deployed on are not offered; the server refuses duplicates too. */}
          <SearchComboboxController
            control={control}
            name="assetId"
            id="deployment-asset"
            type="asset"
            undeployedFor={vendorId}
            placeholder="Search your inventory…"
            invalid={!!err("assetId")}
            aria-describedby={describedBy("deployment-asset", err("assetId"))}
          />
        </Field>
        <Field
          id="deployment-note"
          label="Note"
          error={err("note")}
          hint="Product, version or how it is used."
        >
          <Input
            id="deployment-note"
            invalid={!!err("note")}
            aria-describedby={describedBy("deployment-note", err("note"), "x")}
            {...register("note")}
          />
        </Field>
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Add deployment"}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** Where a vendor's products sit in the buyer's inventory; for the vendor page. */
export function DeploymentsPanel({
  vendorId,
  deployments,
  hasAssets,
  canManage,
}: {
  vendorId: string;
  deployments: DeploymentPanelRow[];
  hasAssets: boolean;
  canManage: boolean;
}) {
  const router = useRouter();
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const remove = (d: DeploymentPanelRow) => {
    if (!window.confirm(`Remove the deployment on ${d.asset.name}?`)) return;
    setError(null);
    startTransition(async () => {
      const result = await removeDeploymentAction(d.id);
      if (!result.ok) setError(result.message);
      else router.refresh();
    });
  };
  return (
    <Card
      title="Deployed on"
      actions={
        canManage && !adding ? (
          <Button variant="secondary" onClick={() => setAdding(true)} disabled={!hasAssets}>
            Add deployment
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
          <DeploymentForm vendorId={vendorId} onDone={() => setAdding(false)} />
        </div>
      ) : null}
      {deployments.length === 0 && !adding ? (
        <p className="text-sm text-slate-600">
          No deployments recorded.{" "}
          {canManage
            ? hasAssets
              ? "Record which assets of your inventory run this vendor's products, so its answers attach to real assets."
              : "Add assets to the inventory first."
            : ""}
        </p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {deployments.map((d) => (
            <li key={d.id} className="py-3 text-sm">
              <div className="flex items-center justify-between gap-3">
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <Link
                      href={`/inventory/${d.asset.id}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {d.asset.name}
                    </Link>
                    <CriticalityBadge value={d.asset.criticality} />
                    {d.asset.safetyImpact ? <SafetyBadge /> : null}
                  </div>
                  <div className="text-slate-600">
                    {assetTypeLabel(d.asset.type)}
                    {d.asset.site ? ` · ${d.asset.site}` : ""}
                    {d.asset.zone ? ` · ${d.asset.zone}` : ""}
                    {d.note ? ` — ${d.note}` : ""}
                  </div>
                  <BuyerControlChips controls={d.buyerControls} />
                </div>
                {canManage ? (
                  <Button
                    variant="ghost"
                    onClick={() => remove(d)}
                    disabled={pending}
                    aria-label={`Remove deployment on ${d.asset.name}`}
                  >
                    Remove
                  </Button>
                ) : null}
              </div>
              {canManage ? (
                <details className="mt-2 rounded-md ring-1 ring-slate-200 open:bg-slate-50/60">
                  <summary className="cursor-pointer rounded-md px-3 py-2 font-medium text-brand-700 hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:outline-none">
                    Buyer-side controls on {d.asset.name} ({d.buyerControls.length})
                  </summary>
                  <div className="px-3 pt-1 pb-3">
                    <BuyerControlsForm
                      deploymentId={d.id}
                      assetName={d.asset.name}
                      controls={d.buyerControls}
                    />
                  </div>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
