import { describe, expect, it } from "vitest";

import {
  allowedEvents,
  ASSESSMENT_STATUSES,
  isEditableBySupplier,
  isOverdue,
  nextStatus,
  type AssessmentEvent,
} from "./status-machine";

const EVENTS: AssessmentEvent[] = ["send", "open", "save", "submit", "request_changes", "accept", "cancel"];

// The whole table, written out independently of the implementation: [from, event, to | null].
const EXPECTED: Record<string, Partial<Record<AssessmentEvent, string>>> = {
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
  ACCEPTED: { request_changes: "CHANGES_REQUESTED" },
  CANCELLED: {},
};

describe("assessment status machine", () => {
  for (const from of ASSESSMENT_STATUSES) {
    for (const event of EVENTS) {
      const to = EXPECTED[from]?.[event] ?? null;
      it(`${from} --${event}--> ${to ?? "refused"}`, () => {
        expect(nextStatus(from, event)).toBe(to);
      });
    }
  }

  it("cancelled is final; accepted can only be reopened by a reviewer", () => {
    expect(allowedEvents("CANCELLED")).toEqual([]);
    expect(allowedEvents("ACCEPTED")).toEqual(["request_changes"]);
  });

  it("suppliers edit only while answers are owed", () => {
    expect(ASSESSMENT_STATUSES.filter(isEditableBySupplier)).toEqual([
      "OPENED",
      "IN_PROGRESS",
      "CHANGES_REQUESTED",
    ]);
  });

  it("overdue only while the supplier owes answers", () => {
    const past = new Date("2026-01-01"),
      now = new Date("2026-02-01");
    expect(isOverdue("IN_PROGRESS", past, now)).toBe(true);
    expect(isOverdue("SUBMITTED", past, now)).toBe(false);
    expect(isOverdue("IN_PROGRESS", new Date("2026-03-01"), now)).toBe(false);
  });
});
