/**
 * The graph JSON file format (docs/graph-format.md): schema, parser and error formatting.
 *
 * The parser reports *every* problem with a path such as `linkages[3].to`, because a person fixing a
 * hand-written file wants the whole list at once, not one error per run.
 */
import { z } from "zod";

import { LINKAGE_KINDS, NODE_TYPES, type LinkageKind, type NodeType } from "./config";

/** A node as it appears in a graph document; unknown fields are kept. */
export interface GraphNodeInput {
  readonly id: string;
  readonly type: NodeType;
  readonly name: string;
  /** Assets only, 1–5; see docs/graph-format.md for the default when missing. */
  readonly criticality?: number;
  readonly subtype?: string;
  /**
   * Components only: the vendor node that builds or operates it (its footprint). When absent, the
   * vendor that links to it directly is inferred, if exactly one does (docs/scoring.md).
   */
  readonly supplier?: string;
  readonly [extra: string]: unknown;
}

/** A linkage: "if `from` is compromised or fails, `to` is affected with probability `weight`". */
export interface GraphLinkageInput {
  readonly from: string;
  readonly to: string;
  readonly kind: LinkageKind;
  readonly weight: number;
  readonly reason?: string;
  /** Opaque: passed through untouched into explaining paths (assessment, revision, question...). */
  readonly provenance?: unknown;
  /** Optional stable id, usable in what-if selectors. */
  readonly id?: string;
  /** The weight comes from an unknown / "don't know" answer (the pessimistic weight). */
  readonly unknown?: boolean;
  /** For an unknown linkage: the weight of the best control of its kind (the exposure range's low end). */
  readonly bestWeight?: number;
  readonly [extra: string]: unknown;
}

export interface GraphDocument {
  readonly nodes: readonly GraphNodeInput[];
  readonly linkages: readonly GraphLinkageInput[];
}

export interface GraphFormatIssue {
  /** e.g. `linkages[3].to` */
  readonly path: string;
  readonly message: string;
}

export type ParseGraphResult =
  | { readonly ok: true; readonly graph: GraphDocument; readonly warnings: readonly GraphFormatIssue[] }
  | {
      readonly ok: false;
      readonly errors: readonly GraphFormatIssue[];
      readonly warnings: readonly GraphFormatIssue[];
    };

const quotedList = (values: readonly string[]) => values.map((v) => `"${v}"`).join(", ");

export const graphNodeSchema = z.looseObject({
  id: z.string({ error: "must be a string" }).min(1, { error: "must not be empty" }),
  type: z.enum(NODE_TYPES, { error: `must be one of ${quotedList(NODE_TYPES)}` }),
  name: z.string({ error: "must be a string" }),
  criticality: z
    .number({ error: "must be an integer from 1 to 5" })
    .int({ error: "must be an integer from 1 to 5" })
    .min(1, { error: "must be an integer from 1 to 5" })
    .max(5, { error: "must be an integer from 1 to 5" })
    .optional(),
  subtype: z.string({ error: "must be a string" }).optional(),
  supplier: z
    .string({ error: "must be a vendor node id (string)" })
    .min(1, { error: "must not be empty" })
    .optional(),
});

export const graphLinkageSchema = z.looseObject({
  from: z.string({ error: "must be a node id (string)" }).min(1, { error: "must not be empty" }),
  to: z.string({ error: "must be a node id (string)" }).min(1, { error: "must not be empty" }),
  kind: z.enum(LINKAGE_KINDS, { error: `must be one of ${quotedList(LINKAGE_KINDS)}` }),
  weight: z
    .number({ error: "must be a number from 0 to 1" })
    .min(0, { error: "must be a number from 0 to 1" })
    .max(1, { error: "must be a number from 0 to 1" }),
  reason: z.string({ error: "must be a string" }).optional(),
  id: z.string({ error: "must be a string" }).optional(),
  unknown: z.boolean({ error: "must be true or false" }).optional(),
  bestWeight: z
    .number({ error: "must be a number from 0 to 1" })
    .min(0, { error: "must be a number from 0 to 1" })
    .max(1, { error: "must be a number from 0 to 1" })
    .optional(),
});

export const graphDocumentSchema = z.looseObject({
  nodes: z.array(z.unknown(), { error: "must be an array of nodes" }),
  linkages: z.array(z.unknown(), { error: "must be an array of linkages" }),
});

/** `["linkages", 3, "to"]` -> `linkages[3].to` */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(document)" : out;
}

function readAtPath(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function collectZodIssues(
  error: z.ZodError,
  prefix: readonly PropertyKey[],
  into: GraphFormatIssue[],
  raw: unknown,
): void {
  for (const issue of error.issues) {
    // A missing required key reports a type error; "is required" says what is actually wrong.
    const missing = issue.code === "invalid_type" && readAtPath(raw, issue.path) === undefined;
    into.push({
      path: formatIssuePath([...prefix, ...issue.path]),
      message: missing ? "is required" : issue.message,
    });
  }
}

/**
 * Validates an already JSON-parsed value. Structural errors, duplicate node ids and linkages that
 * point at unknown nodes are errors; things the engine can sensibly default are warnings.
 */
export function parseGraphDocument(input: unknown): ParseGraphResult {
  const errors: GraphFormatIssue[] = [];
  const warnings: GraphFormatIssue[] = [];

  const top = graphDocumentSchema.safeParse(input);
  if (!top.success) {
    if (input === null || typeof input !== "object" || Array.isArray(input)) {
      return {
        ok: false,
        errors: [{ path: "(document)", message: 'must be an object with "nodes" and "linkages" arrays' }],
        warnings,
      };
    }
    collectZodIssues(top.error, [], errors, input);
    return { ok: false, errors, warnings };
  }

  const nodes: GraphNodeInput[] = [];
  const firstIndexById = new Map<string, number>();
  top.data.nodes.forEach((raw, index) => {
    const parsed = graphNodeSchema.safeParse(raw);
    if (!parsed.success) {
      collectZodIssues(parsed.error, ["nodes", index], errors, raw);
      // Still remember the id, so linkages to a node with e.g. a bad criticality are not also
      // reported as "unknown node id" — one mistake, one message.
      const id = (raw as { id?: unknown } | null)?.id;
      if (typeof id === "string" && !firstIndexById.has(id)) firstIndexById.set(id, index);
      return;
    }
    const node = parsed.data as GraphNodeInput;
    const first = firstIndexById.get(node.id);
    if (first !== undefined) {
      errors.push({
        path: `nodes[${index}].id`,
        message: `duplicate node id "${node.id}" (first used at nodes[${first}])`,
      });
      return;
    }
    firstIndexById.set(node.id, index);
    if (node.type === "asset" && node.criticality === undefined) {
      warnings.push({
        path: `nodes[${index}].criticality`,
        message: `missing on asset "${node.id}"; the configured default (3 unless overridden) is used`,
      });
    }
    if (node.type !== "asset" && node.criticality !== undefined) {
      warnings.push({
        path: `nodes[${index}].criticality`,
        message: `ignored: only assets carry criticality ("${node.id}" is a ${node.type})`,
      });
    }
    nodes.push(node);
  });

  // Suppliers are checked once every node id is known: a supplier may be listed after its component.
  const typeById = new Map(nodes.map((node) => [node.id, node.type]));
  top.data.nodes.forEach((raw, index) => {
    const supplier = (raw as { supplier?: unknown } | null)?.supplier;
    const node = raw as { id?: unknown; type?: unknown };
    if (typeof supplier !== "string" || supplier === "" || typeById.get(node.id as string) === undefined)
      return;
    const type = typeById.get(supplier);
    if (type === undefined)
      errors.push({ path: `nodes[${index}].supplier`, message: `unknown node id "${supplier}"` });
    else if (type !== "vendor")
      errors.push({
        path: `nodes[${index}].supplier`,
        message: `"${supplier}" is not a vendor node (it is a ${type})`,
      });
    else if (node.type !== "component")
      warnings.push({
        path: `nodes[${index}].supplier`,
        message: `ignored: only components have a supplier ("${String(node.id)}" is a ${String(node.type)})`,
      });
  });

  const linkages: GraphLinkageInput[] = [];
  top.data.linkages.forEach((raw, index) => {
    const parsed = graphLinkageSchema.safeParse(raw);
    const fieldErrorsBefore = errors.length;
    if (!parsed.success) collectZodIssues(parsed.error, ["linkages", index], errors, raw);
    // Endpoint checks run even when another field is wrong so that every problem is listed.
    const candidate = (raw ?? {}) as { from?: unknown; to?: unknown };
    for (const end of ["from", "to"] as const) {
      const id = candidate[end];
      const alreadyReported = errors
        .slice(fieldErrorsBefore)
        .some((issue) => issue.path === `linkages[${index}].${end}`);
      if (typeof id === "string" && id !== "" && !alreadyReported && !firstIndexById.has(id)) {
        errors.push({ path: `linkages[${index}].${end}`, message: `unknown node id "${id}"` });
      }
    }
    if (!parsed.success) return;
    const linkage = parsed.data as GraphLinkageInput;
    if (linkage.bestWeight !== undefined && linkage.bestWeight > linkage.weight) {
      errors.push({
        path: `linkages[${index}].bestWeight`,
        message: `must not exceed weight (${linkage.weight}): it is the weight at the best control`,
      });
      return;
    }
    if (linkage.bestWeight !== undefined && linkage.unknown !== true) {
      warnings.push({
        path: `linkages[${index}].bestWeight`,
        message: "ignored: only unknown linkages (unknown: true) have a range",
      });
    }
    if (linkage.from === linkage.to) {
      warnings.push({
        path: `linkages[${index}]`,
        message: `self-linkage on "${linkage.from}" has no effect`,
      });
    }
    linkages.push(linkage);
  });

  if (errors.length > 0) return { ok: false, errors, warnings };
  return { ok: true, graph: { nodes, linkages }, warnings };
}

/** Parses JSON text; a syntax error is reported as a single document-level error. */
export function parseGraphJson(text: string): ParseGraphResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      errors: [{ path: "(document)", message: `invalid JSON: ${(error as Error).message}` }],
      warnings: [],
    };
  }
  return parseGraphDocument(value);
}

/** One line per issue: `linkages[3].to: unknown node id "gw-9"`. */
export function formatGraphIssues(issues: readonly GraphFormatIssue[]): string {
  return issues.map((issue) => `${issue.path}: ${issue.message}`).join("\n");
}
