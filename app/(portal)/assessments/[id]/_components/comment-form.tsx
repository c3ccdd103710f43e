"use client";

import { addCommentAction } from "@/app/(portal)/assessments/actions";
import { InlineNoteForm } from "@/components/forms/inline-note-form";

/** A reviewer's comment on one question; the supplier sees it next to that question. */
export function CommentForm({ assessmentId, questionId }: { assessmentId: string; questionId: string }) {
  return (
    <InlineNoteForm
      id={`comment-${questionId}`}
      openLabel="Comment on this answer"
      label="Comment"
      placeholder="What should the supplier clarify or change?"
      submitLabel="Add comment"
      submit={(body) => addCommentAction(assessmentId, { questionId, body })}
    />
  );
}
