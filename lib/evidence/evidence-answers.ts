// Pure: how answers refer to stored evidence files, and how the stored files of one assessment
// stand when another is uploaded. No database, no clock (the caller passes `now`).
import type { EvidenceFile, EvidenceKind, Template } from "@/lib/questionnaire";

/** The ids of the files one answer value cites (an evidence answer is a list of `{ fileId, … }`). */
export function citedFileIds(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((file) =>
    file && typeof file === "object" && typeof (file as { fileId?: unknown }).fileId === "string"
      ? [(file as { fileId: string }).fileId]
      : [],
  );
}

/** Every file id an answer map cites, under any question. */
export function citedFileIdsOf(answers: unknown): Set<string> {
  if (!answers || typeof answers !== "object" || Array.isArray(answers)) return new Set();
  return new Set(Object.values(answers).flatMap(citedFileIds));
}

/** What the evidence table knows about a file: the only trustworthy source of its name, kind and size. */
export interface StoredEvidence {
  id: string;
  questionId: string;
  fileName: string;
  kind: string;
  bytes: number;
}

/**
 * The answers with each evidence question's file entries rebuilt from the stored rows: the name,
 * kind and size an answer carries are whatever the browser sent, so they are never shown or used.
 * An entry whose file is not stored for that question is dropped (it could not be downloaded).
 */
export function applyStoredEvidence(
  template: Template,
  answers: Record<string, unknown>,
  stored: Iterable<StoredEvidence>,
): Record<string, unknown> {
  const byId = new Map<string, StoredEvidence>();
  for (const row of stored) byId.set(row.id, row);
  const out: Record<string, unknown> = { ...answers };
  for (const question of template.sections.flatMap((section) => section.questions)) {
    if (
      question.type !== "evidence" ||
      !Object.hasOwn(answers, question.id) ||
      !Array.isArray(answers[question.id])
    )
      continue;
    out[question.id] = citedFileIds(answers[question.id]).flatMap((fileId): EvidenceFile[] => {
      const row = byId.get(fileId);
      return row && row.questionId === question.id
        ? [{ fileId, name: row.fileName, kind: row.kind as EvidenceKind, bytes: row.bytes }]
        : [];
    });
  }
  return out;
}

/** A file removed from the answers is kept this long before an upload may delete it, so an upload still on its way to being saved is never lost. */
export const ORPHAN_GRACE_MS = 10 * 60_000;

export interface EvidenceRow {
  id: string;
  questionId: string;
  bytes: number;
  createdAt: Date;
}

/**
 * How the stored files of one assessment stand for a new upload to `questionId`:
 * - `stale`: files no revision cites, uploaded before the current draft was last saved (so the
 *   supplier removed them, or never kept them) and longer ago than the grace period: deletable;
 * - `attached`: files of that question the current draft cites, plus uploads newer than its last
 *   save (on their way into the answer) — what counts against the question's `maxFiles`;
 * - `heldBytes`: the bytes of every file that is not stale — what counts against the quota.
 */
export function measureEvidenceRoom(input: {
  rows: EvidenceRow[];
  questionId: string | null;
  revisions: { answers: unknown }[];
  current: { answers: unknown; updatedAt: Date };
  now: Date;
}) {
  const citedAnywhere = new Set(input.revisions.flatMap((revision) => [...citedFileIdsOf(revision.answers)]));
  const citedNow = citedFileIdsOf(input.current.answers);
  const staleBefore = Math.min(input.current.updatedAt.getTime(), input.now.getTime() - ORPHAN_GRACE_MS);
  const stale = input.rows.filter(
    (row) => !citedAnywhere.has(row.id) && !citedNow.has(row.id) && row.createdAt.getTime() < staleBefore,
  );
  const kept = input.rows.filter((row) => !stale.includes(row));
  return {
    stale: stale.map((row) => row.id),
    attached: kept.filter(
      (row) =>
        row.questionId === input.questionId &&
        (citedNow.has(row.id) || row.createdAt > input.current.updatedAt),
    ).length,
    heldBytes: kept.reduce((sum, row) => sum + row.bytes, 0),
  };
}
