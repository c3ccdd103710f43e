import type { ReactNode } from "react";

import type { Reference } from "@/lib/questionnaire";

import { formatReference, formatTimestamp } from "./answer-format";
import type { QuestionComment } from "./types";

/*
 * Small presentational pieces shared by the form and the read-only view. No hooks, no "use client":
 * they render on the server as well.
 */

export function RequiredMark({ required }: { required: boolean }) {
  if (!required) return <span className="ml-2 text-xs font-normal text-slate-500">(optional)</span>;
  return (
    <>
      <span className="text-red-600" aria-hidden>
        {" "}
        *
      </span>
      <span className="sr-only"> (required)</span>
    </>
  );
}

export function ReferenceList({ references }: { references?: Reference[] }) {
  if (!references?.length) return null;
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label="Standard references">
      {references.map((reference) => (
        <li
          key={`${reference.standard}|${reference.clause}`}
          className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[11px] leading-4 text-slate-600"
        >
          {formatReference(reference)}
        </li>
      ))}
    </ul>
  );
}

export function CommentThread({
  comments,
  className = "",
  heading,
  renderReply,
}: {
  comments?: QuestionComment[];
  className?: string;
  /** Defaults to "Reviewer comment(s)". */
  heading?: string;
  /** Slot under each comment, e.g. the supplier's reply form (the comment carries its id). */
  renderReply?: (comment: QuestionComment) => ReactNode;
}) {
  if (!comments?.length) return null;
  return (
    <aside
      aria-label={heading ?? "Reviewer comments"}
      className={`rounded-md bg-amber-50 p-3 ring-1 ring-amber-200 ${className}`}
    >
      <p className="text-xs font-semibold tracking-wide text-amber-800 uppercase">
        {heading ?? `Reviewer comment${comments.length === 1 ? "" : "s"}`}
      </p>
      <ol className="mt-2 space-y-3">
        {comments.map((comment, index) => (
          <li key={comment.id ?? `${comment.createdAt}-${index}`} className="text-sm">
            <p className="whitespace-pre-wrap text-slate-900">{comment.body}</p>
            <p className="mt-1 text-xs text-slate-600">
              {comment.author} ·{" "}
              <time dateTime={comment.createdAt}>{formatTimestamp(comment.createdAt)}</time>
            </p>
            {comment.replies?.length ? (
              <ol className="mt-2 space-y-2 border-l-2 border-amber-300 pl-3">
                {comment.replies.map((reply, replyIndex) => (
                  <li key={`${reply.createdAt}-${replyIndex}`}>
                    <p className="text-xs font-medium text-slate-700">Reply from {reply.author}</p>
                    <p className="whitespace-pre-wrap text-slate-900">{reply.body}</p>
                    <p className="text-xs text-slate-600">
                      <time dateTime={reply.createdAt}>{formatTimestamp(reply.createdAt)}</time>
                    </p>
                  </li>
                ))}
              </ol>
            ) : null}
            {renderReply?.(comment)}
          </li>
        ))}
      </ol>
    </aside>
  );
}
