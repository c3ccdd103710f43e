/** How the Outbox names what sent a message; an unknown kind is shown as written. */
const KIND_LABELS: Record<string, string> = {
  "assessment.invitation": "Invitation",
  "assessment.reminder": "Reminder",
  "assessment.changes_requested": "Changes requested",
  "assessment.accepted": "Accepted",
};

export const mailKindLabel = (kind: string) => KIND_LABELS[kind] ?? kind;
