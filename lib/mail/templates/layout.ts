import { html, raw, safeLink, type SafeHtml } from "./html";

/** What every template returns: a subject, a plain-text body and an HTML body saying the same. */
export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

// Inline styles only: many mail clients drop <style> blocks. Colours keep at least 4.5:1 contrast.
const FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const TEXT_COLOUR = "color:#1f2933";
const MUTED_COLOUR = "color:#52606d";

export function paragraph(content: SafeHtml): SafeHtml {
  return html`<p style="margin:0 0 16px;font-size:16px;line-height:1.5;${raw(TEXT_COLOUR)}">${content}</p>`;
}

export function heading(text: string): SafeHtml {
  return html`<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;${raw(TEXT_COLOUR)}">${text}</h1>`;
}

export function subheading(text: string): SafeHtml {
  return html`<h2 style="margin:24px 0 8px;font-size:17px;line-height:1.3;${raw(TEXT_COLOUR)}">${text}</h2>`;
}

export function bulletList(items: SafeHtml[]): SafeHtml {
  return html`<ul style="margin:0 0 16px;padding-left:24px;font-size:16px;line-height:1.5;${raw(TEXT_COLOUR)}">${items.map(
    (item) => html`<li style="margin:0 0 4px">${item}</li>`,
  )}</ul>`;
}

/** A quoted block for text someone wrote (a personal message, a reviewer's note). */
export function quote(content: SafeHtml, label: string): SafeHtml {
  return html`<blockquote style="margin:0 0 16px;padding:12px 16px;border-left:4px solid #9aa5b1;background:#f5f7fa;font-size:16px;line-height:1.5;${raw(TEXT_COLOUR)}"><p style="margin:0 0 8px;font-weight:bold">${label}</p><p style="margin:0">${content}</p></blockquote>`;
}

/** The main call to action: a large link styled as a button, with the URL repeated as text below. */
export function actionButton(label: string, url: string): SafeHtml {
  const href = safeLink(url);
  return html`<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 16px"><tr><td style="border-radius:6px;background:#1d4ed8"><a href="${href}" style="display:inline-block;padding:12px 24px;font-size:16px;font-weight:bold;color:#ffffff;text-decoration:none;border-radius:6px;${raw(FONT)}">${label}</a></td></tr></table>
<p style="margin:0 0 16px;font-size:14px;line-height:1.5;${raw(MUTED_COLOUR)}">If the button does not work, copy this address into your browser:<br><a href="${href}" style="color:#1d4ed8;word-break:break-all">${href}</a></p>`;
}

export interface LayoutInput {
  /** Plain text: used for <title> and the visible heading. */
  title: string;
  /** Plain text shown by mail clients as the preview line; hidden in the body. */
  preheader: string;
  body: SafeHtml;
  /** Plain text at the bottom, e.g. why the person received this e-mail. */
  footer: string;
}

export function renderLayout(input: LayoutInput): string {
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${input.title}</title>
</head>
<body style="margin:0;padding:0;background:#eef2f6;${raw(FONT)}">
<div style="display:none;max-height:0;overflow:hidden;mso-hide:all" aria-hidden="true">${input.preheader}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#eef2f6">
<tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;background:#ffffff;border-radius:8px">
<tr><td style="padding:24px 32px 0;font-size:14px;font-weight:bold;letter-spacing:0.04em;${raw(MUTED_COLOUR)};${raw(FONT)}">TRUSTMAP</td></tr>
<tr><td style="padding:16px 32px 8px;${raw(FONT)}">
${heading(input.title)}
${input.body}
</td></tr>
<tr><td style="padding:16px 32px 24px;border-top:1px solid #e4e7eb;font-size:13px;line-height:1.5;${raw(MUTED_COLOUR)};${raw(FONT)}">${input.footer}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`.value;
}

/** Joins plain-text blocks with blank lines; null/undefined/empty blocks are left out. */
export function textBlocks(...blocks: (string | null | undefined | false)[]): string {
  return (
    blocks.filter((block): block is string => typeof block === "string" && block.length > 0).join("\n\n") +
    "\n"
  );
}

/** Indents someone's multi-line text in the plain-text version so it reads as a quotation. */
export function quoteText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
}

export function greetingFor(contactName: string | null | undefined): string {
  const name = contactName?.trim();
  return name ? `Hello ${name},` : "Hello,";
}
