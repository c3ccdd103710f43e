export { renderAssessmentInvitation, type AssessmentInvitationInput } from "./assessment-invitation";
export { renderAssessmentReminder, type AssessmentReminderInput } from "./assessment-reminder";
export { renderChangesRequested, type ChangesRequestedInput } from "./changes-requested";
export { renderAssessmentAccepted, type AssessmentAcceptedInput } from "./assessment-accepted";
export { escapeHtml, safeLink } from "./html";
export type { EmailContent } from "./layout";
export type { MailFormatOptions } from "./format";
