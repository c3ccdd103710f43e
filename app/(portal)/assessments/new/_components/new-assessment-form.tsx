"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";

import { createAssessmentAction } from "@/app/(portal)/assessments/actions";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import { Button, ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { describedBy, Field, Input, Select, Textarea } from "@/components/ui/field";
import { SearchComboboxController } from "@/components/ui/search-combobox";
import { createAssessmentSchema, type CreateAssessmentInput } from "@/lib/validation/assessment";

type Contact = { id: string; name: string; email: string; isPrimary: boolean };
type VendorWithContacts = { id: string; name: string; contacts: Contact[] };
/** The chosen vendor's contacts: loaded once it is chosen in the search. */
type Contacts = { vendorId: string | null; list: Contact[]; loading: boolean; error: string | null };
type TemplateOption = { id: string; title: string; version: number };
const FIELDS = ["vendorId", "contactId", "templateId", "dueDate", "message"] as const;

function inDays(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function NewAssessmentForm({
  initialVendor,
  templates,
}: {
  initialVendor: VendorWithContacts | null;
  templates: TemplateOption[];
}) {
  const router = useRouter();
  const [formError, setFormError] = useState<string[]>([]);
  const [contacts, setContacts] = useState<Contacts>({
    vendorId: initialVendor?.id ?? null,
    list: initialVendor?.contacts ?? [],
    loading: false,
    error: null,
  });
  const { register, handleSubmit, setError, setValue, control, formState } = useForm<CreateAssessmentInput>({
    resolver: zodResolver(createAssessmentSchema),
    defaultValues: {
      vendorId: initialVendor?.id ?? "",
      contactId: initialVendor?.contacts[0]?.id ?? "",
      templateId: templates[0]?.id ?? "",
      dueDate: inDays(21),
      message: "",
      send: true,
    },
  });
  const vendorId = useWatch({ control, name: "vendorId" });
  const chooseVendor = async (vendor: { id: string } | null) => {
    setValue("contactId", "");
    if (!vendor) {
      setContacts({ vendorId: null, list: [], loading: false, error: null });
      return;
    }
    setContacts({ vendorId: vendor.id, list: [], loading: true, error: null });
    const loaded = await fetch(`/api/vendors/${vendor.id}/contacts`, {
      headers: { Accept: "application/json" },
    })
      .then(async (r) =>
        r.ok
          ? { list: ((await r.json()) as { contacts: Contact[] }).contacts, error: null }
          : { list: [], error: "Could not load this vendor's contacts. Choose it again." },
      )
      .catch(() => ({
        list: [] as Contact[],
        error: "Could not load this vendor's contacts. Check your connection and choose it again.",
      }));
    // A later choice wins over an earlier answer arriving late.
    setContacts((c) => (c.vendorId === vendor.id ? { vendorId: vendor.id, loading: false, ...loaded } : c));
    if (loaded.list[0]) setValue("contactId", loaded.list[0].id);
  };
  const shownContacts =
    contacts.vendorId === vendorId ? contacts : { vendorId, list: [], loading: false, error: null };
  const noContacts =
    !!vendorId && !shownContacts.loading && !shownContacts.error && shownContacts.list.length === 0;
  const { errors, isSubmitting } = formState;
  const err = (f: (typeof FIELDS)[number]) => errors[f]?.message;

  const submit = (send: boolean) =>
    handleSubmit(async (values) => {
      setFormError([]);
      const result = await createAssessmentAction({ ...values, send });
      if (result.ok) {
        router.push(`/assessments/${result.data.id}`);
        router.refresh();
        return;
      }
      const unplaced = applyFieldErrors(setError, result.fieldErrors, FIELDS);
      setFormError(result.code === "VALIDATION" ? unplaced : [result.message, ...unplaced]);
    });

  return (
    <form onSubmit={submit(true)} noValidate className="max-w-2xl space-y-5" aria-label="New assessment">
      {formError.length ? <Alert>{formError.join(" ")}</Alert> : null}
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="vendorId" label="Vendor" required error={err("vendorId")}>
          <SearchComboboxController
            control={control}
            name="vendorId"
            id="vendorId"
            type="vendor"
            placeholder="Search vendors by name…"
            initialOption={
              initialVendor ? { id: initialVendor.id, label: initialVendor.name, detail: null } : null
            }
            onSelect={chooseVendor}
            invalid={!!err("vendorId")}
            aria-describedby={describedBy("vendorId", err("vendorId"))}
          />
        </Field>
        <Field
          id="contactId"
          label="Send to"
          required
          error={
            err("contactId") ??
            shownContacts.error ??
            (noContacts ? "This vendor has no contacts yet: add one on the vendor's page." : undefined)
          }
          hint={vendorId ? undefined : "Choose a vendor first."}
        >
          <Select
            id="contactId"
            disabled={!vendorId || shownContacts.loading}
            invalid={!!err("contactId") || noContacts || !!shownContacts.error}
            aria-describedby={describedBy(
              "contactId",
              err("contactId") ?? shownContacts.error ?? (noContacts ? "x" : undefined),
              vendorId ? undefined : "x",
            )}
            {...register("contactId")}
          >
            {shownContacts.loading ? <option value="">Loading contacts…</option> : null}
            {shownContacts.list.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} — {c.email}
                {c.isPrimary ? " (primary)" : ""}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="templateId" label="Questionnaire" required error={err("templateId")}>
          <Select id="templateId" invalid={!!err("templateId")} {...register("templateId")}>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title} (v{t.version})
              </option>
            ))}
          </Select>
        </Field>
        <Field id="dueDate" label="Due date" required error={err("dueDate")}>
          <Input
            id="dueDate"
            type="date"
            invalid={!!err("dueDate")}
            aria-describedby={describedBy("dueDate", err("dueDate"))}
            {...register("dueDate")}
          />
        </Field>
      </div>
      <Field
        id="message"
        label="Personal message (optional)"
        error={err("message")}
        hint="Shown in the invitation e-mail, above the link."
      >
        <Textarea
          id="message"
          rows={4}
          invalid={!!err("message")}
          aria-describedby={describedBy("message", err("message"), "x")}
          {...register("message")}
        />
      </Field>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={isSubmitting || noContacts}>
          {isSubmitting ? "Sending…" : "Send invitation"}
        </Button>
        <Button variant="secondary" disabled={isSubmitting} onClick={submit(false)}>
          Save as draft
        </Button>
        <ButtonLink variant="ghost" href="/assessments">
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}
