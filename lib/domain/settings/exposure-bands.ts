import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import {
  DEFAULT_EXPOSURE_BAND_THRESHOLDS,
  resolveExposureBands,
  type ExposureBandThresholds,
} from "@/lib/portfolio/exposure-bands";
import { exposureBandThresholdsSchema } from "@/lib/validation/exposure-bands";
import { parseInput } from "@/lib/validation/parse";

/** An organisation's band thresholds, for queries already scoped to it (the portfolio's band filter). */
export async function getOrganizationExposureBands(
  db: Db,
  organizationId: string,
): Promise<ExposureBandThresholds> {
  const org = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { exposureBands: true },
  });
  return resolveExposureBands(org.exposureBands);
}

/** The caller's organisation's band thresholds (the defaults until an administrator sets them). */
export async function getExposureBands(db: Db, actor: Actor): Promise<ExposureBandThresholds> {
  assertCan(actor, "readScores");
  return getOrganizationExposureBands(db, actor.organizationId);
}

/** For the settings page: the thresholds, the defaults and whether the organisation changed them. */
export async function getExposureBandSettings(db: Db, actor: Actor) {
  assertCan(actor, "manageScoringSettings");
  const org = await db.organization.findUniqueOrThrow({
    where: { id: actor.organizationId },
    select: { exposureBands: true },
  });
  return {
    thresholds: resolveExposureBands(org.exposureBands),
    defaults: { ...DEFAULT_EXPOSURE_BAND_THRESHOLDS },
    customised: org.exposureBands !== null,
  };
}

/** Bands only relabel numbers: saving changes no score and queues no recompute. */
export async function saveExposureBands(db: Db, actor: Actor, input: unknown) {
  assertCan(actor, "manageScoringSettings");
  const thresholds = parseInput(exposureBandThresholdsSchema, input);
  await db.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({
      where: { id: actor.organizationId },
      select: { exposureBands: true },
    });
    await tx.organization.update({
      where: { id: actor.organizationId },
      data: { exposureBands: { ...thresholds } },
    });
    await recordAuditEvent(tx, actor, {
      action: "scoring.exposure_bands",
      entityType: "Organization",
      entityId: actor.organizationId,
      details: { before: { ...resolveExposureBands(before.exposureBands) }, after: { ...thresholds } },
    });
  });
  return thresholds;
}
