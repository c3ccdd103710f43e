"use client";

import Link from "next/link";

import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import type { ScenarioEvaluation, WhatIfScore } from "@/lib/domain/what-if/evaluate-scenario";
import { describeScoreChange } from "@/lib/what-if/describe-score-change";

import { pct, relative, score, signed } from "./format";

export function Delta({
  value,
  percentOf,
  testId = "exposure-delta",
}: {
  value: number;
  percentOf?: number;
  testId?: string;
}) {
  const tone = value < -1e-9 ? "text-emerald-700" : value > 1e-9 ? "text-red-700" : "text-slate-500";
  return (
    <span className={`tabular-nums ${tone}`} data-testid={testId}>
      {signed(value)}
      {percentOf ? ` (${relative(value, percentOf)})` : ""}
    </span>
  );
}

/** One number before → after, with its delta under it (when there is an "after"). */
function BeforeAfter({
  label,
  hint,
  before,
  after,
  delta,
  format,
  testId,
}: {
  label: string;
  hint?: string;
  before: number;
  after: number | null;
  delta: number | null;
  format: (n: number) => string;
  testId?: string;
}) {
  return (
    <div data-testid={testId}>
      <dt className="text-xs text-slate-500">
        {label}
        {hint ? <span className="block text-[11px] text-slate-400">{hint}</span> : null}
      </dt>
      <dd className="tabular-nums">
        {format(before)}
        {after !== null ? <> → {format(after)}</> : null}
      </dd>
      {delta !== null ? (
        <dd className="text-xs">
          <Delta value={delta} testId={testId ? `${testId}-delta` : undefined} />
        </dd>
      ) : null}
    </div>
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
  baseline: WhatIfScore | null;
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
            <div className="grid grid-cols-2 gap-3" data-testid="footprint-deltas">
              {(
                [
                  {
                    label: "Own footprint",
                    hint: "its own products and services",
                    pick: (s: WhatIfScore) => s.footprintExposure,
                    delta: row?.footprintExposureDelta,
                    format: score,
                    testId: "footprint",
                  },
                  {
                    label: "Beyond its footprint",
                    hint: "through others, shared nodes, onward",
                    pick: (s: WhatIfScore) => s.beyondFootprintExposure,
                    delta: row?.beyondFootprintExposureDelta,
                    format: score,
                    testId: "beyond-footprint",
                  },
                  { label: "Amplification", pick: (s: WhatIfScore) => s.amplification, format: pct },
                  {
                    label: "Critical assets",
                    pick: (s: WhatIfScore) => s.criticalAssetsReached,
                    format: String,
                  },
                ] as const
              ).map((m) => (
                <BeforeAfter
                  key={m.label}
                  label={m.label}
                  hint={"hint" in m ? m.hint : undefined}
                  before={m.pick(before)}
                  after={after ? m.pick(after) : null}
                  delta={"delta" in m && m.delta !== undefined ? m.delta : null}
                  format={m.format}
                  testId={"testId" in m ? m.testId : undefined}
                />
              ))}
            </div>
            {row?.before && row.after ? (
              <p
                className="rounded-md bg-slate-50 p-2 text-xs text-slate-700"
                data-testid="what-if-explanation"
              >
                {describeScoreChange(row.name, row.before, row.after)}
              </p>
            ) : null}
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
                        <span className="block text-[11px] text-slate-500">
                          own <Delta value={v.footprintExposureDelta} testId="footprint-delta" /> · beyond{" "}
                          <Delta value={v.beyondFootprintExposureDelta} testId="beyond-footprint-delta" />
                        </span>
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
