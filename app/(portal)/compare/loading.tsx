// Shown while the comparison is computed.
export default function CompareLoading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse">
      <div className="mb-2 h-7 w-56 rounded bg-slate-200" />
      <div className="mb-6 h-4 w-2/3 rounded bg-slate-200" />
      <div className="mb-6 h-40 rounded-lg bg-white ring-1 ring-slate-200" />
      <div className="mb-6 h-32 rounded-lg bg-white ring-1 ring-slate-200" />
      <div className="h-72 rounded-lg bg-white ring-1 ring-slate-200" />
      <span className="sr-only">Comparing vendors…</span>
    </div>
  );
}
