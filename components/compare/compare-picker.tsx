"use client";

import { useId, useMemo, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Input } from "@/components/ui/field";

export interface PickableVendor {
  id: string;
  name: string;
  exposure: number | null;
}

const MIN = 2;
const MAX = 4;

/** Checkboxes for 2–4 vendors, with a name filter; submits as /compare?v=…&v=… (plain GET form). */
export function ComparePicker({ vendors, selected }: { vendors: PickableVendor[]; selected: string[] }) {
  const [chosen, setChosen] = useState<string[]>(selected);
  const [filter, setFilter] = useState("");
  const filterId = useId();
  const visible = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return f ? vendors.filter((v) => v.name.toLowerCase().includes(f) || chosen.includes(v.id)) : vendors;
  }, [vendors, filter, chosen]);
  const toggle = (id: string, on: boolean) => setChosen((c) => (on ? [...c, id] : c.filter((x) => x !== id)));
  const full = chosen.length >= MAX;

  return (
    <form method="get" action="/compare" aria-label="Choose vendors to compare" className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-56 flex-1">
          <label htmlFor={filterId} className="mb-1 block text-xs font-medium text-slate-600">Find a vendor</label>
          <Input id={filterId} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Type to filter the list" autoComplete="off" />
        </div>
        <p className="pb-2 text-sm text-slate-600" role="status" aria-live="polite">
          {chosen.length} of {MAX} chosen{chosen.length < MIN ? ` — choose at least ${MIN}` : ""}
        </p>
        <button type="submit" className={buttonClass("primary")} disabled={chosen.length < MIN}>Compare</button>
      </div>
      <fieldset>
        <legend className="sr-only">Vendors</legend>
        <ul className="grid max-h-64 gap-x-6 gap-y-1 overflow-y-auto rounded-md p-1 ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-3">
          {visible.map((v) => {
            const checked = chosen.includes(v.id);
            return (
              <li key={v.id}>
                <label className={`flex items-center gap-2 rounded px-2 py-1.5 text-sm ${!checked && full ? "text-slate-400" : "text-slate-800 hover:bg-slate-50"}`}>
                  <input type="checkbox" name="v" value={v.id} checked={checked} disabled={!checked && full} onChange={(e) => toggle(v.id, e.target.checked)} className="h-4 w-4 rounded border-slate-300" />
                  <span className="flex-1 truncate">{v.name}</span>
                  <span className="text-xs tabular-nums text-slate-500">{v.exposure === null ? "not scored" : v.exposure.toFixed(1)}</span>
                </label>
              </li>
            );
          })}
          {visible.length === 0 ? <li className="px-2 py-1.5 text-sm text-slate-500">No vendor matches “{filter}”.</li> : null}
        </ul>
      </fieldset>
      {full ? <p className="text-xs text-slate-500">Up to {MAX} vendors can be compared at once; untick one to choose another.</p> : null}
    </form>
  );
}
