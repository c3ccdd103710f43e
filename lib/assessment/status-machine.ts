// The assessment life cycle as data: which event moves which status where. Pure, so the rules can
// be tested exhaustively and shown in the UI (which buttons to offer) from the same table.
import type { AssessmentStatus } from "@/lib/generated/prisma/enums";

export type AssessmentEvent =
  | "send" // procurement sends (or re-sends) the invitation
  | "open" // the supplier opens the invitation link
  | "save" // the supplier saves answers
  | "submit" // the supplier submits the current revision
  | "request_changes" // a reviewer sends it back with comments
  | "accept" // a reviewer accepts it
  | "cancel"; // procurement withdraws it

export const ASSESSMENT_STATUSES = [
  "DRAFT",
  "SENT",
  "OPENED",
  "IN_PROGRESS",
  "SUBMITTED",
  "CHANGES_REQUESTED",
  "RESUBMITTED",
  "ACCEPTED",
  "CANCELLED",
] as const satisfies readonly AssessmentStatus[];

const TRANSITIONS: Record<AssessmentStatus, Partial<Record<AssessmentEvent, AssessmentStatus>>> = {
  DRAFT: { send: "SENT", cancel: "CANCELLED" },
  SENT: { send: "SENT", open: "OPENED", cancel: "CANCELLED" },
  OPENED: { send: "OPENED", open: "OPENED", save: "IN_PROGRESS", submit: "SUBMITTED", cancel: "CANCELLED" },
  IN_PROGRESS: {
    send: "IN_PROGRESS",
    open: "IN_PROGRESS",
    save: "IN_PROGRESS",
    submit: "SUBMITTED",
    cancel: "CANCELLED",
  },
  SUBMITTED: { request_changes: "CHANGES_REQUESTED", accept: "ACCEPTED" },
  CHANGES_REQUESTED: {
    send: "CHANGES_REQUESTED",
    open: "CHANGES_REQUESTED",
    save: "CHANGES_REQUESTED",
    submit: "RESUBMITTED",
    cancel: "CANCELLED",
  },
  RESUBMITTED: { request_changes: "CHANGES_REQUESTED", accept: "ACCEPTED" },
  // A reviewer can reopen an accepted assessment (new evidence, a periodic review): the supplier
  // revises, and the next acceptance replaces the linkages of the earlier one.
  ACCEPTED: { request_changes: "CHANGES_REQUESTED" },
  CANCELLED: {},
};

/** The status after `event`, or null when the event is not allowed from `status`. */
export function nextStatus(status: AssessmentStatus, event: AssessmentEvent): AssessmentStatus | null {
  return TRANSITIONS[status][event] ?? null;
}

export function allowedEvents(status: AssessmentStatus): AssessmentEvent[] {
  return Object.keys(TRANSITIONS[status]) as AssessmentEvent[];
}

/** Statuses in which the supplier may edit answers. */
export function isEditableBySupplier(status: AssessmentStatus): boolean {
  return nextStatus(status, "save") !== null;
}

/** Statuses waiting on a reviewer. */
export function isAwaitingReview(status: AssessmentStatus): boolean {
  return status === "SUBMITTED" || status === "RESUBMITTED";
}

/** Overdue is derived from the due date, not stored: only while the supplier still owes answers. */
export function isOverdue(status: AssessmentStatus, dueDate: Date, now: Date): boolean {
  const owed =
    status === "SENT" || status === "OPENED" || status === "IN_PROGRESS" || status === "CHANGES_REQUESTED";
  return owed && dueDate.getTime() < now.getTime();
}

export const STATUS_LABELS: Record<AssessmentStatus, string> = {
  DRAFT: "Draft",
  SENT: "Sent",
  OPENED: "Opened",
  IN_PROGRESS: "In progress",
  SUBMITTED: "Submitted",
  CHANGES_REQUESTED: "Changes requested",
  RESUBMITTED: "Resubmitted",
  ACCEPTED: "Accepted",
  CANCELLED: "Cancelled",
};
