import type { ReactNode } from "react";

import type { Question } from "@/lib/questionnaire";

import { inputDomId, questionDomId, sentence } from "./answer-format";
import { CommentThread, ReferenceList, RequiredMark } from "./question-meta";
import type { AnswerIssueLike, QuestionComment } from "./types";

/** The part of an answer issue the form needs: `path` is "q", "q[2]" or "q[2].field". */
export type { AnswerIssueLike };

/** Questions answered with one control get a <label>; the others are a fieldset with a legend. */
export function usesFieldset(question: Question): boolean {
  return (
    question.type === "yesno" ||
    question.type === "single_choice" ||
    question.type === "multiple_choice" ||
    question.type === "group"
  );
}

export function labelId(questionId: string) {
  return `${inputDomId(questionId)}-label`;
}

export function helpId(questionId: string) {
  return `${inputDomId(questionId)}-help`;
}

export function errorId(questionId: string) {
  return `${inputDomId(questionId)}-error`;
}

/**
 * One question: label, required marker, clause references, help text, the control, its
 * question-level errors and the reviewer comments beside it.
 */
export function QuestionBlock({
  question,
  number,
  issues,
  comments,
  renderCommentReply,
  children,
}: {
  question: Question;
  /** "3.2": section and question number, shown before the label. */
  number: string;
  /** Issues about the question as a whole (cell issues are shown in the cells). */
  issues: AnswerIssueLike[];
  comments?: QuestionComment[];
  /** Slot under each reviewer comment (the supplier's reply form). */
  renderCommentReply?: (comment: QuestionComment) => ReactNode;
  children: ReactNode;
}) {
  const fieldset = usesFieldset(question);
  const title = (
    <>
      <span className="mr-1.5 font-normal text-slate-400 tabular-nums">{number}</span>
      {question.label}
      <RequiredMark required={question.required} />
    </>
  );
  const titleClass = "block text-[15px] font-medium leading-snug text-slate-900";
  const describedBy =
    [question.help ? helpId(question.id) : null, issues.length ? errorId(question.id) : null]
      .filter(Boolean)
      .join(" ") || undefined;
  const meta = (
    <div className="mt-1 space-y-1.5">
      {question.help ? (
        <p id={helpId(question.id)} className="text-sm text-slate-600">
          {question.help}
        </p>
      ) : null}
      <ReferenceList references={question.references} />
    </div>
  );
  const errors = issues.length ? (
    <ul id={errorId(question.id)} className="mt-2 space-y-0.5 text-sm text-red-700">
      {issues.map((issue, index) => (
        <li key={`${issue.path}-${index}`}>{sentence(issue.message)}</li>
      ))}
    </ul>
  ) : null;
  const body = (
    <>
      <div className="mt-3">{children}</div>
      {errors}
    </>
  );
  return (
    <div
      id={questionDomId(question.id)}
      data-invalid={issues.length > 0 || undefined}
      className={`scroll-mt-24 py-5 first:pt-0 last:pb-0 ${comments?.length ? "xl:grid xl:grid-cols-[minmax(0,1fr)_17rem] xl:gap-6" : ""}`}
    >
      <div className={`min-w-0 ${issues.length ? "-ml-4 border-l-2 border-red-500 pl-[14px]" : ""}`}>
        {fieldset ? (
          <fieldset aria-describedby={describedBy}>
            <legend className={titleClass}>{title}</legend>
            {meta}
            {body}
          </fieldset>
        ) : (
          <>
            <label id={labelId(question.id)} htmlFor={inputDomId(question.id)} className={titleClass}>
              {title}
            </label>
            {meta}
            {body}
          </>
        )}
      </div>
      <CommentThread
        comments={comments}
        renderReply={renderCommentReply}
        className="mt-3 xl:mt-0 xl:self-start"
      />
    </div>
  );
}
