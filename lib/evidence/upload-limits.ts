// Limits on evidence uploads, shared by the upload route, the use case and the upload field (so
// this file must stay client-safe: no Node or server imports).

const MB = 1024 * 1024;

/** The server's ceiling for one file, whatever a template's `maxBytes` says (templates allow up to 500 MB). */
export const MAX_UPLOAD_BYTES = 50 * MB;

/** Default for the bytes of evidence one assessment may hold; `EVIDENCE_QUOTA_MB` overrides it. */
export const DEFAULT_ASSESSMENT_QUOTA_BYTES = 250 * MB;

/** The most one file may weigh on this question: its own limit, capped by the server's. */
export function uploadLimitFor(question: { maxBytes: number }): number {
  return Math.min(question.maxBytes, MAX_UPLOAD_BYTES);
}
