"use client";

import Link from "next/link";

import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import type { ScenarioEvaluation, ScoreSummary } from "@/lib/domain/what-if/evaluate-scenario";

import { pct, relative, score, signed } from "./format";

export function Delta({ value, percentOf }: { value: number; percentOf?: number }) {
  const tone = value < -1e-9 ? "text-emerald-700" : value > 1e-9 ? "text-red-700" : "text-slate-500";
  return (
    <span className={`tabular-nums ${tone}`} data-testid="exposure-delta">
      {signed(value)}
      {percentOf ? ` (${relative(value, percentOf)})` : ""}
    </span>
  );
}

export function ResultPanel({
  vendorMode,
  baseline,
  evaluation,
  pending,
  error,
  changed,
  elapsed,
  onReset,
}: {
  vendorMode: boolean;
  baseline: ScoreSummary | null;
  evaluation: ScenarioEvaluation | null;
  pending: boolean;
  error: string | null;
  changed: boolean;
  elapsed: number | null;
  onReset: () => void;
}) {
  const row = vendorMode ? evaluation?.vendors[0] : null;
  const before = row?.before ?? baseline;
  const after = row?.after ?? null;
  return (
    <Card
      title="Effect"
      actions={
        changed ? (
          <Button variant="ghost" className="!px-2 !py-1 text-xs" onClick={onReset}>
            Reset
          </Button>
        ) : null
      }
    >
      <div className="relative min-h-24" aria-busy={pending}>
        {pending ? (
          <p
            role="status"
            className="absolute top-0 right-0 flex items-center gap-1.5 text-xs text-slate-500"
          >
            <span
              className="h-3.5 w-3.5 animate-spin rounded-full border-2 border-slate-300 border-t-brand-600"
              aria-hidden
            />
            Recalculating…
          </p>
        ) : null}
        {error ? <Alert>{error}</Alert> : null}
        {vendorMode && before ? (
          <dl className="space-y-3 text-sm">
            <div>
              <dt className="text-xs text-slate-500">Exposure</dt>
              <dd className="text-2xl font-semibold tabular-nums">
                {score(before.exposure)}
                {after ? <> → {score(after.exposure)}</> : null}
              </dd>
              {row ? (
                <dd className="text-sm">
                  <Delta value={row.exposureDelta} percentOf={before.exposure} />
                </dd>
              ) : (
                <dd className="text-xs text-slate-500">
                  {changed ? "…" : "Change something to see the effect."}
                </dd>
              )}
            </div>
            <div className="grid grid-cols-2 gap-3">
              <div>
                <dt className="text-xs text-slate-500">Amplification</dt>
                <dd className="tabular-nums">
                  {pct(before.amplification)}
                  {after ? <> → {pct(after.amplification)}</> : null}
                </dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">Critical assets</dt>
                <dd className="tabular-nums">
                  {before.criticalAssetsReached}
                  {after ? <> → {after.criticalAssetsReached}</> : null}
                </dd>
              </div>
            </div>
          </dl>
        ) : null}
        {!vendorMode ? (
          evaluation ? (
            <div className="text-sm">
              <p>
                Across the portfolio:{" "}
                <strong>
                  <Delta value={evaluation.totalExposureDelta} />
                </strong>{" "}
                exposure, {evaluation.vendors.length} vendor{evaluation.vendors.length === 1 ? "" : "s"}{" "}
                affected.
              </p>
              <table className="mt-3 min-w-full text-left text-xs">
                <caption className="sr-only">Vendors affected by the scenario</caption>
                <thead className="text-slate-500">
                  <tr>
                    <th className="pb-1 font-medium">Vendor</th>
                    <th className="pb-1 text-right font-medium">Exposure</th>
                    <th className="pb-1 text-right font-medium">Change</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {evaluation.vendors.map((v) => (
                    <tr key={v.vendorId}>
                      <td className="py-1 pr-2">
                        <Link
                          href={`/what-if?vendor=${v.vendorId}`}
                          className="text-brand-700 hover:underline"
                        >
                          {v.name}
                        </Link>
                      </td>
                      <td className="py-1 text-right tabular-nums">
                        {v.before ? score(v.before.exposure) : "—"} →{" "}
                        {v.after ? score(v.after.exposure) : "—"}
                      </td>
                      <td className="py-1 text-right">
                        <Delta value={v.exposureDelta} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="text-sm text-slate-500">
              {changed ? "…" : "Apply a control to see how every vendor's score would move."}
            </p>
          )
        ) : null}
        {evaluation && elapsed !== null ? (
          <p className="mt-3 text-[11px] text-slate-400">
            {evaluation.changedLinkages} linkage{evaluation.changedLinkages === 1 ? "" : "s"} changed ·
            answered in {elapsed} ms · not saved
          </p>
        ) : null}
      </div>
    </Card>
  );
}
