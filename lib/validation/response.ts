import { z } from "zod";

import { formatBytes, LIMITS, utf8Bytes } from "@/lib/questionnaire/limits";

// The supplier's autosave: one schema for what the form sends and what saveDraft accepts, apart from
// the answers themselves, which the template validates (lib/questionnaire/validate-answers.ts).

/** ResponseRevision.version is a PostgreSQL integer; anything beyond is not a version we issued. */
export const MAX_DRAFT_VERSION = 2_147_483_647;

const VERSION_MESSAGE = "The draft version is not valid. Reload the page.";

export const draftVersionSchema = z
  .number({ error: VERSION_MESSAGE })
  .int(VERSION_MESSAGE)
  .min(0, VERSION_MESSAGE)
  .max(MAX_DRAFT_VERSION, VERSION_MESSAGE);

/** The message for answers too large to save, shared by the form (before sending) and the server. */
export function answersTooLargeMessage(bytes: number): string {
  return `Your answers are too large to save (${formatBytes(bytes)}; at most ${formatBytes(LIMITS.answersJsonBytes)}). Shorten the longest texts or split long lists, then keep typing: saving resumes by itself.`;
}

/** Size of an answer set as it is sent and stored (JSON, UTF-8). */
export function answersJsonBytes(answers: unknown): number {
  return utf8Bytes(JSON.stringify(answers) ?? "");
}

/** What a save names besides its answers (the answers are checked against the template). */
export const draftSaveSchema = z.object({ version: draftVersionSchema });
