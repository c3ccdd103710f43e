"use client";

import { useMemo, useState, type ReactNode } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";

import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { computeVisibility, type Template } from "@/lib/questionnaire";

import {
  formatTimestamp,
  questionDomId,
  sectionProgress,
  sentence,
  type SectionProgress,
} from "./answer-format";
import { cellOf, questionIndex } from "./draft-answers";
import { describedBy, draftResolver, issuesFromFieldError, mergeIssues } from "./form-issues";
import { IssueList } from "./issue-list";
import { QuestionBlock, usesFieldset } from "./question-block";
import { QuestionInput } from "./question-input";
import { SaveStatusIndicator } from "./save-status";
import { SectionNav } from "./section-nav";
import type {
  FormAnswers,
  QuestionComment,
  QuestionComments,
  SaveResult,
  SubmitResult,
  UploadResult,
} from "./types";
import { useFocusRequest } from "./use-focus-request";
import { useQuestionnaireAutosave } from "./use-questionnaire-autosave";
import { useSubmission } from "./use-submission";

export type QuestionnaireFormProps = {
  template: Template;
  initialAnswers: Record<string, unknown>;
  /** Optimistic-concurrency version of the draft the answers come from. */
  initialVersion: number;
  /** Reviewer comments per question id, shown next to the question. */
  comments?: QuestionComments;
  /** Slot under each reviewer comment, e.g. a reply form. */
  renderCommentReply?: (comment: QuestionComment) => ReactNode;
  /** Saves the draft; `{ ok: false, code: "CONFLICT" }` when a newer version was saved elsewhere. */
  saveDraft: (answers: Record<string, unknown>, version: number) => Promise<SaveResult>;
  /** Uploads one evidence file and returns its stored description. */
  uploadEvidence: (questionId: string, file: File) => Promise<UploadResult>;
  /** Submits the saved draft; the server validates and lists `issues` when something is missing. */
  submit: (answers: Record<string, unknown>, version: number) => Promise<SubmitResult>;
  /** localStorage key of the offline copy; make it unique per assessment and user. */
  storageKey: string;
  /** Called after a successful submission (e.g. to navigate); the form shows a confirmation either way. */
  onSubmitted?: (data: unknown) => void;
};

/**
 * The supplier's questionnaire: one section per page with a progress sidebar, live conditional
 * questions, draft validation on blur, debounced autosave with an offline copy, and submission
 * with a linked list of the answers that still need attention.
 */
export function QuestionnaireForm({
  template,
  initialAnswers,
  initialVersion,
  comments = {},
  renderCommentReply,
  saveDraft,
  uploadEvidence,
  submit,
  storageKey,
  onSubmitted,
}: QuestionnaireFormProps) {
  const resolver = useMemo(() => draftResolver(template), [template]);
  const form = useForm<FormAnswers>({ defaultValues: initialAnswers, resolver, mode: "onTouched" });
  const values = useWatch({ control: form.control }) as FormAnswers;
  const { autosave, saveState, reload, restore } = useQuestionnaireAutosave(form, {
    template,
    storageKey,
    initialVersion,
    initialAnswers,
    saveDraft,
  });

  const visibility = useMemo(() => computeVisibility(template, values), [template, values]);
  const visibleSections = template.sections.filter((section) => visibility.sections.has(section.id));
  const [activeId, setActiveId] = useState(template.sections[0]?.id ?? "");
  const active = visibleSections.find((section) => section.id === activeId) ?? visibleSections[0];
  const activeIndex = active ? visibleSections.indexOf(active) : -1;

  const { headingRef, issuesRef, setFocusRequest } = useFocusRequest();
  const { submitState, submitted, attention, attentionByQuestion, handleSubmit } = useSubmission({
    template,
    values,
    visibility,
    form,
    autosave,
    submit,
    onSubmitted,
    setFocusRequest,
  });

  const progress = useMemo(() => {
    const map = new Map<string, SectionProgress>();
    for (const section of template.sections)
      map.set(section.id, sectionProgress(section, visibility, values));
    return map;
  }, [template, visibility, values]);
  const totals = [...progress.values()].reduce(
    (sum, item) => ({ answered: sum.answered + item.answered, required: sum.required + item.required }),
    { answered: 0, required: 0 },
  );

  const conflict = saveState.status.kind === "conflict";
  const questionsById = questionIndex(template);

  const goToSection = (id: string) => {
    setActiveId(id);
    setFocusRequest({ target: "section" });
  };
  const goToIssue = (issue: { questionId: string; path: string; sectionId?: string | null }) => {
    const section = template.sections.find((candidate) =>
      candidate.questions.some((question) => question.id === issue.questionId),
    );
    if (section) setActiveId(section.id);
    setFocusRequest({ target: "issue", questionId: issue.questionId, path: issue.path });
  };

  const commentedQuestions = Object.keys(comments).filter(
    (id) => comments[id]?.length && visibility.questions.has(id),
  );
  const heldBack = saveState.heldBack.filter((id) => visibility.questions.has(id));

  if (!active) return <Alert tone="info">This questionnaire has no questions to answer.</Alert>;

  const sectionNumber = template.sections.indexOf(active) + 1;
  const isLast = activeIndex === visibleSections.length - 1;

  return (
    <div className="grid gap-6 lg:grid-cols-[17rem_minmax(0,1fr)]">
      <SectionNav
        sections={visibleSections}
        template={template}
        activeId={active.id}
        progress={progress}
        attention={attention}
        comments={comments}
        visibleQuestions={visibility.questions}
        totals={totals}
        onSelect={goToSection}
      />

      <div className="min-w-0 space-y-4">
        <div className="sticky top-0 z-10 -mx-1 flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 bg-slate-50 px-1 py-2">
          <SaveStatusIndicator
            status={saveState.status}
            onRetry={() => void autosave.retryNow()}
            onReload={reload}
          />
          <div className="flex items-center gap-3">
            <span className="hidden text-xs text-slate-500 sm:inline">
              {totals.answered} of {totals.required} required answered
            </span>
            <Button
              onClick={() => void handleSubmit()}
              disabled={submitState.kind === "submitting" || submitted || conflict}
            >
              {submitState.kind === "submitting" ? (
                "Submitting…"
              ) : (
                <>
                  <span>
                    Submit<span className="hidden sm:inline">&nbsp;questionnaire</span>
                  </span>
                </>
              )}
            </Button>
          </div>
        </div>

        {submitted ? (
          <Alert tone="success">
            <p className="font-medium">Questionnaire submitted.</p>
            <p className="mt-1">
              Thank you. The reviewers have been notified; you will hear from them if anything needs a change.
            </p>
          </Alert>
        ) : null}

        {conflict ? (
          <div
            role="alert"
            className="flex flex-wrap items-center justify-between gap-3 rounded-md bg-red-50 px-4 py-3 text-sm text-red-800 ring-1 ring-red-200"
          >
            <p>
              <span className="font-medium">Conflict:</span> this questionnaire was changed in another tab or
              by a colleague — reload to see the latest. Your unsaved answers are kept in this browser and
              will be offered after reloading.
            </p>
            <Button variant="danger" onClick={reload}>
              Reload
            </Button>
          </div>
        ) : null}

        {saveState.restore && !submitted ? (
          <div
            role="status"
            className="flex flex-wrap items-center justify-between gap-3 rounded-md bg-brand-50 px-4 py-3 text-sm text-brand-900 ring-1 ring-brand-100"
          >
            <p>
              This browser has unsaved changes to {saveState.restore.changedCount} answer
              {saveState.restore.changedCount === 1 ? "" : "s"} from{" "}
              {formatTimestamp(saveState.restore.savedAt)}.
              {saveState.restore.stale
                ? " They were made before a newer version was saved elsewhere; restoring replaces the newer answers to those questions."
                : ""}
            </p>
            <div className="flex gap-2">
              <Button onClick={restore}>Restore them</Button>
              <Button variant="secondary" onClick={() => autosave.clearRestoreOffer(true)}>
                Discard
              </Button>
            </div>
          </div>
        ) : null}

        {submitState.kind === "failed" ? (
          <div
            ref={issuesRef}
            tabIndex={-1}
            role="alert"
            className="scroll-mt-24 rounded-md bg-red-50 px-4 py-3 text-sm text-red-800 ring-1 ring-red-200 focus:outline-none"
          >
            {submitState.serverIssues.length ? (
              attention.length ? (
                <>
                  <p className="font-semibold">
                    {new Set(attention.map((issue) => issue.questionId)).size} answer
                    {new Set(attention.map((issue) => issue.questionId)).size === 1
                      ? " needs"
                      : "s need"}{" "}
                    attention
                  </p>
                  <p className="mt-0.5 text-red-700">{sentence(submitState.message)}</p>
                  <IssueList issues={attention} template={template} onSelect={goToIssue} />
                </>
              ) : (
                <p className="font-semibold">Everything listed has been fixed — submit again.</p>
              )
            ) : (
              <p>{submitState.message}</p>
            )}
          </div>
        ) : null}

        {heldBack.length && !submitted ? (
          <Alert tone="info">
            {heldBack.length === 1 ? "One answer is" : `${heldBack.length} answers are`} not saved yet because{" "}
            {heldBack.length === 1 ? "it is" : "they are"} not valid:{" "}
            {heldBack.map((id, index) => (
              <span key={id}>
                {index ? ", " : ""}
                <a
                  href={`#${questionDomId(id)}`}
                  className="font-medium underline"
                  onClick={(event) => (event.preventDefault(), goToIssue({ questionId: id, path: id }))}
                >
                  {questionsById.get(id)?.label ?? id}
                </a>
              </span>
            ))}
            . {heldBack.length === 1 ? "It is" : "They are"} kept in this browser until you fix{" "}
            {heldBack.length === 1 ? "it" : "them"}.
          </Alert>
        ) : null}

        {commentedQuestions.length && !submitted ? (
          <div className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200">
            <p className="font-medium">
              Reviewers commented on {commentedQuestions.length} question
              {commentedQuestions.length === 1 ? "" : "s"}.
            </p>
            <ul className="mt-1 list-disc space-y-0.5 pl-5">
              {commentedQuestions.map((id) => (
                <li key={id}>
                  <a
                    href={`#${questionDomId(id)}`}
                    className="underline hover:no-underline"
                    onClick={(event) => (event.preventDefault(), goToIssue({ questionId: id, path: id }))}
                  >
                    {questionsById.get(id)?.label ?? id}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}

        <form
          aria-label={template.title}
          noValidate
          onSubmit={(event) => event.preventDefault()}
          onBlur={() => {
            if (!submitted) void autosave.flush();
          }}
          className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200"
        >
          <header className="border-b border-slate-200 px-5 py-4">
            <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">
              Section {sectionNumber} of {template.sections.length}
            </p>
            <h2
              ref={headingRef}
              tabIndex={-1}
              className="mt-0.5 scroll-mt-20 text-lg font-semibold text-slate-900 focus:outline-none"
            >
              {active.title}
            </h2>
            {active.description ? <p className="mt-1 text-sm text-slate-600">{active.description}</p> : null}
          </header>
          <fieldset disabled={submitted} className="divide-y divide-slate-100 px-5 py-5">
            {active.questions.map((question, index) =>
              visibility.questions.has(question.id) ? (
                <Controller
                  key={question.id}
                  name={question.id}
                  control={form.control}
                  render={({ field, fieldState }) => {
                    const issues = mergeIssues(
                      issuesFromFieldError(question.id, fieldState.error),
                      attentionByQuestion.get(question.id) ?? [],
                    );
                    const own =
                      question.type === "group"
                        ? issues.filter((issue) => !cellOf(issue) && issue.path === question.id)
                        : issues;
                    return (
                      <QuestionBlock
                        question={question}
                        number={`${sectionNumber}.${index + 1}`}
                        issues={own}
                        comments={comments[question.id]}
                        renderCommentReply={renderCommentReply}
                      >
                        <QuestionInput
                          question={question}
                          value={field.value}
                          onChange={field.onChange}
                          onBlur={field.onBlur}
                          getValue={() => form.getValues(question.id)}
                          issues={issues}
                          describedBy={
                            usesFieldset(question) ? undefined : describedBy(question, own.length > 0)
                          }
                          uploadEvidence={uploadEvidence}
                          onCommit={() => void autosave.flush()}
                        />
                      </QuestionBlock>
                    );
                  }}
                />
              ) : null,
            )}
          </fieldset>
          <footer className="flex items-center justify-between gap-3 border-t border-slate-200 px-5 py-4">
            {activeIndex > 0 ? (
              <Button variant="secondary" onClick={() => goToSection(visibleSections[activeIndex - 1]!.id)}>
                <span aria-hidden>←</span> Previous
                <span className="sr-only">: {visibleSections[activeIndex - 1]!.title}</span>
              </Button>
            ) : (
              <span />
            )}
            {isLast ? (
              <Button
                onClick={() => void handleSubmit()}
                disabled={submitState.kind === "submitting" || submitted || conflict}
              >
                {submitState.kind === "submitting" ? "Submitting…" : "Submit questionnaire"}
              </Button>
            ) : (
              <Button onClick={() => goToSection(visibleSections[activeIndex + 1]!.id)}>
                Next: {visibleSections[activeIndex + 1]!.title} <span aria-hidden>→</span>
              </Button>
            )}
          </footer>
        </form>
      </div>
    </div>
  );
}
