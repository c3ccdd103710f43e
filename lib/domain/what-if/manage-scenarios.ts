import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { getCompiledGraph } from "@/lib/domain/graph-store/graph-cache";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { idSchema, parseRecordId } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { saveScenarioSchema, scenarioChangesSchema } from "@/lib/validation/what-if";
import type { ScenarioChanges } from "@/lib/what-if/controls";

import { evaluateOnGraph, type ScenarioEvaluation } from "./evaluate-scenario";

const SCENARIO_SELECT = {
  id: true,
  name: true,
  vendorId: true,
  changes: true,
  result: true,
  createdAt: true,
  createdById: true,
} as const;

export interface SavedScenario {
  id: string;
  name: string;
  vendorId: string | null;
  changes: ScenarioChanges;
  result: ScenarioEvaluation | null;
  createdAt: Date;
}

function toSaved(row: {
  id: string;
  name: string;
  vendorId: string | null;
  changes: unknown;
  result: unknown;
  createdAt: Date;
}): SavedScenario {
  // Stored JSON is re-parsed: a row written by an older version must not break the page.
  const changes = scenarioChangesSchema.safeParse(row.changes);
  return {
    id: row.id,
    name: row.name,
    vendorId: row.vendorId,
    changes: changes.success ? changes.data : { controls: [], remove: [], reweight: [] },
    result: (row.result ?? null) as ScenarioEvaluation | null,
    createdAt: row.createdAt,
  };
}

/** Saves a what-if with its deltas at the time of saving (so lists need no recompute). */
export async function saveScenario(db: Db, actor: Actor, input: unknown): Promise<SavedScenario> {
  assertCan(actor, "readScores");
  const data = parseInput(saveScenarioSchema, input);
  const compiled = await getCompiledGraph(db, actor.organizationId);
  const {
    outcomes: _o,
    linkages: _l,
    ...result
  } = await evaluateOnGraph(db, actor, compiled, data.vendorId, data.changes);
  return db.$transaction(async (tx) => {
    const row = await tx.whatIfScenario.create({
      data: {
        organizationId: actor.organizationId,
        name: data.name,
        vendorId: result.vendorId,
        createdById: actor.userId,
        changes: data.changes as unknown as Prisma.InputJsonValue,
        result: result as unknown as Prisma.InputJsonValue,
      },
      select: SCENARIO_SELECT,
    });
    await recordAuditEvent(tx, actor, {
      action: "what_if.save",
      entityType: "WhatIfScenario",
      entityId: row.id,
      details: { name: data.name, vendorId: result.vendorId, exposureDelta: result.totalExposureDelta },
    });
    return toSaved(row);
  });
}

/** Saved scenarios of the organisation: one vendor's, or the portfolio-wide ones (vendorId null). */
export async function listScenarios(db: Db, actor: Actor, vendorIdRaw: unknown): Promise<SavedScenario[]> {
  assertCan(actor, "readScores");
  const vendorId = vendorIdRaw == null || vendorIdRaw === "" ? null : idSchema.safeParse(vendorIdRaw).data;
  if (vendorId === undefined) return [];
  const rows = await db.whatIfScenario.findMany({
    where: { organizationId: actor.organizationId, vendorId },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: SCENARIO_SELECT,
  });
  return rows.map(toSaved);
}

export async function getScenario(db: Db, actor: Actor, scenarioIdRaw: unknown): Promise<SavedScenario> {
  assertCan(actor, "readScores");
  const id = parseRecordId(scenarioIdRaw, "Scenario");
  const row = await db.whatIfScenario.findFirst({
    where: { id: id, organizationId: actor.organizationId },
    select: SCENARIO_SELECT,
  });
  if (!row) throw notFound("Scenario");
  return toSaved(row);
}

export async function deleteScenario(
  db: Db,
  actor: Actor,
  scenarioIdRaw: unknown,
): Promise<{ id: string; vendorId: string | null }> {
  assertCan(actor, "readScores");
  const id = parseRecordId(scenarioIdRaw, "Scenario");
  return db.$transaction(async (tx) => {
    const row = await tx.whatIfScenario.findFirst({
      where: { id: id, organizationId: actor.organizationId },
      select: { id: true, name: true, vendorId: true },
    });
    if (!row) throw notFound("Scenario");
    await tx.whatIfScenario.delete({ where: { id: row.id } });
    await recordAuditEvent(tx, actor, {
      action: "what_if.delete",
      entityType: "WhatIfScenario",
      entityId: row.id,
      details: { name: row.name },
    });
    return { id: row.id, vendorId: row.vendorId };
  });
}
