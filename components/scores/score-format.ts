export const KIND_LABEL = { adjacency: "Adjacency", inheritance: "Inheritance", trust: "Trust" } as const;
export const KIND_COLOR = {
  adjacency: "bg-sky-500",
  inheritance: "bg-violet-500",
  trust: "bg-amber-500",
} as const;

export const formatScore = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
export const formatPercent = (share: number) => `${Math.round(share * 100)} %`;
/** E / E_f as "2.6×". */
export const formatMultiplier = (m: number) => `${m >= 10 ? m.toFixed(0) : m.toFixed(1)}×`;
