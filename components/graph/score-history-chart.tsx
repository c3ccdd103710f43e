"use client";

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export interface ScoreHistoryPoint {
  computedAt: string;
  exposure: number;
  amplification: number;
  /** The scoring model that computed it, e.g. "trustmap-propagation/2.0.0". */
  modelVersion?: string;
}

/** "trustmap-propagation/2" of "trustmap-propagation/2.0.0": a new major version measures differently. */
const major = (version: string | undefined) => version?.split(".")[0];

const day = (iso: string) => new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short" });
const stamp = (iso: string) =>
  new Date(iso).toLocaleString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });

/** Exposure and amplification across score snapshots, with the same numbers as a table. */
export function ScoreHistoryChart({ history }: { history: ScoreHistoryPoint[] }) {
  if (history.length === 0) return <p className="text-sm text-slate-600">No snapshots yet.</p>;
  const data = history.map((h, i) => ({
    i,
    label: day(h.computedAt),
    exposure: Number(h.exposure.toFixed(2)),
    amplification: Math.round(h.amplification * 100),
  }));
  // Where the scoring model changed (model 2 measures amplification beyond the footprint): numbers either side are not comparable.
  const modelChanges = history.flatMap((h, i) =>
    i > 0 && major(h.modelVersion) !== major(history[i - 1]!.modelVersion) ? [i] : [],
  );
  return (
    <div>
      {modelChanges.length > 0 ? (
        <p className="mb-2 text-xs text-slate-500" data-testid="model-change">
          The dashed line marks a new scoring model (
          {history[modelChanges[modelChanges.length - 1]!]!.modelVersion}): amplification now counts what
          reaches beyond the vendor&apos;s own products and services, so values before and after it are not
          comparable.
        </p>
      ) : null}
      {history.length === 1 ? (
        <p className="mb-2 text-xs text-slate-500">
          One snapshot so far; the line grows with every recompute or accepted assessment.
        </p>
      ) : null}
      <div
        className="h-56"
        role="img"
        aria-label={`Exposure over ${history.length} snapshots, from ${data[0]!.exposure} to ${data[data.length - 1]!.exposure}`}
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -8 }}>
            <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
            <XAxis dataKey="label" tick={{ fontSize: 11 }} stroke="#94a3b8" />
            <YAxis yAxisId="e" tick={{ fontSize: 11 }} stroke="#94a3b8" />
            <YAxis
              yAxisId="a"
              orientation="right"
              domain={[0, 100]}
              unit="%"
              tick={{ fontSize: 11 }}
              stroke="#94a3b8"
            />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {modelChanges.map((i) => (
              <ReferenceLine
                key={i}
                yAxisId="e"
                x={data[i]!.label}
                stroke="#64748b"
                strokeDasharray="4 4"
                label={{ value: "new model", fontSize: 10, position: "insideTopLeft" }}
              />
            ))}
            <Line
              yAxisId="e"
              type="monotone"
              dataKey="exposure"
              name="Exposure"
              stroke="#1d4ed8"
              strokeWidth={2}
              dot={{ r: 3 }}
              isAnimationActive={false}
            />
            <Line
              yAxisId="a"
              type="monotone"
              dataKey="amplification"
              name="Amplification (%)"
              stroke="#f59e0b"
              strokeWidth={2}
              dot={{ r: 3 }}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-brand-700">Show as a table</summary>
        <table className="mt-2 min-w-full text-left text-xs">
          <caption className="sr-only">Score history</caption>
          <thead className="text-slate-600">
            <tr>
              <th className="py-1 pr-3 font-medium">Computed</th>
              <th className="py-1 pr-3 text-right font-medium">Exposure</th>
              <th className="py-1 pr-3 text-right font-medium">Amplification</th>
              <th className="py-1 font-medium">Model</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {history.map((h, i) => (
              <tr key={i}>
                <td className="py-1 pr-3">{stamp(h.computedAt)}</td>
                <td className="py-1 pr-3 text-right tabular-nums">{h.exposure.toFixed(1)}</td>
                <td className="py-1 pr-3 text-right tabular-nums">{Math.round(h.amplification * 100)} %</td>
                <td className="py-1 text-slate-500">{h.modelVersion ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
