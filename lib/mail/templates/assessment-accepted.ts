import { formatMailDate, type MailFormatOptions } from "./format";
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

export interface AssessmentAcceptedInput extends MailFormatOptions {
  buyerOrgName: string;
  vendorName: string;
  contactName?: string | null;
  templateTitle: string;
  acceptedAt: Date;
  /** The reviewer's overall message, also shown in the supplier portal. */
  reviewerMessage?: string | null;
  /** Optional link to the submitted answers in the supplier portal. */
  link?: string | null;
}

export function renderAssessmentAccepted(input: AssessmentAcceptedInput): EmailContent {
  const buyer = oneLine(input.buyerOrgName);
  const vendor = oneLine(input.vendorName);
  const templateTitle = oneLine(input.templateTitle);
  const accepted = formatMailDate(input.acceptedAt, input);
  const link = input.link ? safeLink(input.link) : null;
  const message = input.reviewerMessage?.trim() || null;

  const subject = `Thank you: ${buyer} accepted your security assessment`;
  const title = "Your assessment has been accepted";
  const intro = `${buyer} accepted the answers ${vendor} gave to "${templateTitle}" on ${accepted}. Thank you for the time and care you put into them.`;
  const next =
    "There is nothing more to do for this assessment. You can still read your submitted answers in the supplier portal.";
  const footer = `You received this e-mail because you are the contact for ${vendor} in an assessment requested by ${buyer}.`;

  const text = textBlocks(
    greetingFor(input.contactName),
    intro,
    message ? `Note from the reviewer:\n${quoteText(message)}` : null,
    next,
    link ? `View your answers:\n${link}` : null,
    `--\n${footer}`,
  );

  const body = html`${paragraph(html`${greetingFor(input.contactName)}`)}
${paragraph(html`<strong>${buyer}</strong> accepted the answers ${vendor} gave to <strong>“${templateTitle}”</strong> on ${accepted}. Thank you for the time and care you put into them.`)}
${message ? quote(multilineHtml(message), "Note from the reviewer:") : null}
${paragraph(html`${next}`)}
${link ? actionButton("View your answers", link) : null}`;

  return { subject, text, html: renderLayout({ title, preheader: intro, body, footer }) };
}
