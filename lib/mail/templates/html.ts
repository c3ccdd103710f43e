/**
 * Building HTML for e-mails without an injection hole: every value interpolated into the `html`
 * tagged template is escaped unless it is already SafeHtml (produced by `html` itself or `raw`).
 * Escaping by default means a template author cannot forget it for one field.
 */

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "`": "&#96;",
};

/** Escapes text for use in HTML element content and in quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** A string already known to be safe HTML. Only `html` and `raw` create one. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

/** Tagged template: the literal parts are trusted markup, every interpolation is escaped. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? "");
  });
  return new SafeHtml(out);
}

/** Marks trusted markup (never user text) as safe. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** Escapes multi-line user text and keeps its line breaks. */
export function multilineHtml(text: string): SafeHtml {
  return new SafeHtml(
    text
      .replace(/\r\n?/g, "\n")
      .split("\n")
      .map((line) => escapeHtml(line))
      .join("<br>"),
  );
}

/**
 * Returns the URL if it is an absolute http(s) URL, and throws otherwise: escaping stops markup
 * injection but not a `javascript:` link, so links are checked by scheme.
 */
export function safeLink(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`E-mail link is not an absolute URL: ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new Error(`E-mail link must use http or https, got ${JSON.stringify(parsed.protocol)}`);
  }
  return parsed.href;
}

/** Collapses whitespace (including CR/LF) so user text cannot break a header line such as Subject. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
