import { formatDateTime } from "@/components/assessments/status-badge";
import { Card } from "@/components/ui/card";
import type { SnapshotView } from "@/lib/domain/scoring/read-scores";
import type { ExposureBandThresholds } from "@/lib/portfolio/exposure-bands";
import {
  explainAmplification,
  explainEvidenceGap,
  explainScore,
  hasFootprint,
  type QuestionRef,
} from "@/lib/reports/explain";

import { ExplainingPaths } from "./explaining-paths";
import { ExposureValue } from "./exposure-band";
import { KindBreakdownBar } from "./kind-breakdown-bar";
import { formatMultiplier, formatPercent, formatScore } from "./score-format";

/** The vendor's two headline numbers, explained in words, with the paths behind them. */
export function VendorScoreCard({
  vendorName,
  current,
  previous,
  names,
  bands,
  questions,
}: {
  vendorName: string;
  current: SnapshotView | null;
  previous: SnapshotView | null;
  names: Record<string, string>;
  /** The organisation's exposure bands: the band is shown with the number. */
  bands: ExposureBandThresholds;
  /** The questions behind the top paths' hops (resolvePathQuestions). */
  questions: Record<string, QuestionRef>;
}) {
  if (!current) {
    return (
      <Card title="Amplification score">
        <p className="text-sm text-slate-600">
          Not scored yet. {vendorName} is scored once one of its assessments is accepted; record where its
          products sit (deployments) so its answers attach to your assets.
        </p>
      </Card>
    );
  }
  const delta = previous ? current.exposure - previous.exposure : null;
  const model2 = hasFootprint(current);
  return (
    <Card title="Amplification score">
      <div id="score" className="space-y-5">
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <div>
            <dt className="text-xs text-slate-500">Exposure</dt>
            <dd className="text-2xl font-semibold">
              <ExposureValue exposure={current.exposure} bands={bands} />
            </dd>
            {delta !== null ? (
              <dd
                className={`text-xs ${delta > 0 ? "text-red-700" : delta < 0 ? "text-emerald-700" : "text-slate-500"}`}
              >
                {delta > 0 ? "▲" : delta < 0 ? "▼" : "="} {formatScore(Math.abs(delta))} since last
              </dd>
            ) : null}
            {model2 ? (
              <dd className="text-xs text-slate-500" data-testid="exposure-range">
                range {formatScore(current.exposureLow)}–{formatScore(current.exposureHigh)}
              </dd>
            ) : null}
          </div>
          <div>
            <dt className="text-xs text-slate-500">Amplification</dt>
            <dd className="text-2xl font-semibold tabular-nums">{formatPercent(current.amplification)}</dd>
            {model2 ? (
              <dd className="text-xs text-slate-500" data-testid="multiplier">
                {current.amplificationMultiplier === null
                  ? "no footprint of its own"
                  : `${formatMultiplier(current.amplificationMultiplier)} its footprint`}
              </dd>
            ) : null}
          </div>
          <div>
            <dt className="text-xs text-slate-500">Critical assets reachable</dt>
            <dd className="text-2xl font-semibold tabular-nums">{current.criticalAssetsReached}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">Assets reachable</dt>
            <dd className="text-2xl font-semibold tabular-nums">{current.assetsReached}</dd>
          </div>
        </dl>
        {model2 ? <FootprintBar vendorName={vendorName} score={current} /> : null}
        <p className="text-sm text-slate-700" data-testid="amplification-explanation">
          {model2
            ? explainAmplification(vendorName, current, names)
            : explainScore(vendorName, current, names)}
        </p>
        {model2 && current.exposure > 0 ? (
          <p className="text-sm text-slate-700" data-testid="evidence-gap">
            {explainEvidenceGap(vendorName, current)}
          </p>
        ) : null}
        <KindBreakdownBar byKind={current.byKind} />
        <div>
          <h3 className="mb-2 text-sm font-semibold text-slate-900">Top paths</h3>
          <ExplainingPaths paths={current.topPaths} names={names} questions={questions} />
        </div>
        <p className="text-xs text-slate-500">
          Computed {formatDateTime(current.computedAt)} · scoring model {current.modelVersion}
        </p>
      </div>
    </Card>
  );
}

/** Footprint, beyond-footprint and the evidence gap as one bar, with the numbers beside it. */
function FootprintBar({ vendorName, score }: { vendorName: string; score: SnapshotView }) {
  if (score.exposure <= 0) return null;
  const own = (score.footprintExposure / score.exposure) * 100;
  return (
    <div data-testid="footprint-bar">
      <div
        className="flex h-3 overflow-hidden rounded-full bg-slate-100"
        role="img"
        aria-label={`Footprint ${formatScore(score.footprintExposure)}, beyond the footprint ${formatScore(score.beyondFootprintExposure)}`}
      >
        <div className="h-full bg-brand-600" style={{ width: `${own}%` }} />
        <div className="h-full bg-amber-500" style={{ width: `${100 - own}%` }} />
      </div>
      <dl className="mt-1.5 flex flex-wrap gap-x-5 gap-y-1 text-xs text-slate-600">
        <div className="flex items-center gap-1.5">
          <span className="inline-block h-2 w-2 rounded-full bg-brand-600" />
          <dt>{vendorName}&apos;s own footprint</dt>
          <dd className="font-medium text-slate-900 tabular-nums">{formatScore(score.footprintExposure)}</dd>
        </div>
        <div className="flex items-center gap-1.5">
          <span className="inline-block h-2 w-2 rounded-full bg-amber-500" />
          <dt>Beyond its footprint</dt>
          <dd className="font-medium text-slate-900 tabular-nums">
            {formatScore(score.beyondFootprintExposure)}
          </dd>
        </div>
        <div className="flex items-center gap-1.5">
          <dt>Evidence gap (unknown answers)</dt>
          <dd className="font-medium text-slate-900 tabular-nums">{formatScore(score.evidenceGap)}</dd>
        </div>
      </dl>
    </div>
  );
}
