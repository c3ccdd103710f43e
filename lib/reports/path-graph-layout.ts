// Pure: lays out the union of a vendor's top paths as layers from left (the vendor) to right (the
// assets), for the report's drawn graph. A node sits in the layer of its earliest position on any
// path; within a layer nodes follow the mean position of their predecessors, which keeps most
// edges from crossing without a real layout engine.
import { isAssetKey, isVendorKey, isVendorScopedKey } from "@/lib/linkage/keys";
import type { LinkageKind } from "@/lib/scoring";

export type PathGraphNodeType = "vendor" | "component" | "asset" | "other";

export interface PathGraphNode {
  key: string;
  label: string;
  type: PathGraphNodeType;
  layer: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PathGraphEdge {
  from: string;
  to: string;
  kind: LinkageKind;
  weight: number;
  /** SVG path data from the source's right edge to the target's left edge. */
  d: string;
  endX: number;
  endY: number;
}

export interface PathGraphLayout {
  width: number;
  height: number;
  nodes: PathGraphNode[];
  edges: PathGraphEdge[];
}

const NODE_HEIGHT = 18;
const ROW_GAP = 8;
const PADDING = 6;
const MIN_COLUMN_GAP = 22;
const MAX_NODE_WIDTH = 120;
/** Helvetica at 6.5 pt averages about 3.3 pt per character. */
const CHAR_WIDTH = 3.3;

export function nodeTypeOf(key: string): PathGraphNodeType {
  if (isAssetKey(key)) return "asset";
  if (isVendorScopedKey(key)) return isVendorKey(key) ? "vendor" : "component";
  if (key.startsWith("component:")) return "component";
  return "other";
}

export function truncateLabel(label: string, maxChars: number): string {
  if (label.length <= maxChars) return label;
  return `${label.slice(0, Math.max(1, maxChars - 1)).trimEnd()}…`;
}

export function layoutPathGraph(
  paths: readonly { hops: readonly { from: string; to: string; kind: LinkageKind; weight: number }[] }[],
  name: (key: string) => string,
  width: number,
): PathGraphLayout {
  const layerOf = new Map<string, number>();
  const firstSeen = new Map<string, number>();
  const edges = new Map<string, { from: string; to: string; kind: LinkageKind; weight: number }>();
  const see = (key: string, layer: number) => {
    if (!firstSeen.has(key)) firstSeen.set(key, firstSeen.size);
    layerOf.set(key, Math.min(layerOf.get(key) ?? Infinity, layer));
  };
  for (const path of paths) {
    path.hops.forEach((hop, i) => {
      see(hop.from, i);
      see(hop.to, i + 1);
      const id = `${hop.from}\u0000${hop.to}\u0000${hop.kind}`;
      const known = edges.get(id);
      if (!known || known.weight < hop.weight)
        edges.set(id, { from: hop.from, to: hop.to, kind: hop.kind, weight: hop.weight });
    });
  }
  if (layerOf.size === 0) return { width, height: 0, nodes: [], edges: [] };

  const layerCount = Math.max(...layerOf.values()) + 1;
  const layers: string[][] = Array.from({ length: layerCount }, () => []);
  for (const [key, layer] of layerOf) layers[layer]!.push(key);
  const order = new Map<string, number>();
  const predecessors = new Map<string, string[]>();
  for (const e of edges.values()) predecessors.set(e.to, [...(predecessors.get(e.to) ?? []), e.from]);
  layers.forEach((keys, layer) => {
    const score = (key: string) => {
      const before = (predecessors.get(key) ?? []).filter(
        (p) => (layerOf.get(p) ?? 0) < layer && order.has(p),
      );
      return before.length ? before.reduce((sum, p) => sum + order.get(p)!, 0) / before.length : Infinity;
    };
    const scored = keys.map((key) => ({ key, score: score(key), seen: firstSeen.get(key)! }));
    scored.sort((a, b) => (a.score === b.score ? a.seen - b.seen : a.score - b.score));
    scored.forEach(({ key }, i) => order.set(key, i));
    layers[layer] = scored.map((s) => s.key);
  });

  const nodeWidth = Math.min(MAX_NODE_WIDTH, (width - (layerCount - 1) * MIN_COLUMN_GAP) / layerCount);
  const columnStep = layerCount > 1 ? (width - nodeWidth) / (layerCount - 1) : 0;
  const tallest = Math.max(...layers.map((l) => l.length));
  const rowStep = NODE_HEIGHT + ROW_GAP;
  const height = PADDING * 2 + tallest * rowStep - ROW_GAP;
  const maxChars = Math.max(4, Math.floor((nodeWidth - 6) / CHAR_WIDTH));

  const nodes: PathGraphNode[] = [];
  const position = new Map<string, PathGraphNode>();
  layers.forEach((keys, layer) => {
    const offset = ((tallest - keys.length) * rowStep) / 2;
    keys.forEach((key, i) => {
      const node: PathGraphNode = {
        key,
        layer,
        label: truncateLabel(name(key), maxChars),
        type: nodeTypeOf(key),
        x: layer * columnStep,
        y: PADDING + offset + i * rowStep,
        width: nodeWidth,
        height: NODE_HEIGHT,
      };
      nodes.push(node);
      position.set(key, node);
    });
  });

  const round = (n: number) => Math.round(n * 10) / 10;
  const drawn: PathGraphEdge[] = [...edges.values()].map((e) => {
    const from = position.get(e.from)!;
    const to = position.get(e.to)!;
    const sx = from.x + from.width;
    const sy = from.y + from.height / 2;
    const ex = to.x;
    const ey = to.y + to.height / 2;
    // Forward edges are S-curves between columns; an edge back to an earlier column loops below.
    const bend = ex > sx ? (ex - sx) / 2 : MIN_COLUMN_GAP + (sx - ex) / 4;
    const drop = ex > sx ? 0 : NODE_HEIGHT;
    const d = `M ${round(sx)} ${round(sy)} C ${round(sx + bend)} ${round(sy + drop)}, ${round(ex - bend)} ${round(ey + drop)}, ${round(ex)} ${round(ey)}`;
    return { ...e, d, endX: round(ex), endY: round(ey) };
  });
  return { width, height, nodes, edges: drawn };
}
