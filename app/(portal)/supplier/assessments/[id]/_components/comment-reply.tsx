"use client";

import { replyToCommentAction } from "@/app/(portal)/supplier/assessments/[id]/actions";
import { InlineNoteForm } from "@/components/forms/inline-note-form";

/** The supplier's reply to one reviewer comment; the reviewers read it next to the question. */
export function CommentReply({ assessmentId, commentId }: { assessmentId: string; commentId: string }) {
  return (
    <InlineNoteForm
      id={`reply-${commentId}`}
      openLabel="Reply to this comment"
      label="Your reply"
      submitLabel="Send reply"
      submit={(body) => replyToCommentAction(assessmentId, { commentId, body })}
    />
  );
}
