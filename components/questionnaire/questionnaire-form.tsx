"use client";

import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { Controller, useForm, useWatch, type FieldError, type FieldErrors, type Resolver } from "react-hook-form";
import { computeVisibility, readAnswer, validateAnswers, type AnswerIssue, type Question, type Section, type Template } from "@/lib/questionnaire";
import { diffAnswers } from "@/lib/questionnaire/diff-answers";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { formatTimestamp, inputDomId, questionDomId, sectionProgress, sentence, type SectionProgress } from "./answer-format";
import { AutosaveController } from "./autosave";
import { cellOf, compactAnswers, draftIssuesByQuestion, questionIndex } from "./draft-answers";
import { QuestionBlock, errorId, helpId, usesFieldset, type AnswerIssueLike } from "./question-block";
import { QuestionInput } from "./question-input";
import { SaveStatusIndicator } from "./save-status";
import type { FormAnswers, QuestionComments, SaveResult, SubmitResult, UploadResult } from "./types";

export type QuestionnaireFormProps = {
  template: Template;
  initialAnswers: Record<string, unknown>;
  /** Optimistic-concurrency version of the draft the answers come from. */
  initialVersion: number;
  /** Reviewer comments per question id, shown next to the question. */
  comments?: QuestionComments;
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

type SubmitState =
  | { kind: "idle" }
  | { kind: "submitting" }
  | { kind: "failed"; message: string; serverIssues: AnswerIssue[]; snapshot: FormAnswers }
  | { kind: "submitted" };

type FocusRequest = { target: "section" } | { target: "issue"; questionId: string; path: string } | { target: "issues" };

/** Draft validation for react-hook-form: the same validator the server uses, visible questions only. */
function draftResolver(template: Template): Resolver<FormAnswers> {
  return async (values) => {
    const byQuestion = draftIssuesByQuestion(template, values);
    if (byQuestion.size === 0) return { values, errors: {} };
    const errors: FieldErrors<FormAnswers> = {};
    for (const [questionId, issues] of byQuestion) {
      const types: Record<string, string> = {};
      for (const issue of issues) types[issue.path] = types[issue.path] ? `${types[issue.path]} ${sentence(issue.message)}` : issue.message;
      errors[questionId] = { type: "draft", message: issues[0]?.message, types } satisfies FieldError;
    }
    return { values: {}, errors };
  };
}

function issuesFromFieldError(questionId: string, error: FieldError | undefined): AnswerIssueLike[] {
  if (!error) return [];
  if (!error.types) return error.message ? [{ questionId, path: questionId, message: error.message }] : [];
  return Object.entries(error.types).map(([path, message]) => ({ questionId, path, message: String(message) }));
}

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
  saveDraft,
  uploadEvidence,
  submit,
  storageKey,
  onSubmitted,
}: QuestionnaireFormProps) {
  const resolver = useMemo(() => draftResolver(template), [template]);
  const form = useForm<FormAnswers>({ defaultValues: initialAnswers, resolver, mode: "onTouched" });
  const values = useWatch({ control: form.control }) as FormAnswers;

  const [autosave] = useState(() => new AutosaveController({ template, storageKey, initialVersion, initialAnswers, save: saveDraft }));
  const saveState = useSyncExternalStore(autosave.subscribe, autosave.getSnapshot, autosave.getSnapshot);
  useEffect(() => autosave.setSave(saveDraft), [autosave, saveDraft]);
  useEffect(() => autosave.start(), [autosave]);
  useEffect(() => form.subscribe({ formState: { values: true }, callback: ({ values: latest }) => autosave.update(latest) }), [form, autosave]);

  const visibility = useMemo(() => computeVisibility(template, values), [template, values]);
  const visibleSections = template.sections.filter((section) => visibility.sections.has(section.id));
  const [activeId, setActiveId] = useState(template.sections[0]?.id ?? "");
  const active = visibleSections.find((section) => section.id === activeId) ?? visibleSections[0];
  const activeIndex = active ? visibleSections.indexOf(active) : -1;

  const [submitState, setSubmitState] = useState<SubmitState>({ kind: "idle" });
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const issuesRef = useRef<HTMLDivElement>(null);

  const order = useMemo(() => {
    const ids = [...questionIndex(template).keys()];
    return new Map(ids.map((id, index) => [id, index]));
  }, [template]);

  // After a failed submission the list follows the answers: fixed problems disappear as the supplier
  // types; the server's own findings stay until the answer they are about changes.
  const attention = useMemo<AnswerIssue[]>(() => {
    if (submitState.kind !== "failed" || submitState.serverIssues.length === 0) return [];
    const current = compactAnswers(values);
    const local = validateAnswers(template, current, "submission");
    const localIssues = local.ok ? [] : local.errors.filter((issue) => issue.code !== "unknown_question");
    const seen = new Set(localIssues.map((issue) => `${issue.path}|${issue.message}`));
    const { snapshot } = submitState;
    const serverStill = submitState.serverIssues.filter((issue) => {
      if (seen.has(`${issue.path}|${issue.message}`)) return false;
      if (!issue.questionId || !order.has(issue.questionId)) return true;
      if (!visibility.questions.has(issue.questionId)) return false;
      return diffAnswers({ v: readAnswer(snapshot, issue.questionId) }, { v: readAnswer(current, issue.questionId) }).length === 0;
    });
    return [...localIssues, ...serverStill].sort((a, b) => (order.get(a.questionId) ?? 1e9) - (order.get(b.questionId) ?? 1e9));
  }, [submitState, values, template, order, visibility]);

  const attentionByQuestion = useMemo(() => {
    const map = new Map<string, AnswerIssue[]>();
    for (const issue of attention) map.set(issue.questionId, [...(map.get(issue.questionId) ?? []), issue]);
    return map;
  }, [attention]);

  const progress = useMemo(() => {
    const map = new Map<string, SectionProgress>();
    for (const section of template.sections) map.set(section.id, sectionProgress(section, visibility, values));
    return map;
  }, [template, visibility, values]);
  const totals = [...progress.values()].reduce((sum, item) => ({ answered: sum.answered + item.answered, required: sum.required + item.required }), { answered: 0, required: 0 });

  useEffect(() => {
    if (!focusRequest) return;
    if (focusRequest.target === "section") {
      headingRef.current?.focus({ preventScroll: true });
      headingRef.current?.scrollIntoView({ block: "start", behavior: "smooth" });
    } else if (focusRequest.target === "issues") {
      issuesRef.current?.focus({ preventScroll: true });
      issuesRef.current?.scrollIntoView({ block: "start", behavior: "smooth" });
    } else {
      focusQuestion(focusRequest.questionId, focusRequest.path);
    }
  }, [focusRequest]);

  const submitted = submitState.kind === "submitted";
  const conflict = saveState.status.kind === "conflict";
  const questionsById = questionIndex(template);

  const goToSection = (id: string) => {
    setActiveId(id);
    setFocusRequest({ target: "section" });
  };
  const goToIssue = (issue: { questionId: string; path: string; sectionId?: string | null }) => {
    const section = template.sections.find((candidate) => candidate.questions.some((question) => question.id === issue.questionId));
    if (section) setActiveId(section.id);
    setFocusRequest({ target: "issue", questionId: issue.questionId, path: issue.path });
  };
  const reload = () => {
    autosave.allowLeaving();
    window.location.reload();
  };
  const restore = () => {
    const offer = saveState.restore;
    if (!offer) return;
    form.reset(offer.answers);
    autosave.clearRestoreOffer(false);
    autosave.update(offer.answers);
    void autosave.flush();
  };

  const handleSubmit = async () => {
    if (submitState.kind === "submitting" || submitted) return;
    setSubmitState({ kind: "submitting" });
    const snapshot = compactAnswers(form.getValues());
    const fail = (message: string, serverIssues: AnswerIssue[] = []) => {
      setSubmitState({ kind: "failed", message, serverIssues, snapshot });
      setFocusRequest({ target: "issues" });
    };
    const saved = await autosave.flush();
    if (!saved) {
      const status = autosave.getSnapshot().status;
      return fail(
        status.kind === "conflict"
          ? "Nothing was submitted: this questionnaire was changed in another tab or by a colleague. Reload to see the latest answers."
          : status.kind === "too-large"
            ? `Nothing was submitted. ${status.message}`
            : "Nothing was submitted because your latest answers could not be saved. Check your connection and try again.",
      );
    }
    let result: SubmitResult;
    try {
      result = await submit(autosave.currentSaveableAnswers(), autosave.currentVersion());
    } catch {
      return fail("Nothing was submitted because the server could not be reached. Your answers are saved; try again in a moment.");
    }
    if (result.ok) {
      autosave.stop();
      setSubmitState({ kind: "submitted" });
      window.scrollTo({ top: 0, behavior: "smooth" });
      onSubmitted?.(result.data);
      return;
    }
    fail(result.message, result.issues ?? []);
  };

  const commentedQuestions = Object.keys(comments).filter((id) => comments[id]?.length && visibility.questions.has(id));
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
          <SaveStatusIndicator status={saveState.status} onRetry={() => void autosave.retryNow()} onReload={reload} />
          <div className="flex items-center gap-3">
            <span className="hidden text-xs text-slate-500 sm:inline">
              {totals.answered} of {totals.required} required answered
            </span>
            <Button onClick={() => void handleSubmit()} disabled={submitState.kind === "submitting" || submitted || conflict}>
              {submitState.kind === "submitting" ? (
                "Submitting…"
              ) : (
                <>
                  <span>Submit<span className="hidden sm:inline">&nbsp;questionnaire</span></span>
                </>
              )}
            </Button>
          </div>
        </div>

        {submitted ? (
          <Alert tone="success">
            <p className="font-medium">Questionnaire submitted.</p>
            <p className="mt-1">Thank you. The reviewers have been notified; you will hear from them if anything needs a change.</p>
          </Alert>
        ) : null}

        {conflict ? (
          <div role="alert" className="flex flex-wrap items-center justify-between gap-3 rounded-md bg-red-50 px-4 py-3 text-sm text-red-800 ring-1 ring-red-200">
            <p>
              <span className="font-medium">Conflict:</span> this questionnaire was changed in another tab or by a colleague — reload to see the latest. Your unsaved answers are kept in
              this browser and will be offered after reloading.
            </p>
            <Button variant="danger" onClick={reload}>
              Reload
            </Button>
          </div>
        ) : null}

        {saveState.restore && !submitted ? (
          <div role="status" className="flex flex-wrap items-center justify-between gap-3 rounded-md bg-brand-50 px-4 py-3 text-sm text-brand-900 ring-1 ring-brand-100">
            <p>
              This browser has unsaved changes to {saveState.restore.changedCount} answer{saveState.restore.changedCount === 1 ? "" : "s"} from{" "}
              {formatTimestamp(saveState.restore.savedAt)}.
              {saveState.restore.stale ? " They were made before a newer version was saved elsewhere; restoring replaces the newer answers to those questions." : ""}
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
          <div ref={issuesRef} tabIndex={-1} role="alert" className="scroll-mt-24 rounded-md bg-red-50 px-4 py-3 text-sm text-red-800 ring-1 ring-red-200 focus:outline-none">
            {submitState.serverIssues.length ? (
              attention.length ? (
                <>
                  <p className="font-semibold">
                    {new Set(attention.map((issue) => issue.questionId)).size} answer{new Set(attention.map((issue) => issue.questionId)).size === 1 ? " needs" : "s need"} attention
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
            {heldBack.length === 1 ? "One answer is" : `${heldBack.length} answers are`} not saved yet because {heldBack.length === 1 ? "it is" : "they are"} not valid:{" "}
            {heldBack.map((id, index) => (
              <span key={id}>
                {index ? ", " : ""}
                <a href={`#${questionDomId(id)}`} className="font-medium underline" onClick={(event) => (event.preventDefault(), goToIssue({ questionId: id, path: id }))}>
                  {questionsById.get(id)?.label ?? id}
                </a>
              </span>
            ))}
            . {heldBack.length === 1 ? "It is" : "They are"} kept in this browser until you fix {heldBack.length === 1 ? "it" : "them"}.
          </Alert>
        ) : null}

        {commentedQuestions.length && !submitted ? (
          <div className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200">
            <p className="font-medium">
              Reviewers commented on {commentedQuestions.length} question{commentedQuestions.length === 1 ? "" : "s"}.
            </p>
            <ul className="mt-1 list-disc space-y-0.5 pl-5">
              {commentedQuestions.map((id) => (
                <li key={id}>
                  <a href={`#${questionDomId(id)}`} className="underline hover:no-underline" onClick={(event) => (event.preventDefault(), goToIssue({ questionId: id, path: id }))}>
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
            <p className="text-xs font-medium uppercase tracking-wide text-slate-500">
              Section {sectionNumber} of {template.sections.length}
            </p>
            <h2 ref={headingRef} tabIndex={-1} className="mt-0.5 scroll-mt-20 text-lg font-semibold text-slate-900 focus:outline-none">
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
                    const issues = mergeIssues(issuesFromFieldError(question.id, fieldState.error), attentionByQuestion.get(question.id) ?? []);
                    const own = question.type === "group" ? issues.filter((issue) => !cellOf(issue) && issue.path === question.id) : issues;
                    return (
                      <QuestionBlock question={question} number={`${sectionNumber}.${index + 1}`} issues={own} comments={comments[question.id]}>
                        <QuestionInput
                          question={question}
                          value={field.value}
                          onChange={field.onChange}
                          onBlur={field.onBlur}
                          getValue={() => form.getValues(question.id)}
                          issues={issues}
                          describedBy={usesFieldset(question) ? undefined : describedBy(question, own.length > 0)}
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
                <span aria-hidden>←</span> Previous<span className="sr-only">: {visibleSections[activeIndex - 1]!.title}</span>
              </Button>
            ) : (
              <span />
            )}
            {isLast ? (
              <Button onClick={() => void handleSubmit()} disabled={submitState.kind === "submitting" || submitted || conflict}>
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

function describedBy(question: Question, hasIssues: boolean): string | undefined {
  return [question.help ? helpId(question.id) : null, hasIssues ? errorId(question.id) : null].filter(Boolean).join(" ") || undefined;
}

function mergeIssues(draft: AnswerIssueLike[], submission: AnswerIssueLike[]): AnswerIssueLike[] {
  const seen = new Set<string>();
  return [...submission, ...draft].filter((issue) => {
    const key = `${issue.path}|${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Moves focus to the control an issue is about (a group cell when the path names one). */
function focusQuestion(questionId: string, path: string) {
  const container = document.getElementById(questionDomId(questionId));
  if (!container) return;
  const cell = cellOf({ path });
  const target =
    (cell ? document.getElementById(inputDomId(questionId, cell.row, cell.field)) : null) ??
    container.querySelector<HTMLElement>("input:not([disabled]):not([type=hidden]), textarea:not([disabled]), select:not([disabled]), button:not([disabled])");
  container.scrollIntoView({ block: "center", behavior: "smooth" });
  target?.focus({ preventScroll: true });
}

function describeIssue(issue: AnswerIssue, template: Template): string {
  const question = questionIndex(template).get(issue.questionId);
  const cell = cellOf(issue);
  if (!question || !cell || question.type !== "group") return issue.message;
  const field = question.fields.find((candidate) => candidate.id === cell.field);
  const row = `${question.itemLabel ?? "Row"} ${cell.row + 1}`;
  const label = field?.label ?? cell.field;
  return issue.message.startsWith(label) ? `${row}: ${issue.message}` : `${row}, ${label}: ${issue.message}`;
}

function IssueList({ issues, template, onSelect }: { issues: AnswerIssue[]; template: Template; onSelect: (issue: AnswerIssue) => void }) {
  const groups = new Map<string, AnswerIssue[]>();
  for (const issue of issues) groups.set(issue.sectionId ?? "", [...(groups.get(issue.sectionId ?? "") ?? []), issue]);
  return (
    <div className="mt-3 space-y-3">
      {[...groups].map(([sectionId, items]) => (
        <div key={sectionId || "other"}>
          <p className="text-xs font-semibold uppercase tracking-wide text-red-700">{template.sections.find((section) => section.id === sectionId)?.title ?? "Other"}</p>
          <ul className="mt-1 space-y-0.5">
            {items.map((issue, index) => (
              <li key={`${issue.path}-${index}`}>
                {issue.questionId && questionIndex(template).has(issue.questionId) ? (
                  <a
                    href={`#${questionDomId(issue.questionId)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      onSelect(issue);
                    }}
                    className="group -mx-1 block rounded px-1 py-0.5 hover:bg-red-100"
                  >
                    <span className="font-medium underline underline-offset-2 group-hover:no-underline">{issue.label}</span>
                    <span className="text-red-700"> — {describeIssue(issue, template)}</span>
                  </a>
                ) : (
                  <span>{sentence(issue.message)}</span>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

function SectionNav({
  sections,
  template,
  activeId,
  progress,
  attention,
  comments,
  visibleQuestions,
  totals,
  onSelect,
}: {
  sections: Section[];
  template: Template;
  activeId: string;
  progress: Map<string, SectionProgress>;
  attention: AnswerIssue[];
  comments: QuestionComments;
  visibleQuestions: ReadonlySet<string>;
  totals: { answered: number; required: number };
  onSelect: (id: string) => void;
}) {
  const percent = totals.required ? Math.round((totals.answered / totals.required) * 100) : 100;
  return (
    <div className="lg:sticky lg:top-4 lg:self-start">
      <div className="mb-3 lg:hidden">
        <label htmlFor="questionnaire-section-select" className="mb-1 block text-xs font-medium text-slate-600">
          Section
        </label>
        <select
          id="questionnaire-section-select"
          value={activeId}
          onChange={(event) => onSelect(event.target.value)}
          className="block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600"
        >
          {sections.map((section) => {
            const item = progress.get(section.id);
            return (
              <option key={section.id} value={section.id}>
                {template.sections.indexOf(section) + 1}. {section.title} ({item?.answered ?? 0}/{item?.required ?? 0})
              </option>
            );
          })}
        </select>
      </div>
      <nav aria-label="Questionnaire sections" className="hidden rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200 lg:block">
        <div className="px-2 pb-3">
          <div className="flex items-baseline justify-between text-xs text-slate-600">
            <span className="font-medium text-slate-800">Progress</span>
            <span>
              {totals.answered} / {totals.required} required
            </span>
          </div>
          <div className="mt-1.5 h-1.5 overflow-hidden rounded-full bg-slate-100" aria-hidden>
            <div className="h-full rounded-full bg-brand-600 transition-[width]" style={{ width: `${percent}%` }} />
          </div>
        </div>
        <ol className="space-y-0.5">
          {sections.map((section) => {
            const item = progress.get(section.id) ?? { answered: 0, required: 0, answeredAny: 0, visible: 0 };
            const complete = item.answered === item.required;
            const issueCount = attention.filter((issue) => issue.sectionId === section.id).length;
            const commentCount = section.questions.filter((question) => comments[question.id]?.length && visibleQuestions.has(question.id)).length;
            const current = section.id === activeId;
            return (
              <li key={section.id}>
                <button
                  type="button"
                  onClick={() => onSelect(section.id)}
                  aria-current={current ? "step" : undefined}
                  className={`flex w-full items-start gap-2.5 rounded-md px-2 py-2 text-left text-sm ${current ? "bg-brand-50 text-brand-900" : "text-slate-700 hover:bg-slate-50"}`}
                >
                  <span
                    aria-hidden
                    className={`mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full text-[11px] font-semibold ${
                      complete ? "bg-emerald-100 text-emerald-700" : current ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-600"
                    }`}
                  >
                    {complete ? "✓" : template.sections.indexOf(section) + 1}
                  </span>
                  <span className="min-w-0 flex-1">
                    <span className={`block leading-snug ${current ? "font-semibold" : "font-medium"}`}>{section.title}</span>
                    <span className="mt-0.5 flex flex-wrap gap-x-2 text-xs text-slate-500">
                      <span>
                        {item.answered}/{item.required} required
                        <span className="sr-only"> answered{complete ? ", complete" : ""}</span>
                      </span>
                      {issueCount ? <span className="font-medium text-red-700">{issueCount} to fix</span> : null}
                      {commentCount ? (
                        <span className="text-amber-700">
                          {commentCount} comment{commentCount === 1 ? "" : "s"}
                        </span>
                      ) : null}
                    </span>
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
    </div>
  );
}
