import type { z } from "zod";

import { checkCondition, isIsoDate, type ConditionScope, type ResolvedIdentifier } from "./condition-checker";
import { collectConditionIdentifiers, parseCondition } from "./condition-parser";
import { isPrototypeKey, isReservedId } from "./ids";
import { LIMITS } from "./limits";
import { convertZodIssues, joinPath, sortIssues, type TemplateIssue } from "./template-issues";
import {
  choiceSchema,
  emitRuleSchema,
  GROUP_FIELD_TYPES,
  groupFieldSchemas,
  LINKAGE_EFFECTS,
  modifyRuleSchema,
  QUESTION_TYPES,
  questionSchemas,
  sectionShellSchema,
  templateShellSchema,
  type Choice,
  type EmitRule,
  type GroupField,
  type GroupFieldType,
  type GroupQuestion,
  type LinkageRule,
  type NodeEndpoint,
  type Question,
  type QuestionType,
  type Section,
  type Template,
} from "./template-schema";

export type TemplateValidationResult =
  { ok: true; template: Template } | { ok: false; errors: TemplateIssue[] };

/**
 * Validates an untrusted value (usually parsed JSON) as a questionnaire template and returns every
 * problem found, each with its path. Parsing is progressive — template shell, then each section,
 * then each question — so one broken question does not hide the errors of the others, and
 * cross-reference checks still run on everything that parsed.
 */
export function validateTemplate(input: unknown): TemplateValidationResult {
  const context = new ValidationContext();
  const parsed = context.parseStructure(input);
  context.checkSemantics();
  if (context.errors.length > 0 || parsed === null) return { ok: false, errors: sortIssues(context.errors) };
  return { ok: true, template: parsed };
}

type QuestionEntry = {
  id: string;
  question: Question | null;
  /** False when some nested part (a choice, a field, a rule) failed to parse. */
  complete: boolean;
  order: number;
  sectionIndex: number;
  path: string;
};

type RuleOwner = "question" | "choice" | "field_choice";

type RuleEntry = {
  rule: LinkageRule;
  path: string;
  owner: RuleOwner;
  question: QuestionEntry;
};

type SectionEntry = { section: Omit<Section, "questions">; path: string; index: number };

class ValidationContext {
  readonly errors: TemplateIssue[] = [];
  private readonly sections: SectionEntry[] = [];
  private readonly questions: QuestionEntry[] = [];
  private readonly questionsById = new Map<string, QuestionEntry>();
  private readonly rules: RuleEntry[] = [];
  private readonly rulesById = new Map<string, RuleEntry>();
  /** Rule ids seen anywhere in the raw input, so a rule broken elsewhere is not also reported as unknown. */
  private readonly declaredRuleIds = new Set<string>();
  private currentQuestion: QuestionEntry | null = null;

  // ---- structure ---------------------------------------------------------------------------

  parseStructure(input: unknown): Template | null {
    const shell = templateShellSchema.safeParse(input);
    if (!shell.success) this.addZodIssues("", shell.error);
    const rawSections = isRecord(input) && Array.isArray(input.sections) ? input.sections : [];

    const sections: Section[] = [];
    rawSections.slice(0, LIMITS.sections).forEach((rawSection, sectionIndex) => {
      const section = this.parseSection(rawSection, sectionIndex);
      if (section) sections.push(section);
    });
    if (this.questions.length > LIMITS.questions) {
      this.errors.push({
        path: "sections",
        message: `a template may have at most ${LIMITS.questions} questions`,
      });
    }
    if (!shell.success || sections.length !== rawSections.length) return null;
    return { ...shell.data, sections };
  }

  private parseSection(raw: unknown, index: number): Section | null {
    const path = joinPath("sections", index);
    const shell = sectionShellSchema.safeParse(raw);
    if (!shell.success) this.addZodIssues(path, shell.error);
    const rawQuestions = isRecord(raw) && Array.isArray(raw.questions) ? raw.questions : [];
    const { questions: _questions, ...sectionData } = shell.success
      ? shell.data
      : {
          id: stringOr(raw, "id"),
          title: "",
          questions: [],
          condition: stringOr(raw, "condition") || undefined,
        };
    const entry: SectionEntry = { section: sectionData, path, index };
    this.sections.push(entry);

    const questions: Question[] = [];
    rawQuestions.slice(0, LIMITS.questionsPerSection).forEach((rawQuestion, questionIndex) => {
      const question = this.parseQuestion(rawQuestion, joinPath(path, "questions", questionIndex), index);
      if (question) questions.push(question);
    });
    if (!shell.success || questions.length !== rawQuestions.length) return null;
    return { ...entry.section, questions };
  }

  private parseQuestion(raw: unknown, path: string, sectionIndex: number): Question | null {
    const entry: QuestionEntry = {
      id: stringOr(raw, "id"),
      question: null,
      complete: false,
      order: this.questions.length,
      sectionIndex,
      path,
    };
    this.questions.push(entry);
    if (entry.id !== "" && !this.questionsById.has(entry.id)) this.questionsById.set(entry.id, entry);
    for (const id of collectRawRuleIds(raw)) this.declaredRuleIds.add(id);

    if (!isRecord(raw)) {
      this.errors.push({ path, message: "must be an object" });
      return null;
    }
    const type = raw.type;
    if (!isOneOf(type, QUESTION_TYPES)) {
      this.errors.push({
        path: joinPath(path, "type"),
        message: `must be one of ${QUESTION_TYPES.join(", ")}`,
      });
      return null;
    }
    const result = questionSchemas[type as QuestionType].safeParse(raw);
    if (!result.success) {
      this.addZodIssues(path, result.error);
      return null;
    }
    let complete = true;
    const data = { ...result.data } as Record<string, unknown>;
    this.currentQuestion = entry;

    if (Array.isArray(data.linkages)) {
      const rules = this.parseRules(data.linkages, joinPath(path, "linkages"), "question");
      complete &&= rules !== null;
      data.linkages = rules ?? [];
    }
    if (Array.isArray(data.choices)) {
      const choices = this.parseChoices(data.choices, joinPath(path, "choices"), "choice");
      complete &&= choices !== null;
      data.choices = choices ?? [];
    }
    if (Array.isArray(data.fields)) {
      const fields = this.parseFields(data.fields, joinPath(path, "fields"));
      complete &&= fields !== null;
      data.fields = fields ?? [];
    }
    this.currentQuestion = null;
    entry.question = data as Question;
    entry.complete = complete;
    return complete ? entry.question : null;
  }

  private parseChoices(raw: unknown[], path: string, owner: RuleOwner): Choice[] | null {
    let complete = true;
    const choices: Choice[] = [];
    raw.forEach((rawChoice, index) => {
      const choicePath = joinPath(path, index);
      const result = choiceSchema.safeParse(rawChoice);
      if (!result.success) {
        this.addZodIssues(choicePath, result.error);
        complete = false;
        return;
      }
      const choice = { ...result.data } as Choice & { linkages?: unknown[] };
      if (Array.isArray(result.data.linkages)) {
        const rules = this.parseRules(result.data.linkages, joinPath(choicePath, "linkages"), owner);
        if (rules === null) complete = false;
        choice.linkages = rules ?? [];
      }
      choices.push(choice as Choice);
    });
    return complete ? choices : null;
  }

  private parseFields(raw: unknown[], path: string): GroupField[] | null {
    let complete = true;
    const fields: GroupField[] = [];
    raw.forEach((rawField, index) => {
      const fieldPath = joinPath(path, index);
      if (!isRecord(rawField) || !isOneOf(rawField.type, GROUP_FIELD_TYPES)) {
        this.errors.push({
          path: isRecord(rawField) ? joinPath(fieldPath, "type") : fieldPath,
          message: isRecord(rawField)
            ? `must be one of ${GROUP_FIELD_TYPES.join(", ")}`
            : "must be an object",
        });
        complete = false;
        return;
      }
      const result = groupFieldSchemas[rawField.type as GroupFieldType].safeParse(rawField);
      if (!result.success) {
        this.addZodIssues(fieldPath, result.error);
        complete = false;
        return;
      }
      const field = { ...result.data } as Record<string, unknown>;
      if (Array.isArray(field.choices)) {
        const choices = this.parseChoices(field.choices, joinPath(fieldPath, "choices"), "field_choice");
        if (choices === null) complete = false;
        field.choices = choices ?? [];
      }
      fields.push(field as GroupField);
    });
    return complete ? fields : null;
  }

  private parseRules(raw: unknown[], path: string, owner: RuleOwner): LinkageRule[] | null {
    let complete = true;
    const rules: LinkageRule[] = [];
    raw.forEach((rawRule, index) => {
      const rulePath = joinPath(path, index);
      if (!isRecord(rawRule) || !isOneOf(rawRule.effect, LINKAGE_EFFECTS)) {
        this.errors.push({
          path: isRecord(rawRule) ? joinPath(rulePath, "effect") : rulePath,
          message: isRecord(rawRule) ? 'must be "emit" or "modify"' : "must be an object",
        });
        complete = false;
        return;
      }
      const result = (rawRule.effect === "emit" ? emitRuleSchema : modifyRuleSchema).safeParse(rawRule);
      if (!result.success) {
        this.addZodIssues(rulePath, result.error);
        complete = false;
        return;
      }
      const rule = result.data as LinkageRule;
      rules.push(rule);
      const entry: RuleEntry = { rule, path: rulePath, owner, question: this.currentQuestion! };
      this.rules.push(entry);
      const existing = this.rulesById.get(rule.id);
      if (existing) {
        this.errors.push({
          path: joinPath(rulePath, "id"),
          message: `duplicate linkage rule id "${rule.id}" (first used at ${existing.path})`,
        });
      } else {
        this.rulesById.set(rule.id, entry);
      }
    });
    return complete ? rules : null;
  }

  // ---- semantics ---------------------------------------------------------------------------

  checkSemantics(): void {
    this.checkSectionIds();
    for (const section of this.sections) {
      if (section.section.condition !== undefined) {
        this.checkConditionAt(joinPath(section.path, "condition"), section.section.condition, (name) =>
          this.resolve(name, (entry) => entry.sectionIndex < section.index),
        );
      }
    }
    const seen = new Map<string, QuestionEntry>();
    for (const entry of this.questions) {
      if (entry.id !== "") {
        const first = seen.get(entry.id);
        if (first) {
          this.errors.push({
            path: joinPath(entry.path, "id"),
            message: `duplicate question id "${entry.id}" (first used at ${first.path})`,
          });
        } else {
          seen.set(entry.id, entry);
        }
        if (isReservedId(entry.id)) {
          this.errors.push({ path: joinPath(entry.path, "id"), message: `"${entry.id}" is a reserved word` });
        }
      }
      if (entry.question) this.checkQuestion(entry, entry.question);
    }
    for (const rule of this.rules) this.checkRule(rule);
  }

  private checkSectionIds(): void {
    const seen = new Map<string, string>();
    for (const { section, path } of this.sections) {
      if (!section.id) continue;
      const first = seen.get(section.id);
      if (first) {
        this.errors.push({
          path: joinPath(path, "id"),
          message: `duplicate section id "${section.id}" (first used at ${first})`,
        });
      } else {
        seen.set(section.id, path);
      }
    }
  }

  private checkQuestion(entry: QuestionEntry, question: Question): void {
    const { path } = entry;
    if (question.condition !== undefined) {
      this.checkConditionAt(joinPath(path, "condition"), question.condition, (name) =>
        this.resolve(name, (other) => other.order < entry.order),
      );
    }
    switch (question.type) {
      case "single_choice":
      case "multiple_choice":
        this.checkChoices(joinPath(path, "choices"), question.choices, question.type === "multiple_choice");
        if (question.type === "multiple_choice") {
          const { minSelected, maxSelected } = question;
          if (minSelected !== undefined && maxSelected !== undefined && minSelected > maxSelected) {
            this.errors.push({
              path: joinPath(path, "minSelected"),
              message: `must not exceed maxSelected (${maxSelected})`,
            });
          }
          if (maxSelected !== undefined && maxSelected > question.choices.length) {
            this.errors.push({
              path: joinPath(path, "maxSelected"),
              message: `must not exceed the number of choices (${question.choices.length})`,
            });
          }
          if (minSelected !== undefined && minSelected > question.choices.length) {
            this.errors.push({
              path: joinPath(path, "minSelected"),
              message: `must not exceed the number of choices (${question.choices.length})`,
            });
          }
        }
        break;
      case "number":
        this.checkNumberRange(path, question.min, question.max);
        break;
      case "date":
        this.checkDateRange(path, question.min, question.max);
        break;
      case "group":
        this.checkGroup(path, question);
        break;
      case "evidence": {
        const duplicates = question.accept.filter((kind, index) => question.accept.indexOf(kind) !== index);
        if (duplicates.length > 0) {
          this.errors.push({
            path: joinPath(path, "accept"),
            message: `lists ${duplicates.map((kind) => `"${kind}"`).join(", ")} more than once`,
          });
        }
        break;
      }
      default:
        break;
    }
  }

  private checkChoices(path: string, choices: Choice[], multiple: boolean): void {
    const seen = new Set<string>();
    let unknownCount = 0;
    choices.forEach((choice, index) => {
      const choicePath = joinPath(path, index);
      if (seen.has(choice.id))
        this.errors.push({ path: joinPath(choicePath, "id"), message: `duplicate choice id "${choice.id}"` });
      seen.add(choice.id);
      if (choice.unknown) unknownCount += 1;
      if (choice.exclusive && !multiple) {
        this.errors.push({
          path: joinPath(choicePath, "exclusive"),
          message: "only multiple-choice questions have exclusive choices",
        });
      }
      if (choice.unknown && multiple && !choice.exclusive) {
        this.errors.push({
          path: joinPath(choicePath, "exclusive"),
          message: 'an "unknown" choice of a multiple-choice question must also be exclusive',
        });
      }
    });
    if (unknownCount > 1) this.errors.push({ path, message: 'at most one choice may be marked "unknown"' });
  }

  private checkNumberRange(path: string, min: number | undefined, max: number | undefined): void {
    if (min !== undefined && max !== undefined && min > max) {
      this.errors.push({ path: joinPath(path, "min"), message: `must not exceed max (${max})` });
    }
  }

  private checkDateRange(path: string, min: string | undefined, max: string | undefined): void {
    for (const [key, value] of [
      ["min", min],
      ["max", max],
    ] as const) {
      if (value !== undefined && !isIsoDate(value)) {
        this.errors.push({ path: joinPath(path, key), message: `"${value}" is not a real calendar date` });
      }
    }
    if (min !== undefined && max !== undefined && min > max) {
      this.errors.push({ path: joinPath(path, "min"), message: `must not be after max (${max})` });
    }
  }

  private checkGroup(path: string, question: GroupQuestion): void {
    const { minItems, maxItems } = question;
    if (minItems !== undefined && minItems > maxItems) {
      this.errors.push({
        path: joinPath(path, "minItems"),
        message: `must not exceed maxItems (${maxItems})`,
      });
    }
    const seen = new Set<string>();
    question.fields.forEach((field, index) => {
      const fieldPath = joinPath(path, "fields", index);
      if (seen.has(field.id))
        this.errors.push({ path: joinPath(fieldPath, "id"), message: `duplicate field id "${field.id}"` });
      seen.add(field.id);
      if (isPrototypeKey(field.id))
        this.errors.push({ path: joinPath(fieldPath, "id"), message: `"${field.id}" is a reserved word` });
      if (field.type === "number") this.checkNumberRange(fieldPath, field.min, field.max);
      if (field.type === "date") this.checkDateRange(fieldPath, field.min, field.max);
      if (field.type === "single_choice")
        this.checkChoices(joinPath(fieldPath, "choices"), field.choices, false);
    });
  }

  private checkRule({ rule, path, owner, question: entry }: RuleEntry): void {
    const question = entry.question!;
    if (rule.when !== undefined) {
      const whenPath = joinPath(path, "when");
      const identifiers = this.checkConditionAt(whenPath, rule.when, (name) =>
        this.resolve(name, (other) => other.order <= entry.order),
      );
      if (
        question.type === "yesno" &&
        owner === "question" &&
        identifiers &&
        !identifiers.includes(question.id)
      ) {
        this.errors.push({
          path: whenPath,
          message: `must test the answer of "${question.id}" itself (e.g. ${question.id} = "yes")`,
        });
      }
    } else if (question.type === "yesno" && owner === "question") {
      this.errors.push({
        path: joinPath(path, "when"),
        message: `is required on rules of a yes/no question, or the rule fires on "yes" and "no" alike (e.g. ${question.id} = "yes")`,
      });
    }

    if (rule.effect === "emit") {
      this.checkEmitRule(rule, path, owner, entry);
    } else {
      if (owner === "field_choice" && question.type === "group") {
        for (const [index, target] of rule.targets.entries()) {
          const targetRule = this.rulesById.get(target);
          if (
            targetRule &&
            (targetRule.question !== entry || targetRule.rule.effect !== "emit" || !targetRule.rule.perRow)
          ) {
            this.errors.push({
              path: joinPath(path, "targets", index),
              message: `a group field's choice may only modify per-row rules of its own group; "${target}" is not one`,
            });
          }
        }
      }
      if (rule.op === "set") {
        for (const key of ["value", "unknownValue"] as const) {
          if (rule[key] > 1)
            this.errors.push({
              path: joinPath(path, key),
              message: "a weight set by a rule must be between 0 and 1",
            });
        }
      }
      if (rule.unknownValue < rule.value) {
        this.errors.push({
          path: joinPath(path, "unknownValue"),
          message: `${rule.unknownValue} is lower than value ${rule.value}: an unknown answer must never look safer than a truthful one`,
        });
      }
      rule.targets.forEach((target, index) => {
        const targetRule = this.rulesById.get(target);
        const targetPath = joinPath(path, "targets", index);
        if (!targetRule) {
          if (!this.declaredRuleIds.has(target))
            this.errors.push({ path: targetPath, message: `unknown linkage rule id "${target}"` });
        } else if (targetRule.rule.effect !== "emit")
          this.errors.push({
            path: targetPath,
            message: `"${target}" is a modify rule; only emit rules can be modified`,
          });
      });
    }
  }

  private checkEmitRule(rule: EmitRule, path: string, owner: RuleOwner, entry: QuestionEntry): void {
    const question = entry.question!;
    if (owner === "field_choice") {
      this.errors.push({
        path: joinPath(path, "effect"),
        message: "a group field's choice may only modify per-row rules of its group, not emit linkages",
      });
      return;
    }
    if (rule.unknownWeight < rule.weight) {
      this.errors.push({
        path: joinPath(path, "unknownWeight"),
        message: `${rule.unknownWeight} is lower than weight ${rule.weight}: an unknown answer must never look safer than a truthful one`,
      });
    }
    const isGroupRule = question.type === "group" && owner === "question";
    if (rule.perRow && !isGroupRule) {
      this.errors.push({
        path: joinPath(path, "perRow"),
        message: "only rules on a group question can emit one linkage per row",
      });
    }
    for (const side of ["from", "to"] as const) {
      const endpoint = rule[side];
      const endpointPath = joinPath(path, side);
      if (endpoint.identifyBy) {
        if (!rule.perRow || question.type !== "group") {
          this.errors.push({
            path: joinPath(endpointPath, "identifyBy"),
            message: "needs a per-row rule (perRow: true) on a group question",
          });
        } else if (entry.complete) {
          const fieldIds = new Set(question.fields.map((field) => field.id));
          endpoint.identifyBy.forEach((fieldId, index) => {
            if (!fieldIds.has(fieldId)) {
              this.errors.push({
                path: joinPath(endpointPath, "identifyBy", index),
                message: `"${fieldId}" is not a field of the group "${question.id}"`,
              });
            }
          });
        }
      }
      if (endpoint.answerOf !== undefined)
        this.checkAnswerOf(endpoint.answerOf, joinPath(endpointPath, "answerOf"), entry);
      const qualifiers = [
        endpoint.identifyBy && "identifyBy",
        endpoint.answerOf !== undefined && "answerOf",
        endpoint.name !== undefined && "name",
      ].filter(Boolean);
      if (qualifiers.length > 1) {
        this.errors.push({
          path: endpointPath,
          message: `use only one of identifyBy, answerOf and name (found ${qualifiers.join(", ")})`,
        });
      }
    }
    if (
      rule.from.kind === rule.to.kind &&
      isImplicit(rule.from) &&
      isImplicit(rule.to) &&
      rule.from.name === rule.to.name
    ) {
      this.errors.push({
        path: joinPath(path, "to"),
        message: `from and to are the same ${rule.to.kind} node`,
      });
    }
  }

  private checkAnswerOf(questionId: string, path: string, entry: QuestionEntry): void {
    const resolved = this.resolve(questionId, (other) => other.order <= entry.order);
    if (resolved.status === "unknown")
      this.errors.push({ path, message: `unknown question id "${questionId}"` });
    else if (resolved.status === "later")
      this.errors.push({ path, message: `question "${questionId}" comes later in the template` });
    else if (
      resolved.status === "ok" &&
      resolved.question.type !== "single_choice" &&
      resolved.question.type !== "multiple_choice"
    ) {
      this.errors.push({
        path,
        message: `"${questionId}" must be a single- or multiple-choice question to name nodes`,
      });
    }
  }

  /** Parses and type-checks a condition; returns the ids it names, or null when it did not parse. */
  private checkConditionAt(path: string, source: string, scope: ConditionScope): string[] | null {
    const parsed = parseCondition(source);
    if (!parsed.ok) {
      this.errors.push({ path, message: parsed.error.message });
      return null;
    }
    for (const message of checkCondition(parsed.ast, scope)) this.errors.push({ path, message });
    return collectConditionIdentifiers(parsed.ast).map((identifier) => identifier.name);
  }

  private resolve(name: string, isVisibleFromHere: (entry: QuestionEntry) => boolean): ResolvedIdentifier {
    const entry = this.questionsById.get(name);
    if (!entry) return { status: "unknown" };
    if (!isVisibleFromHere(entry)) return { status: "later" };
    if (!entry.question || !entry.complete) return { status: "unchecked" };
    return { status: "ok", question: entry.question };
  }

  private addZodIssues(path: string, error: z.ZodError): void {
    this.errors.push(...convertZodIssues(path, error.issues));
  }
}

/** Ids of every linkage rule in a raw question, wherever rules may appear, without trusting its shape. */
function collectRawRuleIds(raw: unknown): string[] {
  const ids: string[] = [];
  const fromRules = (owner: unknown) => {
    if (!isRecord(owner) || !Array.isArray(owner.linkages)) return;
    for (const rule of owner.linkages) {
      const id = stringOr(rule, "id");
      if (id !== "") ids.push(id);
    }
  };
  const fromChoices = (owner: unknown) => {
    if (isRecord(owner) && Array.isArray(owner.choices)) owner.choices.forEach(fromRules);
  };
  fromRules(raw);
  fromChoices(raw);
  if (isRecord(raw) && Array.isArray(raw.fields)) raw.fields.forEach(fromChoices);
  return ids;
}

function isImplicit(endpoint: NodeEndpoint): boolean {
  return endpoint.identifyBy === undefined && endpoint.answerOf === undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isOneOf<T extends string>(value: unknown, options: readonly T[]): value is T {
  return typeof value === "string" && (options as readonly string[]).includes(value);
}

function stringOr(value: unknown, key: string): string {
  if (!isRecord(value) || !Object.hasOwn(value, key)) return "";
  const field = value[key];
  return typeof field === "string" ? field : "";
}
