/** A tiny line of a vendor's recent scores (oldest left), with the change since the previous snapshot in words. */
export function ScoreSparkline({
  values,
  label,
  width = 72,
  height = 22,
}: {
  values: number[];
  label: string;
  width?: number;
  height?: number;
}) {
  if (values.length < 2)
    return <span className="text-xs text-slate-400">{values.length === 1 ? "first score" : "—"}</span>;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const x = (i: number) => (i / (values.length - 1)) * (width - 4) + 2;
  const y = (v: number) => (max === min ? height / 2 : height - 2 - ((v - min) / span) * (height - 4));
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
  const last = values[values.length - 1]!;
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      className="overflow-visible"
    >
      <polyline
        points={points}
        fill="none"
        stroke="currentColor"
        strokeWidth={1.5}
        strokeLinejoin="round"
        strokeLinecap="round"
        className="text-slate-400"
      />
      <circle cx={x(values.length - 1)} cy={y(last)} r={2.5} className="fill-brand-600" />
    </svg>
  );
}

/** "▲ 2.1" / "▼ 4 %" / "=": how the current score moved since the snapshot before it. */
export function TrendDelta({ delta, format }: { delta: number | null; format: (n: number) => string }) {
  if (delta === null) return null;
  const tiny = Math.abs(delta) < 1e-9;
  const tone = tiny ? "text-slate-500" : delta > 0 ? "text-red-700" : "text-emerald-700";
  const word = tiny
    ? "unchanged since the previous score"
    : `${delta > 0 ? "up" : "down"} ${format(Math.abs(delta))} since the previous score`;
  return (
    <span className={`text-xs tabular-nums ${tone}`} title={word}>
      <span aria-hidden>{tiny ? "=" : `${delta > 0 ? "▲" : "▼"} ${format(Math.abs(delta))}`}</span>
      <span className="sr-only">{word}</span>
    </span>
  );
}
