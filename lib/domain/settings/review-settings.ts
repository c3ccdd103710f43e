import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { reviewSettingsSchema } from "@/lib/validation/assessment";
import { parseInput } from "@/lib/validation/parse";

/** The organisation's review policy (separation of duties). */
export async function getReviewSettings(db: Db, actor: Actor) {
  assertCan(actor, "manageReviewSettings");
  return db.organization.findUniqueOrThrow({
    where: { id: actor.organizationId },
    select: { separateReviewDuties: true },
  });
}

/** Turns separation of duties on or off for the caller's organisation; audited with the new value. */
export async function saveReviewSettings(db: Db, actor: Actor, input: unknown) {
  assertCan(actor, "manageReviewSettings");
  const data = parseInput(reviewSettingsSchema, input);
  return db.$transaction(async (tx) => {
    const saved = await tx.organization.update({
      where: { id: actor.organizationId },
      data: { separateReviewDuties: data.separateReviewDuties },
      select: { separateReviewDuties: true },
    });
    await recordAuditEvent(tx, actor, {
      action: "review.settings",
      entityType: "Organization",
      entityId: actor.organizationId,
      details: { separateReviewDuties: data.separateReviewDuties },
    });
    return saved;
  });
}
