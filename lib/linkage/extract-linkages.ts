/**
 * Answers → typed linkages, following the extraction contract of docs/questionnaire-format.md
 * (visibility, known/unknown state, per-row emission, modifier order, clamping, provenance) and
 * docs/linkage-extraction.md for what this module adds (endpoints, merging, custody linkages).
 *
 * Pure and deterministic: no clock, no randomness, no I/O; the output is sorted, so it does not
 * depend on the order of keys in `answers` or of the inventory arrays.
 */
import {
  buildAnswerSchema,
  computeVisibility,
  evaluateCondition,
  isAnswered,
  parseCondition,
  readAnswer,
  type Choice,
  type ConditionNode,
  type EmitRule,
  type GroupQuestion,
  type GroupRow,
  type ModifyRule,
  type Question,
  type Template,
} from "../questionnaire";
import { indexBuyerControls, type BuyerControlTarget } from "./buyer-control-targets";
import { applyBuyerControls, buyerControlEffects } from "./buyer-controls";
import { NodeRegistry, type ChoiceSelection } from "./endpoints";
import {
  DEFAULT_EXTRACTION_CONFIG,
  type AppliedModifier,
  type ExtractedLinkage,
  type ExtractedNode,
  type ExtractionConfig,
  type ExtractionInput,
  type ExtractionResult,
  type LinkageKind,
  type LinkageProvenance,
  type NeedsMapping,
} from "./types";

type QuestionState = "known" | "unknown";

/** Where a rule lives. */
type RuleOwner =
  | { readonly type: "question" }
  | { readonly type: "choice"; readonly choice: Choice }
  | { readonly type: "field"; readonly fieldId: string; readonly choice: Choice };

interface IndexedQuestion {
  readonly question: Question;
  readonly order: number;
}

/**
 * A modifier that may apply to linkages of its targets. Known questions contribute one source per
 * fired rule; an unknown question contributes one source per target holding every candidate rule,
 * of which the one giving the highest weight is applied ("at most one modifier per target").
 */
interface ModifierSource {
  readonly questionId: string;
  readonly order: number;
  readonly unknown: boolean;
  readonly candidates: readonly ModifyRule[];
  /** Group-field modifiers apply to one row only (null: the placeholder row of an unknown list). */
  readonly row?: { readonly questionId: string; readonly rowIndex: number | null };
  /** From a hidden question: applied only to linkages emitted in the unknown state, and only when it raises the weight. */
  readonly hiddenFollowUp?: true;
}

/** One emission of one rule before endpoint expansion. */
interface Emission {
  readonly rule: EmitRule;
  readonly question: Question;
  readonly order: number;
  readonly unknown: boolean;
  readonly choiceId?: string;
  readonly row?: GroupRow;
  readonly rowIndex?: number;
}

interface RawLinkage {
  readonly fromKey: string;
  readonly toKey: string;
  readonly kind: LinkageKind;
  readonly order: number;
  readonly source: LinkageProvenance;
}

const conditionCache = new WeakMap<Template, Map<string, ConditionNode>>();

/** Extracts the typed linkages of one accepted assessment. */
export function extractLinkages(input: ExtractionInput): ExtractionResult {
  const config = resolveExtractionConfig(input.config);
  const { template, answers } = input;
  const warnings: string[] = [];
  const warn = (message: string) => {
    if (!warnings.includes(message)) warnings.push(message);
  };

  const questions = indexQuestions(template);
  const visibility = computeVisibility(template, answers);

  // The answers conditions may see: visible and well-formed (as computeVisibility does).
  const effective = new Map<string, unknown>();
  const states = new Map<string, QuestionState>();
  for (const { question } of questions.values()) {
    if (!visibility.questions.has(question.id)) continue;
    const value = readAnswer(answers, question.id);
    if (isAnswered(value) && !buildAnswerSchema(question, "draft").safeParse(value).success) {
      warn(`the answer to ${question.id} is malformed and was treated as unknown`);
      states.set(question.id, "unknown");
      continue;
    }
    if (isAnswered(value)) effective.set(question.id, value);
    states.set(question.id, isKnown(question, value) ? "known" : "unknown");
  }
  const lookup = (id: string) => effective.get(id);
  const holds = (when: string | undefined) =>
    when === undefined || evaluateCondition(compile(template, when), lookup);

  const selectionOf = (questionId: string): ChoiceSelection => {
    if (states.get(questionId) !== "known") return { known: false };
    const value = effective.get(questionId);
    return { known: true, choiceIds: Array.isArray(value) ? (value as string[]) : [value as string] };
  };

  const registry = new NodeRegistry({
    vendor: input.vendor,
    deployments: sortBy(input.deployments, (d) => d.assetId),
    assets: sortBy(input.assets, (a) => a.id),
    config,
    questionsById: new Map([...questions.values()].map(({ question }) => [question.id, question])),
    selectionOf,
    warn,
  });
  registry.resolve({ kind: "vendor" }, { question: [...questions.values()][0]!.question, perRow: false });

  const emissions: Emission[] = [];
  const modifiers = new Map<string, ModifierSource[]>();
  const addModifier = (target: string, source: ModifierSource) => {
    const list = modifiers.get(target) ?? [];
    list.push(source);
    modifiers.set(target, list);
  };

  for (const { question, order } of questions.values()) {
    const state = states.get(question.id);
    if (state === undefined) {
      // Hidden: nothing emits. Its modifiers only stand in, pessimistically, for a follow-up that an unknown answer hid.
      collectUnknownModifiers(question, order, addModifier, { hiddenFollowUp: true });
      continue;
    }
    const value = effective.get(question.id);
    if (state === "unknown") {
      for (const { rule, owner } of rulesOf(question)) {
        if (rule.effect !== "emit") continue;
        const choiceId = owner.type === "choice" ? owner.choice.id : undefined;
        emissions.push({ rule, question, order, unknown: true, ...(choiceId !== undefined && { choiceId }) });
      }
      collectUnknownModifiers(question, order, addModifier, {});
      continue;
    }

    const rows = question.type === "group" ? (value as GroupRow[]) : [];
    for (const { rule, owner } of rulesOf(question)) {
      if (owner.type === "field") continue;
      if (owner.type === "choice" && !isSelected(value, owner.choice.id)) continue;
      if (!holds(rule.when)) continue;
      const choiceId = owner.type === "choice" ? owner.choice.id : undefined;
      if (rule.effect === "modify") {
        for (const target of rule.targets)
          addModifier(target, { questionId: question.id, order, unknown: false, candidates: [rule] });
        continue;
      }
      if (rule.perRow && question.type === "group") {
        rows.forEach((row, rowIndex) =>
          emissions.push({ rule, question, order, unknown: false, row, rowIndex }),
        );
      } else {
        emissions.push({
          rule,
          question,
          order,
          unknown: false,
          ...(choiceId !== undefined && { choiceId }),
        });
      }
    }
    if (question.type === "group") collectRowModifiers(question, order, rows, holds, addModifier);
  }

  const buyerControlsByTarget = indexBuyerControls(input.deployments, input.assets);
  const raw: RawLinkage[] = [];
  for (const emission of emissions) {
    const { weight, applied } = applyModifiers(emission, modifiers.get(emission.rule.id) ?? []);
    const floor = emission.unknown ? (config.unknownWeightFloor[emission.rule.kind] ?? 0) : 0;
    const finalWeight = clamp01(Math.max(weight, floor));
    const ctx = {
      question: emission.question,
      perRow: emission.rule.perRow === true,
      unknown: emission.unknown,
      ...(emission.choiceId !== undefined && { choiceId: emission.choiceId }),
      ...(emission.row !== undefined && { row: emission.row }),
      ...(emission.rowIndex !== undefined && { rowIndex: emission.rowIndex }),
    };
    const fromKeys = registry.resolve(emission.rule.from, ctx);
    const toKeys = registry.resolve(emission.rule.to, ctx);
    const source: LinkageProvenance = {
      assessmentId: input.provenance.assessmentId,
      revision: input.provenance.revision,
      questionId: emission.question.id,
      ruleId: emission.rule.id,
      ...(emission.rowIndex !== undefined && { rowIndex: emission.rowIndex }),
      ...(emission.choiceId !== undefined && { choiceId: emission.choiceId }),
      unknown: emission.unknown,
      weight: finalWeight,
      reason: describe(emission, applied, questions),
      modifiers: applied,
    };
    for (const fromKey of unique(fromKeys)) {
      for (const toKey of unique(toKeys)) {
        if (fromKey === toKey) continue; // a node does not propagate to itself
        raw.push({
          fromKey,
          toKey,
          kind: emission.rule.kind,
          order: emission.order,
          source: withBuyerControls(source, toKey, emission.rule.kind, buyerControlsByTarget),
        });
      }
    }
  }

  const kept = raw.filter((l) => !(config.dropZeroWeight && l.source.weight === 0));
  kept.push(...custodyLinkages(kept, registry, input.vendor.name, config));
  const linkages = mergeLinkages(kept, config, questions);

  const used = new Set<string>([registry.vendorKey]);
  for (const l of linkages) used.add(l.fromKey).add(l.toKey);
  const nodes: ExtractedNode[] = [...used].sort(compareStrings).map((key) => registry.nodes.get(key)!);

  const needsMapping: NeedsMapping[] = [];
  for (const key of [...used].sort(compareStrings)) {
    for (const mapping of registry.mappings.get(key) ?? []) needsMapping.push({ ...mapping, nodeKey: key });
  }
  const questionOrder = (id: string) => questions.get(id)?.order ?? Number.MAX_SAFE_INTEGER;
  needsMapping.sort(
    (a, b) =>
      questionOrder(a.questionId) - questionOrder(b.questionId) ||
      (a.rowIndex ?? -1) - (b.rowIndex ?? -1) ||
      compareStrings(a.label, b.label) ||
      compareStrings(a.nodeKey, b.nodeKey),
  );

  return { nodes, linkages, needsMapping, warnings };
}

/** Merges caller overrides over the defaults and rejects values outside their range. */
export function resolveExtractionConfig(overrides: Partial<ExtractionConfig> = {}): ExtractionConfig {
  const config: ExtractionConfig = { ...DEFAULT_EXTRACTION_CONFIG, ...overrides };
  const problems: string[] = [];
  if (!(config.custodyWeight >= 0 && config.custodyWeight <= 1))
    problems.push("custodyWeight must be in [0, 1]");
  for (const [kind, floor] of Object.entries(config.unknownWeightFloor)) {
    if (!(floor >= 0 && floor <= 1)) problems.push(`unknownWeightFloor.${kind} must be in [0, 1]`);
  }
  if (problems.length > 0) throw new Error(`Invalid extraction configuration: ${problems.join("; ")}`);
  return config;
}

// ---------------------------------------------------------------------------------------------
// Answer state

/** Known unless "don't know" or an unknown choice is selected (unanswered is handled by the caller). */
function isKnown(question: Question, value: unknown): boolean {
  if (!isAnswered(value)) return false;
  if (value === "dont_know") return false;
  if (question.type === "single_choice" || question.type === "multiple_choice") {
    const selected = Array.isArray(value) ? value : [value];
    return !question.choices.some((c) => c.unknown === true && selected.includes(c.id));
  }
  return true;
}

function isSelected(value: unknown, choiceId: string): boolean {
  return Array.isArray(value) ? value.includes(choiceId) : value === choiceId;
}

function compile(template: Template, source: string): ConditionNode {
  let cache = conditionCache.get(template);
  if (!cache) {
    cache = new Map();
    conditionCache.set(template, cache);
  }
  let ast = cache.get(source);
  if (!ast) {
    const parsed = parseCondition(source);
    if (!parsed.ok)
      throw new Error(
        `template "${template.key}" v${template.version} was not validated: ${parsed.error.message}`,
      );
    ast = parsed.ast;
    cache.set(source, ast);
  }
  return ast;
}

// ---------------------------------------------------------------------------------------------
// Template walking

function indexQuestions(template: Template): Map<string, IndexedQuestion> {
  const index = new Map<string, IndexedQuestion>();
  for (const section of template.sections) {
    for (const question of section.questions) index.set(question.id, { question, order: index.size });
  }
  return index;
}

/** Every rule of a question in template order: question-level, then per choice, then per group-field choice. */
function* rulesOf(question: Question): Generator<{ rule: EmitRule | ModifyRule; owner: RuleOwner }> {
  for (const rule of question.linkages ?? []) yield { rule, owner: { type: "question" } };
  if (question.type === "single_choice" || question.type === "multiple_choice") {
    for (const choice of question.choices)
      for (const rule of choice.linkages ?? []) yield { rule, owner: { type: "choice", choice } };
  }
  if (question.type === "group") {
    for (const field of question.fields) {
      if (field.type !== "single_choice") continue;
      for (const choice of field.choices) {
        for (const rule of choice.linkages ?? [])
          yield { rule, owner: { type: "field", fieldId: field.id, choice } };
      }
    }
  }
}

/**
 * Unknown state: every modify rule of the question at its unknownValue, one source per target (the
 * application picks the candidate giving the highest weight). Group-field modifiers apply to the
 * placeholder row, since an unknown list has no rows to read them from.
 */
function collectUnknownModifiers(
  question: Question,
  order: number,
  add: (target: string, source: ModifierSource) => void,
  extra: { hiddenFollowUp?: true },
): void {
  const byTarget = new Map<string, { question: ModifyRule[]; fields: Map<string, ModifyRule[]> }>();
  for (const { rule, owner } of rulesOf(question)) {
    if (rule.effect !== "modify") continue;
    for (const target of rule.targets) {
      const entry = byTarget.get(target) ?? {
        question: [] as ModifyRule[],
        fields: new Map<string, ModifyRule[]>(),
      };
      if (owner.type === "field")
        entry.fields.set(owner.fieldId, [...(entry.fields.get(owner.fieldId) ?? []), rule]);
      else entry.question.push(rule);
      byTarget.set(target, entry);
    }
  }
  for (const [target, entry] of byTarget) {
    if (entry.question.length > 0)
      add(target, { questionId: question.id, order, unknown: true, candidates: entry.question, ...extra });
    for (const rules of entry.fields.values()) {
      add(target, {
        questionId: question.id,
        order,
        unknown: true,
        candidates: rules,
        row: { questionId: question.id, rowIndex: null },
        ...extra,
      });
    }
  }
}

/** Known group: each row's field choices modify that row's linkages; an empty or unknown field counts as unknown. */
function collectRowModifiers(
  question: GroupQuestion,
  order: number,
  rows: readonly GroupRow[],
  holds: (when: string | undefined) => boolean,
  add: (target: string, source: ModifierSource) => void,
): void {
  for (const field of question.fields) {
    if (field.type !== "single_choice") continue;
    const fieldRules = field.choices.flatMap((choice) =>
      (choice.linkages ?? [])
        .filter((r): r is ModifyRule => r.effect === "modify")
        .map((rule) => ({ choice, rule })),
    );
    if (fieldRules.length === 0) continue;
    rows.forEach((row, rowIndex) => {
      const value = Object.hasOwn(row, field.id) ? row[field.id] : undefined;
      const choice = field.choices.find((c) => c.id === value);
      const scope = { questionId: question.id, rowIndex };
      if (choice && choice.unknown !== true) {
        for (const { choice: owner, rule } of fieldRules) {
          if (owner.id !== choice.id || !holds(rule.when)) continue;
          for (const target of rule.targets)
            add(target, { questionId: question.id, order, unknown: false, candidates: [rule], row: scope });
        }
        return;
      }
      const byTarget = new Map<string, ModifyRule[]>();
      for (const { rule } of fieldRules)
        for (const target of rule.targets) byTarget.set(target, [...(byTarget.get(target) ?? []), rule]);
      for (const [target, candidates] of byTarget)
        add(target, { questionId: question.id, order, unknown: true, candidates, row: scope });
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Weights

/** Final weight of one emission: set modifiers (highest wins), then every multiplier, then clamp. */
function applyModifiers(
  emission: Emission,
  sources: readonly ModifierSource[],
): { weight: number; applied: AppliedModifier[] } {
  const base = emission.unknown ? emission.rule.unknownWeight : emission.rule.weight;
  const sets: number[] = [];
  const factors: number[] = [];
  const applied: AppliedModifier[] = [];
  const evaluate = (extraSet?: number, extraFactor?: number) => {
    const allSets = extraSet === undefined ? sets : [...sets, extraSet];
    let weight = allSets.length > 0 ? Math.max(...allSets) : base;
    for (const f of factors) weight *= f;
    if (extraFactor !== undefined) weight *= extraFactor;
    return clamp01(weight);
  };

  const relevant = sources
    .filter((s) => {
      if (s.hiddenFollowUp && !emission.unknown) return false;
      if (!s.row) return true;
      return s.row.questionId === emission.question.id && s.row.rowIndex === (emission.rowIndex ?? null);
    })
    // Known controls first, then unknown ones in template order, so "the highest weight" is judged against the known ones.
    .sort((a, b) => Number(a.unknown) - Number(b.unknown) || a.order - b.order);

  for (const source of relevant) {
    const valueOf = (rule: ModifyRule) => (source.unknown ? rule.unknownValue : rule.value);
    let best: ModifyRule | undefined;
    let bestWeight = -1;
    for (const rule of source.candidates) {
      const w = rule.op === "set" ? evaluate(valueOf(rule)) : evaluate(undefined, valueOf(rule));
      if (w > bestWeight) {
        best = rule;
        bestWeight = w;
      }
    }
    if (!best) continue;
    // A stand-in for a hidden follow-up may only make an unknown answer look worse, never better.
    if (source.hiddenFollowUp && bestWeight <= evaluate()) continue;
    const value = valueOf(best);
    if (best.op === "set") sets.push(Math.min(1, value));
    else factors.push(value);
    applied.push({
      ruleId: best.id,
      questionId: source.questionId,
      op: best.op,
      value,
      unknown: source.unknown,
      ...(source.row && source.row.rowIndex !== null && { rowIndex: source.row.rowIndex }),
    });
  }
  return { weight: evaluate(), applied };
}

function clamp01(value: number): number {
  if (Number.isNaN(value)) return 1; // never reached with a validated template; fail pessimistic
  return Math.min(1, Math.max(0, value));
}

/** The linkage's reason in words: the rule's reason, then what changed its weight. */
function describe(
  emission: Emission,
  applied: readonly AppliedModifier[],
  questions: ReadonlyMap<string, IndexedQuestion>,
): string {
  const label = (id: string) => questions.get(id)?.question.label ?? id;
  const parts = [emission.rule.reason];
  if (emission.unknown)
    parts.push(
      `Assumed at the pessimistic weight because "${label(emission.question.id)}" was not answered or answered "don't know".`,
    );
  for (const m of applied) {
    if (m.unknown) {
      parts.push(`"${label(m.questionId)}" is not known, so the least favourable adjustment is assumed.`);
    } else {
      const rule = findModifyRule(questions.get(m.questionId)?.question, m.ruleId);
      if (rule) parts.push(rule.reason);
    }
  }
  return parts.map(sentence).join(" ");
}

function findModifyRule(question: Question | undefined, ruleId: string): ModifyRule | undefined {
  if (!question) return undefined;
  for (const { rule } of rulesOf(question)) if (rule.id === ruleId && rule.effect === "modify") return rule;
  return undefined;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

// ---------------------------------------------------------------------------------------------
// Buyer-side controls

function withBuyerControls(
  source: LinkageProvenance,
  toKey: string,
  kind: LinkageKind,
  index: ReadonlyMap<string, BuyerControlTarget>,
): LinkageProvenance {
  const target = index.get(toKey);
  if (!target || source.weight === 0) return source;
  const effects = buyerControlEffects([...target.controls].sort(), source.ruleId, kind, target.zone);
  if (effects.length === 0) return source;
  return {
    ...source,
    weight: applyBuyerControls(source.weight, effects),
    reason: [source.reason, ...effects.map((e) => e.reason)].map(sentence).join(" "),
    buyerControls: effects.map((e) => ({
      control: e.control,
      factor: e.factor,
      ...(e.cap !== undefined && { cap: e.cap }),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Custody and merging

/**
 * The vendor operates its platform, update services, remote-access paths and credentials: if the
 * vendor is compromised, so are they. Without these linkages the scoring engine, which propagates
 * from the vendor node, would never reach what those nodes reach.
 */
function custodyLinkages(
  kept: readonly RawLinkage[],
  registry: NodeRegistry,
  vendorName: string,
  config: ExtractionConfig,
): RawLinkage[] {
  if (config.dropZeroWeight && config.custodyWeight === 0) return [];
  // Custody stands in for "how the vendor reaches it" only where the answers say nothing about that:
  // a node something already links into (the remote-access chain: vendor → accounts → mechanism) is in
  // series with its controls, and a custody shortcut would bypass them.
  const linkedInto = new Set(kept.map((l) => l.toKey));
  const operated = new Map<string, RawLinkage[]>();
  for (const l of kept) {
    for (const key of [l.fromKey, l.toKey]) {
      if (!registry.operated.has(key) || linkedInto.has(key)) continue;
      operated.set(key, [...(operated.get(key) ?? []), l]);
    }
  }
  const out: RawLinkage[] = [];
  for (const [key, uses] of operated) {
    const node = registry.nodes.get(key)!;
    const first = [...uses].sort((a, b) => a.order - b.order)[0]!;
    const seen = new Set<string>();
    for (const use of uses) {
      const id = `${use.source.questionId}|${use.source.ruleId}|${use.source.rowIndex ?? ""}|${use.source.choiceId ?? ""}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const { buyerControls: _buyerControls, ...useSource } = use.source;
      out.push({
        fromKey: registry.vendorKey,
        toKey: key,
        kind: first.kind,
        order: use.order,
        source: {
          ...useSource,
          weight: config.custodyWeight,
          reason: `${vendorName} runs this ${(node.subtype ?? "service").replace(/-/g, " ")} itself, so whoever compromises the vendor controls it.`,
          modifiers: [],
          unknown: false,
          custody: true,
        },
      });
    }
  }
  return out;
}

/** One linkage per (from, to, kind) — per question too unless mergeAcrossQuestions — keeping the highest weight. */
function mergeLinkages(
  raw: readonly RawLinkage[],
  config: ExtractionConfig,
  questions: ReadonlyMap<string, IndexedQuestion>,
): ExtractedLinkage[] {
  const groups = new Map<string, RawLinkage[]>();
  for (const l of raw) {
    const key = [l.fromKey, l.toKey, l.kind, config.mergeAcrossQuestions ? "" : l.source.questionId].join(
      "\u0000",
    );
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  const order = (id: string) => questions.get(id)?.order ?? Number.MAX_SAFE_INTEGER;
  const linkages: ExtractedLinkage[] = [];
  for (const members of groups.values()) {
    const sources = dedupeSources(members.map((m) => m.source)).sort(
      (a, b) =>
        b.weight - a.weight ||
        order(a.questionId) - order(b.questionId) ||
        Number(a.custody ?? false) - Number(b.custody ?? false) ||
        compareStrings(a.ruleId, b.ruleId) ||
        (a.rowIndex ?? -1) - (b.rowIndex ?? -1) ||
        compareStrings(a.choiceId ?? "", b.choiceId ?? ""),
    );
    const top = sources[0]!;
    const first = members[0]!;
    linkages.push({
      fromKey: first.fromKey,
      toKey: first.toKey,
      kind: first.kind,
      weight: top.weight,
      reason: top.reason,
      provenance: sources,
    });
  }
  return linkages.sort(
    (a, b) =>
      compareStrings(a.fromKey, b.fromKey) ||
      compareStrings(a.toKey, b.toKey) ||
      compareStrings(a.kind, b.kind) ||
      compareStrings(a.provenance[0]!.questionId, b.provenance[0]!.questionId),
  );
}

/** The same source reaching one (from, to, kind) twice (two zone choices mapping to one asset) is listed once. */
function dedupeSources(sources: readonly LinkageProvenance[]): LinkageProvenance[] {
  const byId = new Map<string, LinkageProvenance>();
  for (const s of sources) {
    const id = `${s.questionId}|${s.ruleId}|${s.rowIndex ?? ""}|${s.choiceId ?? ""}|${s.custody ? "c" : ""}`;
    const existing = byId.get(id);
    if (!existing || s.weight > existing.weight) byId.set(id, s);
  }
  return [...byId.values()];
}

function unique(keys: readonly string[]): string[] {
  return [...new Set(keys)];
}

function sortBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareStrings(key(a), key(b)));
}

/** Code-unit order, independent of locale. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
