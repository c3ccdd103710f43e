"use client";

import { useState } from "react";

import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SearchCombobox } from "@/components/ui/search-combobox";

/** A vendor already chosen for the comparison. */
export interface ChosenVendor {
  id: string;
  name: string;
  /** Shown next to the name: "exposure 12.3", "not scored". */
  detail: string | null;
}

const MIN = 2;
const MAX = 4;

/**
 * The chosen vendors as removable chips and a vendor search to add one (2–4 in all); submits as
 * /compare?v=…&v=… (a plain GET form, so links and the portfolio's "Compare selected" still work).
 */
export function ComparePicker({ selected }: { selected: ChosenVendor[] }) {
  const [chosen, setChosen] = useState<ChosenVendor[]>(selected);
  const full = chosen.length >= MAX;
  const add = (v: ChosenVendor) =>
    setChosen((c) => (c.some((x) => x.id === v.id) || c.length >= MAX ? c : [...c, v]));
  const remove = (id: string) => setChosen((c) => c.filter((x) => x.id !== id));

  return (
    <form method="get" action="/compare" aria-label="Choose vendors to compare" className="space-y-3">
      {chosen.map((v) => (
        <input key={v.id} type="hidden" name="v" value={v.id} />
      ))}
      <ul className="flex flex-wrap gap-2" aria-label="Chosen vendors">
        {chosen.map((v) => (
          <li
            key={v.id}
            className="inline-flex items-center gap-1.5 rounded-full bg-brand-50 py-1 pr-1 pl-3 text-sm text-brand-900 ring-1 ring-brand-100"
          >
            <span>{v.name}</span>
            {v.detail ? <span className="text-xs text-slate-500 tabular-nums">{v.detail}</span> : null}
            <button
              type="button"
              onClick={() => remove(v.id)}
              aria-label={`Remove ${v.name}`}
              className="rounded-full px-1.5 text-slate-500 hover:bg-brand-100 hover:text-slate-800"
            >
              ×
            </button>
          </li>
        ))}
        {chosen.length === 0 ? <li className="text-sm text-slate-500">No vendor chosen yet.</li> : null}
      </ul>
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-56 flex-1">
          <Field
            id="compare-add"
            label="Add a vendor"
            hint={
              full ? `Up to ${MAX} vendors can be compared at once; remove one to choose another.` : undefined
            }
          >
            <SearchCombobox
              id="compare-add"
              type="vendor"
              value={null}
              exclude={chosen.map((v) => v.id)}
              disabled={full}
              placeholder={full ? `${MAX} vendors chosen` : "Search vendors by name…"}
              aria-describedby={full ? "compare-add-hint" : undefined}
              onChange={(option) => {
                if (option) add({ id: option.id, name: option.label, detail: option.detail });
              }}
            />
          </Field>
        </div>
        <p className="pb-2 text-sm text-slate-600" role="status" aria-live="polite">
          {chosen.length} of {MAX} chosen{chosen.length < MIN ? ` — choose at least ${MIN}` : ""}
        </p>
        <button type="submit" className={buttonClass("primary")} disabled={chosen.length < MIN}>
          Compare
        </button>
      </div>
    </form>
  );
}
