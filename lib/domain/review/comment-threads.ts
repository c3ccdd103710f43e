import "server-only";

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

