import { formatMailDate, pluralize, type MailFormatOptions } from "./format";
import { html, multilineHtml, oneLine, safeLink } from "./html";
import {
  actionButton,
  greetingFor,
  paragraph,
  quote,
  quoteText,
  renderLayout,
  textBlocks,
  type EmailContent,
} from "./layout";

export interface ChangesRequestedInput extends MailFormatOptions {
  buyerOrgName: string;
  vendorName: string;
  contactName?: string | null;
  templateTitle: string;
  /** Number of per-question comments the reviewers left. */
  commentCount: number;
  /** Optional overall note from the reviewer (plain text). */
  reviewerMessage?: string | null;
  /** New due date for the resubmission, if one was set. */
  dueDate?: Date | null;
  /** Where the supplier sees the comments next to the questions. */
  link: string;
}

export function renderChangesRequested(input: ChangesRequestedInput): EmailContent {
  const buyer = oneLine(input.buyerOrgName);
  const vendor = oneLine(input.vendorName);
  const templateTitle = oneLine(input.templateTitle);
  const link = safeLink(input.link);
  const comments = pluralize(Math.max(0, Math.trunc(input.commentCount)), "comment", "comments", input);
  const message = input.reviewerMessage?.trim() || null;
  const due = input.dueDate ? formatMailDate(input.dueDate, input) : null;

  const subject = `${buyer} asked for changes to your security assessment`;
  const title = "Changes requested on your assessment";
  const intro = `${buyer} has reviewed the answers ${vendor} submitted to "${templateTitle}" and asked for changes. The reviewers left ${comments}, shown next to the questions they concern.`;
  const next = `Your previous answers are kept: update the questions with comments and submit again${due ? ` by ${due}` : ""}.`;
  const footer = `You received this e-mail because you are the contact for ${vendor} in an assessment requested by ${buyer}.`;

  const text = textBlocks(
    greetingFor(input.contactName),
    intro,
    message ? `Note from the reviewer:\n${quoteText(message)}` : null,
    next,
    `See the comments:\n${link}`,
    `--\n${footer}`,
  );

  const body = html`${paragraph(html`${greetingFor(input.contactName)}`)}
${paragraph(html`<strong>${buyer}</strong> has reviewed the answers ${vendor} submitted to <strong>“${templateTitle}”</strong> and asked for changes. The reviewers left <strong>${comments}</strong>, shown next to the questions they concern.`)}
${message ? quote(multilineHtml(message), "Note from the reviewer:") : null}
${paragraph(html`${next}`)}
${actionButton("See the comments", link)}`;

  return { subject, text, html: renderLayout({ title, preheader: intro, body, footer }) };
}
