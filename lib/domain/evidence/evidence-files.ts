import "server-only";

import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";

import { isEditableBySupplier } from "@/lib/assessment/status-machine";
import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { loadTemplate } from "@/lib/domain/template/template-versions";
import { AppError, notFound } from "@/lib/errors";
import { measureEvidenceRoom } from "@/lib/evidence/evidence-answers";
import { evidenceDir, stagingDir } from "@/lib/evidence/evidence-dir";
import { fileTooLarge, type StagedFile } from "@/lib/evidence/receive-upload";
import { EVIDENCE_KIND_LABELS, fileNameForType, sniffEvidenceFile } from "@/lib/evidence/sniff-evidence";
import {
  DEFAULT_ASSESSMENT_QUOTA_BYTES,
  MAX_UPLOAD_BYTES,
  uploadLimitFor,
} from "@/lib/evidence/upload-limits";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EvidenceFile, EvidenceQuestion } from "@/lib/questionnaire";
import { formatBytes } from "@/lib/questionnaire/answer-schema";
import { parseRecordId } from "@/lib/validation/common";

import { lockAssessment, removeAbandonedUploads, removeStoredFiles } from "./evidence-storage";
import { evidenceReadScope } from "./read-stored-evidence";

const MAX_NAME = 200;
function cleanFileName(name: unknown): string {
  const base = typeof name === "string" ? path.basename(name.replace(/\\/g, "/")) : "";
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f"<>|]/g, "")
    .trim()
    .slice(0, MAX_NAME);
  return cleaned || "evidence";
}

/** Bytes of evidence one assessment may hold: `EVIDENCE_QUOTA_MB` (MiB, may be fractional), else 250 MiB. */
export function assessmentQuotaBytes(): number {
  const mb = Number(process.env.EVIDENCE_QUOTA_MB);
  return Number.isFinite(mb) && mb > 0 ? Math.floor(mb * 1024 * 1024) : DEFAULT_ASSESSMENT_QUOTA_BYTES;
}

type Target = { a: { id: string; currentRevision: number }; question: EvidenceQuestion | null };

/** The supplier's own editable assessment and, when named, its evidence question; throws otherwise. */
async function loadUploadTarget(
  db: Db | Prisma.TransactionClient,
  actor: Actor,
  assessmentIdRaw: unknown,
  questionIdRaw: unknown,
): Promise<Target> {
  assertCan(actor, "answerAssessments");
  const id = parseRecordId(assessmentIdRaw, "Assessment");
  const a = await db.assessment.findFirst({
    where: {
      id: id,
      organizationId: actor.organizationId,
      vendorId: actor.vendorId!,
      status: { not: "DRAFT" },
    },
    select: { id: true, status: true, currentRevision: true, template: { select: { definition: true } } },
  });
  if (!a) throw notFound("Assessment");
  if (!isEditableBySupplier(a.status))
    throw new AppError("CONFLICT", "This questionnaire has been submitted; files can no longer be added.");
  if (questionIdRaw === undefined) return { a, question: null }; // not known yet (the route has not read it)
  const question = loadTemplate(a.template.definition)
    .sections.flatMap((s) => s.questions)
    .find((q) => q.id === questionIdRaw);
  if (!question || question.type !== "evidence")
    throw new AppError("VALIDATION", "That question does not take file uploads.");
  return { a, question };
}

/** The assessment's stored files measured against the question's maxFiles and the quota (see measureEvidenceRoom). */
async function measureRoom(
  db: Db | Prisma.TransactionClient,
  organizationId: string,
  a: Target["a"],
  questionId: string | null,
  now: Date,
) {
  const [rows, revisions] = await Promise.all([
    db.evidence.findMany({
      where: { organizationId, assessmentId: a.id },
      select: { id: true, questionId: true, bytes: true, createdAt: true, storageKey: true },
    }),
    db.responseRevision.findMany({
      where: { organizationId, assessmentId: a.id },
      select: { revision: true, answers: true, updatedAt: true },
    }),
  ]);
  const current = revisions.find((r) => r.revision === a.currentRevision) ?? {
    answers: {},
    updatedAt: new Date(0),
  };
  const room = measureEvidenceRoom({ rows, questionId, revisions, current, now });
  return {
    ...room,
    staleKeys: rows.filter((row) => room.stale.includes(row.id)).map((row) => row.storageKey),
  };
}

function assertRoom(
  room: { attached: number; heldBytes: number },
  question: EvidenceQuestion | null,
  incomingBytes: number,
) {
  const maxFiles = question?.maxFiles ?? 1;
  if (question && room.attached >= maxFiles) {
    throw new AppError(
      "VALIDATION",
      `This question takes at most ${maxFiles} file${maxFiles === 1 ? "" : "s"}. Remove one before adding another.`,
    );
  }
  const quota = assessmentQuotaBytes();
  if (room.heldBytes + incomingBytes > quota || room.heldBytes >= quota) {
    throw new AppError(
      "TOO_LARGE",
      `This assessment already holds ${formatBytes(room.heldBytes)} of files, and at most ${formatBytes(quota)} are allowed per assessment. Remove files you no longer need, or upload a smaller file.`,
    );
  }
}

/**
 * The checks that can be made before an upload's content is read (the route calls this as soon as
 * the question id has arrived): returns the most bytes the file may have.
 */
export async function prepareEvidenceUpload(
  db: Db,
  actor: Actor,
  input: { assessmentId: unknown; questionId: unknown },
  now = new Date(),
): Promise<number> {
  const { a, question } = await loadUploadTarget(db, actor, input.assessmentId, input.questionId);
  await removeAbandonedUploads(now);
  assertRoom(await measureRoom(db, actor.organizationId, a, question?.id ?? null, now), question, 0);
  return question ? uploadLimitFor(question) : MAX_UPLOAD_BYTES;
}

/**
 * Stores a staged upload as evidence of one question: checks the size and the real (sniffed) type,
 * then — under a lock on the assessment, so parallel uploads cannot both take the last slot — the
 * question's maxFiles and the assessment's quota, and moves the file into place. Files the supplier
 * removed from the answers a while ago are deleted on the way. The staged file is always consumed.
 */
export async function storeEvidence(
  db: Db,
  actor: Actor,
  input: { assessmentId: unknown; questionId: unknown; file: StagedFile },
  now = new Date(),
): Promise<EvidenceFile> {
  const staged = input.file;
  let finalPath = null as string | null;
  let pruned: string[] = [];
  try {
    const { a, question } = await loadUploadTarget(db, actor, input.assessmentId, input.questionId);
    if (!question) throw new AppError("VALIDATION", "That question does not take file uploads.");
    if (staged.bytes === 0) throw new AppError("VALIDATION", "The file is empty.");
    if (staged.bytes > uploadLimitFor(question)) throw fileTooLarge(uploadLimitFor(question));
    const sniffed = await sniffEvidenceFile(staged.path);
    const accepted = question.accept.map((k) => EVIDENCE_KIND_LABELS[k]).join(", ");
    if (!sniffed)
      throw new AppError(
        "VALIDATION",
        `This file's content is not one we accept here. Accepted: ${accepted}.`,
      );
    if (!question.accept.includes(sniffed.kind)) {
      throw new AppError(
        "VALIDATION",
        `This file is a ${EVIDENCE_KIND_LABELS[sniffed.kind]}, but this question accepts: ${accepted}.`,
      );
    }
    const fileName = fileNameForType(cleanFileName(staged.fileName), sniffed.mimeType);
    const storageKey = path.join(actor.organizationId, randomBytes(16).toString("hex"));

    const row = await db.$transaction(async (tx) => {
      await lockAssessment(tx, actor.organizationId, a.id);
      const locked = await loadUploadTarget(tx, actor, a.id, undefined); // the status may have moved on meanwhile
      const room = await measureRoom(tx, actor.organizationId, locked.a, question.id, now);
      assertRoom(room, question, staged.bytes);
      if (room.stale.length)
        await tx.evidence.deleteMany({
          where: { id: { in: room.stale }, organizationId: actor.organizationId, assessmentId: a.id },
        });
      const created = await tx.evidence.create({
        data: {
          organizationId: actor.organizationId,
          assessmentId: a.id,
          questionId: question.id,
          fileName,
          kind: sniffed.kind,
          mimeType: sniffed.mimeType,
          bytes: staged.bytes,
          sha256: staged.sha256,
          storageKey,
          uploadedById: actor.userId,
        },
        select: { id: true },
      });
      await recordAuditEvent(tx, actor, {
        action: "evidence.upload",
        entityType: "Assessment",
        entityId: a.id,
        details: {
          evidenceId: created.id,
          questionId: question.id,
          fileName,
          kind: sniffed.kind,
          bytes: staged.bytes,
        },
      });
      finalPath = path.join(evidenceDir(), storageKey);
      await mkdir(path.dirname(finalPath), { recursive: true });
      await rename(staged.path, finalPath);
      pruned = room.staleKeys;
      return created;
    });
    await removeStoredFiles(pruned);
    return { fileId: row.id, name: fileName, kind: sniffed.kind, bytes: staged.bytes };
  } catch (error) {
    if (finalPath) await rm(finalPath, { force: true }); // moved, but the row did not commit
    throw error;
  } finally {
    await rm(staged.path, { force: true });
  }
}

/** Stores bytes held in memory (scripts and tests); uploads from browsers are streamed by the route instead. */
export async function uploadEvidence(
  db: Db,
  actor: Actor,
  input: { assessmentId: unknown; questionId: unknown; fileName: unknown; bytes: Uint8Array },
): Promise<EvidenceFile> {
  await mkdir(stagingDir(), { recursive: true, mode: 0o700 });
  const staged: StagedFile = {
    path: path.join(stagingDir(), `${randomBytes(16).toString("hex")}.part`),
    fileName: typeof input.fileName === "string" ? input.fileName : "",
    bytes: input.bytes.byteLength,
    sha256: createHash("sha256").update(input.bytes).digest("hex"),
  };
  await writeFile(staged.path, input.bytes, { mode: 0o600, flag: "wx" });
  return storeEvidence(db, actor, {
    assessmentId: input.assessmentId,
    questionId: input.questionId,
    file: staged,
  });
}

/**
 * Opens an evidence file for download and records the download in the organisation's audit log.
 * The name carries the extension of the sniffed type, never the one it was uploaded with.
 */
export async function openEvidenceFile(
  db: Db,
  actor: Actor,
  evidenceIdRaw: unknown,
): Promise<{ fileName: string; mimeType: string; bytes: number; stream: () => Readable }> {
  const id = parseRecordId(evidenceIdRaw, "File");
  const scope = evidenceReadScope(actor);
  if (!scope) throw notFound("File");
  const row = await db.evidence.findFirst({
    where: { id, ...scope },
    select: { id: true, assessmentId: true, fileName: true, mimeType: true, storageKey: true },
  });
  if (!row) throw notFound("File");
  const fullPath = path.join(evidenceDir(), row.storageKey);
  const size = await stat(fullPath).then(
    (s) => s.size,
    () => null,
  );
  if (size === null) throw notFound("File");
  const fileName = fileNameForType(row.fileName, row.mimeType);
  await db.$transaction((tx) =>
    recordAuditEvent(tx, actor, {
      action: "evidence.download",
      entityType: "Evidence",
      entityId: row.id,
      details: { assessmentId: row.assessmentId, fileName },
    }),
  );
  return { fileName, mimeType: row.mimeType, bytes: size, stream: () => createReadStream(fullPath) };
}

/** The whole file in memory (tests and scripts); the download route streams it instead. */
export async function readEvidenceFile(db: Db, actor: Actor, evidenceIdRaw: unknown) {
  const file = await openEvidenceFile(db, actor, evidenceIdRaw);
  const chunks: Buffer[] = [];
  for await (const chunk of file.stream()) chunks.push(chunk as Buffer);
  return { fileName: file.fileName, mimeType: file.mimeType, bytes: new Uint8Array(Buffer.concat(chunks)) };
}

/** Evidence ids referenced by answers must be files uploaded to this same assessment. */
export async function assertEvidenceBelongs(
  db: Pick<Db, "evidence">,
  organizationId: string,
  assessmentId: string,
  fileIds: string[],
) {
  if (fileIds.length === 0) return;
  const found = await db.evidence.count({ where: { id: { in: fileIds }, organizationId, assessmentId } });
  if (found !== new Set(fileIds).size)
    throw new AppError("VALIDATION", "An attached file was not found. Upload it again.");
}
