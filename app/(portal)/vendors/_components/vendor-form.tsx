"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";

import { createVendorAction, updateVendorAction } from "@/app/(portal)/vendors/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { TIER_LABEL } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { describedBy, Field, Input, Select, Textarea } from "@/components/ui/field";
import { VENDOR_TIERS, vendorInputSchema, type VendorData, type VendorInput } from "@/lib/validation/vendor";

const FIELDS = ["name", "website", "country", "tier", "description"] as const;

export function VendorForm({
  vendorId,
  defaults,
}: {
  vendorId?: string;
  defaults?: Partial<Record<(typeof FIELDS)[number], string>>;
}) {
  const router = useRouter();
  const { form, onSubmit, formError, err } = useActionForm<VendorInput, VendorData, { id: string }>({
    resolver: zodResolver(vendorInputSchema),
    defaultValues: {
      name: "",
      website: "",
      country: "",
      tier: "MEDIUM",
      description: "",
      ...defaults,
    } as VendorInput,
    fields: FIELDS,
    submit: (values) => (vendorId ? updateVendorAction(vendorId, values) : createVendorAction(values)),
    onSuccess: (data) => {
      router.push(`/vendors/${data.id}`);
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
      aria-label={vendorId ? "Edit vendor" : "New vendor"}
    >
      {formError.length ? <Alert>{formError.join(" ")}</Alert> : null}
      <Field id="name" label="Name" required error={err("name")}>
        <Input
          id="name"
          invalid={!!err("name")}
          aria-describedby={describedBy("name", err("name"))}
          {...register("name")}
        />
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field
          id="tier"
          label="Tier"
          required
          error={err("tier")}
          hint="How critical this supplier is to your operations."
        >
          <Select
            id="tier"
            invalid={!!err("tier")}
            aria-describedby={describedBy("tier", err("tier"), "x")}
            {...register("tier")}
          >
            {VENDOR_TIERS.map((t) => (
              <option key={t} value={t}>
                {TIER_LABEL[t]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="country" label="Country" error={err("country")}>
          <Input
            id="country"
            invalid={!!err("country")}
            aria-describedby={describedBy("country", err("country"))}
            {...register("country")}
          />
        </Field>
      </div>
      <Field id="website" label="Website" error={err("website")} hint="For example https://vendor.example">
        <Input
          id="website"
          type="url"
          inputMode="url"
          invalid={!!err("website")}
          aria-describedby={describedBy("website", err("website"), "x")}
          {...register("website")}
        />
      </Field>
      <Field id="description" label="What they supply" error={err("description")}>
        <Textarea
          id="description"
          rows={4}
          invalid={!!err("description")}
          aria-describedby={describedBy("description", err("description"))}
          {...register("description")}
        />
      </Field>
      <div className="flex gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : vendorId ? "Save changes" : "Create vendor"}
        </Button>
        <ButtonLink variant="secondary" href={vendorId ? `/vendors/${vendorId}` : "/vendors"}>
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}
