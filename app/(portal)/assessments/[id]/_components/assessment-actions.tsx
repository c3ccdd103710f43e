"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import {
  cancelAssessmentAction,
  remindAssessmentAction,
  requestChangesAction,
  revokeInvitationsAction,
  sendAssessmentAction,
} from "@/app/(portal)/assessments/actions";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { Modal } from "@/components/ui/dialog";
import { Textarea } from "@/components/ui/field";
import type { AssessmentStatus } from "@/lib/generated/prisma/enums";

type Result =
  { ok: true; data: unknown } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

export function useAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [feedback, setFeedback] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const run = (action: () => Promise<Result>, success: string, after?: () => void) => {
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
      after?.();
      router.refresh();
    });
  };
  return { pending, feedback, run };
}

type Confirmation = { title: string; body: string; confirm: string; danger?: boolean; go: () => void };

/** A yes/no question in a styled dialog (never the browser's confirm()). */
function ConfirmDialog({
  confirmation,
  pending,
  onClose,
}: {
  confirmation: Confirmation | null;
  pending: boolean;
  onClose: () => void;
}) {
  return (
    <Modal
      open={confirmation !== null}
      onClose={() => (pending ? undefined : onClose())}
      title={confirmation?.title ?? ""}
      description={confirmation?.body}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            Keep it
          </Button>
          <Button
            variant={confirmation?.danger ? "danger" : "primary"}
            disabled={pending}
            onClick={() => confirmation?.go()}
          >
            {confirmation?.confirm}
          </Button>
        </>
      }
    />
  );
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
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const close = () => setConfirmation(null);
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
                setConfirmation({
                  title: "Send a new invitation link?",
                  body: "Links sent before stop working.",
                  confirm: "Send new link",
                  go: () =>
                    run(
                      () => sendAssessmentAction(assessmentId),
                      "A new invitation link was sent; older links no longer work.",
                      close,
                    ),
                })
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
                setConfirmation({
                  title: "Revoke every unused invitation link?",
                  body: "The supplier will need a new link to open the questionnaire.",
                  confirm: "Revoke links",
                  danger: true,
                  go: () =>
                    run(
                      () => revokeInvitationsAction(assessmentId),
                      "Unused invitation links were revoked.",
                      close,
                    ),
                })
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
                setConfirmation({
                  title: "Cancel this assessment?",
                  body: "The supplier can no longer answer it.",
                  confirm: "Cancel assessment",
                  danger: true,
                  go: () => run(() => cancelAssessmentAction(assessmentId), "Assessment cancelled.", close),
                })
              }
            >
              Cancel assessment
            </Button>
          ) : null}
        </div>
      </div>
      <ConfirmDialog confirmation={confirmation} pending={pending} onClose={close} />
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
