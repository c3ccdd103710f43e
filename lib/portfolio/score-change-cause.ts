// Client-safe and pure: why a score changed, read from the trigger of the scoring run that wrote
// the snapshot (ScoringRun.trigger). Triggers are written by the use cases that queue a rescore:
//   "assessment <id> accepted"          reviewAssessment (acceptance)
//   "what-if <scenarioId> adopted"      adopting a saved what-if scenario
//   "manual linkage <id> added|removed" manual linkages
//   "asset <id> updated|deleted", "asset CSV import", connection changes   inventory
//   "manual"                            "Recompute all" or saved scoring settings
//   "model-upgrade"                     a new scoring model
export type ScoreChangeCause =
  | { kind: "acceptance"; assessmentId: string }
  | { kind: "what-if"; scenarioId: string }
  | { kind: "manual-linkage"; change: "added" | "removed" }
  | { kind: "inventory" }
  | { kind: "recompute" }
  | { kind: "model-upgrade" }
  | { kind: "other" };

export function parseRescoreTrigger(trigger: string | null | undefined): ScoreChangeCause {
  const t = (trigger ?? "").trim();
  let m = /^assessment (\S+) accepted$/.exec(t);
  if (m) return { kind: "acceptance", assessmentId: m[1]! };
  m = /^what-if (\S+) adopted$/.exec(t);
  if (m) return { kind: "what-if", scenarioId: m[1]! };
  m = /^manual linkage \S+ (added|removed)$/.exec(t);
  if (m) return { kind: "manual-linkage", change: m[1] as "added" | "removed" };
  if (/^(asset|connection|deployment)\b/i.test(t) || /inventory/i.test(t)) return { kind: "inventory" };
  if (t === "manual") return { kind: "recompute" };
  if (t === "model-upgrade") return { kind: "model-upgrade" };
  return { kind: "other" };
}

/** Names the cause needs, looked up by the loader within the caller's organisation. */
export interface CauseNames {
  /** Assessment id → its vendor's name. */
  acceptedVendor: ReadonlyMap<string, string>;
  /** What-if scenario id → its name. */
  scenario: ReadonlyMap<string, string>;
}

/** "acceptance of Kestrel Remote Access's assessment", "adopted what-if “MFA on the relay”", … */
export function describeScoreChangeCause(cause: ScoreChangeCause, names: CauseNames): string {
  switch (cause.kind) {
    case "acceptance": {
      const vendor = names.acceptedVendor.get(cause.assessmentId);
      return vendor ? `acceptance of ${possessive(vendor)} assessment` : "an accepted assessment";
    }
    case "what-if": {
      const scenario = names.scenario.get(cause.scenarioId);
      return scenario ? `adopted what-if “${scenario}”` : "an adopted what-if";
    }
    case "manual-linkage":
      return `a linkage recorded by hand was ${cause.change}`;
    case "inventory":
      return "a change to your asset inventory";
    case "recompute":
      return "a full recompute (scoring settings or “Recompute all”)";
    case "model-upgrade":
      return "the new scoring model";
    case "other":
      return "a change to the linkage graph";
  }
}

/**
 * "Orbital's", "Atlas Field Sensors'", "Kestrel Remote Access's": a name ending in a single s reads as
 * a plural; "ss" (Access, Glass) is singular.
 */
export const possessive = (name: string) => (/[^s]s$/i.test(name) ? `${name}’` : `${name}’s`);
