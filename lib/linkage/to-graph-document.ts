/**
 * Assembles extraction results (one per accepted assessment) and the buyer's inventory into a graph
 * document for lib/scoring (docs/graph-format.md). Node keys become node ids, so a component that
 * several vendors reported (same purl, CPE or normalised name+version) is one node.
 */
import type { GraphDocument, GraphLinkageInput, GraphNodeInput, ScoringConfig } from "../scoring";
import { withModel2Inputs } from "./component-suppliers";
import { assetKey } from "./keys";
import type { ExtractedLinkage, ExtractedNode, ExtractionResult, LinkageProvenance } from "./types";

/** Options of toGraphDocument. */
export interface ToGraphDocumentOptions {
  /** The inventory with criticality; every one becomes an asset node `asset:<id>`, reached or not. */
  readonly assets?: ReadonlyArray<{
    readonly id: string;
    readonly name: string;
    readonly type: string;
    readonly criticality?: number;
  }>;
  /** The buyer's own linkages (e.g. zone → member assets, gateway → PLCs), by node id. */
  readonly extraLinkages?: readonly GraphLinkageInput[];
  /** The scoring config, for the best-control weight of unknown-answer linkages (default weights when absent). */
  readonly config?: ScoringConfig;
}

/**
 * Nodes are merged by key (the first result's name wins); linkages with the same (from, to, kind)
 * from several results are merged like within one extraction: highest weight, every source kept in
 * `provenance`. Output is sorted, so it does not depend on the order of `results`' contents.
 * Components get the `supplier` custody, "vendor builds" and sub-supplier linkages name, and
 * unknown-answer linkages `unknown` + `bestWeight` (component-suppliers.ts, scoring model 2).
 */
export function toGraphDocument(
  results: readonly ExtractionResult[],
  options: ToGraphDocumentOptions = {},
): GraphDocument {
  const nodes = new Map<string, GraphNodeInput>();
  for (const asset of options.assets ?? []) {
    const id = assetKey(asset.id);
    nodes.set(id, {
      id,
      type: "asset",
      name: asset.name,
      subtype: asset.type,
      ...(asset.criticality !== undefined && { criticality: asset.criticality }),
    });
  }
  for (const result of results) {
    for (const node of result.nodes) if (!nodes.has(node.key)) nodes.set(node.key, toGraphNode(node));
  }

  const merged = new Map<string, ExtractedLinkage>();
  for (const result of results) {
    for (const linkage of result.linkages) {
      const id = linkageId(linkage);
      const existing = merged.get(id);
      if (!existing) {
        merged.set(id, linkage);
        continue;
      }
      const provenance: LinkageProvenance[] = [...existing.provenance, ...linkage.provenance].sort(
        (a, b) => b.weight - a.weight,
      );
      const top = linkage.weight > existing.weight ? linkage : existing;
      merged.set(id, { ...top, provenance });
    }
  }
  const linkages: GraphLinkageInput[] = [...merged.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, l]) => ({
      id,
      from: l.fromKey,
      to: l.toKey,
      kind: l.kind,
      weight: l.weight,
      reason: l.reason,
      provenance: l.provenance,
    }));
  linkages.push(...(options.extraLinkages ?? []));

  return withModel2Inputs(
    { nodes: [...nodes.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), linkages },
    options.config,
  );
}

function toGraphNode(node: ExtractedNode): GraphNodeInput {
  return {
    id: node.key,
    type: node.type,
    name: node.name,
    ...(node.subtype !== undefined && { subtype: node.subtype }),
    ...(node.identity !== undefined && { identity: node.identity }),
    ...(node.placeholder && { placeholder: true }),
  };
}

function linkageId(linkage: ExtractedLinkage): string {
  return `${linkage.fromKey} -> ${linkage.toKey} (${linkage.kind})`;
}
