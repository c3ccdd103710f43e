"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { remindAssessmentAction } from "@/app/(portal)/assessments/actions";
import { Button } from "@/components/ui/button";

/** One click: the same reminder as the assessment page sends, with its result beside the button. */
export function RemindButton({ assessmentId, vendorName }: { assessmentId: string; vendorName: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <span className="inline-flex flex-wrap items-center justify-end gap-2">
      {result ? (
        <span role="status" className={`text-xs ${result.ok ? "text-emerald-700" : "text-red-700"}`}>
          {result.text}
        </span>
      ) : null}
      <Button
        variant="secondary"
        disabled={pending || result?.ok === true}
        aria-label={`Send ${vendorName} a reminder`}
        onClick={() =>
          startTransition(async () => {
            const r = await remindAssessmentAction(assessmentId).catch(() => null);
            if (!r) setResult({ ok: false, text: "Could not reach the server. Try again." });
            else if (r.ok) {
              setResult({ ok: true, text: "Reminder sent." });
              router.refresh();
            } else setResult({ ok: false, text: r.message });
          })
        }
      >
        {pending ? "Sending…" : "Remind"}
      </Button>
    </span>
  );
}
