"use client";

import Link from "next/link";
import { useEffect, useState } from "react";

import { previewRemediationAction, sendRemediationAction } from "@/app/(portal)/what-if/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Textarea } from "@/components/ui/field";
import type { RemediationPreview } from "@/lib/domain/what-if/send-remediation-request";

export function RemediationPanel({ scenarioId, onClose }: { scenarioId: string; onClose: () => void }) {
  const [preview, setPreview] = useState<RemediationPreview | null>(null);
  const [message, setMessage] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<{ assessmentId: string; comments: number; warning: string | null } | null>(
    null,
  );
  useEffect(() => {
    let live = true;
    previewRemediationAction(scenarioId).then((result) => {
      if (!live) return;
      if (!result.ok) return setError(result.message);
      setPreview(result.data);
      setMessage(result.data.message);
    });
    return () => {
      live = false;
    };
  }, [scenarioId]);
  const send = async () => {
    setBusy(true);
    const result = await sendRemediationAction({ scenarioId, message });
    setBusy(false);
    if (!result.ok) return setError(result.fieldErrors?.message?.[0] ?? result.message);
    setSent(result.data);
  };
  if (sent) {
    return (
      <div className="mt-2">
        <Alert tone="success">
          Sent: {sent.comments} comment{sent.comments === 1 ? "" : "s"} and a revision request.{" "}
          <Link href={`/assessments/${sent.assessmentId}`} className="underline">
            Open the assessment
          </Link>
          {sent.warning ? ` (${sent.warning})` : ""}
        </Alert>
      </div>
    );
  }
  return (
    <div
      className="mt-2 space-y-2 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200"
      data-testid="remediation-preview"
    >
      {error ? (
        <Alert>{error}</Alert>
      ) : !preview ? (
        <p role="status" className="text-xs text-slate-500">
          Preparing what will be sent…
        </p>
      ) : (
        <>
          <p className="text-xs text-slate-700">
            This reopens {preview.vendorName}&apos;s accepted assessment (revision {preview.revision}) and
            asks for a new revision, with {preview.comments.length} comment
            {preview.comments.length === 1 ? "" : "s"}:
          </p>
          <ol className="space-y-2">
            {preview.comments.map((c) => (
              <li key={c.questionId} className="rounded bg-white p-2 text-xs ring-1 ring-slate-200">
                <p className="font-medium text-slate-900">
                  {c.questionLabel} <span className="font-normal text-slate-500">({c.questionId})</span>
                </p>
                <p className="mt-1 whitespace-pre-line text-slate-700">{c.body}</p>
              </li>
            ))}
          </ol>
          <Field id={`msg-${scenarioId}`} label="Message to the supplier">
            <Textarea
              id={`msg-${scenarioId}`}
              rows={3}
              value={message}
              maxLength={2000}
              onChange={(e) => setMessage(e.target.value)}
            />
          </Field>
        </>
      )}
      <div className="flex gap-2">
        {preview && !error ? (
          <Button onClick={send} disabled={busy}>
            {busy ? "Sending…" : "Send request"}
          </Button>
        ) : null}
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
