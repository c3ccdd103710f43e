"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";

import {
  acceptAssessmentAction,
  previewAcceptanceAction,
  requestChangesAction,
} from "@/app/(portal)/assessments/actions";
import { formatPercent, formatScore, KIND_LABEL } from "@/components/scores/score-format";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { Modal, Progress } from "@/components/ui/dialog";
import { Textarea } from "@/components/ui/field";
import type { AcceptancePreview, PreviewScore } from "@/lib/domain/review/preview-acceptance";
import { HIGH_LINKAGE_WEIGHT } from "@/lib/review/flag-answers";

type Failure = { ok: false; message: string; fieldErrors?: Record<string, string[]> };
const failureText = (r: Failure) => r.fieldErrors?.message?.[0] ?? r.message;

/** The reviewer's decision: request changes, or preview and accept, each in a dialog. */
export function ReviewPanel({
  assessmentId,
  vendorId,
  vendorName,
  commentCount,
  canAccept,
  questionLabels,
  summary,
}: {
  assessmentId: string;
  vendorId: string;
  vendorName: string;
  commentCount: number;
  /** False when separation of duties keeps this reviewer (procurement) from accepting. */
  canAccept: boolean;
  /** "2.3 Label" per question id, to name the answers behind each previewed linkage. */
  questionLabels: Record<string, string>;
  summary: { flagged: number; dontKnow: number; changed: number | null; commented: number };
}) {
  const [dialog, setDialog] = useState<"changes" | "accept" | null>(null);
  const [preview, setPreview] = useState<PreviewState>({ state: "loading" });
  // Started by the click that opens the dialog (never by rendering), and again by "Try again".
  const loadPreview = () => {
    setPreview({ state: "loading" });
    previewAcceptanceAction(assessmentId).then(
      (result) =>
        setPreview(
          result.ok ? { state: "ready", preview: result.data } : { state: "failed", message: result.message },
        ),
      () => setPreview({ state: "failed", message: "The preview did not reach the server. Try again." }),
    );
  };
  return (
    <Card title="Review this submission">
      <div className="space-y-4">
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
          <SummaryCount label="Flagged answers" value={summary.flagged} tone="red" />
          <SummaryCount label="Don't know" value={summary.dontKnow} tone="amber" />
          <SummaryCount label="Changed" value={summary.changed ?? "—"} tone="amber" />
          <SummaryCount label="Comments to send" value={summary.commented} tone="slate" />
        </dl>
        <p className="text-sm text-slate-600">
          Comment on individual answers below, then ask for changes — the supplier sees each comment next to
          its question — or preview what accepting does to {vendorName}&apos;s score and accept.
        </p>
        {canAccept ? null : (
          <p className="text-sm text-slate-600">
            Your organisation separates duties: a risk officer or an administrator accepts submissions.
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => setDialog("changes")}>
            Request changes…
          </Button>
          {canAccept ? (
            <Button
              onClick={() => {
                setDialog("accept");
                loadPreview();
              }}
            >
              Preview and accept…
            </Button>
          ) : null}
        </div>
      </div>
      <RequestChangesDialog
        open={dialog === "changes"}
        onClose={() => setDialog(null)}
        assessmentId={assessmentId}
        commentCount={commentCount}
      />
      {dialog === "accept" ? (
        <AcceptDialog
          onClose={() => setDialog(null)}
          preview={preview}
          reload={loadPreview}
          assessmentId={assessmentId}
          vendorId={vendorId}
          vendorName={vendorName}
          questionLabels={questionLabels}
        />
      ) : null}
    </Card>
  );
}

function SummaryCount({
  label,
  value,
  tone,
}: {
  label: string;
  value: number | string;
  tone: "red" | "amber" | "slate";
}) {
  // Zero and "—" (nothing to compare) are plain; only a count that needs attention is coloured.
  const needsAttention = typeof value === "number" && value > 0;
  const color =
    needsAttention && tone === "red"
      ? "text-red-700"
      : needsAttention && tone === "amber"
        ? "text-amber-700"
        : "text-slate-900";
  return (
    <div className="rounded-md bg-slate-50 px-3 py-2 ring-1 ring-slate-200">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className={`text-lg font-semibold tabular-nums ${color}`}>{value}</dd>
    </div>
  );
}

function MessageField({
  id,
  value,
  onChange,
  error,
  label,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  error: string | null;
  label: string;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <Textarea
        id={id}
        rows={3}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        invalid={!!error}
        aria-describedby={`${id}-hint`}
      />
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        Shown to the supplier in the portal and in the e-mail.
      </p>
    </div>
  );
}

function RequestChangesDialog({
  open,
  onClose,
  assessmentId,
  commentCount,
}: {
  open: boolean;
  onClose: () => void;
  assessmentId: string;
  commentCount: number;
}) {
  const router = useRouter();
  const [message, setMessage] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const send = () => {
    setError(null);
    startTransition(async () => {
      const result = await requestChangesAction(assessmentId, { message });
      if (!result.ok) return setError(failureText(result));
      onClose();
      router.refresh();
    });
  };
  return (
    <Modal
      open={open}
      onClose={() => (pending ? undefined : onClose())}
      title="Request changes"
      description={
        commentCount > 0
          ? `${commentCount} comment${commentCount === 1 ? "" : "s"} on answers will be sent with your message. The supplier's answers are kept; they revise and resubmit.`
          : "No answer has a comment yet: write what the supplier should change. Their answers are kept; they revise and resubmit."
      }
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            Back to the answers
          </Button>
          <Button onClick={send} disabled={pending}>
            {pending ? "Sending…" : "Send change request"}
          </Button>
        </>
      }
    >
      <div className="space-y-3">
        {error ? <Alert tone="error">{error}</Alert> : null}
        <MessageField
          id="changes-message"
          label={commentCount > 0 ? "Message to the supplier (optional)" : "Message to the supplier"}
          value={message}
          onChange={setMessage}
          error={error}
        />
      </div>
    </Modal>
  );
}

type PreviewState =
  | { state: "loading" }
  | { state: "failed"; message: string }
  | { state: "ready"; preview: AcceptancePreview };

function AcceptDialog({
  onClose,
  preview,
  reload,
  assessmentId,
  vendorId,
  vendorName,
  questionLabels,
}: {
  onClose: () => void;
  preview: PreviewState;
  reload: () => void;
  assessmentId: string;
  vendorId: string;
  vendorName: string;
  questionLabels: Record<string, string>;
}) {
  const router = useRouter();
  const [message, setMessage] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [accepted, setAccepted] = useState<{ warning: string | null } | null>(null);
  const [pending, startTransition] = useTransition();
  const accept = () => {
    setError(null);
    startTransition(async () => {
      const result = await acceptAssessmentAction(assessmentId, { message });
      if (!result.ok) return setError(failureText(result));
      // The action revalidates this page, which then renders AcceptedScoreLink instead of this
      // panel (unmounting this dialog): hand the outcome over so the dialog stays open there.
      sessionStorage.setItem(acceptedKey(assessmentId), JSON.stringify({ warning: result.data.warning }));
      setAccepted({ warning: result.data.warning });
      router.refresh();
    });
  };
  const scoreHref = `/vendors/${vendorId}/score`;
  if (accepted) {
    return (
      <AcceptedDialog
        vendorName={vendorName}
        scoreHref={scoreHref}
        warning={accepted.warning}
        onClose={onClose}
      />
    );
  }
  return (
    <Modal
      open
      size="lg"
      onClose={() => (pending ? undefined : onClose())}
      title={`Accept ${vendorName}'s submission?`}
      description="A dry run of the acceptance: the linkages it would store and the score they would give. Nothing is saved until you accept."
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            Back to the answers
          </Button>
          <Button onClick={accept} disabled={pending || preview.state === "loading"}>
            {pending ? "Accepting…" : "Accept submission"}
          </Button>
        </>
      }
    >
      <div className="space-y-4">
        {error ? <Alert tone="error">{error}</Alert> : null}
        {preview.state === "loading" ? (
          <Progress>Extracting the linkages and scoring {vendorName} on your plant&apos;s graph…</Progress>
        ) : preview.state === "failed" ? (
          <div className="space-y-2">
            <Alert tone="error">The preview could not be computed: {preview.message}</Alert>
            <Button variant="secondary" onClick={reload}>
              Try again
            </Button>
          </div>
        ) : (
          <PreviewBody preview={preview.preview} questionLabels={questionLabels} />
        )}
        <MessageField
          id="accept-message"
          label="Message to the supplier (optional)"
          value={message}
          onChange={setMessage}
          error={error}
        />
      </div>
    </Modal>
  );
}

function PreviewBody({
  preview,
  questionLabels,
}: {
  preview: AcceptancePreview;
  questionLabels: Record<string, string>;
}) {
  return (
    <div className="space-y-4" data-testid="acceptance-preview">
      <ScoreChange before={preview.before} after={preview.after} />
      <div>
        <h3 className="text-sm font-semibold text-slate-900">
          {preview.linkageCount} linkage{preview.linkageCount === 1 ? "" : "s"} this acceptance creates
          {preview.replacedCount > 0
            ? ` (replacing ${preview.replacedCount} from the earlier acceptance)`
            : ""}
        </h3>
        {preview.needsMapping > 0 ? (
          <p className="mt-1 text-xs text-slate-600">
            {preview.needsMapping} named system{preview.needsMapping === 1 ? "" : "s"} match no inventory
            asset and will wait for mapping.
          </p>
        ) : null}
        <ul className="mt-2 divide-y divide-slate-100 rounded-md text-sm ring-1 ring-slate-200">
          {preview.linkages.map((l, i) => (
            <li key={i} className="flex flex-wrap items-start gap-x-3 gap-y-1 px-3 py-2">
              <span className="min-w-0 flex-1 basis-60 break-words text-slate-900">
                {l.from} <span aria-label="to">→</span> {l.to}
                <span className="block text-xs text-slate-500">
                  {l.questionIds.map((q) => questionLabels[q] ?? q).join(" · ")}
                </span>
              </span>
              <span className="flex shrink-0 items-center gap-1.5">
                <Badge tone="slate">{KIND_LABEL[l.kind]}</Badge>
                {l.unknown ? <Badge tone="amber">Don&apos;t know</Badge> : null}
                <span
                  className={`w-12 text-right font-medium tabular-nums ${l.weight >= HIGH_LINKAGE_WEIGHT ? "text-red-700" : "text-slate-700"}`}
                >
                  {l.weight.toFixed(2)}
                </span>
              </span>
            </li>
          ))}
        </ul>
        {preview.linkageCount > preview.linkages.length ? (
          <p className="mt-1 text-xs text-slate-500">
            The {preview.linkages.length} heaviest of {preview.linkageCount} are shown.
          </p>
        ) : null}
      </div>
    </div>
  );
}

function ScoreChange({ before, after }: { before: PreviewScore | null; after: PreviewScore | null }) {
  const rows: { label: string; value: (s: PreviewScore) => string }[] = [
    { label: "Exposure", value: (s) => formatScore(s.exposure) },
    { label: "Amplification", value: (s) => formatPercent(s.amplification) },
    {
      label: "Range (unknowns)",
      value: (s) => `${formatScore(s.exposureLow)} – ${formatScore(s.exposureHigh)}`,
    },
    { label: "Assets reached", value: (s) => `${s.assetsReached} (${s.criticalAssetsReached} critical)` },
  ];
  return (
    <table className="w-full text-sm">
      <caption className="mb-1 text-left text-sm font-semibold text-slate-900">Vendor score</caption>
      <thead>
        <tr className="text-left text-xs text-slate-500">
          <th scope="col" className="py-1 font-medium">
            <span className="sr-only">Measure</span>
          </th>
          <th scope="col" className="py-1 font-medium">
            Now
          </th>
          <th scope="col" className="py-1 font-medium">
            After accepting
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row" className="py-1.5 text-left font-normal text-slate-600">
              {r.label}
            </th>
            <td className="py-1.5 tabular-nums">{before ? r.value(before) : "Unscored"}</td>
            <td className="py-1.5 font-semibold tabular-nums">{after ? r.value(after) : "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const acceptedKey = (assessmentId: string) => `trustmap:accepted:${assessmentId}`;

function AcceptedDialog({
  vendorName,
  scoreHref,
  warning,
  onClose,
}: {
  vendorName: string;
  scoreHref: string;
  warning: string | null;
  onClose: () => void;
}) {
  return (
    <Modal
      open
      onClose={onClose}
      title="Submission accepted"
      description={`${vendorName}'s answers are now its assessed linkages and its score has been recomputed.`}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Close
          </Button>
          <ButtonLink href={scoreHref}>See {vendorName}&apos;s new score</ButtonLink>
        </>
      }
    >
      {warning ? <Alert tone="error">Accepted — but {warning}</Alert> : null}
    </Modal>
  );
}

/**
 * After acceptance: where the vendor's new score is. Right after the reviewer accepted here, the
 * "Submission accepted" dialog the review panel opened carries on here (the panel is gone).
 */
export function AcceptedScoreLink({
  assessmentId,
  vendorId,
  vendorName,
}: {
  assessmentId: string;
  vendorId: string;
  vendorName: string;
}) {
  const [justAccepted, setJustAccepted] = useState<{ warning: string | null } | null>(null);
  useEffect(() => {
    const key = acceptedKey(assessmentId);
    const stored = sessionStorage.getItem(key);
    if (stored === null) return;
    sessionStorage.removeItem(key);
    try {
      const { warning } = JSON.parse(stored) as { warning?: unknown };
      // eslint-disable-next-line react-hooks/set-state-in-effect -- sessionStorage exists only after mount
      setJustAccepted({ warning: typeof warning === "string" ? warning : null });
    } catch {
      // A value this page did not write: no dialog.
    }
  }, [assessmentId]);
  return (
    <Card title="Accepted">
      {justAccepted ? (
        <AcceptedDialog
          vendorName={vendorName}
          scoreHref={`/vendors/${vendorId}/score`}
          warning={justAccepted.warning}
          onClose={() => setJustAccepted(null)}
        />
      ) : null}
      <p className="text-sm text-slate-600">
        The answers are {vendorName}&apos;s assessed linkages and its score has been recomputed.
      </p>
      <Link
        href={`/vendors/${vendorId}/score`}
        className="mt-3 inline-block text-sm font-medium text-brand-700 hover:underline"
      >
        See {vendorName}&apos;s new score →
      </Link>
    </Card>
  );
}
