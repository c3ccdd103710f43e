import Link from "next/link";

import { ExposureBandBadge } from "@/components/scores/exposure-band";
import { Badge, TIER_LABEL, TIER_TONE } from "@/components/ui/badge";
import type { ComparedVendor } from "@/lib/domain/portfolio/compare-vendors";
import { exposureBand, type ExposureBandThresholds } from "@/lib/portfolio/exposure-bands";
import { hasFootprint } from "@/lib/reports/explain";

import { formatMetric, type ChartMetric } from "./metric-format";

/** The metrics compared, in table order; the charts draw the same list. */
export function buildCompareMetrics(vendors: ComparedVendor[]): ChartMetric[] {
  const pick = (f: (v: ComparedVendor) => number | null | undefined) => vendors.map((v) => f(v) ?? null);
  return [
    { key: "exposure", label: "Exposure", format: "score", values: pick((v) => v.score?.exposure) },
    {
      key: "amplification",
      label: "Amplification",
      format: "percent",
      values: pick((v) => v.score?.amplification),
    },
    {
      key: "beyondFootprint",
      label: "Exposure beyond its own footprint",
      format: "score",
      values: pick((v) => (v.score && hasFootprint(v.score) ? v.score.beyondFootprintExposure : null)),
    },
    {
      key: "exposureLow",
      label: "Exposure with unknowns at their best control",
      format: "score",
      values: pick((v) => (v.score && hasFootprint(v.score) ? v.score.exposureLow : null)),
    },
    {
      key: "evidenceGap",
      label: "Evidence gap (unknown answers)",
      format: "score",
      values: pick((v) => (v.score && hasFootprint(v.score) ? v.score.evidenceGap : null)),
    },
    {
      key: "adjacency",
      label: "Exposure via adjacency",
      format: "score",
      values: pick((v) => v.score?.byKind.adjacency),
    },
    {
      key: "inheritance",
      label: "Exposure via inheritance",
      format: "score",
      values: pick((v) => v.score?.byKind.inheritance),
    },
    {
      key: "trust",
      label: "Exposure via trust",
      format: "score",
      values: pick((v) => v.score?.byKind.trust),
    },
    {
      key: "critical",
      label: "Critical assets reachable",
      format: "count",
      values: pick((v) => v.score?.criticalAssetsReached),
    },
    {
      key: "assets",
      label: "Assets reachable",
      format: "count",
      values: pick((v) => v.score?.assetsReached),
    },
    {
      key: "sharedAssets",
      label: "Reached assets shared with the others",
      format: "count",
      values: pick((v) => (v.score ? v.reachedAssets.shared : null)),
    },
    {
      key: "uniqueAssets",
      label: "Reached assets only this vendor reaches",
      format: "count",
      values: pick((v) => (v.score ? v.reachedAssets.unique : null)),
    },
    {
      key: "sharedHops",
      label: "Path hops shared with the others",
      format: "count",
      values: pick((v) => (v.score ? v.pathHops.shared : null)),
    },
    {
      key: "uniqueHops",
      label: "Path hops unique to this vendor",
      format: "count",
      values: pick((v) => (v.score ? v.pathHops.unique : null)),
    },
    { key: "unknown", label: "“Don't know” answers", format: "count", values: pick((v) => v.unknownAnswers) },
  ];
}

/** Side-by-side metrics: a row per metric, a column per vendor, the highest value marked. */
export function CompareMetricsTable({
  vendors,
  metrics,
  bands,
}: {
  vendors: ComparedVendor[];
  metrics: ChartMetric[];
  /** The organisation's exposure bands, shown beside each exposure. */
  bands: ExposureBandThresholds;
}) {
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Metrics of the compared vendors</caption>
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2.5 text-left font-medium">
              Metric
            </th>
            {vendors.map((v) => (
              <th key={v.id} scope="col" className="px-4 py-2.5 text-right font-medium">
                <Link href={`/vendors/${v.id}#score`} className="text-brand-700 hover:underline">
                  {v.name}
                </Link>
                <span className="mt-0.5 block">
                  <Badge tone={TIER_TONE[v.tier]}>{TIER_LABEL[v.tier]}</Badge>
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {metrics.map((m) => {
            const present = m.values.filter((x): x is number => x !== null);
            const max = present.length > 1 ? Math.max(...present) : null;
            const allSame = present.length > 1 && present.every((x) => x === present[0]);
            return (
              <tr key={m.key}>
                <th scope="row" className="px-4 py-2 text-left font-normal text-slate-700">
                  {m.label}
                </th>
                {m.values.map((value, i) => {
                  const top = value !== null && value === max && !allSame && value > 0;
                  return (
                    <td
                      key={vendors[i]!.id}
                      className={`px-4 py-2 text-right tabular-nums ${top ? "font-semibold text-slate-900" : "text-slate-700"}`}
                    >
                      {formatMetric(value, m.format)}
                      {m.key === "exposure" && value !== null ? (
                        <span className="ml-2">
                          <ExposureBandBadge band={exposureBand(value, bands)} />
                        </span>
                      ) : null}
                      {top ? <span className="sr-only"> (highest)</span> : null}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
