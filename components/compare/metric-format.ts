export type MetricFormat = "score" | "percent" | "count";

/** One compared metric: a value per vendor, in the order the vendors were chosen (null: not available). */
export interface ChartMetric {
  key: string;
  label: string;
  format: MetricFormat;
  values: (number | null)[];
}

export const formatMetric = (value: number | null, format: MetricFormat) =>
  value === null
    ? "—"
    : format === "percent"
      ? `${Math.round(value * 100)} %`
      : format === "count"
        ? String(value)
        : value >= 100
          ? value.toFixed(0)
          : value.toFixed(1);
