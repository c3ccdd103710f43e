// Demo assessments in every interesting state, so a fresh `npm start` shows the whole journey:
// two accepted (their answers are linkages and the vendors are scored), one submitted and waiting
// for the risk officer, one in progress, one sent and overdue.
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "../../lib/db/create-client";
import type { Prisma } from "../../lib/generated/prisma/client";
import type { AssessmentStatus } from "../../lib/generated/prisma/enums";
import { evidenceDir } from "../../lib/evidence/evidence-dir";
import { acmeAnswers, nordgateAnswers } from "../../lib/linkage/fixtures/baseline-answers";
import { rebuildAssessmentLinkages } from "../../lib/domain/graph/rebuild-assessment-linkages";
import { recomputeScores } from "../../lib/domain/scoring/recompute-scores";

const DAY = 86_400_000;

const SAMPLE_FILES: Record<string, { mime: string; body: () => string }> = {
  cyclonedx_json: { mime: "application/vnd.cyclonedx+json", body: () => JSON.stringify({ bomFormat: "CycloneDX", specVersion: "1.6", components: [{ type: "operating-system", name: "FreeRTOS", version: "10.4.3" }] }, null, 2) },
  spdx_json: { mime: "application/spdx+json", body: () => JSON.stringify({ spdxVersion: "SPDX-2.3", SPDXID: "SPDXRef-DOCUMENT", name: "demo", packages: [] }, null, 2) },
  csaf_json: { mime: "application/json", body: () => JSON.stringify({ document: { csaf_version: "2.0", category: "csaf_security_advisory", title: "Demo advisory" } }) },
  vex_json: { mime: "application/json", body: () => JSON.stringify({ "@context": "https://openvex.dev/ns/v0.2.0", statements: [] }) },
  pdf: { mime: "application/pdf", body: () => "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n" },
};

/** Replaces fixture evidence references with real files stored for this assessment. */
async function materialiseEvidence(db: Db, organizationId: string, assessmentId: string, answers: Record<string, unknown>) {
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
      const row = await db.evidence.create({
        data: { organizationId, assessmentId, questionId, fileName: f.name, kind: f.kind in SAMPLE_FILES ? f.kind : "pdf", mimeType: sample.mime, bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex"), storageKey },
        select: { id: true },
      });
      files.push({ fileId: row.id, name: f.name, kind: f.kind in SAMPLE_FILES ? f.kind : "pdf", bytes: bytes.length });
    }
    out[questionId] = files;
  }
  return out;
}

interface DemoAssessment {
  vendor: string;
  status: AssessmentStatus;
  answers?: Record<string, unknown>;
  dueInDays: number;
}

// The fixtures name a different plant's hubs; here suppliers name Northwind's (one stays unknown,
// so "needs mapping" has something to show).
const NORTHWIND_HUBS = [
  { name: "GW-2", role: "protocol_translator", provided_by: "customer" },
  { name: "mqtt-1", role: "broker", provided_by: "customer" },
  { name: "ACME EdgeBox 200", role: "gateway", provided_by: "vendor" },
];

const PLAN: DemoAssessment[] = [
  { vendor: "Meridian Gateways", status: "ACCEPTED", answers: { ...nordgateAnswers, net_hubs: [{ name: "MQTT-1 Edge Broker", role: "broker", provided_by: "customer" }] }, dueInDays: -10 },
  { vendor: "Orbital SCADA Cloud", status: "ACCEPTED", answers: { ...acmeAnswers, scope_product_classes: ["cloud_platform"], net_hubs: NORTHWIND_HUBS.slice(0, 2) }, dueInDays: -3 },
  { vendor: "Helix Controls", status: "SUBMITTED", answers: { ...acmeAnswers, net_hubs: NORTHWIND_HUBS }, dueInDays: 7 },
  { vendor: "Cobalt Historian", status: "IN_PROGRESS", answers: { scope_product_classes: ["software"], scope_units: 2 }, dueInDays: 12 },
  { vendor: "Kestrel Remote Access", status: "SENT", dueInDays: -2 },
];

export async function seedDemoAssessments(db: Db, organizationId: string, people: { procurementId: string; riskId: string }) {
  const template = await db.questionnaireTemplate.findFirstOrThrow({ where: { organizationId }, orderBy: { version: "desc" }, select: { id: true } });
  const now = Date.now();
  await db.questionnaireTemplate.update({ where: { id: template.id }, data: { lockedAt: new Date(now - 40 * DAY) } });
  for (const plan of PLAN) {
    const vendor = await db.vendor.findFirstOrThrow({ where: { organizationId, name: plan.vendor }, select: { id: true, contacts: { select: { id: true, email: true }, take: 1 } } });
    const contact = vendor.contacts[0]!;
    const sentAt = new Date(now - 30 * DAY);
    const submitted = plan.status === "SUBMITTED" || plan.status === "ACCEPTED";
    const a = await db.assessment.create({
      data: {
        organizationId, vendorId: vendor.id, contactId: contact.id, templateId: template.id, status: plan.status, createdById: people.procurementId,
        dueDate: new Date(now + plan.dueInDays * DAY), sentAt, openedAt: plan.status === "SENT" ? null : new Date(now - 28 * DAY),
        submittedAt: submitted ? new Date(now - 14 * DAY) : null, acceptedAt: plan.status === "ACCEPTED" ? new Date(now - 7 * DAY) : null,
      },
      select: { id: true },
    });
    const answers = plan.answers ? await materialiseEvidence(db, organizationId, a.id, plan.answers) : {};
    await db.responseRevision.create({
      data: { organizationId, assessmentId: a.id, revision: 1, answers: answers as Prisma.InputJsonValue, version: plan.answers ? 12 : 0, submittedAt: submitted ? new Date(now - 14 * DAY) : null },
    });
    // The invitation link itself is not recoverable (only its hash is stored): a random one.
    await db.assessmentInvitation.create({
      data: { organizationId, assessmentId: a.id, email: contact.email, tokenHash: createHash("sha256").update(randomBytes(32)).digest("hex"), expiresAt: new Date(sentAt.getTime() + 14 * DAY), usedAt: plan.status === "SENT" ? null : new Date(now - 28 * DAY) },
    });
    const events = ["assessment.create", "assessment.send", ...(plan.status !== "SENT" ? ["invitation.accept"] : []), ...(submitted ? ["assessment.submit"] : []), ...(plan.status === "ACCEPTED" ? ["assessment.accept"] : [])];
    for (const [i, action] of events.entries()) {
      await db.auditEvent.create({ data: { organizationId, actorId: action === "assessment.accept" ? people.riskId : action.startsWith("assessment.c") || action === "assessment.send" ? people.procurementId : null, action, entityType: "Assessment", entityId: a.id, createdAt: new Date(now - (30 - i * 6) * DAY) } });
    }
    if (plan.status === "ACCEPTED") await db.$transaction((tx) => rebuildAssessmentLinkages(tx, organizationId, a.id));
  }
  await recomputeScores(db, organizationId);
}
