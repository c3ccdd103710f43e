import "server-only";

import type { Actor } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A transaction, or the client itself for an event that records no change (an export, a download). */
interface Tx {
  auditEvent: { create(args: { data: Prisma.AuditEventUncheckedCreateInput }): PromiseLike<unknown> };
}

/** Writes one audit row inside the caller's transaction, so the change and its record commit together. */
export async function recordAuditEvent(
  tx: Tx,
  actor: Pick<Actor, "userId" | "organizationId">,
  event: { action: string; entityType: string; entityId: string; details?: Prisma.InputJsonValue },
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      organizationId: actor.organizationId,
      actorId: actor.userId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      details: event.details,
    },
  });
}

/** The fields whose values differ, as { field: { from, to } }. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    const from = before[key] ?? null;
    const to = after[key] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return changes;
}
