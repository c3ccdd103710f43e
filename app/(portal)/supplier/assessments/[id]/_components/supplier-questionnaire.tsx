"use client";

import { useRouter } from "next/navigation";

import { CommentReply } from "@/app/(portal)/supplier/assessments/[id]/_components/comment-reply";
import { saveDraftAction, submitResponseAction } from "@/app/(portal)/supplier/assessments/[id]/actions";
import { QuestionnaireForm } from "@/components/questionnaire/questionnaire-form";
import type { QuestionComments, UploadResult } from "@/components/questionnaire/types";
import type { Template } from "@/lib/questionnaire";

/** Binds the questionnaire form to this assessment's server actions and upload endpoint. */
export function SupplierQuestionnaire({
  assessmentId,
  userId,
  template,
  answers,
  version,
  comments,
}: {
  assessmentId: string;
  userId: string;
  template: Template;
  answers: Record<string, unknown>;
  version: number;
  comments: QuestionComments;
}) {
  const router = useRouter();
  const uploadEvidence = async (questionId: string, file: File): Promise<UploadResult> => {
    const body = new FormData();
    body.set("questionId", questionId);
    body.set("file", file);
    try {
      const response = await fetch(`/api/assessments/${assessmentId}/evidence`, { method: "POST", body });
      const json = (await response.json().catch(() => null)) as UploadResult | null;
      return (
        json ?? {
          ok: false,
          code: "INTERNAL",
          message: `Upload failed (HTTP ${response.status}). Please try again.`,
        }
      );
    } catch {
      return {
        ok: false,
        code: "UNAVAILABLE",
        message: "The upload did not reach the server. Check your connection and try again.",
      };
    }
  };
  return (
    <QuestionnaireForm
      template={template}
      initialAnswers={answers}
      initialVersion={version}
      comments={comments}
      renderCommentReply={(comment) =>
        comment.id ? <CommentReply assessmentId={assessmentId} commentId={comment.id} /> : null
      }
      storageKey={`trustmap:draft:${userId}:${assessmentId}`}
      saveDraft={(a, v) => saveDraftAction(assessmentId, a, v)}
      submit={(_a, v) => submitResponseAction(assessmentId, v)}
      uploadEvidence={uploadEvidence}
      onSubmitted={() => router.refresh()}
    />
  );
}
