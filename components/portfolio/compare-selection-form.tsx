"use client";

import { useState, type ReactNode } from "react";

import { buttonClass } from "@/components/ui/button";

const MIN = 2;
const MAX = 4;

/** Wraps the portfolio table: ticked rows go to /compare?v=…&v=… (works without JavaScript too). */
export function CompareSelectionForm({ children }: { children: ReactNode }) {
  const [count, setCount] = useState(0);
  const ready = count >= MIN && count <= MAX;
  return (
    <form
      action="/compare"
      method="get"
      aria-label="Choose vendors to compare"
      onChange={(e) => setCount(e.currentTarget.querySelectorAll('input[name="v"]:checked').length)}
    >
      <div className="mb-2 flex flex-wrap items-center justify-between gap-3 text-sm">
        <p className="text-slate-600" role="status" aria-live="polite">
          {count === 0
            ? "Tick 2 to 4 vendors to compare them side by side."
            : count > MAX
              ? `${count} selected — compare at most ${MAX}.`
              : `${count} selected${count < MIN ? ` — choose at least ${MIN}.` : "."}`}
        </p>
        <button type="submit" className={buttonClass("secondary")} disabled={!ready}>
          Compare selected
        </button>
      </div>
      {children}
    </form>
  );
}
