import Link from "next/link";

import { questionDomId } from "@/components/questionnaire/answer-format";
import { pathQuestionKey, type QuestionRef } from "@/lib/reports/explain";
import type { ExplainingPath } from "@/lib/scoring";

import { formatPercent, formatScore, KIND_COLOR, KIND_LABEL } from "./score-format";

type HopProvenance = {
  source?: string;
  assessmentId?: string | null;
  revision?: number | null;
  sources?: { questionId?: string }[];
};

/** Where a hop came from, as a link to the supplier's answer (or the inventory): by question number and label. */
function HopSource({
  provenance,
  questions,
}: {
  provenance: unknown;
  questions: Record<string, QuestionRef>;
}) {
  const p = (provenance ?? {}) as HopProvenance;
  if (p.source === "ASSESSMENT" && p.assessmentId) {
    const questionId = p.sources?.[0]?.questionId;
    const question = questionId ? questions[pathQuestionKey(p.assessmentId, questionId)] : undefined;
    return (
      <>
        <Link
          className="text-brand-700 hover:underline"
          href={`/assessments/${p.assessmentId}?revision=${p.revision ?? ""}${questionId ? `#${questionDomId(questionId)}` : ""}`}
        >
          {question ? `answer to question ${question.number}` : "the supplier's answer"} (r{p.revision})
        </Link>
        {question ? <span className="text-slate-500"> “{question.label}”</span> : null}
      </>
    );
  }
  if (p.source === "INVENTORY")
    return (
      <Link className="text-brand-700 hover:underline" href="/inventory">
        your inventory
      </Link>
    );
  if (p.source === "MANUAL") return <span>added by hand</span>;
  return null;
}

/** The most probable paths behind a score, each hop naming its linkage and the answer behind it. */
export function ExplainingPaths({
  paths,
  names,
  questions,
}: {
  paths: ExplainingPath[];
  names: Record<string, string>;
  /** The questions behind the hops (resolvePathQuestions), by pathQuestionKey. */
  questions: Record<string, QuestionRef>;
}) {
  if (paths.length === 0) return <p className="text-sm text-slate-600">No path reaches an asset yet.</p>;
  const name = (key: string) => names[key] ?? key.replace(/^[a-z]+:/, "");
  return (
    <ol className="space-y-4">
      {paths.map((path, i) => (
        <li key={`${path.asset}-${i}`} className="rounded-md border border-slate-200 p-3">
          <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2 text-sm">
            <span className="font-medium text-slate-900">
              → {path.assetName}{" "}
              <span className="text-xs font-normal text-slate-500">criticality {path.criticality}</span>
            </span>
            <span className="text-slate-600">
              {formatPercent(path.probability)} chance it is affected · adds {formatScore(path.contribution)}{" "}
              to exposure
            </span>
          </div>
          <ol className="space-y-1.5 text-sm">
            {path.hops.map((hop, h) => (
              <li key={h} className="flex flex-wrap items-start gap-2">
                <span
                  className={`mt-1 inline-block h-2.5 w-2.5 shrink-0 rounded-sm ${KIND_COLOR[hop.kind]}`}
                  aria-hidden
                />
                <span className="min-w-0 flex-1">
                  <span className="font-medium">{name(hop.from)}</span>{" "}
                  <span className="text-slate-500">→</span>{" "}
                  <span className="font-medium">{name(hop.to)}</span>{" "}
                  <span className="text-xs text-slate-500">
                    {KIND_LABEL[hop.kind]}, weight {hop.weight.toFixed(2)}
                  </span>
                  {hop.reason ? <span className="block text-slate-600">{hop.reason}</span> : null}
                  <span className="block text-xs text-slate-500">
                    from <HopSource provenance={hop.provenance} questions={questions} />
                  </span>
                </span>
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ol>
  );
}
