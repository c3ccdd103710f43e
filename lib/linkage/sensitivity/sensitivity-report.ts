/**
 * The template sensitivity report (issue 12, `npm run template:sensitivity`): scores the two
 * reference vendors under a template and, for every question, with its best and its worst answer
 * while every other answer stays at the vendor's own (middle-of-the-road) answer. It shows which
 * questions cannot move a score (`noEffect`) and which rank a stronger control worse (`reversals`).
 *
 * Pure: template + reference vendors → numbers. The CLI (scripts/template-sensitivity.ts) and a unit
 * test print it.
 */
import type { GroupQuestion, Question, Template } from "../../questionnaire";
import { buildScoringGraph, parseGraphDocument, scoreVendor } from "../../scoring";
import { extractLinkages } from "../extract-linkages";
import { computeInheritedExposure } from "../inherited-exposure";
import { vendorKey } from "../keys";
import { toGraphDocument } from "../to-graph-document";
import { CONTROL_SCALES, type ControlScale } from "./control-scales";
import {
  PREFER,
  REFERENCE_BUYER_LINKAGES,
  REFERENCE_INVENTORY,
  REFERENCE_VENDORS,
  type Preferred,
  type ReferenceAnswers,
  type ReferenceVendor,
} from "./reference-vendors";

/** Exposure per unit, per reference vendor. */
export interface VendorPair {
  readonly plc: number;
  readonly hmi: number;
}

export interface QuestionSensitivity {
  readonly id: string;
  /** "section.question", 1-based, in template order. */
  readonly number: string;
  readonly label: string;
  /** The question carries linkage rules (emit or modify, on itself, its choices or its fields). */
  readonly emits: boolean;
  /** Exposure per unit with the strongest answer (ordered scale) or the lowest-scoring one. */
  readonly best: VendorPair;
  /** Exposure per unit with the weakest answer (ordered scale) or the highest-scoring one. */
  readonly worst: VendorPair;
  /** max over the two vendors of (worst − best) / the vendor's reference exposure. */
  readonly effect: number;
  /** A stronger answer on the question's ordered scale scores worse for some vendor. */
  readonly reversed: boolean;
  /** Exposure per unit with "don't know", when the question allows it. */
  readonly unknown?: VendorPair;
  /** "Don't know" scores better than some known answer for a vendor. */
  readonly unknownOptimistic?: true;
  readonly answers: { readonly best: string; readonly worst: string };
  /** Why a flagged question (no effect, optimistic unknown) is fine (see EXPLAINED). */
  readonly explained?: string;
}

export interface SensitivityReport {
  readonly template: string;
  readonly version: number;
  /** Reference exposure per unit, and the PLC/HMI ratio the issue asks to be ≥ 8. */
  readonly reference: VendorPair & { readonly ratio: number };
  /** Of that, the inherited exposure per unit: what arrives through the vendor's firmware. */
  readonly inherited: VendorPair;
  readonly questions: readonly QuestionSensitivity[];
  /** Emitting questions whose answers move neither reference vendor. */
  readonly noEffect: number;
  /** Of those, the ones not listed in EXPLAINED. */
  readonly noEffectUnexplained: number;
  readonly reversals: number;
  readonly unknownOptimistic: number;
  readonly unknownOptimisticUnexplained: number;
}

/**
 * Why an emitting question deliberately moves neither reference vendor, or why its "don't know" may
 * score below a known answer. A question listed here that does move a vendor (or is not optimistic)
 * is simply reported as such; the explanation is shown only next to the flag it explains.
 */
export const EXPLAINED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "ot-supplier-baseline@2": {
    fw_components:
      "rows are shared component nodes: they carry common-mode risk into every product that embeds them (blast radius), not one vendor's score; the vendor's handling of its components is scored on its firmware edge (SBOM depth, monitoring, fix time, end of life)",
    sub_sdks:
      "rows are shared SDK nodes (blast radius, common mode); sub_sdks_present weighs on the vendor's firmware edge",
    sub_build_access_list:
      "rows are sub-supplier source nodes linking into the vendor's firmware (their blast radius); sub_build_access weighs on the firmware edge",
    ra_tenant_isolation:
      "modifies the shared platform's own source node (a breach at another tenant): its blast radius, not the vendor's score; ra_shared_platform carries the vendor-side factor",
    cred_rotation_days:
      "applies to a credential shared across customers, which neither reference vendor has; listed credentials state their own lifetime, so rotation does not discount them twice",
    cred_push_approval: "a follow-up of cred_delegated_push, which neither reference vendor allows",
    cred_platform_admins: "a follow-up of cred_delegated_push, which neither reference vendor allows",
    net_debug_ports:
      "links a physical-access source (someone at the unit, mapped by the buyer) to the product: blast radius, not the vendor's score",
    net_uses_hubs:
      '"don\'t know" cannot name the hub, so it links to one placeholder for the buyer to map, while a named shared gateway also reaches the PLCs behind it: don\'t know scores below "yes" for the PLC vendor',
  },
};

const RELATIVE_TOLERANCE = 1e-4;
/**
 * "Don't know" links to a placeholder node where a known answer links to a named one. The engine
 * draws each linkage's worlds from its node ids, so the two are estimated on different worlds: equal
 * weights can differ by the sampling noise (~2 % of a reference vendor's exposure at 4,096 worlds
 * for a 0.05 route). Only a gap above this counts as an optimistic unknown; that "don't know" never
 * gets a lower *weight* than any truthful answer is checked exactly, rule by rule, in
 * baseline-template.test.ts.
 */
const UNKNOWN_SAMPLING_TOLERANCE = 0.03;

interface Candidate {
  readonly label: string;
  readonly value: unknown;
  /** Position on the ordered scale, 0 = strongest; undefined when the question has no scale. */
  readonly rank?: number;
  /** Which scale (question id or "question.field") the rank belongs to. */
  readonly scale?: string;
}

/** Resolves `prefer(...)` answers to the first choice the template offers. */
export function adaptAnswers(template: Template, answers: ReferenceAnswers): Record<string, unknown> {
  const byId = new Map(template.sections.flatMap((s) => s.questions).map((q) => [q.id, q]));
  const out: Record<string, unknown> = {};
  for (const [id, value] of Object.entries(answers)) {
    const question = byId.get(id);
    if (!question) continue;
    if (typeof value === "object" && value !== null && PREFER in value) {
      const options = (value as Preferred)[PREFER];
      const choices = "choices" in question ? question.choices.map((c) => c.id) : [];
      const chosen = options.find((o) => choices.includes(o));
      if (chosen !== undefined) out[id] = chosen;
      continue;
    }
    out[id] = value;
  }
  return out;
}

function referenceGraph(template: Template, reference: ReferenceVendor, answers: Record<string, unknown>) {
  const result = extractLinkages({
    template,
    answers,
    provenance: { assessmentId: `sensitivity-${reference.id}`, revision: 1 },
    vendor: reference.vendor,
    deployments: reference.deployments,
    assets: REFERENCE_INVENTORY,
  });
  const parsed = parseGraphDocument(
    toGraphDocument([result], { assets: REFERENCE_INVENTORY, extraLinkages: REFERENCE_BUYER_LINKAGES }),
  );
  if (!parsed.ok)
    throw new Error(`reference graph does not parse: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  return parsed.graph;
}

/** Exposure per unit of one reference vendor with these answers. */
export function referenceExposure(
  template: Template,
  reference: ReferenceVendor,
  answers: Record<string, unknown>,
): number {
  return (
    scoreVendor(
      buildScoringGraph(referenceGraph(template, reference, answers)),
      vendorKey(reference.vendor.id),
    ).exposure / reference.units
  );
}

/** Inherited exposure per unit (through the vendor's firmware) of one reference vendor. */
export function referenceInheritedExposure(
  template: Template,
  reference: ReferenceVendor,
  answers: Record<string, unknown>,
): number {
  return (
    computeInheritedExposure(referenceGraph(template, reference, answers), vendorKey(reference.vendor.id))
      .inherited / reference.units
  );
}

function hasRules(question: Question): boolean {
  if ((question.linkages?.length ?? 0) > 0) return true;
  if ("choices" in question && question.choices.some((c) => (c.linkages?.length ?? 0) > 0)) return true;
  if (question.type === "group")
    return question.fields.some(
      (f) => "choices" in f && f.choices.some((c) => (c.linkages?.length ?? 0) > 0),
    );
  return false;
}

/** Every condition text of the template, to find the numeric thresholds a number question is compared with. */
function conditionTexts(template: Template): string[] {
  const texts: string[] = [];
  const push = (rules: readonly { when?: string }[] | undefined) =>
    rules?.forEach((r) => r.when !== undefined && texts.push(r.when));
  for (const section of template.sections) {
    for (const q of section.questions) {
      if (q.condition !== undefined) texts.push(q.condition);
      push(q.linkages);
      if ("choices" in q) q.choices.forEach((c) => push(c.linkages));
      if (q.type === "group")
        q.fields.forEach((f) => "choices" in f && f.choices.forEach((c) => push(c.linkages)));
    }
  }
  return texts;
}

function numberCandidates(
  question: Question & { type: "number" },
  conditions: readonly string[],
  base: unknown,
): number[] {
  const values = new Set<number>();
  const pattern = new RegExp(`\\b${question.id}\\s*(?:<=|>=|<|>|!=|=)\\s*(-?\\d+(?:\\.\\d+)?)`, "g");
  for (const text of conditions) {
    for (const match of text.matchAll(pattern)) {
      const t = Number(match[1]);
      for (const v of [t - 1, t, t + 1]) values.add(v);
    }
  }
  if (typeof base === "number") values.add(base);
  return [...values]
    .filter(
      (v) =>
        (question.min === undefined || v >= question.min) &&
        (question.max === undefined || v <= question.max),
    )
    .sort((a, b) => a - b);
}

function rankIn(scale: ControlScale | undefined, value: string): number | undefined {
  if (!scale || !("order" in scale)) return undefined;
  const i = scale.order.indexOf(value);
  return i < 0 ? undefined : i;
}

function candidatesFor(question: Question, base: unknown, conditions: readonly string[]): Candidate[] {
  const scale = CONTROL_SCALES[question.id];
  switch (question.type) {
    case "yesno":
      return ["yes", "no"].map((v) => ({ label: v, value: v, rank: rankIn(scale, v), scale: question.id }));
    case "single_choice":
      return question.choices
        .filter((c) => !c.unknown)
        .map((c) => ({ label: c.id, value: c.id, rank: rankIn(scale, c.id), scale: question.id }));
    case "multiple_choice":
      return question.choices.filter((c) => !c.unknown).map((c) => ({ label: c.id, value: [c.id] }));
    case "number": {
      const values = numberCandidates(question, conditions, base);
      const lowerIsStronger = scale && "lowerIsStronger" in scale ? scale.lowerIsStronger : undefined;
      return values.map((v, i) => ({
        label: String(v),
        value: v,
        ...(lowerIsStronger !== undefined && {
          rank: lowerIsStronger ? i : values.length - 1 - i,
          scale: question.id,
        }),
      }));
    }
    case "group":
      return groupCandidates(question, base);
    default:
      // text, date, evidence: the given answer and none at all
      return [
        { label: "as answered", value: base },
        { label: "unanswered", value: undefined },
      ];
  }
}

function groupCandidates(question: GroupQuestion, base: unknown): Candidate[] {
  const rows = Array.isArray(base) ? (base as Record<string, unknown>[]) : [];
  const out: Candidate[] = [{ label: "as answered", value: rows }];
  if (rows.length === 0) return out;
  for (const field of question.fields) {
    if (field.type !== "single_choice") continue;
    const scaleId = `${question.id}.${field.id}`;
    const scale = CONTROL_SCALES[scaleId];
    if (!scale && !field.choices.some((c) => (c.linkages?.length ?? 0) > 0)) continue;
    for (const choice of field.choices.filter((c) => !c.unknown)) {
      out.push({
        label: `${field.id}=${choice.id}`,
        value: rows.map((r) => ({ ...r, [field.id]: choice.id })),
        rank: rankIn(scale, choice.id),
        scale: scaleId,
      });
    }
  }
  return out;
}

function unknownValue(question: Question): unknown {
  switch (question.type) {
    case "yesno":
      return "dont_know";
    case "single_choice":
      return question.choices.find((c) => c.unknown)?.id;
    case "multiple_choice": {
      const id = question.choices.find((c) => c.unknown)?.id;
      return id === undefined ? undefined : [id];
    }
    case "number":
    case "date":
      return question.allowDontKnow ? "dont_know" : undefined;
    default:
      return undefined;
  }
}

function withAnswer(answers: Record<string, unknown>, id: string, value: unknown): Record<string, unknown> {
  const next = { ...answers };
  if (value === undefined) delete next[id];
  else next[id] = value;
  return next;
}

/** Builds the report for one template (synchronously: about a second of CPU per ten questions). */
export function computeSensitivity(template: Template): SensitivityReport {
  const steps = sensitivitySteps(template);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same report, giving the caller's `pause` a turn after every question, so that a server can
 * compute it without holding its event loop for the whole run (pass e.g. a setImmediate promise).
 */
export async function computeSensitivityInSteps(
  template: Template,
  pause: () => Promise<void>,
): Promise<SensitivityReport> {
  const steps = sensitivitySteps(template);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

function* sensitivitySteps(template: Template): Generator<void, SensitivityReport> {
  const conditions = conditionTexts(template);
  const explained = EXPLAINED[`${template.key}@${template.version}`] ?? {};
  const refs = REFERENCE_VENDORS.map((ref) => ({ ref, answers: adaptAnswers(template, ref.answers) }));
  const baseOf = Object.fromEntries(
    refs.map(({ ref, answers }) => [ref.id, referenceExposure(template, ref, answers)]),
  ) as unknown as VendorPair;

  const questions: QuestionSensitivity[] = [];
  for (const [s, section] of template.sections.entries()) {
    for (const [q, question] of section.questions.entries()) {
      const per = refs.map(({ ref, answers }) => {
        const candidates = candidatesFor(question, answers[question.id], conditions);
        const scored = candidates.map((c) => ({
          ...c,
          exposure: referenceExposure(template, ref, withAnswer(answers, question.id, c.value)),
        }));
        const u = unknownValue(question);
        const unknown =
          u === undefined ? undefined : referenceExposure(template, ref, withAnswer(answers, question.id, u));
        return { ref, scored, unknown };
      });

      // Reversal: along each ordered scale, a stronger answer scores worse for some vendor.
      let reversed = false;
      for (const { scored, ref } of per) {
        const byScale = new Map<string, (typeof scored)[number][]>();
        for (const c of scored)
          if (c.rank !== undefined && c.scale !== undefined)
            byScale.set(c.scale, [...(byScale.get(c.scale) ?? []), c]);
        for (const list of byScale.values()) {
          const sorted = [...list].sort((a, b) => a.rank! - b.rank!);
          for (let i = 1; i < sorted.length; i++) {
            if (
              sorted[i - 1]!.exposure >
              sorted[i]!.exposure + RELATIVE_TOLERANCE * Math.max(baseOf[ref.id], 1e-9)
            )
              reversed = true;
          }
        }
      }

      const pick = (which: "best" | "worst") =>
        per.map(({ scored }) => {
          const ranked = scored.filter((c) => c.rank !== undefined);
          if (ranked.length >= 2) {
            const sorted = [...ranked].sort((a, b) => a.rank! - b.rank!);
            return which === "best" ? sorted[0]! : sorted[sorted.length - 1]!;
          }
          const sorted = [...scored].sort((a, b) => a.exposure - b.exposure);
          return which === "best" ? sorted[0]! : sorted[sorted.length - 1]!;
        });
      const best = pick("best");
      const worst = pick("worst");
      const pair = (xs: readonly { exposure: number }[]): VendorPair => ({
        plc: round(xs[0]!.exposure),
        hmi: round(xs[1]!.exposure),
      });
      const effect = Math.max(
        ...per.map(({ ref }, i) => (worst[i]!.exposure - best[i]!.exposure) / Math.max(baseOf[ref.id], 1e-9)),
      );
      const moved = per.some(({ ref, scored }) => {
        const xs = scored.map((c) => c.exposure);
        return Math.max(...xs) - Math.min(...xs) > RELATIVE_TOLERANCE * Math.max(baseOf[ref.id], 1e-9);
      });
      const unknownOptimistic = per.some(
        ({ ref, scored, unknown }) =>
          unknown !== undefined &&
          unknown + UNKNOWN_SAMPLING_TOLERANCE * Math.max(baseOf[ref.id], 1e-9) <
            Math.max(...scored.map((c) => c.exposure)),
      );
      const emits = hasRules(question);
      const explanation = (emits && !moved) || unknownOptimistic ? explained[question.id] : undefined;
      questions.push({
        id: question.id,
        number: `${s + 1}.${q + 1}`,
        label: question.label,
        emits,
        best: pair(best),
        worst: pair(worst),
        effect: emits && !moved ? 0 : round(effect),
        reversed,
        ...(per.every((p) => p.unknown !== undefined) && {
          unknown: { plc: round(per[0]!.unknown!), hmi: round(per[1]!.unknown!) },
        }),
        ...(unknownOptimistic && { unknownOptimistic: true as const }),
        answers: { best: best.map((c) => c.label).join(" / "), worst: worst.map((c) => c.label).join(" / ") },
        ...(explanation !== undefined && { explained: explanation }),
      });
      yield;
    }
  }

  const noEffectQuestions = questions.filter((q) => q.emits && q.effect === 0);
  return {
    template: template.key,
    version: template.version,
    reference: {
      plc: round(baseOf.plc),
      hmi: round(baseOf.hmi),
      ratio: round(baseOf.plc / Math.max(baseOf.hmi, 1e-12)),
    },
    inherited: {
      plc: round(referenceInheritedExposure(template, refs[0]!.ref, refs[0]!.answers)),
      hmi: round(referenceInheritedExposure(template, refs[1]!.ref, refs[1]!.answers)),
    },
    questions,
    noEffect: noEffectQuestions.length,
    noEffectUnexplained: noEffectQuestions.filter((q) => q.explained === undefined).length,
    reversals: questions.filter((q) => q.reversed).length,
    unknownOptimistic: questions.filter((q) => q.unknownOptimistic).length,
    unknownOptimisticUnexplained: questions.filter((q) => q.unknownOptimistic && q.explained === undefined)
      .length,
  };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** The report as text: a summary, then one line per emitting question. */
export function formatSensitivity(report: SensitivityReport): string {
  const lines = [
    `Template ${report.template} v${report.version}: reference exposure per unit PLC ${report.reference.plc}, HMI ${report.reference.hmi} (PLC/HMI ${report.reference.ratio}×); inherited through firmware PLC ${report.inherited.plc}, HMI ${report.inherited.hmi}`,
    `noEffect ${report.noEffect} (${report.noEffectUnexplained} unexplained), reversals ${report.reversals}, unknown-optimistic ${report.unknownOptimistic} (${report.unknownOptimisticUnexplained} unexplained)`,
    "",
    "  #     question                          effect   best PLC/HMI       worst PLC/HMI      flags",
  ];
  for (const q of report.questions) {
    if (!q.emits) continue;
    const flags = [
      q.reversed && "REVERSED",
      q.effect === 0 && "NO EFFECT",
      q.unknownOptimistic && "UNKNOWN-OPTIMISTIC",
      q.explained && "(explained)",
    ]
      .filter(Boolean)
      .join(", ");
    lines.push(
      `  ${q.number.padEnd(5)} ${q.id.padEnd(33)} ${(q.effect * 100).toFixed(1).padStart(6)}%  ${`${q.best.plc}/${q.best.hmi}`.padEnd(18)} ${`${q.worst.plc}/${q.worst.hmi}`.padEnd(18)} ${flags}`,
    );
  }
  for (const q of report.questions) if (q.explained) lines.push(`  ${q.id}: ${q.explained}`);
  return lines.join("\n");
}
