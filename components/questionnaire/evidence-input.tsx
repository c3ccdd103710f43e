"use client";

import { useState, type DragEvent } from "react";

import { uploadLimitFor } from "@/lib/evidence/upload-limits";
import type { EvidenceFile, EvidenceQuestion } from "@/lib/questionnaire";

import { acceptAttribute, formatFileSize, inputDomId, kindLabel } from "./answer-format";
import { labelId } from "./question-block";
import type { QuestionInputProps } from "./types";

type Upload = { key: string; name: string; bytes: number };
type Rejection = { key: string; name: string; message: string };

let uploadSequence = 0;
const nextUploadKey = () => `upload-${(uploadSequence += 1)}`;

function toFiles(value: unknown): EvidenceFile[] {
  return Array.isArray(value)
    ? value.filter(
        (file): file is EvidenceFile =>
          Boolean(file) && typeof file === "object" && typeof (file as EvidenceFile).fileId === "string",
      )
    : [];
}

/**
 * Evidence upload: a file picker (and drop zone) that uploads each file through `uploadEvidence`,
 * then lists the stored files with a remove button. Size and count are checked here first (the
 * question's limit, capped by the server's); the server sniffs the content and enforces the same
 * limits plus the assessment's quota, and its message is shown next to the field when it refuses a
 * file. A refusal never touches the files already attached.
 */
export function EvidenceInput({
  question,
  value,
  getValue,
  onChange,
  onBlur,
  onCommit,
  uploadEvidence,
  describedBy,
  issues,
}: QuestionInputProps & { question: EvidenceQuestion }) {
  const files = toFiles(value);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [rejections, setRejections] = useState<Rejection[]>([]);
  const [dragging, setDragging] = useState(false);
  const maxFiles = question.maxFiles ?? 1;
  const maxBytes = uploadLimitFor(question);
  const remaining = maxFiles - files.length - uploads.length;
  const id = inputDomId(question.id);
  const accepted = question.accept.map(kindLabel).join(", ");

  const start = (picked: File[]) => {
    const room = maxFiles - toFiles(getValue()).length - uploads.length;
    const problems: Rejection[] = [];
    const queue: File[] = [];
    for (const file of picked) {
      const key = nextUploadKey();
      if (queue.length >= room)
        problems.push({
          key,
          name: file.name,
          message: `Not uploaded: at most ${maxFiles} file${maxFiles === 1 ? "" : "s"} can be attached here.`,
        });
      else if (file.size > maxBytes)
        problems.push({
          key,
          name: file.name,
          message: `Not uploaded: too large (${formatFileSize(file.size)}); the limit is ${formatFileSize(maxBytes)}.`,
        });
      else if (file.size === 0) problems.push({ key, name: file.name, message: "The file is empty." });
      else queue.push(file);
    }
    setRejections(problems);
    for (const file of queue) void uploadOne(file);
  };

  const uploadOne = async (file: File) => {
    const key = nextUploadKey();
    setUploads((current) => [...current, { key, name: file.name, bytes: file.size }]);
    try {
      const result = await uploadEvidence(question.id, file);
      if (result.ok) {
        onChange([...toFiles(getValue()), result.data]);
        onCommit();
      } else {
        // Too large, too many files, over the assessment's quota, or not an accepted type: the
        // server's message says which, and what to do.
        setRejections((current) => [
          ...current,
          { key, name: file.name, message: `Not uploaded: ${result.message}` },
        ]);
      }
    } catch {
      setRejections((current) => [
        ...current,
        {
          key,
          name: file.name,
          message:
            "The upload failed because the server could not be reached. Check your connection and try again.",
        },
      ]);
    } finally {
      setUploads((current) => current.filter((upload) => upload.key !== key));
    }
  };

  const removeFile = (fileId: string) => {
    const next = toFiles(getValue()).filter((file) => file.fileId !== fileId);
    onChange(next.length ? next : undefined);
    onCommit();
    document.getElementById(id)?.focus();
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (remaining > 0) start([...event.dataTransfer.files]);
  };

  return (
    <div className="space-y-3">
      <label
        htmlFor={id}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`flex flex-col items-center justify-center gap-1 rounded-md border-2 border-dashed px-4 py-5 text-center text-sm transition-colors has-focus-visible:border-brand-600 has-focus-visible:ring-2 has-focus-visible:ring-brand-600 ${
          remaining <= 0
            ? "cursor-not-allowed border-slate-200 bg-slate-50 text-slate-400"
            : dragging
              ? "cursor-copy border-brand-600 bg-brand-50"
              : "cursor-pointer border-slate-300 bg-white hover:border-slate-400"
        } ${issues.length ? "border-red-400" : ""}`}
      >
        <svg
          aria-hidden
          viewBox="0 0 24 24"
          className="size-6 text-slate-400"
          fill="none"
          stroke="currentColor"
          strokeWidth={1.5}
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="M12 16V4m0 0L7 9m5-5l5 5M4 16v2a2 2 0 002 2h12a2 2 0 002-2v-2" />
        </svg>
        <span>
          {remaining > 0 ? (
            <>
              <span className="font-medium text-brand-700">
                Choose {maxFiles - files.length > 1 ? "files" : "a file"}
              </span>{" "}
              or drag {maxFiles - files.length > 1 ? "them" : "it"} here
            </>
          ) : (
            "The maximum number of files is attached"
          )}
        </span>
        <span className="text-xs text-slate-500">
          {accepted} · up to {formatFileSize(maxBytes)} each ·{" "}
          {maxFiles === 1 ? "one file" : `at most ${maxFiles} files`}
        </span>
        <input
          id={id}
          type="file"
          className="sr-only"
          accept={acceptAttribute(question.accept)}
          multiple={maxFiles > 1}
          disabled={remaining <= 0}
          aria-labelledby={labelId(question.id)}
          aria-describedby={describedBy}
          aria-invalid={issues.length > 0 || undefined}
          onBlur={onBlur}
          onChange={(event) => {
            const picked = [...(event.target.files ?? [])];
            event.target.value = "";
            start(picked);
          }}
        />
      </label>

      <div aria-live="polite" className="space-y-2 empty:hidden">
        {uploads.map((upload) => (
          <div
            key={upload.key}
            className="flex items-center gap-3 rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-900 ring-1 ring-brand-100"
          >
            <span
              aria-hidden
              className="size-4 shrink-0 animate-spin rounded-full border-2 border-brand-600 border-t-transparent"
            />
            <span className="min-w-0 flex-1 truncate">
              Uploading <span className="font-medium">{upload.name}</span> ({formatFileSize(upload.bytes)})…
            </span>
            <span aria-hidden className="relative h-1.5 w-24 overflow-hidden rounded-full bg-brand-100">
              <span className="absolute inset-0 animate-pulse rounded-full bg-brand-600/70" />
            </span>
          </div>
        ))}
        {rejections.map((rejection) => (
          <div
            key={rejection.key}
            role="alert"
            className="flex items-start gap-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200"
          >
            <span className="min-w-0 flex-1">
              <span className="font-medium">{rejection.name}</span>: {rejection.message}
            </span>
            <button
              type="button"
              className="text-xs font-medium text-red-700 hover:underline"
              onClick={() => setRejections((current) => current.filter((item) => item.key !== rejection.key))}
            >
              Dismiss
            </button>
          </div>
        ))}
      </div>

      {files.length ? (
        <ul
          className="divide-y divide-slate-200 rounded-md ring-1 ring-slate-200"
          aria-label="Attached files"
        >
          {files.map((file) => (
            <li key={file.fileId} className="flex items-center gap-3 px-3 py-2 text-sm">
              <svg
                aria-hidden
                viewBox="0 0 20 20"
                className="size-5 shrink-0 text-slate-400"
                fill="none"
                stroke="currentColor"
                strokeWidth={1.5}
              >
                <path d="M6 2h5l4 4v11a1 1 0 01-1 1H6a1 1 0 01-1-1V3a1 1 0 011-1z" />
                <path d="M11 2v4h4" />
              </svg>
              <span className="min-w-0 flex-1">
                <span className="block truncate font-medium text-slate-900">{file.name}</span>
                <span className="text-xs text-slate-500">
                  {kindLabel(file.kind)} · {formatFileSize(file.bytes)}
                </span>
              </span>
              <button
                type="button"
                onClick={() => removeFile(file.fileId)}
                className="rounded-md px-2 py-1 text-xs font-medium text-red-700 ring-1 ring-red-200 ring-inset hover:bg-red-50"
              >
                Remove<span className="sr-only"> {file.name}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
