// Demo assessments in every interesting state, so a fresh `npm start` shows the whole journey and a
// portfolio worth comparing: seven accepted (their answers are linkages and the vendors are scored),
// one submitted and waiting for the risk officer (Helix), one in progress, one sent and overdue.
//
// Everything is dated on one timeline, in days before the seed ran: an assessment is created, sent,
// opened, submitted and accepted in that order; its invitation is created when it is sent and used
// when it is opened; audit events carry the same times. Acceptances and the risk officer's manual
// linkages are replayed in date order, each followed by a recompute whose snapshots are dated just
// after the event, so the score history of a vendor moves when something it depends on changed.
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import { INVITATION_TTL_MS } from "../../lib/auth/tokens";
import type { Db } from "../../lib/db/create-client";
import { bumpGraphVersion } from "../../lib/domain/graph-store/graph-cache";
import { rebuildAssessmentLinkages } from "../../lib/domain/linkage/rebuild-assessment-linkages";
import { recomputeScores } from "../../lib/domain/scoring/recompute-scores";
import { evidenceDir } from "../../lib/evidence/evidence-dir";
import type { Prisma } from "../../lib/generated/prisma/client";
import type { AssessmentStatus, LinkageKind } from "../../lib/generated/prisma/enums";
import { componentKey, normalizeComponentName } from "../../lib/linkage";
import { vendorKey } from "../../lib/linkage/keys";
import {
  atlasAnswers,
  brightlineAnswers,
  cobaltAnswers,
  helixAnswers,
  kestrelAnswers,
  LUMEN_RTOS,
  lumenAnswers,
  meridianAnswers,
  NIMBUS_OTA,
  orbitalAnswers,
  vireoDraftAnswers,
} from "./northwind-demo-answers";

const DAY = 86_400_000;
const MINUTE = 60_000;

const SAMPLE_FILES: Record<string, { mime: string; body: () => string }> = {
  cyclonedx_json: {
    mime: "application/vnd.cyclonedx+json",
    body: () =>
      JSON.stringify(
        {
          bomFormat: "CycloneDX",
          specVersion: "1.6",
          components: [
            {
              type: "operating-system",
              name: LUMEN_RTOS.name,
              version: LUMEN_RTOS.version,
              purl: LUMEN_RTOS.purl,
            },
          ],
        },
        null,
        2,
      ),
  },
  spdx_json: {
    mime: "application/spdx+json",
    body: () =>
      JSON.stringify(
        { spdxVersion: "SPDX-2.3", SPDXID: "SPDXRef-DOCUMENT", name: "demo", packages: [] },
        null,
        2,
      ),
  },
  csaf_json: {
    mime: "application/json",
    body: () =>
      JSON.stringify({
        document: { csaf_version: "2.0", category: "csaf_security_advisory", title: "Demo advisory" },
      }),
  },
  vex_json: {
    mime: "application/json",
    body: () => JSON.stringify({ "@context": "https://openvex.dev/ns/v0.2.0", statements: [] }),
  },
  pdf: {
    mime: "application/pdf",
    body: () =>
      "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  },
};

/** Replaces fixture evidence references with real files stored for this assessment, uploaded at `at`. */
async function materialiseEvidence(
  db: Db,
  organizationId: string,
  assessmentId: string,
  answers: Record<string, unknown>,
  at: Date,
) {
  const out: Record<string, unknown> = { ...answers };
  for (const [questionId, value] of Object.entries(answers)) {
    if (!Array.isArray(value) || !value.every((f) => f && typeof f === "object" && "fileId" in f)) continue;
    const files = [];
    for (const f of value as { name: string; kind: string }[]) {
      const sample = SAMPLE_FILES[f.kind] ?? SAMPLE_FILES.pdf!;
      const bytes = Buffer.from(sample.body());
      const storageKey = path.join(organizationId, randomBytes(16).toString("hex"));
      mkdirSync(path.join(evidenceDir(), organizationId), { recursive: true });
      writeFileSync(path.join(evidenceDir(), storageKey), bytes);
      const kind = f.kind in SAMPLE_FILES ? f.kind : "pdf";
      const row = await db.evidence.create({
        data: {
          organizationId,
          assessmentId,
          questionId,
          fileName: f.name,
          kind,
          mimeType: sample.mime,
          bytes: bytes.length,
          sha256: createHash("sha256").update(bytes).digest("hex"),
          storageKey,
          createdAt: at,
        },
        select: { id: true },
      });
      files.push({ fileId: row.id, name: f.name, kind, bytes: bytes.length });
    }
    out[questionId] = files;
  }
  return out;
}

/** One assessment; times are days before the seed ran (due: days from it, negative = past). */
interface DemoAssessment {
  vendor: string;
  status: AssessmentStatus;
  answers?: Record<string, unknown>;
  sent: number;
  opened?: number;
  submitted?: number;
  accepted?: number;
  due: number;
}

/** Sent oldest first. Each accepted one was submitted before it was due. */
export const DEMO_ASSESSMENT_PLAN: readonly DemoAssessment[] = [
  {
    vendor: "Atlas Field Sensors",
    status: "ACCEPTED",
    answers: atlasAnswers,
    sent: 92,
    opened: 89,
    submitted: 77,
    accepted: 72,
    due: -62,
  },
  {
    vendor: "Meridian Gateways",
    status: "ACCEPTED",
    answers: meridianAnswers,
    sent: 82,
    opened: 80,
    submitted: 67,
    accepted: 62,
    due: -52,
  },
  {
    vendor: "Lumen RTOS",
    status: "ACCEPTED",
    answers: lumenAnswers,
    sent: 77,
    opened: 76,
    submitted: 57,
    accepted: 52,
    due: -47,
  },
  {
    vendor: "Cobalt Historian",
    status: "ACCEPTED",
    answers: cobaltAnswers,
    sent: 62,
    opened: 60,
    submitted: 42,
    accepted: 37,
    due: -32,
  },
  {
    vendor: "Brightline HMI",
    status: "ACCEPTED",
    answers: brightlineAnswers,
    sent: 57,
    opened: 52,
    submitted: 32,
    accepted: 26,
    due: -27,
  },
  {
    vendor: "Orbital SCADA Cloud",
    status: "ACCEPTED",
    answers: orbitalAnswers,
    sent: 42,
    opened: 41,
    submitted: 22,
    accepted: 15,
    due: -12,
  },
  {
    vendor: "Kestrel Remote Access",
    status: "ACCEPTED",
    answers: kestrelAnswers,
    sent: 32,
    opened: 29,
    submitted: 12,
    accepted: 4,
    due: -2,
  },
  {
    vendor: "Helix Controls",
    status: "SUBMITTED",
    answers: helixAnswers,
    sent: 30,
    opened: 28,
    submitted: 3,
    due: 7,
  },
  { vendor: "Tern Networks", status: "SENT", sent: 19, due: -5 },
  {
    vendor: "Vireo Drives",
    status: "IN_PROGRESS",
    answers: vireoDraftAnswers,
    sent: 12,
    opened: 10,
    due: 16,
  },
];

/**
 * Linkages the risk officer recorded by hand where the questionnaire cannot say it (its component
 * and sub-supplier rules get no edge from a vendor): days before the seed ran, from a vendor to a
 * graph node the accepted answers created.
 */
interface DemoManualLinkage {
  at: number;
  vendor: string;
  to: (vendorIds: Record<string, string>) => string;
  kind: LinkageKind;
  weight: number;
  reason: string;
}

export const LUMEN_SUB_SUPPLIER_KEY = `sub_supplier:${normalizeComponentName(LUMEN_RTOS.supplier)}`;
export const LUMEN_RTOS_KEY = componentKey({ purl: LUMEN_RTOS.purl });
export const NIMBUS_OTA_KEY = componentKey({ purl: NIMBUS_OTA.purl });

export const DEMO_MANUAL_LINKAGES: readonly DemoManualLinkage[] = [
  {
    at: 25,
    vendor: "Lumen RTOS",
    to: () => LUMEN_SUB_SUPPLIER_KEY,
    kind: "INHERITANCE",
    weight: 0.9,
    reason:
      'Lumen RTOS is the sub-supplier "Lumen RTOS" that Meridian, Brightline and Atlas name for the kernel in their firmware. Whoever compromises Lumen\'s build or release process ships code into every firmware image that embeds the kernel.',
  },
  {
    at: 25,
    vendor: "Meridian Gateways",
    to: () => NIMBUS_OTA_KEY,
    kind: "INHERITANCE",
    weight: 0.5,
    reason:
      "Meridian publishes MG-400 firmware through Northwind's Nimbus OTA tenant, which Brightline uses too. The tenant does not limit a publisher to its own devices, so a stolen Meridian publisher key can push to every enrolled unit.",
  },
  {
    at: 25,
    vendor: "Brightline HMI",
    to: () => NIMBUS_OTA_KEY,
    kind: "INHERITANCE",
    weight: 0.6,
    reason:
      "Brightline publishes panel firmware through Northwind's Nimbus OTA tenant, which Meridian uses too. The tenant does not limit a publisher to its own devices, so a stolen Brightline publisher key can push to every enrolled unit.",
  },
  {
    at: 3,
    vendor: "Kestrel Remote Access",
    to: (v) => `${vendorKey(v["Brightline HMI"]!)}/remote_access/third_party_service`,
    kind: "TRUST",
    weight: 0.8,
    reason:
      "Brightline's field engineers reach Northwind through Kestrel's relay (Brightline's answer on remote access). Whoever controls the Kestrel relay controls those sessions.",
  },
];

export async function seedDemoAssessments(
  db: Db,
  organizationId: string,
  people: { procurementId: string; riskId: string; supplierUserId: string; supplierVendor: string },
) {
  const template = await db.questionnaireTemplate.findFirstOrThrow({
    where: { organizationId },
    orderBy: { version: "desc" },
    select: { id: true },
  });
  const now = Date.now();
  const daysAgo = (days: number) => new Date(now - days * DAY);
  await db.questionnaireTemplate.update({ where: { id: template.id }, data: { lockedAt: daysAgo(120) } });
  const vendors = Object.fromEntries(
    (await db.vendor.findMany({ where: { organizationId }, select: { id: true, name: true } })).map((v) => [
      v.name,
      v.id,
    ]),
  );

  const acceptances: { at: number; assessmentId: string; vendor: string }[] = [];
  for (const plan of DEMO_ASSESSMENT_PLAN) {
    const vendor = await db.vendor.findFirstOrThrow({
      where: { organizationId, name: plan.vendor },
      select: { id: true, contacts: { select: { id: true, email: true }, take: 1 } },
    });
    const contact = vendor.contacts[0]!;
    const supplierActor = plan.vendor === people.supplierVendor ? people.supplierUserId : null;
    const sentAt = daysAgo(plan.sent);
    const createdAt = new Date(sentAt.getTime() - 45 * MINUTE);
    const openedAt = plan.opened === undefined ? null : daysAgo(plan.opened);
    const submittedAt = plan.submitted === undefined ? null : daysAgo(plan.submitted);
    const acceptedAt = plan.accepted === undefined ? null : daysAgo(plan.accepted);
    const lastChange =
      acceptedAt ?? submittedAt ?? (openedAt ? daysAgo(Math.max(0, (plan.opened ?? 0) - 8)) : sentAt);
    // An accepted one waits as submitted until its acceptance is replayed below.
    const a = await db.assessment.create({
      data: {
        organizationId,
        vendorId: vendor.id,
        contactId: contact.id,
        templateId: template.id,
        status: acceptedAt ? "SUBMITTED" : plan.status,
        createdById: people.procurementId,
        dueDate: new Date(now + plan.due * DAY),
        sentAt,
        openedAt,
        submittedAt,
        acceptedAt: null,
        createdAt,
        updatedAt: lastChange,
      },
      select: { id: true },
    });
    // Evidence is uploaded while the supplier answers: a day after opening.
    const answers = plan.answers
      ? await materialiseEvidence(
          db,
          organizationId,
          a.id,
          plan.answers,
          new Date((openedAt ?? sentAt).getTime() + DAY),
        )
      : {};
    await db.responseRevision.create({
      data: {
        organizationId,
        assessmentId: a.id,
        revision: 1,
        answers: answers as Prisma.InputJsonValue,
        version: plan.answers ? 12 : 0,
        submittedAt,
        createdAt: openedAt ?? sentAt,
        updatedAt: lastChange,
      },
    });
    // The invitation link itself is not recoverable (only its hash is stored): a random one.
    const invitation = await db.assessmentInvitation.create({
      data: {
        organizationId,
        assessmentId: a.id,
        email: contact.email,
        tokenHash: createHash("sha256").update(randomBytes(32)).digest("hex"),
        createdAt: sentAt,
        expiresAt: new Date(sentAt.getTime() + INVITATION_TTL_MS),
        usedAt: openedAt,
      },
      select: { id: true },
    });
    const audit = (action: string, at: Date, actorId: string | null, details?: Prisma.InputJsonValue) =>
      db.auditEvent.create({
        data: {
          organizationId,
          actorId,
          action,
          entityType: "Assessment",
          entityId: a.id,
          createdAt: at,
          ...(details !== undefined && { details }),
        },
      });
    await audit("assessment.create", createdAt, people.procurementId, {
      vendorId: vendor.id,
      templateId: template.id,
      dueDate: new Date(now + plan.due * DAY).toISOString(),
    });
    await audit("assessment.send", sentAt, people.procurementId, {
      to: contact.email,
      invitationId: invitation.id,
    });
    if (openedAt) await audit("invitation.accept", openedAt, supplierActor, { invitationId: invitation.id });
    if (submittedAt) await audit("assessment.submit", submittedAt, supplierActor, { revision: 1 });
    if (acceptedAt) acceptances.push({ at: plan.accepted!, assessmentId: a.id, vendor: plan.vendor });
  }

  // Replay what changed the graph, oldest first, each followed by a recompute dated just after it.
  type GraphEvent = { at: number; apply: () => Promise<void> };
  const events: GraphEvent[] = [
    ...acceptances.map((acc) => ({
      at: acc.at,
      apply: async () => {
        const at = daysAgo(acc.at);
        const graph = await db.$transaction(async (tx) => {
          await tx.assessment.update({
            where: { id: acc.assessmentId },
            data: { status: "ACCEPTED", acceptedAt: at, updatedAt: at },
          });
          return rebuildAssessmentLinkages(tx, organizationId, acc.assessmentId);
        });
        await db.auditEvent.create({
          data: {
            organizationId,
            actorId: people.riskId,
            action: "assessment.accept",
            entityType: "Assessment",
            entityId: acc.assessmentId,
            createdAt: at,
            details: { revision: 1, linkages: graph.linkages, needsMapping: graph.needsMapping },
          },
        });
      },
    })),
    // Links recorded the same day are one sitting of the risk officer: one recompute after them.
    ...[...new Set(DEMO_MANUAL_LINKAGES.map((m) => m.at))].map((at) => ({
      at,
      apply: async () => {
        for (const m of DEMO_MANUAL_LINKAGES.filter((x) => x.at === at))
          await addManualLinkage(db, organizationId, people.riskId, vendors, m, daysAgo(at));
      },
    })),
  ];
  // Stable: events on the same day keep their listed order (acceptances before the links they explain).
  events.sort((x, y) => y.at - x.at);
  for (const event of events) {
    const stepStart = new Date();
    await event.apply();
    await recomputeScores(db, organizationId);
    await backdate(db, organizationId, stepStart, daysAgo(event.at));
  }
}

async function addManualLinkage(
  db: Db,
  organizationId: string,
  riskId: string,
  vendorIds: Record<string, string>,
  m: DemoManualLinkage,
  at: Date,
) {
  const vendorId = vendorIds[m.vendor];
  if (!vendorId) throw new Error(`demo seed: no vendor named ${m.vendor}`);
  const toKey = m.to(vendorIds);
  // The portal only links to nodes that exist; so does the seed (a missing one is a fixture bug).
  if (!(await db.graphNode.count({ where: { organizationId, key: toKey } })))
    throw new Error(`demo seed: no graph node ${toKey} for ${m.vendor}'s manual linkage`);
  const fromKey = vendorKey(vendorId);
  const linkage = await db.linkage.create({
    data: {
      organizationId,
      fromKey,
      toKey,
      kind: m.kind,
      weight: m.weight,
      reason: m.reason,
      source: "MANUAL",
      createdById: riskId,
      createdAt: at,
    },
    select: { id: true },
  });
  await db.auditEvent.create({
    data: {
      organizationId,
      actorId: riskId,
      action: "linkage.create",
      entityType: "Linkage",
      entityId: linkage.id,
      createdAt: at,
      details: { fromKey, toKey, kind: m.kind, weight: m.weight, reason: m.reason },
    },
  });
  await bumpGraphVersion(db, organizationId);
}

/** Rows a replayed step wrote (at the real clock, after `stepStart`) take the step's demo time. */
async function backdate(db: Db, organizationId: string, stepStart: Date, at: Date) {
  const after = { gte: stepStart };
  const scoredAt = new Date(at.getTime() + 10 * MINUTE);
  await db.$transaction([
    db.linkage.updateMany({ where: { organizationId, createdAt: after }, data: { createdAt: at } }),
    db.graphNode.updateMany({ where: { organizationId, createdAt: after }, data: { createdAt: at } }),
    db.graphNode.updateMany({ where: { organizationId, updatedAt: after }, data: { updatedAt: at } }),
    db.mappingRequest.updateMany({ where: { organizationId, createdAt: after }, data: { createdAt: at } }),
    db.scoreSnapshot.updateMany({
      where: { organizationId, computedAt: after },
      data: { computedAt: scoredAt },
    }),
    db.currentScore.updateMany({
      where: { organizationId, computedAt: after },
      data: { computedAt: scoredAt },
    }),
  ]);
}
