import Link from "next/link";

import { blastRadiusHref } from "@/components/graph/answer-link";
import type { GraphNodeMatch } from "@/lib/domain/blast-radius/get-blast-radius";

/** Search over the organisation's graph nodes by name; a plain GET form, so it works without JavaScript. */
export function NodePicker({
  query,
  matches,
  current,
}: {
  query: string;
  matches: GraphNodeMatch[] | null;
  current: string | null;
}) {
  return (
    <div>
      <form method="get" action="/blast-radius" role="search" className="flex gap-2">
        {current ? <input type="hidden" name="node" value={current} /> : null}
        <label htmlFor="node-search" className="sr-only">
          Find a vendor, component or asset
        </label>
        <input
          id="node-search"
          name="q"
          defaultValue={query}
          placeholder="Find a vendor, component or asset…"
          className="block w-full rounded-md border-0 px-3 py-2 text-sm shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600"
        />
        <button
          type="submit"
          className="rounded-md bg-white px-3.5 py-2 text-sm font-medium text-slate-800 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50"
        >
          Search
        </button>
      </form>
      {matches ? (
        matches.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">No node matches “{query}”.</p>
        ) : (
          <ul
            className="mt-2 divide-y divide-slate-100 rounded-md bg-white ring-1 ring-slate-200"
            aria-label="Matching nodes"
          >
            {matches.map((m) => (
              <li key={m.key} className="flex items-baseline justify-between gap-3 px-3 py-2 text-sm">
                <Link href={blastRadiusHref(m.key)} className="font-medium text-brand-700 hover:underline">
                  {m.name}
                </Link>
                <span className="shrink-0 text-xs text-slate-500">
                  {m.type}
                  {m.subtype ? ` · ${m.subtype}` : ""}
                </span>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}
