// Pure: the sentences the report prints next to the numbers, from a snapshot's data.
import { isAssetKey, isVendorScopedKey } from "@/lib/linkage/keys";
import type { ExplainingPath } from "@/lib/scoring";
import { MODEL_VERSION } from "@/lib/scoring/config";

type HopProvenance = {
  source?: string;
  assessmentId?: string | null;
  revision?: number | null;
  sources?: { questionId?: string; revision?: number }[] | null;
};

/** A question as people read it: its number in the questionnaire and its label. */
export interface QuestionRef {
  /** "5.3": section and question number, as the questionnaire shows them. */
  number: string;
  label: string;
}

/** Key of an assessment's question in a record of QuestionRefs (resolvePathQuestions). */
export const pathQuestionKey = (assessmentId: string, questionId: string) =>
  `${assessmentId}\u0000${questionId}`;

/**
 * "answer to question 5.3 “Remote access: …” (revision 2)", or where else a linkage came from. Never a
 * question key or a database id: a question the lookup does not know reads as "an answer".
 */
export function describeHopProvenance(
  provenance: unknown,
  questionOf: (assessmentId: string, questionId: string) => QuestionRef | undefined = () => undefined,
): string {
  const p = (provenance ?? {}) as HopProvenance;
  if (p.source === "ASSESSMENT" && p.assessmentId) {
    const assessmentId = p.assessmentId;
    const questions = [
      ...new Set(
        (Array.isArray(p.sources) ? p.sources : [])
          .map((s) => s?.questionId)
          .filter((q): q is string => typeof q === "string"),
      ),
    ];
    const revision = p.revision ? ` (revision ${p.revision})` : "";
    const named = questions
      .map((q) => questionOf(assessmentId, q))
      .filter((q): q is QuestionRef => q !== undefined);
    if (named.length === 0) return `an answer of the supplier's assessment${revision}`;
    return named.map((q) => `answer to question ${q.number} “${q.label}”${revision}`).join("; ");
  }
  if (p.source === "INVENTORY") return "your asset inventory";
  if (p.source === "MANUAL") return "added by hand";
  return "unknown source";
}

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** A score as the explanations read it; model 2's parts are absent (or zero) on model 1 snapshots. */
export interface ExplainableScore {
  exposure: number;
  amplification: number;
  topPaths: readonly ExplainingPath[];
  modelVersion?: string;
  footprintExposure?: number;
  beyondFootprintExposure?: number;
  amplificationMultiplier?: number | null;
  exposureLow?: number;
  exposureHigh?: number;
  evidenceGap?: number;
}

const KIND_WORD = {
  adjacency: "network adjacency",
  inheritance: "inheritance",
  trust: "delegated trust",
} as const;

/** True when the snapshot carries model 2's footprint and range (model 1 snapshots await their recompute). */
export function hasFootprint(score: Omit<ExplainableScore, "topPaths">): boolean {
  if (score.footprintExposure === undefined || score.beyondFootprintExposure === undefined) return false;
  return (
    score.modelVersion === undefined ||
    score.modelVersion.startsWith(MODEL_VERSION.slice(0, MODEL_VERSION.indexOf(".") + 1))
  );
}

/**
 * Where the top paths leave the vendor's own products and services, weighted by contribution: the
 * first hop onward from one of your assets, or into a component that is not the vendor's own. The
 * snapshot does not keep each component's supplier, so "own" follows the rules extraction feeds the
 * engine (lib/linkage/component-suppliers.ts): the vendor's namespaced nodes (its firmware, platform,
 * update service, remote access, credentials) and the sub-supplier node it stands for. What a
 * sub-supplier node leads into is the library inside other vendors' products, so that hop leaves the
 * footprint. A component only this vendor links to, which the engine infers as its own, reads as
 * "beyond" here: a reading aid, the numbers come from the engine.
 */
export function beyondFootprintRoutes(
  topPaths: readonly ExplainingPath[],
  names: Record<string, string>,
): { name: string; kind: keyof typeof KIND_WORD; share: number }[] {
  const weight = new Map<string, { name: string; kind: keyof typeof KIND_WORD; contribution: number }>();
  let total = 0;
  for (const p of topPaths) {
    const vendorKey = p.hops[0]?.from ?? "";
    const own = new Set([vendorKey]);
    let leave: { node: string; kind: keyof typeof KIND_WORD; onward: boolean } | undefined;
    for (const h of p.hops) {
      if (isAssetKey(h.from)) {
        leave = { node: h.from, kind: h.kind, onward: true };
        break;
      }
      if (isAssetKey(h.to)) continue;
      const ownNode =
        own.has(h.from) &&
        (h.to.startsWith(`${vendorKey}/`) || (h.from === vendorKey && h.to.startsWith("sub_supplier:")));
      if (!ownNode) {
        leave = { node: h.to, kind: h.kind, onward: false };
        break;
      }
      own.add(h.to);
    }
    if (!leave) continue;
    // Never a node key in words: an unnamed node reads as what it is.
    const name = leave.onward
      ? `${names[leave.node] ?? "one of your assets"} onward`
      : (names[leave.node] ?? (leave.node.startsWith("asset:") ? "one of your assets" : "a component"));
    const key = `${leave.node}|${leave.kind}`;
    const entry = weight.get(key) ?? { name, kind: leave.kind, contribution: 0 };
    entry.contribution += p.contribution;
    weight.set(key, entry);
    total += p.contribution;
  }
  return [...weight.values()]
    .sort((a, b) => b.contribution - a.contribution)
    .map((e) => ({ name: e.name, kind: e.kind, share: total > 0 ? e.contribution / total : 0 }));
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const possessive = (name: string) => (name.endsWith("s") ? `${name}'` : `${name}'s`);

/** "62 % of Meridian's exposure reaches beyond its own products and services: through GW-2 (network adjacency), …" */
export function explainAmplification(
  vendorName: string,
  score: ExplainableScore,
  names: Record<string, string>,
): string {
  if (score.exposure <= 0) return `${vendorName} reaches none of your assets through any known linkage.`;
  const beyond = score.beyondFootprintExposure ?? 0;
  const footprint = score.footprintExposure ?? 0;
  if (score.amplification <= 0.005) {
    return `All of ${possessive(vendorName)} exposure stays within its own products and services: nothing it reaches passes through another vendor's product, a shared service or onward from one of your assets.`;
  }
  const routes = beyondFootprintRoutes(score.topPaths, names).slice(0, 3);
  const through =
    routes.length > 0 ? `: through ${routes.map((r) => `${r.name} (${KIND_WORD[r.kind]})`).join(", ")}` : "";
  const head = `${percent(score.amplification)} of ${possessive(vendorName)} exposure (${fmt(beyond)} of ${fmt(score.exposure)}) reaches beyond its own products and services${through}.`;
  if (footprint <= 0)
    return `${head} Its own footprint reaches nothing by itself: everything it can affect, it affects through others.`;
  const multiplier = score.amplificationMultiplier ?? score.exposure / footprint;
  return `${head} Its own footprint accounts for ${fmt(footprint)}; all routes together reach ${multiplier.toFixed(1)}× that.`;
}

/** The exposure range and evidence gap in words: how much of the score is ignorance rather than a reported weakness. */
export function explainEvidenceGap(vendorName: string, score: ExplainableScore): string {
  const gap = score.evidenceGap ?? 0;
  if (score.exposure <= 0) return "";
  if (gap < 0.05)
    return `No unknown or "don't know" answer adds to ${vendorName}'s score: it rests on what the supplier reported.`;
  const low = score.exposureLow ?? score.exposure;
  const high = score.exposureHigh ?? score.exposure;
  return `Unknown and "don't know" answers account for up to ${fmt(gap)} of it (${percent(gap / Math.max(high, 1e-9))}): with the best control in their place exposure would be ${fmt(low)} rather than ${fmt(high)}. Asking ${vendorName} for those answers can only lower the score.`;
}

/** The plain-language reading of the headline numbers, naming where exposure passes beyond the footprint. */
export function explainScore(
  vendorName: string,
  score: ExplainableScore,
  names: Record<string, string>,
): string {
  if (score.exposure <= 0) return `${vendorName} reaches none of your assets through any known linkage.`;
  const head = `Exposure is the criticality-weighted sum, over every asset ${vendorName} can reach, of the probability that the asset is affected if ${vendorName} is compromised.`;
  if (hasFootprint(score))
    return `${head} ${explainAmplification(vendorName, score, names)} ${explainEvidenceGap(vendorName, score)}`;
  // A model 1 snapshot (recomputed under model 2 by the scoring worker): its amplification meant "not one hop from the vendor".
  const via = new Map<string, number>();
  for (const p of score.topPaths) {
    const middle = p.hops
      .slice(0, -1)
      .map((h) => h.to)
      .find((k) => !isVendorScopedKey(k));
    if (middle) via.set(middle, (via.get(middle) ?? 0) + p.contribution);
  }
  const main = [...via.entries()].sort((a, b) => b[1] - a[1])[0];
  if (score.amplification <= 0.005)
    return `${head} It comes from what ${vendorName} touches directly; nothing is amplified through components, shared infrastructure or delegated trust.`;
  const shown = score.topPaths.reduce((sum, p) => sum + p.contribution, 0);
  const viaText = main
    ? `, most of it via ${names[main[0]] ?? main[0]} (${percent(main[1] / Math.max(shown, 1e-9))} of the exposure on the top paths)`
    : "";
  return `${head} ${percent(score.amplification)} of it arrives indirectly — through components, shared infrastructure or delegated trust — rather than through what ${vendorName} touches directly${viaText} (scoring model 1; a recompute under model 2 is queued).`;
}

/** The headline numbers in a few sentences (the CSV's explanation): footprint, beyond it, evidence gap. */
export function explainInBrief(
  vendorName: string,
  score: ExplainableScore,
  names: Record<string, string>,
): string {
  if (!hasFootprint(score)) return explainScore(vendorName, score, names);
  return [explainAmplification(vendorName, score, names), explainEvidenceGap(vendorName, score)]
    .filter(Boolean)
    .join(" ");
}
