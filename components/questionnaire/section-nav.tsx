"use client";

import type { AnswerIssue, Section, Template } from "@/lib/questionnaire";

import type { SectionProgress } from "./answer-format";
import type { QuestionComments } from "./types";

/** The sections with their progress: a select on small screens, a sidebar from lg up. */
export function SectionNav({
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
        <label
          htmlFor="questionnaire-section-select"
          className="mb-1 block text-xs font-medium text-slate-600"
        >
          Section
        </label>
        <select
          id="questionnaire-section-select"
          value={activeId}
          onChange={(event) => onSelect(event.target.value)}
          className="block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600"
        >
          {sections.map((section) => {
            const item = progress.get(section.id);
            return (
              <option key={section.id} value={section.id}>
                {template.sections.indexOf(section) + 1}. {section.title} ({item?.answered ?? 0}/
                {item?.required ?? 0})
              </option>
            );
          })}
        </select>
      </div>
      <nav
        aria-label="Questionnaire sections"
        className="hidden rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200 lg:block"
      >
        <div className="px-2 pb-3">
          <div className="flex items-baseline justify-between text-xs text-slate-600">
            <span className="font-medium text-slate-800">Progress</span>
            <span>
              {totals.answered} / {totals.required} required
            </span>
          </div>
          <div className="mt-1.5 h-1.5 overflow-hidden rounded-full bg-slate-100" aria-hidden>
            <div
              className="h-full rounded-full bg-brand-600 transition-[width]"
              style={{ width: `${percent}%` }}
            />
          </div>
        </div>
        <ol className="space-y-0.5">
          {sections.map((section) => {
            const item = progress.get(section.id) ?? { answered: 0, required: 0, answeredAny: 0, visible: 0 };
            const complete = item.answered === item.required;
            const issueCount = attention.filter((issue) => issue.sectionId === section.id).length;
            const commentCount = section.questions.filter(
              (question) => comments[question.id]?.length && visibleQuestions.has(question.id),
            ).length;
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
                      complete
                        ? "bg-emerald-100 text-emerald-700"
                        : current
                          ? "bg-brand-600 text-white"
                          : "bg-slate-100 text-slate-600"
                    }`}
                  >
                    {complete ? "✓" : template.sections.indexOf(section) + 1}
                  </span>
                  <span className="min-w-0 flex-1">
                    <span className={`block leading-snug ${current ? "font-semibold" : "font-medium"}`}>
                      {section.title}
                    </span>
                    <span className="mt-0.5 flex flex-wrap gap-x-2 text-xs text-slate-500">
                      <span>
                        {item.answered}/{item.required} required
                        <span className="sr-only"> answered{complete ? ", complete" : ""}</span>
                      </span>
                      {issueCount ? (
                        <span className="font-medium text-red-700">{issueCount} to fix</span>
                      ) : null}
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
