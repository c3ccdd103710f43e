"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";

import { createAssetAction, updateAssetAction } from "@/app/(portal)/inventory/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { CRITICALITY_LABEL } from "@/components/inventory/asset-badges";
import { Button, ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { describedBy, Field, Input, Select, Textarea } from "@/components/ui/field";
import {
  ASSET_TYPE_LABEL,
  ASSET_TYPES,
  assetInputSchema,
  type AssetData,
  type AssetInput,
} from "@/lib/validation/asset";

const FIELDS = [
  "name",
  "type",
  "criticality",
  "safetyImpact",
  "site",
  "zone",
  "aliases",
  "description",
] as const;
type Defaults = {
  name: string;
  type: string;
  criticality: string;
  safetyImpact: boolean;
  site: string;
  zone: string;
  aliases: string;
  description: string;
};

export function AssetForm({ assetId, defaults }: { assetId?: string; defaults?: Defaults }) {
  const router = useRouter();
  const { form, onSubmit, formError, err } = useActionForm<AssetInput, AssetData, { id: string }>({
    resolver: zodResolver(assetInputSchema),
    defaultValues: defaults ?? {
      name: "",
      type: "CONTROLLER",
      criticality: "3",
      safetyImpact: false,
      site: "",
      zone: "",
      aliases: "",
      description: "",
    },
    fields: FIELDS,
    submit: (values) => (assetId ? updateAssetAction(assetId, values) : createAssetAction(values)),
    onSuccess: (data) => {
      router.push(`/inventory/${data.id}`);
      router.refresh();
    },
  });
  const {
    register,
    formState: { isSubmitting },
  } = form;

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="max-w-2xl space-y-5"
      aria-label={assetId ? "Edit asset" : "New asset"}
    >
      {formError.length ? <Alert>{formError.join(" ")}</Alert> : null}
      <Field
        id="name"
        label="Name"
        required
        error={err("name")}
        hint="As your engineers call it, e.g. PLC-7 or GW-2."
      >
        <Input
          id="name"
          invalid={!!err("name")}
          aria-describedby={describedBy("name", err("name"), "x")}
          {...register("name")}
        />
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="type" label="Type" required error={err("type")}>
          <Select
            id="type"
            invalid={!!err("type")}
            aria-describedby={describedBy("type", err("type"))}
            {...register("type")}
          >
            {ASSET_TYPES.map((t) => (
              <option key={t} value={t}>
                {ASSET_TYPE_LABEL[t]}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id="criticality"
          label="Criticality"
          required
          error={err("criticality")}
          hint="What losing or manipulating it would cost."
        >
          <Select
            id="criticality"
            invalid={!!err("criticality")}
            aria-describedby={describedBy("criticality", err("criticality"), "x")}
            {...register("criticality")}
          >
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={String(n)}>
                {CRITICALITY_LABEL[n]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="h-4 w-4 rounded border-slate-300" {...register("safetyImpact")} />
        Safety impact (a compromise could harm people or the environment)
      </label>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="site" label="Site" error={err("site")}>
          <Input
            id="site"
            invalid={!!err("site")}
            aria-describedby={describedBy("site", err("site"))}
            {...register("site")}
          />
        </Field>
        <Field id="zone" label="Zone" error={err("zone")} hint="e.g. Purdue level 1 – control.">
          <Input
            id="zone"
            invalid={!!err("zone")}
            aria-describedby={describedBy("zone", err("zone"), "x")}
            {...register("zone")}
          />
        </Field>
      </div>
      <Field
        id="aliases"
        label="Aliases"
        error={err("aliases")}
        hint="Other names suppliers use for it (model names, hostnames), separated by semicolons."
      >
        <Input
          id="aliases"
          invalid={!!err("aliases")}
          aria-describedby={describedBy("aliases", err("aliases"), "x")}
          {...register("aliases")}
        />
      </Field>
      <Field id="description" label="Description" error={err("description")}>
        <Textarea
          id="description"
          rows={3}
          invalid={!!err("description")}
          aria-describedby={describedBy("description", err("description"))}
          {...register("description")}
        />
      </Field>
      <div className="flex gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : assetId ? "Save changes" : "Create asset"}
        </Button>
        <ButtonLink variant="secondary" href={assetId ? `/inventory/${assetId}` : "/inventory"}>
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}
