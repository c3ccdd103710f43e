import type { SnapshotView } from "@/lib/domain/scoring/read-scores";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/assessments/status-badge";
import { KindBreakdownBar } from "./kind-breakdown-bar";
import { ExplainingPaths } from "./explaining-paths";
import { formatPercent, formatScore } from "./score-format";

/** The vendor's two headline numbers, explained in words, with the paths behind them. */
export function VendorScoreCard({ vendorName, current, previous, names }: { vendorName: string; current: SnapshotView | null; previous: SnapshotView | null; names: Record<string, string> }) {
  if (!current) {
    return (
      <Card title="Amplification score">
        <p className="text-sm text-slate-600">
          Not scored yet. {vendorName} is scored once one of its assessments is accepted; record where its products sit (deployments) so its answers attach to your assets.
        </p>
      </Card>
    );
  }
  const delta = previous ? current.exposure - previous.exposure : null;
  // The node most paths pass through first, to say in words where the indirect exposure comes from.
  const via = new Map<string, number>();
  for (const p of current.topPaths) {
    const middle = p.hops.slice(0, -1).map((h) => h.to).find((k) => !k.startsWith("vendor:"));
    if (middle) via.set(middle, (via.get(middle) ?? 0) + p.contribution);
  }
  const mainVia = [...via.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  return (
    <Card title="Amplification score">
      <div id="score" className="space-y-5">
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <div><dt className="text-xs text-slate-500">Exposure</dt><dd className="text-2xl font-semibold tabular-nums">{formatScore(current.exposure)}</dd>
            {delta !== null ? <dd className={`text-xs ${delta > 0 ? "text-red-700" : delta < 0 ? "text-emerald-700" : "text-slate-500"}`}>{delta > 0 ? "▲" : delta < 0 ? "▼" : "="} {formatScore(Math.abs(delta))} since last</dd> : null}</div>
          <div><dt className="text-xs text-slate-500">Amplification</dt><dd className="text-2xl font-semibold tabular-nums">{formatPercent(current.amplification)}</dd></div>
          <div><dt className="text-xs text-slate-500">Critical assets reachable</dt><dd className="text-2xl font-semibold tabular-nums">{current.criticalAssetsReached}</dd></div>
          <div><dt className="text-xs text-slate-500">Assets reachable</dt><dd className="text-2xl font-semibold tabular-nums">{current.assetsReached}</dd></div>
        </dl>
        <p className="text-sm text-slate-700">
          {current.amplification > 0.005
            ? <>{formatPercent(current.amplification)} of {vendorName}&apos;s exposure arrives indirectly — through components, shared infrastructure or delegated trust — rather than through what it touches directly{mainVia ? <>, most of it via <strong>{names[mainVia] ?? mainVia}</strong></> : null}.</>
            : <>{vendorName}&apos;s exposure comes from what it touches directly; nothing is amplified through other components or shared infrastructure.</>}
        </p>
        <KindBreakdownBar byKind={current.byKind} />
        <div>
          <h3 className="mb-2 text-sm font-semibold text-slate-900">Top paths</h3>
          <ExplainingPaths paths={current.topPaths} names={names} />
        </div>
        <p className="text-xs text-slate-500">Computed {formatDateTime(current.computedAt)} · model {current.modelVersion} · see docs/scoring.md</p>
      </div>
    </Card>
  );
}
