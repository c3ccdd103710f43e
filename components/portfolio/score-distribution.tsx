import { formatScore } from "@/components/scores/score-format";
import { Card } from "@/components/ui/card";
import type { PortfolioSummary } from "@/lib/domain/portfolio/summarize-portfolio";

import { ScoreDistributionChart } from "./score-distribution-chart";

// Bin edges are round numbers (see niceBinWidth): whole numbers print without decimals.
const edge = (n: number) => (Number.isInteger(n) ? String(n) : formatScore(n));
const binLabel = (from: number, to: number, metric: PortfolioSummary["metric"]) =>
  metric === "amplification"
    ? `${Math.round(from * 100)}–${Math.round(to * 100)} %`
    : `${edge(from)}–${edge(to)}`;

/** How current scores spread across the portfolio, as a bar chart with the table behind it. */
export function ScoreDistribution({ summary }: { summary: PortfolioSummary }) {
  const metricLabel = summary.metric === "amplification" ? "Amplification" : "Exposure";
  const bars = summary.bins.map((b) => ({ label: binLabel(b.from, b.to, summary.metric), count: b.count }));
  return (
    <Card title={`Distribution of ${metricLabel.toLowerCase()}`}>
      {bars.length === 0 ? (
        <p className="text-sm text-slate-600">Appears once vendors are scored.</p>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600">
            {summary.scoredCount} scored vendor{summary.scoredCount === 1 ? "" : "s"} by current{" "}
            {metricLabel.toLowerCase()}.
          </p>
          <ScoreDistributionChart bars={bars} metricLabel={metricLabel} />
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer text-brand-700 hover:underline">Show as a table</summary>
            <table className="mt-2 w-full text-left text-sm">
              <caption className="sr-only">Vendors per {metricLabel.toLowerCase()} range</caption>
              <thead className="text-slate-600">
                <tr>
                  <th scope="col" className="py-1 font-medium">
                    {metricLabel}
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    Vendors
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {bars.map((b) => (
                  <tr key={b.label}>
                    <td className="py-1">{b.label}</td>
                    <td className="py-1 text-right tabular-nums">{b.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </Card>
  );
}
