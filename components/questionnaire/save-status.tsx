"use client";

import type { SaveStatus } from "./autosave";

function Spinner() {
  return (
    <span
      aria-hidden
      className="size-3.5 shrink-0 animate-spin rounded-full border-2 border-slate-400 border-t-transparent"
    />
  );
}

function Dot({ className }: { className: string }) {
  return <span aria-hidden className={`size-2 shrink-0 rounded-full ${className}`} />;
}

function clock(iso: string) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? ""
    : date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
}

const linkButton = "font-medium underline underline-offset-2 hover:no-underline";

/** The autosave indicator: saving / saved / offline or server unavailable — will retry / too large / conflict / error. */
export function SaveStatusIndicator({
  status,
  onRetry,
  onReload,
}: {
  status: SaveStatus;
  onRetry: () => void;
  onReload: () => void;
}) {
  let content;
  switch (status.kind) {
    case "pending":
      content = (
        <>
          <Dot className="bg-slate-400" /> Unsaved changes
        </>
      );
      break;
    case "saving":
      content = (
        <>
          <Spinner /> Saving…
        </>
      );
      break;
    case "saved":
      content = (
        <>
          <svg
            aria-hidden
            viewBox="0 0 20 20"
            className="size-4 text-emerald-600"
            fill="none"
            stroke="currentColor"
            strokeWidth={2.2}
            strokeLinecap="round"
            strokeLinejoin="round"
          >
            <path d="M4 10.5l4 4 8-9" />
          </svg>
          <span>All changes saved{status.savedAt ? ` at ${clock(status.savedAt)}` : ""}</span>
        </>
      );
      break;
    case "offline":
      content = (
        <span className="flex items-center gap-2 text-amber-800">
          <Dot className="bg-amber-500" />
          Offline — will retry
          <button type="button" onClick={onRetry} className={linkButton}>
            Retry now
          </button>
        </span>
      );
      break;
    case "retrying":
      content = (
        <span className="flex items-center gap-2 text-amber-800" title={status.message}>
          <Dot className="bg-amber-500" />
          Server unavailable — will retry
          <button type="button" onClick={onRetry} className={linkButton}>
            Retry now
          </button>
        </span>
      );
      break;
    case "too-large":
      content = (
        <span className="flex items-center gap-2 text-red-700">
          <Dot className="bg-red-600" />
          <span>Not saved: {status.message}</span>
        </span>
      );
      break;
    case "conflict":
      content = (
        <span className="flex items-center gap-2 text-red-700">
          <Dot className="bg-red-600" />
          Conflict — not saving
          <button type="button" onClick={onReload} className={linkButton}>
            Reload
          </button>
        </span>
      );
      break;
    case "error":
      content = (
        <span className="flex items-center gap-2 text-red-700">
          <Dot className="bg-red-600" />
          <span>Not saved: {status.message}</span>
          <button type="button" onClick={onRetry} className={linkButton}>
            Try again
          </button>
        </span>
      );
      break;
    case "stopped":
      content = (
        <>
          <Dot className="bg-emerald-500" /> Submitted
        </>
      );
      break;
  }
  return (
    <div
      role="status"
      aria-live="polite"
      className="flex min-h-8 items-center gap-2 text-sm text-slate-600"
      data-save-status={status.kind}
    >
      {content}
    </div>
  );
}
