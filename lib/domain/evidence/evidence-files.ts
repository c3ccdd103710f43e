import "server-only";
import { randomBytes } from "node:crypto";
import { createHash } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/lib/db/create-client";
import { assertCan, can, type Actor } from "@/lib/auth/roles";
import { AppError, notFound } from "@/lib/errors";
import { idSchema } from "@/lib/validation/vendor";
import { isEditableBySupplier } from "@/lib/assessment/status-machine";
import { loadTemplate } from "@/lib/domain/template/template-versions";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { EVIDENCE_KIND_LABELS, sniffEvidence } from "@/lib/evidence/sniff-evidence";
import type { EvidenceFile } from "@/lib/questionnaire";

import { evidenceDir } from "@/lib/evidence/evidence-dir";

const MAX_NAME = 200;
function cleanFileName(name: unknown): string {
  const base = typeof name === "string" ? path.basename(name.replace(/\\/g, "/")) : "";
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>|]/g, "").trim().slice(0, MAX_NAME);
  return cleaned || "evidence";
}

export async function uploadEvidence(db: Db, actor: Actor, input: { assessmentId: unknown; questionId: unknown; fileName: unknown; bytes: Uint8Array }): Promise<EvidenceFile> {
  assertCan(actor, "answerAssessments");
  const id = idSchema.safeParse(input.assessmentId);
  if (!id.success) throw notFound("Assessment");
  const a = await db.assessment.findFirst({
    where: { id: id.data, organizationId: actor.organizationId, vendorId: actor.vendorId!, status: { not: "DRAFT" } },
    select: { id: true, status: true, template: { select: { definition: true } } },
  });
  if (!a) throw notFound("Assessment");
  if (!isEditableBySupplier(a.status)) throw new AppError("CONFLICT", "This questionnaire has been submitted; files can no longer be added.");
  const template = loadTemplate(a.template.definition);
  const question = template.sections.flatMap((s) => s.questions).find((q) => q.id === input.questionId);
  if (!question || question.type !== "evidence") throw new AppError("VALIDATION", "That question does not take file uploads.");

  const size = input.bytes.byteLength;
  if (size === 0) throw new AppError("VALIDATION", "The file is empty.");
  if (size > question.maxBytes) {
    throw new AppError("VALIDATION", `The file is ${(size / 1_048_576).toFixed(1)} MB; this question accepts files up to ${(question.maxBytes / 1_048_576).toFixed(1)} MB.`);
  }
  const sniffed = await sniffEvidence(input.bytes);
  const accepted = question.accept.map((k) => EVIDENCE_KIND_LABELS[k]).join(", ");
  if (!sniffed) throw new AppError("VALIDATION", `This file's content is not one we accept here. Accepted: ${accepted}.`);
  if (!question.accept.includes(sniffed.kind)) {
    throw new AppError("VALIDATION", `This file is a ${EVIDENCE_KIND_LABELS[sniffed.kind]}, but this question accepts: ${accepted}.`);
  }

  const storageKey = path.join(actor.organizationId, randomBytes(16).toString("hex"));
  const fullPath = path.join(evidenceDir(), storageKey);
  await mkdir(path.dirname(fullPath), { recursive: true });
  await writeFile(fullPath, input.bytes, { mode: 0o600 });
  const fileName = cleanFileName(input.fileName);
  try {
    const row = await db.$transaction(async (tx) => {
      const created = await tx.evidence.create({
        data: {
          organizationId: actor.organizationId, assessmentId: a.id, questionId: question.id, fileName, kind: sniffed.kind, mimeType: sniffed.mimeType,
          bytes: size, sha256: createHash("sha256").update(input.bytes).digest("hex"), storageKey, uploadedById: actor.userId,
        },
        select: { id: true },
      });
      await recordAuditEvent(tx, actor, { action: "evidence.upload", entityType: "Assessment", entityId: a.id, details: { evidenceId: created.id, questionId: question.id, fileName, kind: sniffed.kind, bytes: size } });
      return created;
    });
    return { fileId: row.id, name: fileName, kind: sniffed.kind, bytes: size };
  } catch (error) {
    await rm(fullPath, { force: true });
    throw error;
  }
}

/** The file behind an evidence id, for staff of the organisation or the supplier of that vendor. */
export async function readEvidenceFile(db: Db, actor: Actor, evidenceIdRaw: unknown) {
  const id = idSchema.safeParse(evidenceIdRaw);
  if (!id.success) throw notFound("File");
  const scope = can.readAssessments(actor)
    ? { organizationId: actor.organizationId }
    : can.answerAssessments(actor)
      ? { organizationId: actor.organizationId, assessment: { vendorId: actor.vendorId!, organizationId: actor.organizationId } }
      : null;
  if (!scope) throw notFound("File");
  const row = await db.evidence.findFirst({ where: { id: id.data, ...scope }, select: { fileName: true, mimeType: true, storageKey: true, bytes: true } });
  if (!row) throw notFound("File");
  const bytes = await readFile(path.join(evidenceDir(), row.storageKey));
  return { fileName: row.fileName, mimeType: row.mimeType, bytes };
}

/** Evidence ids referenced by answers must be files uploaded to this same assessment. */
export async function assertEvidenceBelongs(db: Pick<Db, "evidence">, organizationId: string, assessmentId: string, fileIds: string[]) {
  if (fileIds.length === 0) return;
  const found = await db.evidence.count({ where: { id: { in: fileIds }, organizationId, assessmentId } });
  if (found !== new Set(fileIds).size) throw new AppError("VALIDATION", "An attached file was not found. Upload it again.");
}
