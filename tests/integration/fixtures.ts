// Fixtures shared by the integration tests that need a scored vendor: one place to build
// "ACME on a small plant with its baseline answers submitted (and accepted)".
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll } from "vitest";

import type { Actor } from "@/lib/auth/roles";
import { createAssessment } from "@/lib/domain/assessment/manage-assessments";
import { submitResponse } from "@/lib/domain/response/supplier-responses";
import { acceptAssessment } from "@/lib/domain/review/review-assessment";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role, VendorTier } from "@/lib/generated/prisma/enums";
import { stopScoringWorker } from "@/lib/jobs/scoring-queue";
import { startMailSink, type MailSink } from "@/lib/mail/sink";
import {
  buildBuiltInTemplates,
  buildContact,
  buildOrganization,
  buildUser,
  buildVendor,
} from "@/prisma/seed/factories";
import { acmeAnswers } from "@/tests/support/linkage/baseline-answers";

import { testDb } from "./setup";

/** Sending and accepting assessments e-mails the supplier: a real local SMTP sink receives it. */
export function withMailSink(): { dir: () => string } {
  let sink: MailSink;
  let mailDir: string;
  beforeAll(async () => {
    mailDir = mkdtempSync(path.join(tmpdir(), "trustmap-it-mail-"));
    sink = await startMailSink({ dir: mailDir, port: 0 });
    process.env.SMTP_URL = `smtp://127.0.0.1:${sink.port}`;
  });
  afterAll(async () => {
    await sink.stop();
    rmSync(mailDir, { recursive: true, force: true });
  });
  return { dir: () => mailDir };
}

/** Files that start the scoring worker stop it after the file (the queue is the ScoringRun table). */
export function withJobsDatabase(): void {
  afterAll(async () => {
    await stopScoringWorker();
  });
}

export async function actorFor(
  organizationId: string,
  role: Role,
  vendorId: string | null = null,
): Promise<Actor> {
  const u = await buildUser(testDb(), { organizationId, role, vendorId });
  return { userId: u.id, organizationId, role, vendorId };
}

/** Options of acmeOnASmallPlant. */
export interface AcmeOptions {
  orgName?: string;
  tier?: VendorTier;
  /** Accept the submission (writes linkages and a snapshot); default true. */
  accept?: boolean;
  /** The supplier's answers; default ACME's baseline answers. */
  answers?: Record<string, unknown>;
}

/**
 * An organisation with four assets (two PLCs behind a gateway, a historian), ACME deployed on the
 * PLCs, and ACME's baseline answers submitted — and, unless told otherwise, accepted and scored.
 */
export async function acmeOnASmallPlant(options: AcmeOptions = {}) {
  const db = testDb();
  const org = await buildOrganization(db, options.orgName ? { name: options.orgName } : {});
  const [template] = await buildBuiltInTemplates(db, org.id);
  const vendor = await buildVendor(db, { organizationId: org.id, name: "ACME Controls", tier: options.tier });
  const contact = await buildContact(db, { organizationId: org.id, vendorId: vendor.id });
  const assets = await Promise.all(
    [
      { name: "Kiln PLC 1", type: "CONTROLLER", criticality: 5, site: "Kiln plant", zone: "Level 1" },
      { name: "Kiln PLC 2", type: "CONTROLLER", criticality: 5, site: "Kiln plant", zone: "Level 1" },
      {
        name: "GW-01",
        type: "GATEWAY",
        criticality: 4,
        site: "Kiln plant",
        zone: "Level 2",
        aliases: ["Kiln Modbus/OPC UA gateway"],
      },
      { name: "Plant historian", type: "HISTORIAN", criticality: 2, zone: "Level 3" },
    ].map((a) =>
      db.asset.create({
        data: {
          organizationId: org.id,
          normalizedName: a.name.toLowerCase(),
          aliases: [],
          ...a,
        } as Prisma.AssetUncheckedCreateInput,
      }),
    ),
  );
  for (const plc of assets.slice(0, 2))
    await db.deployment.create({ data: { organizationId: org.id, vendorId: vendor.id, assetId: plc.id } });
  // The buyer's own adjacency: both PLCs sit behind the gateway.
  for (const plc of assets.slice(0, 2)) {
    await db.linkage.create({
      data: {
        organizationId: org.id,
        fromKey: `asset:${assets[2]!.id}`,
        toKey: `asset:${plc.id}`,
        kind: "ADJACENCY",
        weight: 0.6,
        reason: "PLC behind GW-01",
        source: "INVENTORY",
      },
    });
  }
  const procurement = await actorFor(org.id, "PROCUREMENT");
  const risk = await actorFor(org.id, "RISK_OFFICER");
  const supplier = await actorFor(org.id, "SUPPLIER", vendor.id);
  const a = await createAssessment(db, procurement, {
    vendorId: vendor.id,
    contactId: contact.id,
    templateId: template!.id,
    dueDate: new Date(Date.now() + 864e6).toISOString().slice(0, 10),
  });
  await db.assessment.update({ where: { id: a.id }, data: { status: "IN_PROGRESS" } });
  // The supplier's saved draft (autosave is tested elsewhere; the evidence ids here are fixtures).
  await db.responseRevision.update({
    where: { assessmentId_revision: { assessmentId: a.id, revision: 1 } },
    data: { answers: (options.answers ?? acmeAnswers) as Prisma.InputJsonValue, version: 1 },
  });
  await submitResponse(db, supplier, a.id, 1);
  if (options.accept !== false) await acceptAssessment(db, risk, a.id);
  return { db, org, vendor, assets, a, risk, supplier, procurement };
}
