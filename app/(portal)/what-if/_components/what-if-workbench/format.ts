import type { ScenarioChanges } from "@/lib/what-if/controls";

// Labels and number formats the what-if panels share.

export const KIND_LABEL: Record<string, string> = {
  adjacency: "Adjacency",
  inheritance: "Inheritance",
  trust: "Trust",
};
export const KIND_CHIP: Record<string, string> = {
  adjacency: "bg-sky-50 text-sky-800 ring-sky-200",
  inheritance: "bg-violet-50 text-violet-800 ring-violet-200",
  trust: "bg-amber-50 text-amber-800 ring-amber-200",
};

export const score = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(1));
export const signed = (n: number) =>
  Math.abs(n) < 0.05 ? "±0.0" : `${n < 0 ? "−" : "+"}${score(Math.abs(n))}`;
export const pct = (p: number) => `${Math.round(p * 100)} %`;

export function relative(value: number, of: number): string {
  const share = (value / of) * 100;
  const text = Math.abs(share) < 10 ? Math.abs(share).toFixed(1) : Math.abs(share).toFixed(0);
  return `${share < 0 ? "−" : "+"}${text} %`;
}

/** A scenario that changes nothing. */
export const isEmpty = (c: ScenarioChanges) =>
  c.controls.length === 0 &&
  (c.buyerControls?.length ?? 0) === 0 &&
  c.remove.length === 0 &&
  c.reweight.length === 0;
