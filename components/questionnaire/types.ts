import type { AnswerIssue, EvidenceFile, Question } from "@/lib/questionnaire";

/** Result of saving the draft; code "CONFLICT" means someone saved a newer version meanwhile. */
export type SaveResult =
  { ok: true; data: { version: number; savedAt: string } } | { ok: false; code: string; message: string };
/** Result of uploading one evidence file; the message of a rejection is shown to the supplier. */
export type UploadResult = { ok: true; data: EvidenceFile } | { ok: false; code: string; message: string };
/** Result of submitting; `issues` lists the missing or invalid answers the server found. */
export type SubmitResult =
  { ok: true; data: unknown } | { ok: false; code: string; message: string; issues?: AnswerIssue[] };

/** A supplier's reply to a reviewer comment. */
export type QuestionCommentReply = { author: string; body: string; createdAt: string };
/** One reviewer comment shown next to a question, with the supplier's replies (id: to reply to it). */
export type QuestionComment = {
  id?: string;
  author: string;
  body: string;
  createdAt: string;
  replies?: QuestionCommentReply[];
};
/** Reviewer comments keyed by question id. */
export type QuestionComments = Record<string, QuestionComment[]>;

export type FormAnswers = Record<string, unknown>;

/** An answer problem as the form shows it (the server's AnswerIssue or one found in the browser). */
export type AnswerIssueLike = { questionId: string; path: string; message: string };

/** What every question control gets (QuestionInput and the group and evidence inputs it draws). */
export type QuestionInputProps = {
  question: Question;
  value: unknown;
  onChange: (value: unknown) => void;
  /** Reads the current value at call time (for async updates such as finished uploads). */
  getValue: () => unknown;
  onBlur: () => void;
  issues: AnswerIssueLike[];
  /** ids of the help and error texts, for aria-describedby. */
  describedBy?: string;
  uploadEvidence: (questionId: string, file: File) => Promise<UploadResult>;
  /** Called after a change that should be saved at once (an upload finished, a file removed). */
  onCommit: () => void;
};
