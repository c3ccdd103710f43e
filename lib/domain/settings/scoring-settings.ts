import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { bumpGraphVersion } from "@/lib/domain/graph-store/graph-cache";
import { requestFullRecompute } from "@/lib/domain/scoring/request-full-recompute";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_WEIGHTS, resolveScoringConfig, type ScoringConfigOverrides } from "@/lib/scoring";
import { parseInput } from "@/lib/validation/parse";
import { scoringSettingsSchema } from "@/lib/validation/scoring-settings";

export async function getScoringSettings(db: Db, actor: Actor) {
  assertCan(actor, "manageScoringSettings");
  const org = await db.organization.findUniqueOrThrow({
    where: { id: actor.organizationId },
    select: { scoringConfig: true },
  });
  const overrides = (org.scoringConfig ?? {}) as ScoringConfigOverrides;
  const config = resolveScoringConfig(overrides);
  return { config, defaults: DEFAULT_WEIGHTS, customised: org.scoringConfig !== null };
}

/** Saves the organisation's weights and queues a full recompute so every score uses them. */
export async function saveScoringSettings(db: Db, actor: Actor, input: unknown) {
  assertCan(actor, "manageScoringSettings");
  const v = parseInput(scoringSettingsSchema, input);
  const overrides: ScoringConfigOverrides = {
    criticalityWeights: [0, v.criticality1, v.criticality2, v.criticality3, v.criticality4, v.criticality5],
    probabilityThreshold: v.probabilityThreshold,
    criticalAssetMinCriticality: v.criticalAssetMinCriticality as 1 | 2 | 3 | 4 | 5,
    topPathCount: v.topPathCount,
  };
  resolveScoringConfig(overrides); // throws on anything the engine would refuse
  await db.$transaction(async (tx) => {
    await tx.organization.update({
      where: { id: actor.organizationId },
      data: { scoringConfig: overrides as unknown as Prisma.InputJsonValue },
    });
    await bumpGraphVersion(tx, actor.organizationId);
    await recordAuditEvent(tx, actor, {
      action: "scoring.settings",
      entityType: "Organization",
      entityId: actor.organizationId,
      details: overrides as unknown as Prisma.InputJsonValue,
    });
  });
  return requestFullRecompute(db, actor);
}
