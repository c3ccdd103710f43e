/** fast-check arbitraries for small random graphs (test support; not used at runtime). */
import fc from "fast-check";

import { LINKAGE_KINDS } from "@/lib/scoring/config";
import type { GraphDocument, GraphLinkageInput, GraphNodeInput } from "@/lib/scoring/graph-format";

// Discrete weights produce exact ties (the hard case for determinism); continuous ones the rest.
export const arbitraryWeight = fc.oneof(
  fc.constantFrom(0, 0.005, 0.01, 0.1, 0.25, 0.5, 0.9, 1),
  fc.double({ min: 0, max: 1, noNaN: true }),
);

export const arbitraryGraph: fc.Arbitrary<GraphDocument> = fc
  .record({
    vendors: fc.integer({ min: 1, max: 4 }),
    components: fc.integer({ min: 0, max: 5 }),
    assets: fc.integer({ min: 1, max: 6 }),
    criticalities: fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }), {
      minLength: 6,
      maxLength: 6,
    }),
  })
  .chain(({ vendors, components, assets, criticalities }) => {
    const nodes: GraphNodeInput[] = [
      ...Array.from({ length: vendors }, (_, i): GraphNodeInput => ({
        id: `v${i}`,
        type: "vendor",
        name: `Vendor ${i}`,
      })),
      ...Array.from({ length: components }, (_, i): GraphNodeInput => ({
        id: `c${i}`,
        type: "component",
        name: `Component ${i}`,
      })),
      ...Array.from({ length: assets }, (_, i): GraphNodeInput => {
        const criticality = criticalities[i];
        return criticality === undefined
          ? { id: `a${i}`, type: "asset", name: `Asset ${i}` }
          : { id: `a${i}`, type: "asset", name: `Asset ${i}`, criticality };
      }),
    ];
    const linkage = fc
      .record({
        from: fc.integer({ min: 0, max: nodes.length - 1 }),
        to: fc.integer({ min: 0, max: nodes.length - 1 }),
        kind: fc.constantFrom(...LINKAGE_KINDS),
        weight: arbitraryWeight,
        tag: fc.integer({ min: 0, max: 3 }),
      })
      .map(({ from, to, kind, weight, tag }): GraphLinkageInput => ({
        from: nodes[from]!.id,
        to: nodes[to]!.id,
        kind,
        weight,
        reason: `reason ${tag}`,
        provenance: { question: `q${tag}` },
      }));
    return fc.record({ nodes: fc.constant(nodes), linkages: fc.array(linkage, { maxLength: 30 }) });
  });

/** Same document with nodes and linkages in a different order. */
export function permuteDocument(
  document: GraphDocument,
  nodeOrder: readonly number[],
  linkageOrder: readonly number[],
): GraphDocument {
  const reorder = <T>(items: readonly T[], keys: readonly number[]) =>
    items
      .map((item, i) => ({ item, key: keys[i % Math.max(1, keys.length)] ?? 0, i }))
      .sort((a, b) => a.key - b.key || b.i - a.i)
      .map((x) => x.item);
  return { nodes: reorder(document.nodes, nodeOrder), linkages: reorder(document.linkages, linkageOrder) };
}

/**
 * A graph and a weight change on one of its linkages, as the pair (lower weight, higher weight):
 * for monotonicity properties, which compare the two whichever way the weight moved.
 */
export const arbitraryReweighting: fc.Arbitrary<{
  readonly lower: GraphDocument;
  readonly higher: GraphDocument;
}> = fc
  .tuple(arbitraryGraph, fc.nat(), arbitraryWeight)
  .filter(([document]) => document.linkages.length > 0)
  .map(([document, pick, newWeight]) => {
    const at = pick % document.linkages.length;
    const changed = {
      ...document,
      linkages: document.linkages.map((l, i) => (i === at ? { ...l, weight: newWeight } : l)),
    };
    return newWeight >= document.linkages[at]!.weight
      ? { lower: document, higher: changed }
      : { lower: changed, higher: document };
  });
