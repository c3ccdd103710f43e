import Link from "next/link";

import { questionDomId } from "@/components/questionnaire/answer-format";

/** Where a linkage came from: a link to the supplier's answer, the inventory, or "added by hand". */
export function AnswerLink({
  source,
  assessmentId,
  revision,
  questionId,
  className = "text-brand-700 hover:underline",
}: {
  source: string | null;
  assessmentId: string | null;
  revision: number | null;
  questionId: string | null;
  className?: string;
}) {
  if (source === "ASSESSMENT" && assessmentId) {
    return (
      <Link className={className} href={answerHref(assessmentId, revision, questionId)}>
        answer {questionId ?? ""}
        {revision ? ` (r${revision})` : ""}
      </Link>
    );
  }
  if (source === "INVENTORY")
    return (
      <Link className={className} href="/inventory">
        your inventory
      </Link>
    );
  if (source === "MANUAL") return <span>added by hand</span>;
  return <span>unknown source</span>;
}

export function answerHref(assessmentId: string, revision: number | null, questionId: string | null): string {
  return `/assessments/${assessmentId}?revision=${revision ?? ""}${questionId ? `#${questionDomId(questionId)}` : ""}`;
}

/** Reads the fields AnswerLink needs out of an engine hop's opaque provenance. */
export function hopSource(provenance: unknown): {
  source: string | null;
  assessmentId: string | null;
  revision: number | null;
  questionId: string | null;
} {
  const p = (provenance ?? {}) as {
    source?: string;
    assessmentId?: string | null;
    revision?: number | null;
    sources?: { questionId?: string }[] | null;
  };
  return {
    source: p.source ?? null,
    assessmentId: p.assessmentId ?? null,
    revision: p.revision ?? null,
    questionId: Array.isArray(p.sources) ? (p.sources[0]?.questionId ?? null) : null,
  };
}

export const blastRadiusHref = (key: string) => `/blast-radius?node=${encodeURIComponent(key)}`;
