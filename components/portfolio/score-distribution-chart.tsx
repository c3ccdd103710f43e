"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface DistributionBar {
  label: string;
  count: number;
}

/** Histogram of current scores; the same numbers are in a table next to it for screen readers. */
export function ScoreDistributionChart({
  bars,
  metricLabel,
}: {
  bars: DistributionBar[];
  metricLabel: string;
}) {
  return (
    <div className="h-52 w-full" aria-hidden>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={bars} margin={{ top: 8, right: 8, bottom: 4, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis
            dataKey="label"
            tick={{ fontSize: 11, fill: "#475569" }}
            interval={0}
            angle={-30}
            textAnchor="end"
            height={44}
          />
          <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: "#475569" }} />
          <Tooltip
            formatter={(value) => [`${value} vendor${value === 1 ? "" : "s"}`, metricLabel]}
            cursor={{ fill: "#f1f5f9" }}
          />
          <Bar dataKey="count" fill="#1d5fd1" radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
