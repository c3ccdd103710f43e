"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { createAssessmentSchema, type CreateAssessmentInput } from "@/lib/validation/assessment";
import { Field, Input, Select, Textarea, describedBy } from "@/components/ui/field";
import { Button, ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import { createAssessmentAction } from "@/app/(portal)/assessments/actions";

type VendorOption = { id: string; name: string; contacts: { id: string; name: string; email: string; isPrimary: boolean }[] };
type TemplateOption = { id: string; title: string; version: number };
const FIELDS = ["vendorId", "contactId", "templateId", "dueDate", "message"] as const;

function inDays(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function NewAssessmentForm({ vendors, templates, defaultVendorId }: { vendors: VendorOption[]; templates: TemplateOption[]; defaultVendorId?: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string[]>([]);
  const firstVendor = vendors.find((v) => v.id === defaultVendorId) ?? vendors[0];
  const { register, handleSubmit, setError, setValue, control, formState } = useForm<CreateAssessmentInput>({
    resolver: zodResolver(createAssessmentSchema),
    defaultValues: {
      vendorId: firstVendor?.id ?? "",
      contactId: firstVendor?.contacts[0]?.id ?? "",
      templateId: templates[0]?.id ?? "",
      dueDate: inDays(21),
      message: "",
      send: true,
    },
  });
  const vendorId = useWatch({ control, name: "vendorId" });
  const contacts = vendors.find((v) => v.id === vendorId)?.contacts ?? [];
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
          <Select
            id="vendorId"
            invalid={!!err("vendorId")}
            {...register("vendorId", { onChange: (e) => setValue("contactId", vendors.find((v) => v.id === e.target.value)?.contacts[0]?.id ?? "") })}
          >
            {vendors.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
          </Select>
        </Field>
        <Field id="contactId" label="Send to" required error={err("contactId") ?? (contacts.length === 0 ? "This vendor has no contacts yet: add one on the vendor's page." : undefined)}>
          <Select id="contactId" invalid={!!err("contactId") || contacts.length === 0} aria-describedby={describedBy("contactId", err("contactId"))} {...register("contactId")}>
            {contacts.map((c) => <option key={c.id} value={c.id}>{c.name} — {c.email}{c.isPrimary ? " (primary)" : ""}</option>)}
          </Select>
        </Field>
        <Field id="templateId" label="Questionnaire" required error={err("templateId")}>
          <Select id="templateId" invalid={!!err("templateId")} {...register("templateId")}>
            {templates.map((t) => <option key={t.id} value={t.id}>{t.title} (v{t.version})</option>)}
          </Select>
        </Field>
        <Field id="dueDate" label="Due date" required error={err("dueDate")}>
          <Input id="dueDate" type="date" invalid={!!err("dueDate")} aria-describedby={describedBy("dueDate", err("dueDate"))} {...register("dueDate")} />
        </Field>
      </div>
      <Field id="message" label="Personal message (optional)" error={err("message")} hint="Shown in the invitation e-mail, above the link.">
        <Textarea id="message" rows={4} invalid={!!err("message")} aria-describedby={describedBy("message", err("message"), "x")} {...register("message")} />
      </Field>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={isSubmitting || contacts.length === 0}>{isSubmitting ? "Sending…" : "Send invitation"}</Button>
        <Button variant="secondary" disabled={isSubmitting} onClick={submit(false)}>Save as draft</Button>
        <ButtonLink variant="ghost" href="/assessments">Cancel</ButtonLink>
      </div>
    </form>
  );
}
