"use client";

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { formatMetric, type ChartMetric } from "./metric-format";

const COLORS = ["#1d5fd1", "#f59e0b", "#8b5cf6", "#0ea5e9"];

/** One small bar chart per metric; the metrics table above holds the same numbers for screen readers. */
export function MetricCharts({ metrics, vendorNames }: { metrics: ChartMetric[]; vendorNames: string[] }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-hidden>
      {metrics.map((m) => {
        const data = vendorNames.map((name, i) => ({
          name,
          value: m.values[i] ?? 0,
          shown: formatMetric(m.values[i] ?? null, m.format),
        }));
        return (
          <figure key={m.key} className="rounded-md p-3 ring-1 ring-slate-200">
            <figcaption className="mb-1 text-sm font-medium text-slate-800">{m.label}</figcaption>
            <div className="h-36">
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: -20 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
                  <XAxis
                    dataKey="name"
                    tick={{ fontSize: 10, fill: "#475569" }}
                    interval={0}
                    tickFormatter={(n: string) => (n.length > 14 ? `${n.slice(0, 13)}…` : n)}
                  />
                  <YAxis
                    tick={{ fontSize: 10, fill: "#475569" }}
                    allowDecimals={m.format !== "count"}
                    tickFormatter={(v: number) =>
                      m.format === "percent" ? `${Math.round(v * 100)}%` : String(v)
                    }
                    domain={m.format === "percent" ? [0, 1] : [0, "auto"]}
                  />
                  <Tooltip
                    formatter={(_v, _n, item) => [(item.payload as { shown: string }).shown, m.label]}
                    cursor={{ fill: "#f1f5f9" }}
                  />
                  <Bar dataKey="value" radius={[3, 3, 0, 0]} isAnimationActive={false}>
                    {data.map((_, i) => (
                      <Cell key={i} fill={COLORS[i % COLORS.length]} />
                    ))}
                  </Bar>
                </BarChart>
              </ResponsiveContainer>
            </div>
          </figure>
        );
      })}
    </div>
  );
}
