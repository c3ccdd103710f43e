import Link from "next/link";

import { formatDate, StatusBadge } from "@/components/assessments/status-badge";
import { ExposureValue } from "@/components/scores/exposure-band";
import { KindBreakdownBar, KindLegend } from "@/components/scores/kind-breakdown-bar";
import { formatMultiplier, formatPercent, formatScore } from "@/components/scores/score-format";
import { Badge, TIER_LABEL, TIER_TONE } from "@/components/ui/badge";
import type { PortfolioItem } from "@/lib/domain/portfolio/list-portfolio";
import type { PortfolioQuery } from "@/lib/domain/portfolio/portfolio-query";
import type { ExposureBandThresholds } from "@/lib/portfolio/exposure-bands";
import type { KindBreakdown } from "@/lib/scoring";

import { ScoreSparkline, TrendDelta } from "./score-sparkline";

export type PortfolioHref = (changes: Partial<PortfolioQuery>) => string;

function SortHeader({
  query,
  column,
  hrefFor,
  children,
  align = "left",
}: {
  query: PortfolioQuery;
  column: PortfolioQuery["sort"];
  hrefFor: PortfolioHref;
  children: string;
  align?: "left" | "right";
}) {
  const active = query.sort === column;
  const nextDir = active
    ? query.dir === "asc"
      ? "desc"
      : "asc"
    : column === "name" || column === "tier"
      ? "asc"
      : "desc";
  return (
    <th
      scope="col"
      aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}
      className={`px-3 py-2.5 font-medium ${align === "right" ? "text-right" : "text-left"}`}
    >
      <Link
        href={hrefFor({ sort: column, dir: nextDir, page: 1 })}
        className="inline-flex items-center gap-1 hover:text-slate-900"
      >
        {children}
        <span aria-hidden className="text-xs">
          {active ? (query.dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </Link>
    </th>
  );
}

const SORT_CAPTION: Record<PortfolioQuery["sort"], string> = {
  exposure: "exposure",
  amplification: "amplification",
  beyond: "exposure beyond the footprint",
  trust: "trust share",
  inheritance: "inheritance share",
  adjacency: "adjacency share",
  gap: "evidence gap",
  name: "name",
  tier: "tier",
  critical: "critical assets reached",
  assessed: "latest assessment",
};

/** Each kind's share under the bar, so the bar reads without hovering. */
function KindShares({ byKind }: { byKind: KindBreakdown }) {
  const total = byKind.adjacency + byKind.inheritance + byKind.trust;
  if (total <= 0) return null;
  const pct = (n: number) => Math.round((n / total) * 100);
  return (
    <div className="mt-1 text-[11px] whitespace-nowrap text-slate-500 tabular-nums">
      A {pct(byKind.adjacency)} · I {pct(byKind.inheritance)} · T {pct(byKind.trust)} %
    </div>
  );
}

/** The ranked vendors: scores, trend, breakdown by kind, assessment; each row can be ticked for comparison. */
export function PortfolioTable({
  items,
  query,
  offset,
  metric,
  hrefFor,
  bands,
}: {
  items: PortfolioItem[];
  query: PortfolioQuery;
  offset: number;
  metric: "exposure" | "amplification";
  hrefFor: PortfolioHref;
  bands: ExposureBandThresholds;
}) {
  const fmt = metric === "amplification" ? formatPercent : formatScore;
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Vendors ranked by {SORT_CAPTION[query.sort]}</caption>
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            <th scope="col" className="w-10 px-3 py-2.5">
              <span className="sr-only">Compare</span>
            </th>
            <th scope="col" className="w-10 px-2 py-2.5 text-right font-medium">
              #
            </th>
            <SortHeader query={query} column="name" hrefFor={hrefFor}>
              Vendor
            </SortHeader>
            <SortHeader query={query} column="exposure" hrefFor={hrefFor} align="right">
              Exposure
            </SortHeader>
            <SortHeader query={query} column="amplification" hrefFor={hrefFor} align="right">
              Amplification
            </SortHeader>
            <th scope="col" className="px-3 py-2.5 text-left font-medium">
              Trend
            </th>
            <th scope="col" className="w-40 px-3 py-2.5 text-left font-medium">
              By linkage kind
              <KindLegend className="mt-1 font-normal" />
            </th>
            <SortHeader query={query} column="critical" hrefFor={hrefFor} align="right">
              Critical
            </SortHeader>
            <SortHeader query={query} column="assessed" hrefFor={hrefFor}>
              Assessment
            </SortHeader>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((v, i) => {
            const values = v.history.map((h) => h[metric]);
            const delta = values.length >= 2 ? values[values.length - 1]! - values[values.length - 2]! : null;
            return (
              <tr key={v.id} className="hover:bg-slate-50" data-testid="portfolio-row">
                <td className="px-3 py-2.5">
                  <input
                    type="checkbox"
                    name="v"
                    value={v.id}
                    aria-label={`Select ${v.name} to compare`}
                    className="h-4 w-4 rounded border-slate-300"
                  />
                </td>
                <td className="px-2 py-2.5 text-right text-slate-500 tabular-nums">{offset + i + 1}</td>
                <td className="px-3 py-2.5">
                  <Link
                    href={`/vendors/${v.id}#score`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {v.name}
                  </Link>
                  <span className="ml-2">
                    <Badge tone={TIER_TONE[v.tier]}>{TIER_LABEL[v.tier]}</Badge>
                  </span>
                </td>
                {v.score ? (
                  <>
                    <td className="px-3 py-2.5 text-right font-medium tabular-nums">
                      <ExposureValue exposure={v.score.exposure} bands={bands} layout="stack" />
                      {/* Scoring model 2's exposure range: the gap is how much rests on unknown answers. */}
                      {formatScore(v.score.exposureLow) !== formatScore(v.score.exposure) ? (
                        <div
                          className="text-xs font-normal text-slate-500"
                          title={`Evidence gap ${formatScore(v.score.evidenceGap)}: exposure with unknown answers at their best control`}
                        >
                          from {formatScore(v.score.exposureLow)}
                        </div>
                      ) : null}
                    </td>
                    <td className="px-3 py-2.5 text-right tabular-nums">
                      {formatPercent(v.score.amplification)}
                      {v.score.amplificationMultiplier !== null ? (
                        <div
                          className="text-xs text-slate-500"
                          title="Everything reached, against what its own footprint reaches"
                        >
                          {formatMultiplier(v.score.amplificationMultiplier)} footprint
                        </div>
                      ) : null}
                      {v.score.beyondFootprintExposure > 0 ? (
                        <div
                          className="text-xs text-slate-500"
                          title="Exposure reaching beyond its own products and services"
                        >
                          {formatScore(v.score.beyondFootprintExposure)} beyond
                        </div>
                      ) : null}
                    </td>
                    <td className="px-3 py-2.5">
                      <div className="flex items-center gap-2">
                        <ScoreSparkline
                          values={values}
                          label={`${metric === "amplification" ? "Amplification" : "Exposure"} over the last ${values.length} scores: ${values.map(fmt).join(", ")}`}
                        />
                        <TrendDelta delta={delta} format={fmt} />
                      </div>
                    </td>
                    <td className="px-3 py-2.5">
                      <KindBreakdownBar byKind={v.score.byKind} showLegend={false} />
                      <KindShares byKind={v.score.byKind} />
                    </td>
                    <td className="px-3 py-2.5 text-right tabular-nums">
                      {v.score.criticalAssetsReached}
                      <span className="text-xs text-slate-500"> / {v.score.assetsReached}</span>
                    </td>
                  </>
                ) : (
                  <td colSpan={5} className="px-3 py-2.5" data-testid="unknown-risk-row">
                    <span className="font-medium text-slate-700">Unknown</span>
                    <span className="text-slate-500"> — no accepted assessment</span>
                  </td>
                )}
                <td className="px-3 py-2.5">
                  {v.assessment ? (
                    <span className="flex flex-col items-start gap-0.5">
                      <Link href={`/assessments/${v.assessment.id}`} className="hover:opacity-80">
                        <StatusBadge status={v.assessment.status} />
                      </Link>
                      <time className="text-xs text-slate-500" dateTime={v.assessment.at.toISOString()}>
                        {formatDate(v.assessment.at)}
                      </time>
                    </span>
                  ) : (
                    <span className="text-xs text-slate-500">Never assessed</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
