import {
  EXPOSURE_BAND_LABEL,
  EXPOSURE_BANDS,
  exposureBand,
  exposureBandRange,
  type ExposureBand,
  type ExposureBandThresholds,
} from "@/lib/portfolio/exposure-bands";

import { formatScore } from "./score-format";

// A scale from calm to alarming, with a dot so the band differs from the tier badges at a glance.
const BAND_STYLE: Record<ExposureBand, { pill: string; dot: string }> = {
  low: { pill: "bg-emerald-50 text-emerald-800 ring-emerald-200", dot: "bg-emerald-500" },
  guarded: { pill: "bg-lime-50 text-lime-800 ring-lime-200", dot: "bg-lime-500" },
  elevated: { pill: "bg-yellow-50 text-yellow-800 ring-yellow-300", dot: "bg-yellow-500" },
  high: { pill: "bg-orange-50 text-orange-800 ring-orange-200", dot: "bg-orange-500" },
  severe: { pill: "bg-red-50 text-red-800 ring-red-200", dot: "bg-red-600" },
};

/** The band as a small pill: "● Severe". */
export function ExposureBandBadge({ band }: { band: ExposureBand }) {
  const style = BAND_STYLE[band];
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${style.pill}`}
      data-testid="exposure-band"
    >
      <span className={`inline-block h-1.5 w-1.5 rounded-full ${style.dot}`} aria-hidden />
      {EXPOSURE_BAND_LABEL[band]}
    </span>
  );
}

/**
 * An exposure as everyone reads it: the number and its band, always together. `layout="stack"` puts
 * the band under the number (table cells), "inline" beside it.
 */
export function ExposureValue({
  exposure,
  bands,
  layout = "inline",
  className = "",
}: {
  exposure: number;
  bands: ExposureBandThresholds;
  layout?: "inline" | "stack";
  className?: string;
}) {
  const band = exposureBand(exposure, bands);
  return (
    <span
      className={`${layout === "stack" ? "inline-flex flex-col items-end gap-0.5" : "inline-flex flex-wrap items-center gap-x-2 gap-y-1"} ${className}`}
      data-testid="exposure-value"
      data-band={band}
    >
      <span className="tabular-nums">{formatScore(exposure)}</span>
      <ExposureBandBadge band={band} />
    </span>
  );
}

const edge = (n: number) => (Number.isInteger(n) ? String(n) : formatScore(n));

/** The five bands with where each starts and ends, for legends and the settings page. */
export function ExposureBandLegend({ bands }: { bands: ExposureBandThresholds }) {
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-1.5 text-xs text-slate-600" aria-label="Exposure bands">
      {EXPOSURE_BANDS.map((b) => {
        const { from, to } = exposureBandRange(b, bands);
        return (
          <li key={b} className="flex items-center gap-1.5">
            <ExposureBandBadge band={b} />
            <span className="tabular-nums">
              {to === null ? `${edge(from)} and above` : `${edge(from)}–${edge(to)}`}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
