import type { KindBreakdown } from "@/lib/scoring";

import { formatScore, KIND_COLOR, KIND_LABEL } from "./score-format";

/** What the colours of every linkage-kind bar mean: placed once above a column of bars. */
export function KindLegend({ className = "" }: { className?: string }) {
  return (
    <ul
      className={`flex flex-wrap gap-x-2 gap-y-0.5 text-xs text-slate-600 ${className}`}
      aria-label="Linkage kinds"
    >
      {(["adjacency", "inheritance", "trust"] as const).map((k) => (
        <li key={k} className="flex items-center gap-1">
          <span className={`inline-block h-2 w-2 rounded-sm ${KIND_COLOR[k]}`} aria-hidden />
          {KIND_LABEL[k]}
        </li>
      ))}
    </ul>
  );
}

/** A stacked bar of exposure by linkage kind, with the numbers spelled out for screen readers. */
export function KindBreakdownBar({
  byKind,
  showLegend = true,
}: {
  byKind: KindBreakdown;
  showLegend?: boolean;
}) {
  const total = byKind.adjacency + byKind.inheritance + byKind.trust;
  const kinds = ["adjacency", "inheritance", "trust"] as const;
  return (
    <div>
      <div
        className="flex h-3 w-full overflow-hidden rounded-full bg-slate-100"
        role="img"
        aria-label={kinds.map((k) => `${KIND_LABEL[k]} ${formatScore(byKind[k])}`).join(", ")}
      >
        {total > 0
          ? kinds.map((k) => (
              <div key={k} className={KIND_COLOR[k]} style={{ width: `${(byKind[k] / total) * 100}%` }} />
            ))
          : null}
      </div>
      {showLegend ? (
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
          {kinds.map((k) => (
            <li key={k} className="flex items-center gap-1.5">
              <span className={`inline-block h-2.5 w-2.5 rounded-sm ${KIND_COLOR[k]}`} aria-hidden />
              {KIND_LABEL[k]} {formatScore(byKind[k])}
              {total > 0 ? ` (${Math.round((byKind[k] / total) * 100)} %)` : ""}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
