import type { AnswerIssue, EvidenceFile } from "@/lib/questionnaire";

/** Result of saving the draft; code "CONFLICT" means someone saved a newer version meanwhile. */
export type SaveResult = { ok: true; data: { version: number; savedAt: string } } | { ok: false; code: string; message: string };
/** Result of uploading one evidence file; the message of a rejection is shown to the supplier. */
export type UploadResult = { ok: true; data: EvidenceFile } | { ok: false; code: string; message: string };
/** Result of submitting; `issues` lists the missing or invalid answers the server found. */
export type SubmitResult = { ok: true; data: unknown } | { ok: false; code: string; message: string; issues?: AnswerIssue[] };

/** One reviewer comment shown next to a question. */
export type QuestionComment = { author: string; body: string; createdAt: string };
/** Reviewer comments keyed by question id. */
export type QuestionComments = Record<string, QuestionComment[]>;

export type FormAnswers = Record<string, unknown>;
