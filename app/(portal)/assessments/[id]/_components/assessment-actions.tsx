"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import {
  acceptAssessmentAction,
  cancelAssessmentAction,
  remindAssessmentAction,
  requestChangesAction,
  revokeInvitationsAction,
  sendAssessmentAction,
} from "@/app/(portal)/assessments/actions";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { Textarea } from "@/components/ui/field";
import type { AssessmentStatus } from "@/lib/generated/prisma/enums";

type Result =
  { ok: true; data: unknown } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

function useAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [feedback, setFeedback] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const run = (action: () => Promise<Result>, success: string, confirmText?: string) => {
    if (confirmText && !window.confirm(confirmText)) return;
    setFeedback(null);
    startTransition(async () => {
      const result = await action();
      if (!result.ok) {
        setFeedback({
          tone: "error",
          text: Object.values(result.fieldErrors ?? {})[0]?.[0] ?? result.message,
        });
        return;
      }
      const warning = (result.data as { warning?: string | null } | undefined)?.warning;
      setFeedback(
        warning ? { tone: "error", text: `${success} — but ${warning}` } : { tone: "success", text: success },
      );
      router.refresh();
    });
  };
  return { pending, feedback, run };
}

/** Procurement's controls: send, resend, remind, revoke links, cancel — offered only where the status allows. */
export function AssessmentActions({
  assessmentId,
  status,
}: {
  assessmentId: string;
  status: AssessmentStatus;
}) {
  const { pending, feedback, run } = useAction();
  const waiting = ["SENT", "OPENED", "IN_PROGRESS", "CHANGES_REQUESTED"].includes(status);
  const cancellable = ["DRAFT", ...["SENT", "OPENED", "IN_PROGRESS", "CHANGES_REQUESTED"]].includes(status);
  if (!waiting && !cancellable && status !== "DRAFT") return null;
  return (
    <Card title="Invitation">
      <div className="space-y-3">
        {feedback ? <Alert tone={feedback.tone}>{feedback.text}</Alert> : null}
        <div className="flex flex-wrap gap-2">
          {status === "DRAFT" ? (
            <Button
              disabled={pending}
              onClick={() => run(() => sendAssessmentAction(assessmentId), "Invitation sent.")}
            >
              Send invitation
            </Button>
          ) : null}
          {waiting ? (
            <Button
              variant="secondary"
              disabled={pending}
              onClick={() => run(() => remindAssessmentAction(assessmentId), "Reminder sent.")}
            >
              Send reminder
            </Button>
          ) : null}
          {waiting ? (
            <Button
              variant="secondary"
              disabled={pending}
              onClick={() =>
                run(
                  () => sendAssessmentAction(assessmentId),
                  "A new invitation link was sent; older links no longer work.",
                  "Send a new invitation link? Links sent before stop working.",
                )
              }
            >
              Resend link
            </Button>
          ) : null}
          {waiting ? (
            <Button
              variant="ghost"
              disabled={pending}
              onClick={() =>
                run(
                  () => revokeInvitationsAction(assessmentId),
                  "Unused invitation links were revoked.",
                  "Revoke every unused invitation link?",
                )
              }
            >
              Revoke links
            </Button>
          ) : null}
          {cancellable ? (
            <Button
              variant="danger"
              disabled={pending}
              onClick={() =>
                run(
                  () => cancelAssessmentAction(assessmentId),
                  "Assessment cancelled.",
                  "Cancel this assessment? The supplier can no longer answer it.",
                )
              }
            >
              Cancel assessment
            </Button>
          ) : null}
        </div>
      </div>
    </Card>
  );
}

/** Reviewer's decision on a submission. */
export function ReviewActions({
  assessmentId,
  commentCount,
}: {
  assessmentId: string;
  commentCount: number;
}) {
  const { pending, feedback, run } = useAction();
  const [message, setMessage] = useState("");
  return (
    <Card title="Review this submission">
      <div className="space-y-3">
        {feedback ? <Alert tone={feedback.tone}>{feedback.text}</Alert> : null}
        <p className="text-sm text-slate-600">
          Comment on individual answers below, then ask for changes — the supplier sees each comment next to
          its question — or accept the submission.
          {commentCount > 0 ? ` ${commentCount} comment${commentCount === 1 ? "" : "s"} will be sent.` : ""}
        </p>
        <label htmlFor="review-message" className="block text-sm font-medium text-slate-800">
          Message to the supplier (optional)
        </label>
        <Textarea id="review-message" rows={2} value={message} onChange={(e) => setMessage(e.target.value)} />
        <div className="flex flex-wrap gap-2">
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() =>
              run(
                () => requestChangesAction(assessmentId, { message }),
                "Changes requested; the supplier has been e-mailed.",
              )
            }
          >
            Request changes
          </Button>
          <Button
            disabled={pending}
            onClick={() =>
              run(
                () => acceptAssessmentAction(assessmentId),
                "Submission accepted.",
                "Accept this submission? Its answers become the vendor's assessed linkages.",
              )
            }
          >
            Accept
          </Button>
        </div>
      </div>
    </Card>
  );
}

/** Reopen an accepted assessment: the supplier revises it and the next acceptance replaces its linkages. */
export function ReopenAction({ assessmentId }: { assessmentId: string }) {
  const { pending, feedback, run } = useAction();
  const [message, setMessage] = useState("");
  return (
    <Card title="Reopen">
      <div className="space-y-3">
        {feedback ? <Alert tone={feedback.tone}>{feedback.text}</Alert> : null}
        <p className="text-sm text-slate-600">
          Ask the supplier to revise an accepted assessment, for instance after a product change. Its linkages
          stay in force until the revision is accepted.
        </p>
        <label htmlFor="reopen-message" className="block text-sm font-medium text-slate-800">
          What should they revise?
        </label>
        <Textarea id="reopen-message" rows={2} value={message} onChange={(e) => setMessage(e.target.value)} />
        <Button
          variant="secondary"
          disabled={pending}
          onClick={() =>
            run(
              () => requestChangesAction(assessmentId, { message }),
              "Reopened; the supplier has been e-mailed.",
            )
          }
        >
          Reopen for changes
        </Button>
      </div>
    </Card>
  );
}
