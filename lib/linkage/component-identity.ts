/**
 * Component identity: the key under which the same component reported by several vendors becomes
 * one graph node (common-mode inheritance). Priority: purl, then CPE, then normalised name+version.
 *
 * The purl and CPE handling is deliberately small: enough canonicalisation that two spellings of
 * the same identifier written by different suppliers collide, nothing that needs a registry.
 */

export interface ComponentIdentity {
  purl?: string | null;
  cpe?: string | null;
  name?: string | null;
  version?: string | null;
}

/** A parsed package URL (https://github.com/package-url/purl-spec), values percent-decoded. */
export interface ParsedPurl {
  type: string;
  namespace?: string;
  name: string;
  version?: string;
  /** Keys lowercased, empty values dropped. */
  qualifiers: Record<string, string>;
  subpath?: string;
}

/**
 * Lowercases the name, replaces every run of characters other than letters and digits by one space
 * and trims: "FreeRTOS-Plus-TCP", "freertos_plus_tcp" and " FreeRTOS  plus TCP " all become
 * "freertos plus tcp". Unicode is NFKC-folded first so full-width or ligature spellings collide too.
 */
export function normalizeComponentName(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Trims, lowercases and drops a leading "v" before a digit: "V10.4.3" → "10.4.3". Empty → undefined. */
export function normalizeVersion(version: string | null | undefined): string | undefined {
  if (version == null) return undefined;
  const trimmed = version.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, "");
  if (trimmed === "") return undefined;
  return /^v\d/.test(trimmed) ? trimmed.slice(1) : trimmed;
}

/**
 * Types whose namespace and name the purl type definitions declare case-insensitive ("must be
 * lowercased"). Only types checked against the specification are listed; for any other type the
 * case is kept, which can only fail to merge two spellings, never merge two different packages.
 */
const CASE_INSENSITIVE_PURL_TYPES: ReadonlySet<string> = new Set([
  "bitbucket",
  "deb",
  "github",
  "golang",
  "npm",
  "pypi",
]);

const PURL_TYPE_PATTERN = /^[a-z][a-z0-9.+-]*$/;
const QUALIFIER_KEY_PATTERN = /^[a-z][a-z0-9._-]*$/;

/** Parses a purl; returns undefined for anything that is not one (the caller falls back to CPE or name). */
export function parsePurl(input: string): ParsedPurl | undefined {
  let rest = input.trim();
  const colon = rest.indexOf(":");
  if (colon < 0 || rest.slice(0, colon).toLowerCase() !== "pkg") return undefined;
  rest = rest.slice(colon + 1).replace(/^\/+/, ""); // "pkg://" is tolerated by the spec

  let subpath: string | undefined;
  const hash = rest.indexOf("#");
  if (hash >= 0) {
    const segments = rest
      .slice(hash + 1)
      .split("/")
      .map(safeDecode)
      .filter((s): s is string => s !== undefined && s !== "" && s !== "." && s !== "..");
    if (segments.length > 0) subpath = segments.join("/");
    rest = rest.slice(0, hash);
  }

  const qualifiers: Record<string, string> = {};
  const question = rest.indexOf("?");
  if (question >= 0) {
    for (const pair of rest.slice(question + 1).split("&")) {
      if (pair === "") continue;
      const eq = pair.indexOf("=");
      if (eq <= 0) return undefined;
      const key = pair.slice(0, eq).toLowerCase();
      const value = safeDecode(pair.slice(eq + 1));
      if (!QUALIFIER_KEY_PATTERN.test(key) || value === undefined) return undefined;
      if (value !== "") qualifiers[key] = value;
    }
    rest = rest.slice(0, question);
  }

  let version: string | undefined;
  const at = rest.lastIndexOf("@");
  // An "@" before the last "/" belongs to the path (an npm scope written unencoded), not the version.
  if (at >= 0 && at > rest.lastIndexOf("/")) {
    version = safeDecode(rest.slice(at + 1));
    if (version === undefined) return undefined;
    if (version === "") version = undefined;
    rest = rest.slice(0, at);
  }

  const parts = rest.split("/").filter((p) => p !== "");
  if (parts.length < 2) return undefined;
  const type = parts[0]!.toLowerCase();
  if (!PURL_TYPE_PATTERN.test(type)) return undefined;
  const decoded = parts.slice(1).map(safeDecode);
  if (decoded.some((p) => p === undefined || p === "")) return undefined;
  const segments = decoded as string[];
  let name = segments[segments.length - 1]!;
  let namespace = segments.length > 1 ? segments.slice(0, -1).join("/") : undefined;

  if (CASE_INSENSITIVE_PURL_TYPES.has(type)) {
    name = name.toLowerCase();
    namespace = namespace?.toLowerCase();
  }
  if (type === "pypi") {
    // PEP 503 name normalisation, as the pypi type definition requires; pypi versions are case-insensitive too.
    name = name.replace(/[-_.]+/g, "-");
    version = version?.toLowerCase();
  }
  return {
    type,
    ...(namespace !== undefined && { namespace }),
    name,
    ...(version !== undefined && { version }),
    qualifiers,
    ...(subpath !== undefined && { subpath }),
  };
}

/** The canonical string of a parsed purl: qualifiers sorted by key, components percent-encoded. */
export function formatPurl(
  purl: ParsedPurl,
  options: { qualifiers?: boolean; subpath?: boolean } = {},
): string {
  let out = `pkg:${purl.type}/`;
  if (purl.namespace !== undefined) out += purl.namespace.split("/").map(encodePurlSegment).join("/") + "/";
  out += encodePurlSegment(purl.name);
  if (purl.version !== undefined) out += `@${encodePurlSegment(purl.version)}`;
  if (options.qualifiers !== false) {
    const keys = Object.keys(purl.qualifiers).sort();
    if (keys.length > 0)
      out += "?" + keys.map((k) => `${k}=${encodePurlSegment(purl.qualifiers[k]!)}`).join("&");
  }
  if (options.subpath !== false && purl.subpath !== undefined) {
    out += "#" + purl.subpath.split("/").map(encodePurlSegment).join("/");
  }
  return out;
}

/** Canonical purl string, or undefined when the input is not a purl. */
export function normalizePurl(input: string): string | undefined {
  const parsed = parsePurl(input);
  return parsed && formatPurl(parsed);
}

/**
 * Canonical CPE 2.3 formatted string, or undefined. Accepts 2.3 formatted strings
 * ("cpe:2.3:a:vendor:product:1.0:*:*:*:*:*:*:*", missing trailing fields filled with "*") and
 * 2.2 URIs ("cpe:/a:vendor:product:1.0", percent-decoded). Lowercased: the NVD dictionary and CPE
 * matching treat names case-insensitively.
 */
export function normalizeCpe(input: string): string | undefined {
  const text = input.trim().toLowerCase();
  let fields: string[];
  if (text.startsWith("cpe:2.3:")) {
    fields = splitEscaped(text.slice("cpe:2.3:".length));
  } else if (text.startsWith("cpe:/")) {
    const decoded = text
      .slice("cpe:/".length)
      .split(":")
      .map((f) => safeDecode(f));
    if (decoded.some((f) => f === undefined)) return undefined;
    // In a 2.2 URI an empty field means ANY; escape the characters 2.3 treats as special.
    fields = (decoded as string[]).map((f) => (f === "" ? "*" : f.replace(/([\\:*?])/g, "\\$1")));
  } else {
    return undefined;
  }
  if (fields.length < 3 || fields.length > 11) return undefined;
  if (!["a", "o", "h", "*"].includes(fields[0]!)) return undefined;
  if (fields.slice(1, 3).some((f) => f === "" || f === "*")) return undefined; // vendor and product are needed to identify anything
  while (fields.length < 11) fields.push("*");
  return `cpe:2.3:${fields.map((f) => (f === "" ? "*" : f)).join(":")}`;
}

export type ComponentKeyBasis = "purl" | "cpe" | "name";

export interface ResolvedComponentIdentity {
  /** Stable node key, e.g. "component:purl:pkg:github/freertos/freertos-plus-tcp@10.4.3". */
  key: string;
  basis: ComponentKeyBasis;
  purl?: string;
  cpe?: string;
  normalizedName?: string;
  version?: string;
  /** Identifiers that were given but could not be parsed (reported as warnings by the extractor). */
  rejected: Array<{ field: "purl" | "cpe"; value: string }>;
}

/**
 * Resolves an identity to its key and canonical identifiers, or undefined when nothing identifies it.
 * The purl key leaves out qualifiers and subpath: they describe one artefact of a package (arch,
 * download URL, a file inside it), while common-mode inheritance is about the package's code.
 */
export function resolveComponentIdentity(identity: ComponentIdentity): ResolvedComponentIdentity | undefined {
  const rejected: ResolvedComponentIdentity["rejected"] = [];
  const purlText = nonBlank(identity.purl);
  const cpeText = nonBlank(identity.cpe);
  const parsedPurl = purlText === undefined ? undefined : parsePurl(purlText);
  if (purlText !== undefined && !parsedPurl) rejected.push({ field: "purl", value: purlText });
  const cpe = cpeText === undefined ? undefined : normalizeCpe(cpeText);
  if (cpeText !== undefined && cpe === undefined) rejected.push({ field: "cpe", value: cpeText });
  const nameText = nonBlank(identity.name);
  const normalizedName = nameText === undefined ? undefined : normalizeComponentName(nameText) || undefined;
  const version = normalizeVersion(identity.version) ?? normalizeVersion(parsedPurl?.version);

  const common = {
    ...(parsedPurl && { purl: formatPurl(parsedPurl) }),
    ...(cpe !== undefined && { cpe }),
    ...(normalizedName !== undefined && { normalizedName }),
    ...(version !== undefined && { version }),
    rejected,
  };
  if (parsedPurl) {
    return {
      key: `component:purl:${formatPurl(parsedPurl, { qualifiers: false, subpath: false })}`,
      basis: "purl",
      ...common,
    };
  }
  if (cpe !== undefined) return { key: `component:cpe:${cpe}`, basis: "cpe", ...common };
  if (normalizedName !== undefined) {
    return {
      key: `component:name:${normalizedName}${version !== undefined ? `@${version}` : ""}`,
      basis: "name",
      ...common,
    };
  }
  return undefined;
}

/**
 * The deduplication key of a component: by purl, then CPE, then normalised name + version.
 * Throws when the identity has none of them (callers decide what an unidentified component is).
 */
export function componentKey(identity: ComponentIdentity): string {
  const resolved = resolveComponentIdentity(identity);
  if (!resolved) throw new Error("a component needs a purl, a CPE or a name to be identified");
  return resolved.key;
}

function nonBlank(value: string | null | undefined): string | undefined {
  if (value == null) return undefined;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** Percent-encodes everything except the purl spec's unreserved characters (and ":" which is never encoded). */
function encodePurlSegment(text: string): string {
  return encodeURIComponent(text)
    .replace(/%3A/gi, ":")
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Splits a CPE 2.3 formatted string on ":" that are not escaped with a backslash. */
function splitEscaped(text: string): string[] {
  const fields: string[] = [];
  let current = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\\" && i + 1 < text.length) {
      current += c + text[i + 1]!;
      i++;
    } else if (c === ":") {
      fields.push(current);
      current = "";
    } else {
      current += c;
    }
  }
  fields.push(current);
  return fields;
}
