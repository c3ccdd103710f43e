"use client";

import "@xyflow/react/dist/style.css";

import { Background, Controls, MarkerType, ReactFlow, type Edge, type Node } from "@xyflow/react";
import Link from "next/link";
import { useMemo, useState, useSyncExternalStore } from "react";

import type {
  Neighbourhood,
  NeighbourhoodEdge,
  NeighbourhoodNode,
} from "@/lib/domain/scoring/get-vendor-score-details";
import { assetIdOfKey } from "@/lib/linkage/keys";

import { AnswerLink, blastRadiusHref } from "./answer-link";

const KINDS = ["adjacency", "inheritance", "trust"] as const;
type Kind = (typeof KINDS)[number];
const KIND_LABEL: Record<Kind, string> = {
  adjacency: "Adjacency",
  inheritance: "Inheritance",
  trust: "Trust",
};
// Same hues as the score card's breakdown bar (sky-500, violet-500, amber-500).
const KIND_STROKE: Record<Kind, string> = { adjacency: "#0ea5e9", inheritance: "#8b5cf6", trust: "#f59e0b" };
const KIND_SWATCH: Record<Kind, string> = {
  adjacency: "bg-sky-500",
  inheritance: "bg-violet-500",
  trust: "bg-amber-500",
};

const COLUMN_WIDTH = 215;
const ROW_HEIGHT = 58;
const TYPE_ORDER = { vendor: 0, component: 1, asset: 2 } as const;

const pct = (p: number) => `${Math.round(p * 100)} %`;
const score = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

function nodeStyle(n: NeighbourhoodNode, selected: boolean) {
  const base = {
    width: 175,
    fontSize: 11,
    borderRadius: 8,
    padding: "6px 8px",
    textAlign: "left" as const,
    boxShadow: selected ? "0 0 0 3px #1d4ed8" : undefined,
  };
  if (n.type === "vendor")
    return { ...base, background: "#1e293b", color: "white", border: "1px solid #0f172a" };
  if (n.type === "asset") {
    const critical = (n.criticality ?? 0) >= 4;
    return {
      ...base,
      background: critical ? "#fef2f2" : "#f8fafc",
      color: "#0f172a",
      border: `1px solid ${critical ? "#fca5a5" : "#cbd5e1"}`,
    };
  }
  return { ...base, background: "white", color: "#0f172a", border: "1px solid #c4b5fd" };
}

/** Columns by best-path hop count; inside a column components before assets, biggest share first. */
function layout(nodes: NeighbourhoodNode[]) {
  const columns = new Map<number, NeighbourhoodNode[]>();
  for (const n of nodes) (columns.get(n.hop) ?? columns.set(n.hop, []).get(n.hop)!).push(n);
  const tallest = Math.max(...[...columns.values()].map((c) => c.length));
  const positions = new Map<string, { x: number; y: number }>();
  for (const [hop, column] of columns) {
    column.sort(
      (a, b) =>
        TYPE_ORDER[a.type] - TYPE_ORDER[b.type] ||
        b.contribution - a.contribution ||
        a.name.localeCompare(b.name),
    );
    const offset = ((tallest - column.length) * ROW_HEIGHT) / 2;
    column.forEach((n, i) => positions.set(n.key, { x: hop * COLUMN_WIDTH, y: offset + i * ROW_HEIGHT }));
  }
  return positions;
}

/** Nodes still reachable from the vendor over the kinds that are switched on. */
function reachable(vendorKey: string, edges: NeighbourhoodEdge[], kinds: Record<Kind, boolean>) {
  const out = new Map<string, string[]>();
  for (const e of edges) if (kinds[e.kind]) (out.get(e.from) ?? out.set(e.from, []).get(e.from)!).push(e.to);
  const seen = new Set([vendorKey]);
  const queue = [vendorKey];
  while (queue.length) {
    for (const next of out.get(queue.shift()!) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return seen;
}

const subscribeNever = () => () => {};

/** The vendor's neighbourhood: pan, zoom, filter by linkage kind, click a node for its details. */
export function LinkageGraph({
  neighbourhood,
  vendorKey,
}: {
  neighbourhood: Neighbourhood;
  vendorKey: string;
}) {
  const [kinds, setKinds] = useState<Record<Kind, boolean>>({
    adjacency: true,
    inheritance: true,
    trust: true,
  });
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  // The drawing needs a browser (it measures itself, pans and zooms): the server sends a placeholder
  // and the table below instead of rendering sixty nodes nobody can see until the script runs.
  const drawn = useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
  const [tableOpen, setTableOpen] = useState(false);
  const positions = useMemo(() => layout(neighbourhood.nodes), [neighbourhood.nodes]);
  const byKey = useMemo(() => new Map(neighbourhood.nodes.map((n) => [n.key, n])), [neighbourhood.nodes]);
  const visible = useMemo(
    () => reachable(vendorKey, neighbourhood.edges, kinds),
    [vendorKey, neighbourhood.edges, kinds],
  );

  const nodes: Node[] = !drawn
    ? []
    : neighbourhood.nodes.map((n) => ({
        id: n.key,
        position: positions.get(n.key)!,
        hidden: !visible.has(n.key),
        sourcePosition: "right" as Node["sourcePosition"],
        targetPosition: "left" as Node["targetPosition"],
        data: {
          label: (
            <span className="block" data-testid="graph-node">
              <span className="block truncate font-medium" title={n.name}>
                {n.name}
              </span>
              <span
                className={`block truncate text-[10px] ${n.type === "vendor" ? "text-slate-300" : "text-slate-500"}`}
              >
                {n.type === "asset"
                  ? `asset · criticality ${n.criticality ?? "?"} · P ${pct(n.probability)}`
                  : n.type === "vendor"
                    ? "vendor"
                    : `${n.subtype ?? "component"} · P ${pct(n.probability)}`}
              </span>
            </span>
          ),
        },
        style: nodeStyle(n, n.key === selectedKey),
      }));
  const edges: Edge[] = !drawn
    ? []
    : neighbourhood.edges.map((e) => ({
        id: e.id,
        source: e.from,
        target: e.to,
        hidden: !kinds[e.kind] || !visible.has(e.from) || !visible.has(e.to),
        style: {
          stroke: KIND_STROKE[e.kind],
          strokeWidth: 1 + e.weight * 2.5,
          strokeDasharray: e.onBestPath ? undefined : "5 4",
          opacity: e.onBestPath ? 0.95 : 0.55,
        },
        markerEnd: { type: MarkerType.ArrowClosed, color: KIND_STROKE[e.kind], width: 14, height: 14 },
      }));
  const selected = selectedKey ? (byKey.get(selectedKey) ?? null) : null;
  const name = (key: string) => byKey.get(key)?.name ?? key;

  return (
    <div>
      <fieldset className="mb-3 flex flex-wrap items-center gap-x-5 gap-y-2 text-sm">
        <legend className="sr-only">Show linkage kinds</legend>
        {KINDS.map((k) => (
          <label key={k} className="flex items-center gap-1.5">
            <input
              type="checkbox"
              checked={kinds[k]}
              onChange={(e) => setKinds({ ...kinds, [k]: e.target.checked })}
              className="h-4 w-4 rounded border-slate-300"
            />
            <span className={`inline-block h-2.5 w-2.5 rounded-sm ${KIND_SWATCH[k]}`} aria-hidden />
            {KIND_LABEL[k]}
          </label>
        ))}
        <span className="text-xs text-slate-500">
          Solid: most probable paths · dashed: other linkages · thicker: higher weight
        </span>
      </fieldset>
      <div className="flex h-[560px] overflow-hidden rounded-md ring-1 ring-slate-200">
        <div className="min-w-0 flex-1" data-testid="linkage-graph">
          {drawn ? (
            <ReactFlow
              nodes={nodes}
              edges={edges}
              fitView
              fitViewOptions={{ padding: 0.06, maxZoom: 1.1 }}
              minZoom={0.2}
              maxZoom={2}
              nodesDraggable={false}
              nodesConnectable={false}
              onNodeClick={(_, node) => setSelectedKey(node.id)}
              onPaneClick={() => setSelectedKey(null)}
              proOptions={{ hideAttribution: true }}
            >
              <Background gap={20} color="#e2e8f0" />
              <Controls showInteractive={false} />
            </ReactFlow>
          ) : (
            <p className="p-4 text-sm text-slate-500" role="status">
              Drawing the graph of {neighbourhood.nodes.length} nodes…
            </p>
          )}
        </div>
        <aside
          className="w-64 shrink-0 overflow-y-auto border-l border-slate-200 bg-slate-50 p-4 text-sm"
          aria-label="Node details"
          aria-live="polite"
        >
          {selected ? (
            <NodeDetails node={selected} edges={neighbourhood.edges} name={name} />
          ) : (
            <p className="text-slate-600">
              Click a node to see how the vendor reaches it, the linkages in and out, and the answers that
              created them.
            </p>
          )}
        </aside>
      </div>
      {neighbourhood.omitted > 0 ? (
        <p className="mt-2 text-xs text-slate-500">
          Showing the {neighbourhood.nodes.length} nodes that carry the most exposure; {neighbourhood.omitted}{" "}
          more are reached with smaller shares.
        </p>
      ) : null}
      <details className="mt-3 text-sm" onToggle={(e) => setTableOpen(e.currentTarget.open)}>
        <summary className="cursor-pointer text-brand-700">Show the graph as a table</summary>
        <table className="mt-2 min-w-full divide-y divide-slate-200 text-left text-xs">
          <caption className="sr-only">Linkages in the vendor&apos;s neighbourhood</caption>
          <thead className="text-slate-600">
            <tr>
              <th className="py-1.5 pr-3 font-medium">From</th>
              <th className="py-1.5 pr-3 font-medium">To</th>
              <th className="py-1.5 pr-3 font-medium">Kind</th>
              <th className="py-1.5 pr-3 text-right font-medium">Weight</th>
              <th className="py-1.5 font-medium">Created by</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {/* Rows are rendered once the table is opened: most visitors read the drawing. */}
            {tableOpen
              ? neighbourhood.edges
                  .filter((e) => kinds[e.kind])
                  .map((e) => (
                    <tr key={e.id}>
                      <td className="py-1.5 pr-3">{name(e.from)}</td>
                      <td className="py-1.5 pr-3">{name(e.to)}</td>
                      <td className="py-1.5 pr-3">{KIND_LABEL[e.kind]}</td>
                      <td className="py-1.5 pr-3 text-right tabular-nums">{e.weight.toFixed(2)}</td>
                      <td className="py-1.5">
                        <AnswerLink {...e} />
                      </td>
                    </tr>
                  ))
              : null}
          </tbody>
        </table>
      </details>
    </div>
  );
}

function NodeDetails({
  node,
  edges,
  name,
}: {
  node: NeighbourhoodNode;
  edges: NeighbourhoodEdge[];
  name: (key: string) => string;
}) {
  const incoming = edges.filter((e) => e.to === node.key);
  const outgoing = edges.filter((e) => e.from === node.key);
  const assetId = assetIdOfKey(node.key);
  return (
    <div className="space-y-3" data-testid="node-details">
      <div>
        <h3 className="font-semibold text-slate-900">
          <Link href={blastRadiusHref(node.key)} className="text-brand-700 hover:underline">
            {node.name}
          </Link>
        </h3>
        <p className="text-xs text-slate-500">
          {node.type}
          {node.subtype ? ` · ${node.subtype}` : ""}
        </p>
      </div>
      <dl className="grid grid-cols-2 gap-2 text-xs">
        {node.type !== "vendor" ? (
          <div>
            <dt className="text-slate-500">{node.type === "asset" ? "P(affected)" : "P(reached)"}</dt>
            <dd className="font-medium tabular-nums">{pct(node.probability)}</dd>
          </div>
        ) : null}
        <div>
          <dt className="text-slate-500">Exposure through it</dt>
          <dd className="font-medium tabular-nums">{score(node.contribution)}</dd>
        </div>
        {node.type !== "vendor" ? (
          <div>
            <dt className="text-slate-500">Hops from vendor</dt>
            <dd className="font-medium tabular-nums">{node.hop}</dd>
          </div>
        ) : null}
        {node.criticality ? (
          <div>
            <dt className="text-slate-500">Criticality</dt>
            <dd className="font-medium tabular-nums">{node.criticality}</dd>
          </div>
        ) : null}
      </dl>
      <p className="flex flex-wrap gap-x-3 gap-y-1 text-xs">
        <Link href={blastRadiusHref(node.key)} className="font-medium text-brand-700 hover:underline">
          Blast radius of this node
        </Link>
        {assetId ? (
          <Link href={`/inventory/${assetId}`} className="font-medium text-brand-700 hover:underline">
            Open asset
          </Link>
        ) : null}
      </p>
      <EdgeList title="Linkages in" edges={incoming} other={(e) => e.from} name={name} />
      <EdgeList title="Linkages out" edges={outgoing} other={(e) => e.to} name={name} />
    </div>
  );
}

function EdgeList({
  title,
  edges,
  other,
  name,
}: {
  title: string;
  edges: NeighbourhoodEdge[];
  other: (e: NeighbourhoodEdge) => string;
  name: (key: string) => string;
}) {
  if (edges.length === 0) return null;
  return (
    <div>
      <h4 className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</h4>
      <ul className="space-y-2 text-xs">
        {edges.map((e) => (
          <li key={e.id}>
            <span className="flex items-center gap-1.5">
              <span
                className={`inline-block h-2 w-2 shrink-0 rounded-sm ${KIND_SWATCH[e.kind]}`}
                aria-hidden
              />
              <Link href={blastRadiusHref(other(e))} className="font-medium text-brand-700 hover:underline">
                {name(other(e))}
              </Link>
            </span>
            <span className="block text-slate-500">
              {KIND_LABEL[e.kind]}, weight {e.weight.toFixed(2)}
              {e.onBestPath ? ", on a best path" : ""}
            </span>
            {e.reason ? <span className="block text-slate-600">{e.reason}</span> : null}
            <span className="block text-slate-500">
              from <AnswerLink {...e} />
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
