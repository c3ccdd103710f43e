/**
 * Scoring model 2's inputs that extraction knows and a graph file would otherwise have to state:
 * who supplies each component (it decides a vendor's footprint, docs/scoring.md) and which
 * linkages sit at the pessimistic weight only because an answer was unknown (the exposure range).
 * Used for both the per-assessment graph (toGraphDocument) and the organisation's whole graph.
 */
import {
  DEFAULT_WEIGHTS,
  resolveBestControlWeight,
  type GraphDocument,
  type GraphLinkageInput,
  type GraphNodeInput,
  type ScoringConfig,
} from "../scoring";

/** The sources of a linkage, whichever shape carries them (extraction's array, or `{ sources }` from the database). */
function sourcesOf(linkage: GraphLinkageInput): readonly Record<string, unknown>[] {
  const p = linkage.provenance as unknown;
  const list = Array.isArray(p)
    ? p
    : p !== null && typeof p === "object" && Array.isArray((p as { sources?: unknown }).sources)
      ? (p as { sources: unknown[] }).sources
      : [];
  return list.filter((s): s is Record<string, unknown> => s !== null && typeof s === "object");
}

/** The assessments whose answers created a linkage (none for a manual or inventory linkage). */
function assessmentIdsOf(linkage: GraphLinkageInput): string[] {
  const p = linkage.provenance as { assessmentId?: unknown } | null | undefined;
  const ids = sourcesOf(linkage).map((s) => s.assessmentId);
  if (p !== null && typeof p === "object" && !Array.isArray(p)) ids.push(p.assessmentId);
  return [...new Set(ids.filter((id): id is string => typeof id === "string"))];
}

/** The rule "the vendor builds this firmware" (template 2's fw_vendor_builds_firmware). */
const isBuildsRule = (source: Record<string, unknown>) =>
  typeof source.ruleId === "string" && /(^|_)vendor_builds(_|$)/.test(source.ruleId);
const isSubSupplier = (node: GraphNodeInput | undefined) =>
  node?.type === "component" && (node.subtype === "sub-supplier" || node.id.startsWith("sub_supplier:"));

/**
 * Component id → supplying vendor node id, from what extraction recorded:
 * - custody: the vendor → operated-node linkage (platform, update service, remote access, credential);
 * - "vendor builds": the vendor → firmware linkage of a builds rule;
 * - sub-suppliers: a sub-supplier node belongs to the one vendor node linking into it (e.g. the risk
 *   officer's manual linkage from the RTOS maker), and so does every component it supplies by
 *   inheritance, except a component another vendor's answers put in that vendor's product. An SDK or
 *   kernel named in vendor X's SBOM is extracted as one node linking straight to X's units (there is no
 *   node for "X's firmware" in between), so that node is the library inside X's product: it belongs to
 *   none, and whatever the sub-supplier reaches through it is beyond the sub-supplier's footprint
 *   (issue 11: an RTOS embedded in three vendors' firmware has amplification 1).
 * A component two sources give to different vendors is left out: the engine then infers (docs/graph-format.md).
 */
export function resolveComponentSuppliers(document: GraphDocument): Map<string, string> {
  const byId = new Map(document.nodes.map((n) => [n.id, n]));
  const isVendor = (id: string) => byId.get(id)?.type === "vendor";
  const claims = new Map<string, Set<string>>();
  const claim = (component: string, vendor: string) => {
    if (byId.get(component)?.type === "component")
      claims.set(component, (claims.get(component) ?? new Set()).add(vendor));
  };

  const subSupplierVendors = new Map<string, Set<string>>();
  for (const l of document.linkages) {
    if (!isVendor(l.from)) continue;
    if (sourcesOf(l).some((s) => s.custody === true || isBuildsRule(s))) claim(l.to, l.from);
    if (isSubSupplier(byId.get(l.to)))
      subSupplierVendors.set(l.to, (subSupplierVendors.get(l.to) ?? new Set()).add(l.from));
  }
  const assessmentsOf = (vendor: string) =>
    new Set(
      document.linkages
        .filter((l) => l.from === vendor || l.from.startsWith(`${vendor}/`))
        .flatMap(assessmentIdsOf),
    );
  for (const [subSupplier, vendors] of subSupplierVendors) {
    if (vendors.size !== 1) continue;
    const [vendor] = vendors;
    claim(subSupplier, vendor!);
    const own = assessmentsOf(vendor!);
    for (const l of document.linkages)
      if (l.from === subSupplier && l.kind === "inheritance" && assessmentIdsOf(l).every((id) => own.has(id)))
        claim(l.to, vendor!);
  }

  const out = new Map<string, string>();
  for (const [component, vendors] of claims) if (vendors.size === 1) out.set(component, [...vendors][0]!);
  return out;
}

/**
 * For a linkage whose weight was set by an unknown / "don't know" answer: `unknown` and the weight it
 * would have at the best control of its kind (never above its weight; a known source of the same
 * linkage keeps it at least at that source's weight). Nothing for other linkages.
 */
export function unknownRangeOf(
  linkage: GraphLinkageInput,
  config: ScoringConfig,
): { unknown: true; bestWeight: number } | undefined {
  const sources = sourcesOf(linkage);
  const top = [...sources].sort((a, b) => Number(b.weight ?? 0) - Number(a.weight ?? 0))[0];
  if (top?.unknown !== true) return undefined;
  const best = resolveBestControlWeight(linkage.kind, config);
  const atBest = Math.max(
    ...sources
      .map((s) => (s.unknown === true ? Math.min(Number(s.weight), best) : Number(s.weight)))
      .filter(Number.isFinite),
    0,
  );
  return { unknown: true, bestWeight: Math.min(linkage.weight, atBest) };
}

/**
 * The document with `supplier` on components (where the sources agree and the file did not say)
 * and `unknown` + `bestWeight` on unknown-answer linkages (where not already given).
 */
export function withModel2Inputs(
  document: GraphDocument,
  config: ScoringConfig = DEFAULT_WEIGHTS,
): GraphDocument {
  const suppliers = resolveComponentSuppliers(document);
  return {
    ...document,
    nodes: document.nodes.map((n) =>
      n.supplier === undefined && suppliers.has(n.id) ? { ...n, supplier: suppliers.get(n.id)! } : n,
    ),
    linkages: document.linkages.map((l) => {
      if (l.unknown !== undefined) return l;
      const range = unknownRangeOf(l, config);
      return range ? { ...l, ...range } : l;
    }),
  };
}
