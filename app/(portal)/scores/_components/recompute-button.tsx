"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

import { getScoringRunAction, requestFullRecomputeAction } from "@/app/(portal)/scores/actions";
import { Button } from "@/components/ui/button";

type Run = {
  id: string;
  status: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED";
  total: number;
  done: number;
  error: string | null;
};

/**
 * Queues a full recompute and shows its progress until it finishes. It reflects full runs only
 * (getLatestRun): the incremental rescores after each acceptance never disable it.
 */
export function RecomputeButton({ initialRun }: { initialRun: Run | null }) {
  const router = useRouter();
  const [run, setRun] = useState<Run | null>(initialRun);
  const [error, setError] = useState<string | null>(null);
  // The page's newest full run replaces ours when it is another one (a run the worker reaped and
  // queued again, or one started in another tab): follow that one.
  const [shownInitial, setShownInitial] = useState(initialRun?.id);
  if (initialRun?.id !== shownInitial) {
    setShownInitial(initialRun?.id);
    setRun(initialRun);
  }
  const active = run?.status === "QUEUED" || run?.status === "RUNNING";

  useEffect(() => {
    if (!active || !run) return;
    const timer = setInterval(async () => {
      const result = await getScoringRunAction(run.id);
      if (!result.ok) return setError(result.message);
      if (!result.data) return;
      setRun(result.data as Run);
      if (result.data.status === "SUCCEEDED" || result.data.status === "FAILED") router.refresh();
    }, 1000);
    return () => clearInterval(timer);
  }, [active, run, router]);

  const start = async () => {
    setError(null);
    const result = await requestFullRecomputeAction();
    if (!result.ok) return setError(result.message);
    setRun({ id: result.data.runId, status: "QUEUED", total: 0, done: 0, error: null });
  };

  const pct = run && run.total > 0 ? Math.round((run.done / run.total) * 100) : 0;
  return (
    <div className="flex min-w-64 flex-col items-end gap-1.5">
      <Button onClick={start} disabled={active}>
        {active ? "Recomputing…" : "Recompute all scores"}
      </Button>
      {active ? (
        <div className="w-64" role="status" aria-live="polite">
          <div className="h-2 overflow-hidden rounded-full bg-slate-200">
            <div
              className="h-full bg-brand-600 transition-all"
              style={{ width: `${run?.status === "QUEUED" ? 3 : pct}%` }}
            />
          </div>
          <p className="mt-1 text-right text-xs text-slate-600">
            {run?.status === "QUEUED" ? "Waiting for the worker…" : `${run?.done} of ${run?.total} vendors`}
          </p>
        </div>
      ) : run?.status === "FAILED" ? (
        <p role="alert" className="text-xs text-red-700">
          Last recompute failed: {run.error ?? "unknown error"}. Previous scores are kept.
        </p>
      ) : run?.status === "SUCCEEDED" ? (
        <p className="text-xs text-slate-600" role="status">
          Last recompute finished: {run.done} vendors scored.
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
