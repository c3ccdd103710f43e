import Link from "next/link";

/** Two links that re-rank the portfolio: the URL keeps the choice, so it works without JavaScript. */
export function RankSwitch({
  metric,
  hrefFor,
}: {
  metric: "exposure" | "amplification" | null;
  hrefFor: (metric: "exposure" | "amplification") => string;
}) {
  const item = (value: "exposure" | "amplification", label: string) => {
    const active = metric === value;
    return (
      <Link
        href={hrefFor(value)}
        aria-current={active ? "page" : undefined}
        className={`px-3 py-1.5 text-sm font-medium ${active ? "bg-brand-600 text-white" : "bg-white text-slate-700 hover:bg-slate-50"}`}
      >
        {label}
      </Link>
    );
  };
  return (
    <nav aria-label="Rank vendors by" className="inline-flex items-center gap-2">
      <span className="text-sm text-slate-600">Rank by</span>
      <span className="inline-flex overflow-hidden rounded-md ring-1 ring-slate-300">
        {item("exposure", "Exposure")}
        {item("amplification", "Amplification")}
      </span>
    </nav>
  );
}
