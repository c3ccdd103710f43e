"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { saveReviewSettingsAction } from "@/app/(portal)/settings/review/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { reviewSettingsSchema } from "@/lib/validation/assessment";

/** Separation of duties: may procurement accept the submissions it sent out? */
export function ReviewSettingsForm({ separateReviewDuties }: { separateReviewDuties: boolean }) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const { form, onSubmit, formError } = useActionForm({
    resolver: zodResolver(reviewSettingsSchema),
    defaultValues: { separateReviewDuties },
    fields: ["separateReviewDuties"],
    submit: saveReviewSettingsAction,
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
  });
  return (
    <Card title="Separation of duties">
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        {formError.length ? <Alert tone="error">{formError.join(" ")}</Alert> : null}
        {saved ? <Alert tone="success">Saved.</Alert> : null}
        <label className="flex items-start gap-3 text-sm">
          <input
            type="checkbox"
            className="mt-0.5 size-4 rounded border-slate-300 text-brand-600"
            {...form.register("separateReviewDuties", { onChange: () => setSaved(false) })}
          />
          <span>
            <span className="font-medium text-slate-900">Procurement cannot accept assessments</span>
            <span className="block text-slate-600">
              Procurement sends questionnaires and may comment and ask for changes; only risk officers and
              administrators accept a submission and so turn its answers into scored linkages. On by default.
            </span>
          </span>
        </label>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? "Saving…" : "Save"}
        </Button>
      </form>
    </Card>
  );
}
