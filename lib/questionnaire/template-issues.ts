import type { z } from "zod";

/** One problem in a template: `path` like `sections[3].questions[2].condition` ("" for the whole template). */
export type TemplateIssue = { path: string; message: string };

export type PathSegment = string | number;

export function formatPath(segments: readonly PathSegment[]): string {
  let path = "";
  for (const segment of segments) {
    if (typeof segment === "number") path += `[${segment}]`;
    else path += path === "" ? segment : `.${segment}`;
  }
  return path;
}

export function joinPath(base: string, ...segments: PathSegment[]): string {
  const rest = formatPath(segments);
  if (base === "") return rest;
  if (rest === "") return base;
  return rest.startsWith("[") ? `${base}${rest}` : `${base}.${rest}`;
}

/** `path: message`, the form shown by the CLI and the admin UI. */
export function formatTemplateIssue(issue: TemplateIssue): string {
  return `${issue.path === "" ? "template" : issue.path}: ${issue.message}`;
}

const ZOD_DEFAULT_MESSAGE = /^(Invalid|Too (small|big)|Unrecognized)/;

/**
 * Turns zod issues into template issues under `basePath`. zod's default wording ("Too small:
 * expected string to have >=1 characters") is rewritten for template authors; messages we wrote
 * ourselves in the schema are kept.
 */
export function convertZodIssues(basePath: string, issues: readonly z.core.$ZodIssue[]): TemplateIssue[] {
  const result: TemplateIssue[] = [];
  for (const issue of issues) {
    const path = joinPath(basePath, ...(issue.path as PathSegment[]));
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) result.push({ path: joinPath(path, key), message: "unknown field" });
      continue;
    }
    result.push({
      path,
      message: ZOD_DEFAULT_MESSAGE.test(issue.message) ? describeZodIssue(issue) : issue.message,
    });
  }
  return result;
}

function describeZodIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      if (/received undefined/.test(issue.message)) return "is required";
      return `must be ${article(issue.expected)}`;
    case "too_small": {
      const bound = Number(issue.minimum);
      if (issue.origin === "string")
        return bound <= 1 ? "must not be empty" : `must be at least ${bound} characters`;
      if (issue.origin === "array" || issue.origin === "set")
        return `needs at least ${bound} item${bound === 1 ? "" : "s"}`;
      return issue.inclusive ? `must be at least ${bound}` : `must be greater than ${bound}`;
    }
    case "too_big": {
      const bound = Number(issue.maximum);
      if (issue.origin === "string") return `must be at most ${bound} characters`;
      if (issue.origin === "array" || issue.origin === "set")
        return `may have at most ${bound} item${bound === 1 ? "" : "s"}`;
      return issue.inclusive ? `must be at most ${bound}` : `must be less than ${bound}`;
    }
    case "invalid_value":
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(", ")}`;
    case "not_multiple_of":
      return "must be a whole number";
    default:
      return issue.message;
  }
}

function article(expected: string): string {
  if (expected === "int") return "a whole number";
  if (expected === "array") return "a list";
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

/** Orders issues as they appear in the template (sections[2] before sections[10]); stable otherwise. */
export function sortIssues(issues: readonly TemplateIssue[]): TemplateIssue[] {
  return issues
    .map((issue, index) => ({ issue, index, key: splitPath(issue.path) }))
    .sort((a, b) => comparePathKeys(a.key, b.key) || a.index - b.index)
    .map(({ issue }) => issue);
}

function splitPath(path: string): PathSegment[] {
  return (path.match(/[^.[\]]+/g) ?? []).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function comparePathKeys(a: PathSegment[], b: PathSegment[]): number {
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) {
    const left = a[index]!;
    const right = b[index]!;
    if (left === right) continue;
    if (typeof left === "number" && typeof right === "number") return left - right;
    // Only indices carry document order; named keys of one object are kept in discovery order.
    return 0;
  }
  return a.length - b.length;
}
