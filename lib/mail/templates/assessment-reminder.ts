import { formatMailDate, type MailFormatOptions } from "./format";
import { html, oneLine, safeLink } from "./html";
import { actionButton, greetingFor, paragraph, renderLayout, textBlocks, type EmailContent } from "./layout";

export interface AssessmentReminderInput extends MailFormatOptions {
  buyerOrgName: string;
  vendorName: string;
  contactName?: string | null;
  templateTitle: string;
  dueDate: Date;
  /** Decided by the caller from the due date: the template does no date arithmetic. */
  status: "due-soon" | "overdue";
  /** Where to continue: the supplier portal, or a fresh invitation link if no password is set yet. */
  link: string;
}

export function renderAssessmentReminder(input: AssessmentReminderInput): EmailContent {
  const buyer = oneLine(input.buyerOrgName);
  const vendor = oneLine(input.vendorName);
  const templateTitle = oneLine(input.templateTitle);
  const due = formatMailDate(input.dueDate, input);
  const link = safeLink(input.link);
  const overdue = input.status === "overdue";

  const subject = overdue
    ? `Overdue: security assessment for ${buyer} (was due ${due})`
    : `Reminder: security assessment for ${buyer} is due ${due}`;
  const title = overdue ? "Your security assessment is overdue" : "Your security assessment is due soon";
  const statusLine = overdue
    ? `The questionnaire "${templateTitle}" that ${buyer} asked ${vendor} to complete was due on ${due} and has not been submitted yet.`
    : `This is a reminder that the questionnaire "${templateTitle}" that ${buyer} asked ${vendor} to complete is due on ${due}.`;
  const progressLine = "Answers you have already given are saved; you can continue where you left off.";
  const helpLine = overdue
    ? `If you need more time, please reply to your contact at ${buyer}.`
    : `If you cannot meet the date, please let your contact at ${buyer} know.`;
  const footer = `You received this e-mail because you are the contact for ${vendor} in an assessment requested by ${buyer}.`;

  const text = textBlocks(
    greetingFor(input.contactName),
    statusLine,
    progressLine,
    `Continue the assessment:\n${link}`,
    helpLine,
    `--\n${footer}`,
  );

  const body = html`${paragraph(html`${greetingFor(input.contactName)}`)}
${paragraph(html`${statusLine}`)}
${paragraph(html`${progressLine}`)}
${actionButton("Continue the assessment", link)}
${paragraph(html`${helpLine}`)}`;

  return { subject, text, html: renderLayout({ title, preheader: statusLine, body, footer }) };
}
