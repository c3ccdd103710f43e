"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/field";
import type { ActionResult } from "@/lib/errors";

/**
 * A link that opens a small text form under something (a reviewer's comment on an answer, a
 * supplier's reply to a comment): one server call, the field's error next to it, refresh on success.
 */
export function InlineNoteForm({
  id,
  openLabel,
  label,
  placeholder,
  submitLabel,
  submit,
}: {
  /** Unique on the page: the form's DOM id. */
  id: string;
  openLabel: string;
  label: string;
  placeholder?: string;
  submitLabel: string;
  /** The server action, given the text; its `body` field error is shown at the field. */
  submit: (body: string) => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (!open) {
    return (
      <button
        type="button"
        className="mt-1 text-xs font-medium text-brand-700 hover:underline"
        onClick={() => setOpen(true)}
        aria-controls={id}
      >
        {openLabel}
      </button>
    );
  }
  const save = () => {
    setError(null);
    startTransition(async () => {
      const result = await submit(body);
      if (!result.ok) {
        setError(result.fieldErrors?.body?.[0] ?? result.message);
        return;
      }
      setBody("");
      setOpen(false);
      router.refresh();
    });
  };
  return (
    <div className="mt-2 space-y-2" id={id}>
      <label htmlFor={`${id}-body`} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      <Textarea
        id={`${id}-body`}
        rows={3}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        invalid={!!error}
        placeholder={placeholder}
        autoFocus
      />
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button onClick={save} disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)} disabled={pending}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
