"use client";

import type { AnswerIssue, Template } from "@/lib/questionnaire";

import { questionDomId, sentence } from "./answer-format";
import { questionIndex } from "./draft-answers";
import { describeIssue } from "./form-issues";

/** The answers a submission found wanting, by section, each a link to its question. */
export function IssueList({
  issues,
  template,
  onSelect,
}: {
  issues: AnswerIssue[];
  template: Template;
  onSelect: (issue: AnswerIssue) => void;
}) {
  const groups = new Map<string, AnswerIssue[]>();
  for (const issue of issues)
    groups.set(issue.sectionId ?? "", [...(groups.get(issue.sectionId ?? "") ?? []), issue]);
  return (
    <div className="mt-3 space-y-3">
      {[...groups].map(([sectionId, items]) => (
        <div key={sectionId || "other"}>
          <p className="text-xs font-semibold tracking-wide text-red-700 uppercase">
            {template.sections.find((section) => section.id === sectionId)?.title ?? "Other"}
          </p>
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
                    <span className="font-medium underline underline-offset-2 group-hover:no-underline">
                      {issue.label}
                    </span>
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
