import type { ReactNode } from "react";

import { Badge } from "@/components/ui/badge";
import {
  computeVisibility,
  DONT_KNOW,
  isAnswered,
  readAnswer,
  type EvidenceFile,
  type GroupField,
  type GroupQuestion,
  type Question,
  type Template,
} from "@/lib/questionnaire";
import { HIGH_LINKAGE_WEIGHT as HIGH_WEIGHT, type AnswerFlag } from "@/lib/review/flag-answers";

import { formatFileSize, formatNumber, kindLabel, questionDomId, yesNoLabel } from "./answer-format";
import { CommentThread, ReferenceList } from "./question-meta";
import type { QuestionComments } from "./types";

export type QuestionnaireAnswersProps = {
  template: Template;
  answers: Record<string, unknown>;
  /** Reviewer comments per question id, listed under each answer. */
  comments?: QuestionComments;
  /** Slot rendered under each answer, e.g. the reviewer's comment form. */
  renderQuestionExtra?: (questionId: string) => ReactNode;
  /** Questions whose answer changed since the previous revision (see diffAnswers); they are highlighted. */
  changedQuestionIds?: ReadonlySet<string>;
  /** Show only the changed questions (and the sections holding them). */
  onlyChanged?: boolean;
  /** Show only these questions (and the sections holding them); `emptyMessage` when none is visible. */
  onlyQuestionIds?: ReadonlySet<string>;
  emptyMessage?: string;
  /** Reviewer flags per question id (lib/review/flag-answers): high-weight linkages and "don't know". */
  flags?: Readonly<Record<string, AnswerFlag>>;
  /**
   * The previous submitted revision: changed answers show its value beside the new one, and every
   * answer shows the comments sent on it (with the supplier's replies).
   */
  previous?: { revision: number; answers: Record<string, unknown>; comments: QuestionComments };
  /** Link for downloading an evidence file; without it file names are plain text. */
  evidenceHref?: (file: EvidenceFile, questionId: string) => string;
};

/**
 * Read-only rendering of the visible answers, section by section, for reviewers. Renders on the
 * server (no hooks); hidden questions are left out exactly as they are for validation and scoring.
 */
export function QuestionnaireAnswers({
  template,
  answers,
  comments = {},
  renderQuestionExtra,
  changedQuestionIds,
  onlyChanged = false,
  onlyQuestionIds,
  emptyMessage,
  flags,
  previous,
  evidenceHref,
}: QuestionnaireAnswersProps) {
  const sections = visibleAnswerSections(template, answers)
    .map((s) => ({
      ...s,
      questions: s.questions.filter(
        ({ question }) =>
          (!onlyChanged || changedQuestionIds?.has(question.id)) &&
          (!onlyQuestionIds || onlyQuestionIds.has(question.id)),
      ),
    }))
    .filter(({ questions }) => questions.length > 0);

  if (sections.length === 0) {
    return (
      <p className="rounded-lg bg-white px-5 py-8 text-center text-sm text-slate-500 ring-1 ring-slate-200">
        {emptyMessage ??
          (onlyChanged ? "No answers changed since the previous revision." : "No answers to show.")}
      </p>
    );
  }

  return (
    <div className="space-y-6">
      {sections.map(({ section, sectionIndex, questions }) => {
        const changedHere = changedQuestionIds
          ? questions.filter(({ question }) => changedQuestionIds.has(question.id)).length
          : 0;
        return (
          <section
            key={section.id}
            aria-labelledby={answersSectionDomId(section.id)}
            className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200"
          >
            <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-5 py-3">
              <h2
                id={answersSectionDomId(section.id)}
                className="scroll-mt-20 text-base font-semibold text-slate-900"
              >
                <span className="mr-1.5 font-normal text-slate-400">{sectionIndex + 1}.</span>
                {section.title}
              </h2>
              {changedHere ? <Badge tone="amber">{changedHere} changed</Badge> : null}
            </header>
            <dl className="divide-y divide-slate-100">
              {questions.map(({ question, questionIndex }) => {
                const value = readAnswer(answers, question.id);
                const changed = changedQuestionIds?.has(question.id) ?? false;
                const extra = renderQuestionExtra?.(question.id);
                const flag = flags?.[question.id];
                const flagged = !!flag && (flag.dontKnow || flag.linkages.length > 0);
                const earlierComments = previous?.comments[question.id];
                return (
                  <div
                    key={question.id}
                    id={questionDomId(question.id)}
                    className={`scroll-mt-20 px-5 py-4 ${changed ? "border-l-4 border-amber-400 bg-amber-50/40 pl-4" : ""}`}
                  >
                    <dt className="flex items-start justify-between gap-3">
                      <span className="min-w-0 flex-1 text-sm font-medium text-slate-900">
                        <span className="mr-1.5 font-normal text-slate-400 tabular-nums">
                          {sectionIndex + 1}.{questionIndex + 1}
                        </span>
                        {question.label}
                      </span>
                      <span className="flex shrink-0 flex-wrap justify-end gap-1.5">
                        {flag?.linkages.some((l) => l.weight >= HIGH_WEIGHT) ? (
                          <Badge tone="red">High-weight linkage</Badge>
                        ) : null}
                        {flag?.dontKnow ? <Badge tone="amber">Don&apos;t know</Badge> : null}
                        {changed ? <Badge tone="amber">Changed</Badge> : null}
                        {question.required && !isAnswered(value) ? <Badge tone="red">Missing</Badge> : null}
                      </span>
                    </dt>
                    <dd className="mt-1.5 space-y-2">
                      <ReferenceList references={question.references} />
                      {changed && previous ? (
                        <div className="grid gap-2 sm:grid-cols-2">
                          <div className="rounded-md bg-slate-50 p-2.5 ring-1 ring-slate-200">
                            <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
                              Before · r{previous.revision}
                            </p>
                            <div className="mt-1 text-sm text-slate-700">
                              <AnswerValue
                                question={question}
                                value={readAnswer(previous.answers, question.id)}
                                evidenceHref={evidenceHref}
                              />
                            </div>
                          </div>
                          <div className="rounded-md bg-white p-2.5 ring-1 ring-amber-300">
                            <p className="text-xs font-semibold tracking-wide text-amber-800 uppercase">
                              Now
                            </p>
                            <div className="mt-1 text-sm text-slate-800">
                              <AnswerValue question={question} value={value} evidenceHref={evidenceHref} />
                            </div>
                          </div>
                        </div>
                      ) : (
                        <div className="text-sm text-slate-800">
                          <AnswerValue question={question} value={value} evidenceHref={evidenceHref} />
                        </div>
                      )}
                      {flagged && flag.linkages.length > 0 ? <FlagDetails flag={flag} /> : null}
                      {earlierComments?.length ? (
                        <CommentThread
                          comments={earlierComments}
                          heading={`Comment on r${previous!.revision}`}
                        />
                      ) : null}
                      <CommentThread comments={comments[question.id]} />
                      {extra ? <div>{extra}</div> : null}
                    </dd>
                  </div>
                );
              })}
            </dl>
          </section>
        );
      })}
    </div>
  );
}

const KIND_NAMES = { adjacency: "adjacency", inheritance: "inheritance", trust: "trust" } as const;

/** The linkages a flagged answer creates, with their weights: why the reviewer should look twice. */
function FlagDetails({ flag }: { flag: AnswerFlag }) {
  return (
    <div className="rounded-md bg-red-50/60 p-2.5 ring-1 ring-red-200">
      <p className="text-xs font-semibold tracking-wide text-red-800 uppercase">
        Linkage{flag.linkages.length === 1 ? "" : "s"} this answer creates
      </p>
      <ul className="mt-1 space-y-1 text-sm">
        {flag.linkages.slice(0, 5).map((l, i) => (
          <li key={i} className="flex flex-wrap items-baseline gap-x-2">
            <span className="min-w-0 break-words text-slate-900">
              {l.from} → {l.to}
            </span>
            <span className="text-xs text-slate-600">
              {KIND_NAMES[l.kind]} · weight{" "}
              <span className={`font-semibold tabular-nums ${l.weight >= HIGH_WEIGHT ? "text-red-700" : ""}`}>
                {l.weight.toFixed(2)}
              </span>
            </span>
          </li>
        ))}
      </ul>
      {flag.linkages.length > 5 ? (
        <p className="mt-1 text-xs text-slate-600">and {flag.linkages.length - 5} more of the same kind.</p>
      ) : null}
    </div>
  );
}

/** The sections and questions visible for these answers, numbered as the supplier saw them. */
export function visibleAnswerSections(template: Template, answers: Record<string, unknown>) {
  const visibility = computeVisibility(template, answers);
  return template.sections
    .map((section, sectionIndex) => ({
      section,
      sectionIndex,
      questions: section.questions
        .map((question, questionIndex) => ({ question, questionIndex }))
        .filter(({ question }) => visibility.questions.has(question.id)),
    }))
    .filter(({ section, questions }) => visibility.sections.has(section.id) && questions.length > 0);
}

/** The DOM id of a section's heading in QuestionnaireAnswers, for a section navigator. */
export const answersSectionDomId = (sectionId: string) => `answers-${sectionId}`;

function NotAnswered() {
  return <span className="text-slate-400 italic">Not answered</span>;
}

function DontKnow() {
  return <span className="font-medium text-amber-800">Don&apos;t know</span>;
}

/** One answer rendered as text, list, table or file list according to the question type. */
export function AnswerValue({
  question,
  value,
  evidenceHref,
}: {
  question: Question;
  value: unknown;
  evidenceHref?: (file: EvidenceFile, questionId: string) => string;
}) {
  if (!isAnswered(value)) return <NotAnswered />;
  switch (question.type) {
    case "yesno":
      return value === DONT_KNOW ? (
        <DontKnow />
      ) : (
        <span className="font-medium">{yesNoLabel(value) ?? String(value)}</span>
      );
    case "single_choice": {
      const choice = question.choices.find((candidate) => candidate.id === value);
      if (choice?.unknown) return <DontKnow />;
      return <span className="font-medium">{choice?.label ?? String(value)}</span>;
    }
    case "multiple_choice": {
      const ids = Array.isArray(value) ? value : [value];
      return (
        <ul className="list-disc space-y-0.5 pl-5">
          {ids.map((id) => {
            const choice = question.choices.find((candidate) => candidate.id === id);
            return <li key={String(id)}>{choice?.unknown ? <DontKnow /> : (choice?.label ?? String(id))}</li>;
          })}
        </ul>
      );
    }
    case "number":
      if (value === DONT_KNOW) return <DontKnow />;
      return (
        <span className="font-medium tabular-nums">
          {typeof value === "number" ? formatNumber(value, question.unit) : String(value)}
        </span>
      );
    case "date":
      return value === DONT_KNOW ? (
        <DontKnow />
      ) : (
        <span className="font-medium tabular-nums">{String(value)}</span>
      );
    case "text":
      return <p className="break-words whitespace-pre-wrap">{String(value)}</p>;
    case "group":
      return <GroupTable question={question} rows={Array.isArray(value) ? value : []} />;
    case "evidence":
      return (
        <EvidenceList
          files={Array.isArray(value) ? (value as EvidenceFile[]) : []}
          href={evidenceHref ? (file) => evidenceHref(file, question.id) : undefined}
        />
      );
  }
}

function cellText(field: GroupField, cell: unknown): string {
  if (!isAnswered(cell)) return "—";
  if (field.type === "yesno") return yesNoLabel(cell) ?? String(cell);
  if (field.type === "single_choice")
    return field.choices.find((choice) => choice.id === cell)?.label ?? String(cell);
  if (field.type === "number" && typeof cell === "number") return formatNumber(cell, field.unit);
  return String(cell);
}

function GroupTable({ question, rows }: { question: GroupQuestion; rows: unknown[] }) {
  return (
    <div className="overflow-x-auto rounded-md ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className="px-3 py-2 text-left text-xs font-medium text-slate-500">
              #
            </th>
            {question.fields.map((field) => (
              <th
                key={field.id}
                scope="col"
                className="px-3 py-2 text-left text-xs font-medium text-slate-600"
              >
                {field.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">
          {rows.map((row, index) => {
            const record = row && typeof row === "object" ? (row as Record<string, unknown>) : {};
            return (
              <tr key={index}>
                <td className="px-3 py-2 text-slate-400 tabular-nums">{index + 1}</td>
                {question.fields.map((field) => (
                  <td key={field.id} className="max-w-xs px-3 py-2 align-top break-words text-slate-800">
                    {cellText(field, Object.hasOwn(record, field.id) ? record[field.id] : undefined)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function EvidenceList({ files, href }: { files: EvidenceFile[]; href?: (file: EvidenceFile) => string }) {
  return (
    <ul className="divide-y divide-slate-200 rounded-md ring-1 ring-slate-200">
      {files.map((file) => (
        <li key={file.fileId} className="flex items-center gap-3 px-3 py-2">
          <span className="min-w-0 flex-1 truncate font-medium">
            {href ? (
              <a href={href(file)} className="text-brand-700 underline underline-offset-2 hover:no-underline">
                {file.name}
              </a>
            ) : (
              file.name
            )}
          </span>
          <span className="shrink-0 text-xs text-slate-500">
            {kindLabel(file.kind)} · {formatFileSize(file.bytes)}
          </span>
        </li>
      ))}
    </ul>
  );
}
