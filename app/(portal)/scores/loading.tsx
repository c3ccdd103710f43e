// Shown while the portfolio query runs: the page's shape, so nothing jumps when it arrives.
export default function ScoresLoading() {
  return (
    <div role="status" aria-live="polite" aria-label="Loading the portfolio" className="animate-pulse">
      <div className="mb-2 h-7 w-48 rounded bg-slate-200" />
      <div className="mb-6 h-4 w-2/3 rounded bg-slate-200" />
      <div className="mb-5 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-16 rounded-lg bg-white ring-1 ring-slate-200" />
        ))}
      </div>
      <div className="mb-4 h-10 rounded bg-slate-200" />
      <div className="rounded-lg bg-white ring-1 ring-slate-200">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="mx-4 my-3 h-6 rounded bg-slate-100" />
        ))}
      </div>
      <span className="sr-only">Loading the portfolio…</span>
    </div>
  );
}
