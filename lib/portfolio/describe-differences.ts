// Pure: the differences between compared vendors, spelt out in sentences from their data.
import type { KindBreakdown, LinkageKind } from "@/lib/scoring";
import { dominantKind } from "@/lib/scoring/dominant-kind";

/** What one compared vendor is known to depend on, touch and reach. */
export interface ComparedVendorFacts {
  id: string;
  name: string;
  score: {
    exposure: number;
    amplification: number;
    byKind: KindBreakdown;
    criticalAssetsReached: number;
    evidenceGap?: number;
    exposureLow?: number;
    exposureHigh?: number;
  } | null;
  /** "don't know" answers in the accepted revision; null without an accepted assessment. */
  unknownAnswers: number | null;
  /** Shared (not vendor-specific) components its answers link, by node key, with the linkage kinds. */
  components: Map<string, { name: string; kinds: Set<LinkageKind> }>;
  /** The buyer's assets its answers create linkages into, by node key, with the linkage kinds. */
  assetLinks: Map<string, { name: string; kinds: Set<LinkageKind> }>;
  /**
   * Assets the engine finds it can reach, with criticality, by a small non-negative integer that
   * identifies the asset across the compared vendors (the compiled graph's node index).
   */
  reached: Map<number, { name: string; criticality: number }>;
}

const KIND_WORD: Record<LinkageKind, string> = {
  adjacency: "adjacency",
  inheritance: "inheritance",
  trust: "trust",
};
const num = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const pct = (share: number) => `${Math.round(share * 100)} %`;
const plural = (n: number, one: string, many = `${one}s`) => (n === 1 ? one : many);
const possessive = (name: string) => (name.endsWith("s") ? `${name}'` : `${name}'s`);

/** "A", "A and B", "A, B and 2 more"; `total` when `names` holds only the first few of more. */
export function listNames(names: string[], total = names.length, max = 3): string {
  if (total <= 1) return names[0] ?? "";
  if (total <= max) return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return `${names.slice(0, max).join(", ")} and ${total - max} more`;
}

const collator = new Intl.Collator("en");

/**
 * For every asset any of the vendors reaches, which of them do: bit i set when vendors[i] reaches
 * it. A typed array indexed by the asset's number: at 20,000 reached assets per vendor, a Map keyed
 * by asset id cost ~40 ms per comparison, this well under one.
 */
export function reachMasks(
  vendors: readonly Pick<ComparedVendorFacts, "reached">[],
): (asset: number) => number {
  let size = 0;
  for (const v of vendors) for (const key of v.reached.keys()) if (key >= size) size = key + 1;
  const masks = new Uint8Array(size);
  vendors.forEach((v, i) => {
    for (const key of v.reached.keys()) masks[key]! |= 1 << i;
  });
  return (asset) => masks[asset] ?? 0;
}

/**
 * How many reached assets pass `keep`, and the names of the first `max` by criticality (then name).
 * A vendor can reach tens of thousands of assets and a sentence names three: keeping the best three
 * while counting avoids sorting them all.
 */
function mostCritical(
  reached: ComparedVendorFacts["reached"],
  keep: (key: number) => boolean,
  max = 3,
): { count: number; names: string[] } {
  const top: { name: string; criticality: number }[] = [];
  let count = 0;
  const before = (a: { name: string; criticality: number }, b: { name: string; criticality: number }) =>
    a.criticality > b.criticality ||
    (a.criticality === b.criticality && collator.compare(a.name, b.name) < 0);
  for (const [key, asset] of reached) {
    if (!keep(key)) continue;
    count++;
    if (top.length === max && !before(asset, top[max - 1]!)) continue;
    let at = Math.min(top.length, max - 1);
    while (at > 0 && before(asset, top[at - 1]!)) at--;
    top.splice(at, 0, asset);
    if (top.length > max) top.pop();
  }
  return { count, names: top.map((a) => a.name) };
}

/** How `other` differs from `base` in what its answers link: shared components, added linkages. */
export function describePair(base: ComparedVendorFacts, other: ComparedVendorFacts): string {
  const shared = [...other.components].filter(([key]) => base.components.has(key));
  const sharedAssets = [...other.assetLinks].filter(([key]) => base.assetLinks.has(key));
  // Linkages `other` has into an asset that `base` has no linkage of that kind into.
  const added = new Map<LinkageKind, string[]>();
  for (const [key, link] of other.assetLinks) {
    for (const kind of link.kinds) {
      if (base.assetLinks.get(key)?.kinds.has(kind)) continue;
      added.set(kind, [...(added.get(kind) ?? []), link.name]);
    }
  }
  const [addedKind, addedNames] = [...added].sort(
    (a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]),
  )[0] ?? [null, []];

  let sentence: string;
  if (shared.length > 0) {
    const inherits = shared.every(([, c]) => c.kinds.has("inheritance"));
    sentence = `${other.name} ${inherits ? "inherits" : "depends on"} the same ${plural(shared.length, "component")} ${listNames(shared.map(([, c]) => c.name))} as ${base.name}`;
  } else if (sharedAssets.length > 0) {
    sentence = `${other.name} links into the same ${plural(sharedAssets.length, "asset")} ${listNames(sharedAssets.map(([, a]) => a.name))} as ${base.name}`;
  } else {
    sentence = `${other.name} shares no component or asset linkage with ${base.name}`;
  }
  if (addedKind && addedNames.length > 0) {
    sentence += `${shared.length + sharedAssets.length > 0 ? " but adds" : "; it has"} ${KIND_WORD[addedKind]} linkages to ${listNames(addedNames)}`;
    const more = [...added].filter(([k]) => k !== addedKind);
    if (more.length > 0)
      sentence += ` (and ${more.map(([k, n]) => `${n.length} ${KIND_WORD[k]}`).join(", ")} more)`;
  } else if (shared.length + sharedAssets.length > 0) {
    sentence += ` and adds no linkage into your assets that ${base.name} does not have`;
  }
  return `${sentence}.`;
}

/** Every difference worth saying, most important first. The first vendor is the baseline. */
export function describeDifferences(vendors: ComparedVendorFacts[]): string[] {
  const sentences: string[] = [];
  const scored = vendors.filter((v) => v.score);
  for (const v of vendors)
    if (!v.score)
      sentences.push(
        `${v.name} is not scored yet (no accepted assessment), so only its answers can be compared.`,
      );

  if (scored.length >= 2) {
    const byExposure = [...scored].sort((a, b) => b.score!.exposure - a.score!.exposure);
    const [top, next] = [byExposure[0]!, byExposure[1]!];
    const ratio = next.score!.exposure > 0 ? top.score!.exposure / next.score!.exposure : Infinity;
    sentences.push(
      ratio < 1.05
        ? `${top.name} and ${next.name} have about the same exposure (${num(top.score!.exposure)} and ${num(next.score!.exposure)}).`
        : `${top.name} has the highest exposure (${num(top.score!.exposure)}), ${Number.isFinite(ratio) ? `${ratio.toFixed(1)}× that of` : "against"} ${next.name} (${num(next.score!.exposure)}).`,
    );
    const byAmp = [...scored].sort((a, b) => b.score!.amplification - a.score!.amplification);
    const [most, least] = [byAmp[0]!, byAmp[byAmp.length - 1]!];
    if (most.score!.amplification - least.score!.amplification >= 0.005) {
      sentences.push(
        `${most.name} amplifies the most: ${pct(most.score!.amplification)} of its exposure reaches beyond its own products and services, against ${pct(least.score!.amplification)} for ${least.name}.`,
      );
    }
    // Model 2's exposure range: which vendor's score rests most on unanswered questions.
    const byGap = [...scored]
      .filter((v) => v.score!.evidenceGap !== undefined)
      .sort((a, b) => b.score!.evidenceGap! - a.score!.evidenceGap!);
    if (
      byGap.length >= 2 &&
      byGap[0]!.score!.evidenceGap! - byGap[byGap.length - 1]!.score!.evidenceGap! >= 0.05
    ) {
      const [gap, sure] = [byGap[0]!, byGap[byGap.length - 1]!];
      sentences.push(
        `${possessive(gap.name)} score rests most on unknown answers: it could be as low as ${num(gap.score!.exposureLow ?? gap.score!.exposure)} rather than ${num(gap.score!.exposureHigh ?? gap.score!.exposure)} (evidence gap ${num(gap.score!.evidenceGap!)}, against ${num(sure.score!.evidenceGap!)} for ${sure.name}).`,
      );
    }
    const kinds = scored.map((v) => ({ v, kind: dominantKind(v.score!.byKind) }));
    if (new Set(kinds.map((k) => k.kind)).size > 1) {
      sentences.push(
        `${kinds.map(({ v, kind }) => (kind ? `${possessive(v.name)} exposure arrives mostly through ${kind} linkages (${pct(v.score!.byKind[kind] / v.score!.exposure)})` : `${v.name} has no exposure`)).join("; ")}.`,
      );
    }
    const byCritical = [...scored].sort(
      (a, b) => b.score!.criticalAssetsReached - a.score!.criticalAssetsReached,
    );
    if (
      byCritical[0]!.score!.criticalAssetsReached !==
      byCritical[byCritical.length - 1]!.score!.criticalAssetsReached
    ) {
      sentences.push(
        `${byCritical[0]!.name} can reach ${byCritical[0]!.score!.criticalAssetsReached} critical ${plural(byCritical[0]!.score!.criticalAssetsReached, "asset")}, ${byCritical[byCritical.length - 1]!.name} ${byCritical[byCritical.length - 1]!.score!.criticalAssetsReached}.`,
      );
    }
  }

  const [base, ...others] = vendors;
  // A vendor with no accepted answers has no linkages to compare: saying "shares nothing" would mislead.
  const known = (v: ComparedVendorFacts) => v.components.size + v.assetLinks.size > 0;
  if (base && known(base))
    for (const other of others) if (known(other)) sentences.push(describePair(base, other));

  if (vendors.length >= 2) {
    const masks = reachMasks(vendors);
    const all = (1 << vendors.length) - 1;
    vendors.forEach((v, i) => {
      const only = mostCritical(v.reached, (key) => masks(key) === 1 << i);
      if (only.count === 0 || v.reached.size === only.count) return;
      sentences.push(`Only ${v.name} reaches ${listNames(only.names, only.count)}.`);
    });
    const common = mostCritical(vendors[0]!.reached, (key) => masks(key) === all);
    if (common.count > 0) {
      sentences.push(
        `${vendors.length === 2 ? "Both" : `All ${vendors.length}`} reach ${common.count} of the same ${plural(common.count, "asset")}, among them ${listNames(common.names, common.count)}.`,
      );
    }
  }

  const unsure = vendors.filter((v) => (v.unknownAnswers ?? 0) > 0);
  if (unsure.length > 0) {
    const said = unsure.map(
      (v) => `${v.name} answered “don't know” ${v.unknownAnswers} ${plural(v.unknownAnswers!, "time")}`,
    );
    sentences.push(
      `${listNames(said, said.length, 4)}; unknown answers are scored as pessimistically as the weakest control.`,
    );
  }
  return sentences;
}
