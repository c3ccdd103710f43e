import "server-only";

/**
 * The reviewer's decision messages, newest first, as both the staff page and the supplier portal
 * read them (each adds its own scope to the where clause).
 */
export const DECISION_MESSAGES = {
  kinds: { in: ["ACCEPTED", "CHANGES_REQUESTED"] as ("ACCEPTED" | "CHANGES_REQUESTED")[] },
  orderBy: [{ createdAt: "desc" as const }, { id: "asc" as const }],
  select: {
    id: true,
    kind: true,
    revision: true,
    body: true,
    createdAt: true,
    author: { select: { name: true } },
  },
};

/** A comment's supplier replies, oldest first (the caller adds its scope to the where clause). */
export const COMMENT_REPLIES = {
  orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }],
  select: { body: true, createdAt: true, author: { select: { name: true } } },
};

type CommentNote = { author: string; body: string; createdAt: string };
/** A reviewer comment with its replies: the shape components/questionnaire's QuestionComment reads. */
export type CommentWithReplies = CommentNote & { id: string; replies: CommentNote[] };

/** Comments grouped by question id, each with its replies, as the questionnaire components show them. */
export function groupComments(
  rows: readonly {
    id: string;
    questionId: string;
    body: string;
    createdAt: Date;
    author: { name: string } | null;
    replies?: readonly { body: string; createdAt: Date; author: { name: string } | null }[];
  }[],
  fallbackAuthor: string,
): Record<string, CommentWithReplies[]> {
  // Grouped in a Map: a question id is data, and "constructor" must not reach Object.prototype.
  const byQuestion = new Map<string, CommentWithReplies[]>();
  for (const c of rows)
    byQuestion.set(c.questionId, [
      ...(byQuestion.get(c.questionId) ?? []),
      {
        id: c.id,
        author: c.author?.name ?? fallbackAuthor,
        body: c.body,
        createdAt: c.createdAt.toISOString(),
        replies: (c.replies ?? []).map((r) => ({
          author: r.author?.name ?? "Supplier",
          body: r.body,
          createdAt: r.createdAt.toISOString(),
        })),
      },
    ]);
  return Object.fromEntries(byQuestion);
}
