import { forbidden } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

/** Who is acting: everything a use case needs to authorise and scope its queries. */
export interface Actor {
  userId: string;
  organizationId: string;
  role: Role;
  /** Set for suppliers only: the one vendor whose data they may see. */
  vendorId: string | null;
}

export const STAFF_ROLES = ["ADMIN", "PROCUREMENT", "RISK_OFFICER"] as const satisfies readonly Role[];

/** Capabilities by role, in one place so pages, actions and tests agree. */
export const can = {
  readVendors: (a: Actor) => a.role === "ADMIN" || a.role === "PROCUREMENT" || a.role === "RISK_OFFICER",
  manageVendors: (a: Actor) => a.role === "ADMIN" || a.role === "PROCUREMENT",
  readAudit: (a: Actor) => a.role === "ADMIN",
  readAssessments: (a: Actor) => a.role === "ADMIN" || a.role === "PROCUREMENT" || a.role === "RISK_OFFICER",
  manageAssessments: (a: Actor) => a.role === "ADMIN" || a.role === "PROCUREMENT",
  reviewAssessments: (a: Actor) =>
    a.role === "ADMIN" || a.role === "PROCUREMENT" || a.role === "RISK_OFFICER",
  answerAssessments: (a: Actor) => a.role === "SUPPLIER" && a.vendorId !== null,
  manageTemplates: (a: Actor) => a.role === "ADMIN",
  readTemplates: (a: Actor) => a.role === "ADMIN" || a.role === "PROCUREMENT" || a.role === "RISK_OFFICER",
  viewOutbox: (a: Actor) => a.role === "ADMIN",
  readInventory: (a: Actor) => a.role === "ADMIN" || a.role === "PROCUREMENT" || a.role === "RISK_OFFICER",
  manageInventory: (a: Actor) => a.role === "ADMIN",
  readScores: (a: Actor) => a.role === "ADMIN" || a.role === "PROCUREMENT" || a.role === "RISK_OFFICER",
  runScoring: (a: Actor) => a.role === "ADMIN" || a.role === "RISK_OFFICER",
  manageScoringSettings: (a: Actor) => a.role === "ADMIN",
  manageReviewSettings: (a: Actor) => a.role === "ADMIN",
  manageLinkages: (a: Actor) => a.role === "ADMIN" || a.role === "PROCUREMENT" || a.role === "RISK_OFFICER",
} satisfies Record<string, (a: Actor) => boolean>;

export type Capability = keyof typeof can;

/** The organisation's review policy, as stored on Organization. */
export interface ReviewPolicy {
  /** Separation of duties: procurement, who sends questionnaires, may not also accept them. */
  separateReviewDuties: boolean;
}

/**
 * Who may accept a submission (and so turn its answers into scored linkages): reviewers, except
 * procurement while the organisation separates duties (the default).
 */
export function canAcceptAssessment(actor: Actor, policy: ReviewPolicy): boolean {
  if (!can.reviewAssessments(actor)) return false;
  return !(policy.separateReviewDuties && actor.role === "PROCUREMENT");
}

export function assertCan(actor: Actor, capability: Capability): void {
  if (!can[capability](actor)) throw forbidden();
}

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Administrator",
  PROCUREMENT: "Procurement",
  RISK_OFFICER: "Risk officer",
  SUPPLIER: "Supplier",
};
