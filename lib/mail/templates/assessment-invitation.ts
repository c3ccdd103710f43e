import { formatMailDate, formatMailDateTime, type MailFormatOptions } from "./format";
import { html, multilineHtml, oneLine, safeLink } from "./html";
import {
  actionButton,
  bulletList,
  greetingFor,
  paragraph,
  quote,
  quoteText,
  renderLayout,
  subheading,
  textBlocks,
  type EmailContent,
} from "./layout";

export interface AssessmentInvitationInput extends MailFormatOptions {
  /** The buying organisation that asks for the assessment. */
  buyerOrgName: string;
  /** The supplier being assessed. */
  vendorName: string;
  /** The supplier contact the mail goes to, if known. */
  contactName?: string | null;
  /** Title of the questionnaire template, e.g. "OT supplier baseline". */
  templateTitle: string;
  dueDate: Date;
  /** Optional personal note from procurement, shown as written (plain text, may span lines). */
  message?: string | null;
  /** The single-use invitation link (absolute http(s) URL). */
  invitationUrl: string;
  /** When the invitation link stops working. */
  expiresAt: Date;
}

export function renderAssessmentInvitation(input: AssessmentInvitationInput): EmailContent {
  const buyer = oneLine(input.buyerOrgName);
  const vendor = oneLine(input.vendorName);
  const templateTitle = oneLine(input.templateTitle);
  const due = formatMailDate(input.dueDate, input);
  const expires = formatMailDateTime(input.expiresAt, input);
  const link = safeLink(input.invitationUrl);
  const message = input.message?.trim() || null;

  const subject = `${buyer} asks ${vendor} to complete a security assessment`;
  const title = "You are invited to a supplier security assessment";
  const intro = `${buyer} has asked ${vendor} to complete the questionnaire "${templateTitle}". Please submit it by ${due}.`;
  const expectations = [
    "Your answers are saved as you go: you can stop at any time and come back later.",
    "Some questions ask for evidence such as an SBOM, a penetration test summary or certificates; you can upload the files next to the question.",
    "Questions that do not apply to you stay hidden, based on your earlier answers.",
    "When you submit, the reviewers may accept the answers or ask for changes on specific questions.",
  ];
  const linkNote = `This link is personal and works once: it lets you set a password (or sign in if you already have an account). It expires on ${expires}. If it has expired, ask ${buyer} to send a new invitation.`;
  const footer = `You received this e-mail because ${buyer} named you as the contact for ${vendor}. If you were not expecting it, you can ignore it.`;

  const text = textBlocks(
    greetingFor(input.contactName),
    intro,
    message ? `Message from ${buyer}:\n${quoteText(message)}` : null,
    `Start the assessment:\n${link}`,
    linkNote,
    `What to expect:\n${expectations.map((line) => `- ${line}`).join("\n")}`,
    `--\n${footer}`,
  );

  const body = html`${paragraph(html`${greetingFor(input.contactName)}`)}
${paragraph(html`<strong>${buyer}</strong> has asked <strong>${vendor}</strong> to complete the questionnaire <strong>“${templateTitle}”</strong>. Please submit it by <strong>${due}</strong>.`)}
${message ? quote(multilineHtml(message), `Message from ${buyer}:`) : null}
${actionButton("Start the assessment", link)}
${paragraph(html`This link is personal and works once: it lets you set a password (or sign in if you already have an account). It expires on <strong>${expires}</strong>. If it has expired, ask ${buyer} to send a new invitation.`)}
${subheading("What to expect")}
${bulletList(expectations.map((line) => html`${line}`))}`;

  return { subject, text, html: renderLayout({ title, preheader: intro, body, footer }) };
}
