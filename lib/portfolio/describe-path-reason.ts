// Client-safe and pure: one line of plain words for a vendor's top explaining path, for the start
// page and anywhere a score needs a reason at a glance. It names nodes and questions as a person
// knows them; a node key or record id never reaches the sentence.
import type { ExplainingPath } from "@/lib/scoring";

/** How a question reads in a reason: its number in the questionnaire and its own label. */
export interface ReasonQuestion {
  /** "3.2": section and position, as the questionnaire numbers it. */
  number: string;
  /** The question's label without its section. */
  text: string;
}

/** Questions keyed `${assessmentId}\u0000${questionId}` (as questionLabelsFor returns them). */
export type ReasonQuestions = ReadonlyMap<string, ReasonQuestion>;

type Provenance = {
  source?: string;
  assessmentId?: string | null;
  sources?: { questionId?: string; assessmentId?: string }[] | null;
};

const MAX_QUESTION_CHARS = 70;
const MAX_INTERMEDIATES = 2;

/** What to call a node whose name is unknown: its kind in words, never its key. */
function fallbackName(key: string): string {
  if (key.startsWith("asset:")) return "an asset";
  if (key.startsWith("component:")) return "a shared component";
  if (key.startsWith("sub_supplier:")) return "a sub-supplier";
  if (/^vendor:[^/]+\/./.test(key)) return "one of its services";
  if (key.startsWith("vendor:")) return "another vendor";
  return "a linked system";
}

/** "Orbital SCADA Cloud update service (cloud push)" reads "its update service (cloud push)" in Orbital's reason. */
function nodeName(key: string, names: Readonly<Record<string, string>>, vendorName: string): string {
  const name = names[key]?.trim();
  if (!name) return fallbackName(key);
  if (vendorName && name.startsWith(`${vendorName} `) && name.length > vendorName.length + 1)
    return `its ${name.slice(vendorName.length + 1)}`;
  return name;
}

function shorten(text: string, max: number): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}

/** The answer behind the path: the first hop that came from a questionnaire answer we can label. */
function sourceOf(path: ExplainingPath, questions: ReasonQuestions): string | null {
  let manual = false;
  let inventory = false;
  for (const hop of path.hops) {
    const p = (hop.provenance ?? {}) as Provenance;
    if (p.source === "ASSESSMENT") {
      for (const s of Array.isArray(p.sources) ? p.sources : []) {
        const assessmentId = s?.assessmentId ?? p.assessmentId;
        if (!assessmentId || !s?.questionId) continue;
        const q = questions.get(`${assessmentId}\u0000${s.questionId}`);
        if (q) return `question ${q.number} “${shorten(q.text, MAX_QUESTION_CHARS)}”`;
      }
    } else if (p.source === "MANUAL") manual = true;
    else if (p.source === "INVENTORY") inventory = true;
  }
  if (manual) return "a linkage recorded by hand";
  if (inventory) return "your asset inventory";
  return null;
}

/**
 * "Via its update service (cloud push) to SCADA-MP Orbital Management Platform (criticality 5),
 * from question 4.2 “How do updates reach the units?”". Null when there is no path.
 */
export function describePathReason(
  path: ExplainingPath | undefined,
  vendorName: string,
  names: Readonly<Record<string, string>>,
  questions: ReasonQuestions,
): string | null {
  if (!path || path.hops.length === 0) return null;
  const target = `${path.assetName?.trim() || nodeName(path.asset, names, vendorName)} (criticality ${path.criticality})`;
  const through = path.hops
    .slice(0, -1)
    .map((h) => nodeName(h.to, names, vendorName))
    .filter((n, i, all) => all.indexOf(n) === i);
  const shown =
    through.length > MAX_INTERMEDIATES
      ? [...through.slice(0, MAX_INTERMEDIATES - 1), "…", through[through.length - 1]!]
      : through;
  const route = shown.length === 0 ? `Directly to ${target}` : `Via ${shown.join(" → ")} to ${target}`;
  const source = sourceOf(path, questions);
  return source ? `${route}, from ${source}` : route;
}
