// The victims of the ID-tampering matrix: a "kit" of rows of every kind planted in one tenant for
// one vendor (vendor, contacts, template, assessments in four states, comment, assets, inventory
// and manual linkages, deployment, what-if scenario, scoring run; evidence, invitation and mail
// are added through the portal itself). Every name carries the kit's marker, so a marker in any
// response given to someone else is a leak. The demo seed stays as it is: kits and the extra
// accounts are written here, into the e2e server's own database.
import { randomBytes } from "node:crypto";

import pg from "pg";

import type { Db } from "../../../lib/db/create-client";
import type { Prisma } from "../../../lib/generated/prisma/client";
import { getOtSupplierBaselineTemplate } from "../../../lib/questionnaire";
import {
  buildAsset,
  buildContact,
  buildDeployment,
  buildInventoryLinkage,
  buildTemplate,
  buildUser,
  buildVendor,
} from "../../../prisma/seed/factories";
import {
  assertLocalDatabaseUrl,
  DEFAULT_TEST_DATABASE_URL,
  withDatabase,
} from "../../integration/database-url";

/**
 * The e2e server (tests/e2e/support/e2e-server.ts) creates a fresh database named trustmap_e2e_…
 * and does not publish its name; other engineers' servers create theirs on the same PostgreSQL.
 * The one behind *this* server is the one holding a vendor id that this server just showed us.
 */
export async function findServerDatabase(knownVendorId: string): Promise<string> {
  const serverUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
  const base = assertLocalDatabaseUrl(serverUrl);
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `The security matrix checks the server's database directly and needs the local PostgreSQL (TEST_DATABASE_URL, default ${DEFAULT_TEST_DATABASE_URL}): ${(error as Error).message}`,
    );
  }
  const { rows } = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE 'trustmap\\_e2e\\_%' ORDER BY datname DESC`,
  );
  await admin.end();
  for (const { datname } of rows) {
    const url = withDatabase(base, datname);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      const hit = await client.query(`SELECT 1 FROM "Vendor" WHERE id = $1`, [knownVendorId]);
      if (hit.rowCount) return url;
    } catch {
      // a database being created or dropped by someone else's run
    } finally {
      await client.end().catch(() => {});
    }
  }
  throw new Error(
    `No trustmap_e2e_* database holds vendor ${knownVendorId}: is the e2e server using PostgreSQL?`,
  );
}

export interface VictimKit {
  /** "Southbridge", "Northwind" … (for messages) */
  tenant: string;
  organizationId: string;
  /** In every name of the kit; found in a response to anyone else = leak. Letters and digits only. */
  marker: string;
  /** A prefix of the marker used in search parameters (a page may echo it; it is not the marker). */
  probe: string;
  vendorId: string;
  contactId: string;
  contactEmail: string;
  spareContactId: string;
  templateId: string;
  submittedAssessmentId: string;
  inProgressAssessmentId: string;
  draftAssessmentId: string;
  sentAssessmentId: string;
  inProgressVersion: number;
  commentId: string;
  assetId: string;
  asset2Id: string;
  inventoryLinkageId: string;
  manualLinkageId: string;
  deploymentId: string;
  scenarioId: string;
  scoringRunId: string;
  /** The kit vendor's own supplier account (for the positive controls and the upload). */
  supplierEmail: string;
  /** That account's user id (an id filter another tenant's admin may try, e.g. the audit log's person). */
  supplierUserId: string;
  /** Filled in through the portal after planting. */
  evidenceId: string;
  invitationId: string;
  mailId: string;
}

const DAY = 86_400_000;

export async function plantKit(
  db: Db,
  organizationId: string,
  tenant: string,
  password: string,
): Promise<VictimKit> {
  const marker = `Zq${randomBytes(4).toString("hex")}${tenant.slice(0, 2)}`;
  const lower = marker.toLowerCase();
  const vendor = await buildVendor(db, {
    organizationId,
    name: `${marker} Vendor`,
    tier: "HIGH",
    description: `${marker} vendor description`,
  });
  const contact = await buildContact(db, {
    organizationId,
    vendorId: vendor.id,
    name: `${marker} Contact`,
    email: `${lower}-contact@victim.test`,
    isPrimary: true,
  });
  const spare = await buildContact(db, {
    organizationId,
    vendorId: vendor.id,
    name: `${marker} Spare`,
    email: `${lower}-spare@victim.test`,
  });
  const supplier = await buildUser(db, {
    organizationId,
    role: "SUPPLIER",
    email: `${lower}-supplier@victim.test`,
    name: `${marker} Supplier`,
    password,
    vendorId: vendor.id,
  });
  const baseline = getOtSupplierBaselineTemplate();
  const template = await buildTemplate(db, {
    organizationId,
    template: { ...baseline, key: `${lower}-questionnaire`, version: 1, title: `${marker} Questionnaire` },
  });
  const now = Date.now();
  const answers = {
    scope_product_names: `${marker} answer text`,
    scope_product_classes: ["software"],
  } as Prisma.InputJsonValue;

  async function assessment(status: "SUBMITTED" | "IN_PROGRESS" | "DRAFT", withAnswers: boolean) {
    const submitted = status === "SUBMITTED";
    const a = await db.assessment.create({
      data: {
        organizationId,
        vendorId: vendor.id,
        contactId: contact.id,
        templateId: template.id,
        status,
        dueDate: new Date(now + 14 * DAY),
        message: `${marker} message`,
        sentAt: status === "DRAFT" ? null : new Date(now - 10 * DAY),
        openedAt: status === "DRAFT" ? null : new Date(now - 9 * DAY),
        submittedAt: submitted ? new Date(now - DAY) : null,
      },
      select: { id: true },
    });
    const revision = await db.responseRevision.create({
      data: {
        organizationId,
        assessmentId: a.id,
        revision: 1,
        answers: withAnswers ? answers : {},
        version: withAnswers ? 3 : 0,
        submittedAt: submitted ? new Date(now - DAY) : null,
        submittedById: submitted ? supplier.id : null,
      },
      select: { version: true },
    });
    return { id: a.id, version: revision.version };
  }
  const submitted = await assessment("SUBMITTED", true);
  const inProgress = await assessment("IN_PROGRESS", true);
  const draft = await assessment("DRAFT", false);
  const toSend = await assessment("DRAFT", false);
  await db.assessmentInvitation.createMany({
    data: [submitted.id, inProgress.id].map((assessmentId) => ({
      organizationId,
      assessmentId,
      email: contact.email,
      tokenHash: randomBytes(32).toString("hex"),
      expiresAt: new Date(now + 4 * DAY),
      usedAt: new Date(now - 9 * DAY),
    })),
  });
  const comment = await db.reviewComment.create({
    data: {
      organizationId,
      assessmentId: submitted.id,
      revision: 1,
      questionId: "scope_product_names",
      body: `${marker} reviewer comment`,
    },
    select: { id: true },
  });
  // Messages kept in the portal: a decision message and a supplier's reply to the comment.
  await db.reviewMessage.createMany({
    data: [
      {
        organizationId,
        assessmentId: inProgress.id,
        vendorId: vendor.id,
        revision: 1,
        kind: "CHANGES_REQUESTED",
        body: `${marker} reviewer message`,
      },
      {
        organizationId,
        assessmentId: submitted.id,
        vendorId: vendor.id,
        revision: 1,
        kind: "SUPPLIER_REPLY",
        commentId: comment.id,
        body: `${marker} supplier reply`,
      },
    ],
  });

  const asset = await buildAsset(db, {
    organizationId,
    name: `${marker} Asset One`,
    type: "GATEWAY",
    criticality: 5,
  });
  const asset2 = await buildAsset(db, {
    organizationId,
    name: `${marker} Asset Two`,
    type: "CONTROLLER",
    criticality: 4,
  });
  const connection = await buildInventoryLinkage(db, {
    organizationId,
    fromAssetId: asset.id,
    toAssetId: asset2.id,
    reason: `${marker} connection`,
  });
  const deployment = await buildDeployment(db, {
    organizationId,
    vendorId: vendor.id,
    assetId: asset.id,
    note: `${marker} deployment`,
  });
  const manual = await db.linkage.create({
    data: {
      organizationId,
      fromKey: `vendor:${vendor.id}`,
      toKey: `asset:${asset2.id}`,
      kind: "TRUST",
      weight: 0.7,
      reason: `${marker} manual linkage`,
      source: "MANUAL",
    },
    select: { id: true },
  });
  const scenario = await db.whatIfScenario.create({
    data: {
      organizationId,
      name: `${marker} Scenario`,
      vendorId: vendor.id,
      changes: { controls: [], remove: [], reweight: [] },
    },
    select: { id: true },
  });
  const run = await db.scoringRun.create({
    data: {
      organizationId,
      kind: "full",
      status: "SUCCEEDED",
      trigger: `${marker}`,
      total: 1,
      done: 1,
      startedAt: new Date(now - DAY),
      finishedAt: new Date(now - DAY),
    },
    select: { id: true },
  });
  return {
    tenant,
    organizationId,
    marker,
    probe: marker.slice(0, 6),
    vendorId: vendor.id,
    contactId: contact.id,
    contactEmail: contact.email,
    spareContactId: spare.id,
    templateId: template.id,
    submittedAssessmentId: submitted.id,
    inProgressAssessmentId: inProgress.id,
    draftAssessmentId: draft.id,
    sentAssessmentId: toSend.id,
    inProgressVersion: inProgress.version,
    commentId: comment.id,
    assetId: asset.id,
    asset2Id: asset2.id,
    inventoryLinkageId: connection.id,
    manualLinkageId: manual.id,
    deploymentId: deployment.id,
    scenarioId: scenario.id,
    scoringRunId: run.id,
    supplierEmail: supplier.email,
    supplierUserId: supplier.id,
    evidenceId: "",
    invitationId: "",
    mailId: "",
  };
}

// Tenant tables whose rows an attack must never change. Scores, snapshots and audit events are left
// out on purpose: background scoring jobs and sign-ins write them legitimately at any time.
const TENANT_TABLES = [
  "Vendor",
  "VendorContact",
  "User",
  "QuestionnaireTemplate",
  "Assessment",
  "AssessmentInvitation",
  "ResponseRevision",
  "Evidence",
  "ReviewComment",
  "ReviewMessage",
  "Asset",
  "Deployment",
  "Linkage",
  "GraphNode",
  "MappingRequest",
  "WhatIfScenario",
] as const;

/**
 * A fingerprint per table of every row of the victim's organisation (md5 of the rows as text), the
 * organisation row itself, and the number of its scoring runs. Equal before and after = untouched.
 */
export async function tenantFingerprint(
  client: pg.Client,
  organizationId: string,
): Promise<Record<string, string>> {
  const parts = TENANT_TABLES.map(
    (t) =>
      `(SELECT md5(coalesce(string_agg(r::text, '|' ORDER BY r.id), '')) FROM "${t}" r WHERE r."organizationId" = $1) AS "${t}"`,
  );
  parts.push(`(SELECT md5(o::text) FROM "Organization" o WHERE o.id = $1) AS "Organization"`);
  parts.push(`(SELECT count(*)::text FROM "ScoringRun" s WHERE s."organizationId" = $1) AS "ScoringRun"`);
  const { rows } = await client.query<Record<string, string>>(`SELECT ${parts.join(", ")}`, [organizationId]);
  return rows[0]!;
}

export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(before).filter((k) => before[k] !== after[k]);
}
