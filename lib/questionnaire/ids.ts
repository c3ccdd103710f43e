/**
 * Identifier rules shared by the template schema and the condition language, so that any id a
 * template can declare is also an id a condition can name.
 */
export const ID_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;
export const TEMPLATE_KEY_PATTERN = /^[a-z][a-z0-9-]{0,63}$/;

export const CONDITION_KEYWORDS = ["and", "or", "not", "in", "true", "false"] as const;
export const CONDITION_FUNCTIONS = ["count", "answered"] as const;

/**
 * Ids are used as keys of plain answer objects; an id that shadows an Object.prototype member
 * (constructor, toString, __proto__…) invites prototype confusion in code that forgets Object.hasOwn,
 * and a keyword or function name would make conditions ambiguous. Both are refused outright.
 */
export function isReservedId(id: string): boolean {
  return (
    isPrototypeKey(id) ||
    (CONDITION_KEYWORDS as readonly string[]).includes(id) ||
    (CONDITION_FUNCTIONS as readonly string[]).includes(id)
  );
}

/** Row field ids are never named in conditions, so only prototype members are off limits for them. */
export function isPrototypeKey(id: string): boolean {
  return id in Object.prototype;
}
