import Link from "next/link";

import { AnswerLink, blastRadiusHref, hopSource } from "@/components/graph/answer-link";
import type { ExplainingHop } from "@/lib/scoring";

const KIND_SWATCH = { adjacency: "bg-sky-500", inheritance: "bg-violet-500", trust: "bg-amber-500" } as const;

/** A best path as a readable chain; every hop names its kind and weight and links to the answer behind it. */
export function PathChain({
  hops,
  names,
}: {
  hops: readonly ExplainingHop[];
  names: Record<string, string>;
}) {
  if (hops.length === 0) return <p className="text-xs text-slate-500">This is the failing node itself.</p>;
  const name = (key: string) => names[key] ?? key;
  return (
    <ol className="space-y-1.5 text-xs">
      {hops.map((hop, i) => (
        <li key={i} className="flex items-start gap-2">
          <span
            className={`mt-1 inline-block h-2 w-2 shrink-0 rounded-sm ${KIND_SWATCH[hop.kind]}`}
            aria-hidden
          />
          <span className="min-w-0">
            <Link href={blastRadiusHref(hop.from)} className="font-medium text-brand-700 hover:underline">
              {name(hop.from)}
            </Link>
            <span className="text-slate-500"> → </span>
            <Link href={blastRadiusHref(hop.to)} className="font-medium text-brand-700 hover:underline">
              {name(hop.to)}
            </Link>
            <span className="text-slate-500">
              {" "}
              · {hop.kind}, weight {hop.weight.toFixed(2)} · from{" "}
              <AnswerLink {...hopSource(hop.provenance)} />
            </span>
            {hop.reason ? <span className="block text-slate-600">{hop.reason}</span> : null}
          </span>
        </li>
      ))}
    </ol>
  );
}
