// Pure: the sentences the report prints next to the numbers, from a snapshot's data.
import type { ExplainingPath } from "@/lib/scoring";

type HopProvenance = { source?: string; assessmentId?: string | null; revision?: number | null; sources?: { questionId?: string; revision?: number }[] | null };

/** "answer ra_model (revision 2) of assessment clx…", or where else a linkage came from. */
export function describeHopProvenance(provenance: unknown): string {
  const p = (provenance ?? {}) as HopProvenance;
  if (p.source === "ASSESSMENT" && p.assessmentId) {
    const questions = [...new Set((Array.isArray(p.sources) ? p.sources : []).map((s) => s?.questionId).filter((q): q is string => typeof q === "string"))];
    const revision = p.revision ?? "?";
    if (questions.length === 0) return `revision ${revision} of assessment ${p.assessmentId}`;
    return questions.map((q) => `answer ${q} (revision ${revision}) of assessment ${p.assessmentId}`).join("; ");
  }
  if (p.source === "INVENTORY") return "your asset inventory";
  if (p.source === "MANUAL") return "added by hand";
  return "unknown source";
}

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** The plain-language reading of the two headline numbers, naming the node most exposure passes. */
export function explainScore(vendorName: string, score: { exposure: number; amplification: number; topPaths: readonly ExplainingPath[] }, names: Record<string, string>): string {
  if (score.exposure <= 0) return `${vendorName} reaches none of your assets through any known linkage.`;
  const via = new Map<string, number>();
  for (const p of score.topPaths) {
    const middle = p.hops.slice(0, -1).map((h) => h.to).find((k) => !k.startsWith("vendor:"));
    if (middle) via.set(middle, (via.get(middle) ?? 0) + p.contribution);
  }
  const main = [...via.entries()].sort((a, b) => b[1] - a[1])[0];
  const head = `Exposure is the criticality-weighted sum, over every asset ${vendorName} can reach, of the probability that the asset is affected if ${vendorName} is compromised.`;
  if (score.amplification <= 0.005) return `${head} It comes from what ${vendorName} touches directly; nothing is amplified through components, shared infrastructure or delegated trust.`;
  const shown = score.topPaths.reduce((sum, p) => sum + p.contribution, 0);
  const viaText = main ? `, most of it via ${names[main[0]] ?? main[0]} (${percent(main[1] / Math.max(shown, 1e-9))} of the exposure on the top paths)` : "";
  return `${head} ${percent(score.amplification)} of it arrives indirectly — through components, shared infrastructure or delegated trust — rather than through what ${vendorName} touches directly${viaText}.`;
}
