"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { addCommentAction } from "@/app/(portal)/assessments/actions";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/field";

/** A reviewer's comment on one question; the supplier sees it next to that question. */
export function CommentForm({ assessmentId, questionId }: { assessmentId: string; questionId: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const id = `comment-${questionId}`;
  if (!open) {
    return (
      <button
        type="button"
        className="mt-1 text-xs font-medium text-brand-700 hover:underline"
        onClick={() => setOpen(true)}
        aria-controls={id}
      >
        Comment on this answer
      </button>
    );
  }
  const save = () => {
    setError(null);
    startTransition(async () => {
      const result = await addCommentAction(assessmentId, { questionId, body });
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
      <label htmlFor={`${id}-body`} className="sr-only">
        Comment
      </label>
      <Textarea
        id={`${id}-body`}
        rows={3}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        invalid={!!error}
        placeholder="What should the supplier clarify or change?"
        autoFocus
      />
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button onClick={save} disabled={pending}>
          {pending ? "Saving…" : "Add comment"}
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
