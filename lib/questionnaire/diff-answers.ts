import { isAnswered } from "./condition-evaluator";
import type { Answers } from "./visibility";

/**
 * Ids of the questions whose answers differ between two answer maps, for a "changed since the
 * previous revision" view. Values are compared deeply (object key order is ignored, array order is
 * not: reordered group rows are a change). Two unanswered values (missing, null, blank text, empty
 * list) count as equal, so clearing a field that was never answered is not reported.
 * Ids come in the order of `next`, then ids only present in `prev`.
 */
export function diffAnswers(prev: Answers, next: Answers): string[] {
  const ids = new Set<string>([...Object.keys(next), ...Object.keys(prev)]);
  const changed: string[] = [];
  for (const id of ids) {
    const before = Object.hasOwn(prev, id) ? prev[id] : undefined;
    const after = Object.hasOwn(next, id) ? next[id] : undefined;
    if (!isAnswered(before) && !isAnswered(after)) continue;
    if (!deepEqual(before, after)) changed.push(id);
  }
  return changed;
}

/** True when two answer maps hold the same answers exactly (key order ignored; "unanswered" kinds not merged). */
export function sameAnswers(a: Answers, b: Answers): boolean {
  return deepEqual(a, b);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => deepEqual(item, b[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => Object.hasOwn(right, key) && deepEqual(left[key], right[key]));
}
