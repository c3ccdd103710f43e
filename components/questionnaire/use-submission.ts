"use client";

import { useMemo, useState } from "react";
import type { UseFormReturn } from "react-hook-form";

import {
  readAnswer,
  validateAnswers,
  type AnswerIssue,
  type Template,
  type Visibility,
} from "@/lib/questionnaire";
import { diffAnswers } from "@/lib/questionnaire/diff-answers";

import type { AutosaveController } from "./autosave";
import { compactAnswers, questionIndex } from "./draft-answers";
import type { FormAnswers, SubmitResult } from "./types";
import type { FocusRequest } from "./use-focus-request";

export type SubmitState =
  | { kind: "idle" }
  | { kind: "submitting" }
  | { kind: "failed"; message: string; serverIssues: AnswerIssue[]; snapshot: FormAnswers }
  | { kind: "submitted" };

interface SubmissionOptions {
  template: Template;
  values: FormAnswers;
  visibility: Visibility;
  form: UseFormReturn<FormAnswers>;
  autosave: AutosaveController;
  submit: (answers: Record<string, unknown>, version: number) => Promise<SubmitResult>;
  onSubmitted?: (data: unknown) => void;
  setFocusRequest: (request: FocusRequest) => void;
}

/** Submitting the saved draft, and the answers that still need attention after a failed attempt. */
export function useSubmission({
  template,
  values,
  visibility,
  form,
  autosave,
  submit,
  onSubmitted,
  setFocusRequest,
}: SubmissionOptions) {
  const [submitState, setSubmitState] = useState<SubmitState>({ kind: "idle" });
  const order = useMemo(() => {
    const ids = [...questionIndex(template).keys()];
    return new Map(ids.map((id, index) => [id, index]));
  }, [template]);

  // After a failed submission the list follows the answers: fixed problems disappear as the supplier
  // types; the server's own findings stay until the answer they are about changes.
  const attention = useMemo<AnswerIssue[]>(() => {
    if (submitState.kind !== "failed" || submitState.serverIssues.length === 0) return [];
    const current = compactAnswers(values);
    const local = validateAnswers(template, current, "submission");
    const localIssues = local.ok ? [] : local.errors.filter((issue) => issue.code !== "unknown_question");
    const seen = new Set(localIssues.map((issue) => `${issue.path}|${issue.message}`));
    const { snapshot } = submitState;
    const serverStill = submitState.serverIssues.filter((issue) => {
      if (seen.has(`${issue.path}|${issue.message}`)) return false;
      if (!issue.questionId || !order.has(issue.questionId)) return true;
      if (!visibility.questions.has(issue.questionId)) return false;
      return (
        diffAnswers(
          { v: readAnswer(snapshot, issue.questionId) },
          { v: readAnswer(current, issue.questionId) },
        ).length === 0
      );
    });
    return [...localIssues, ...serverStill].sort(
      (a, b) => (order.get(a.questionId) ?? 1e9) - (order.get(b.questionId) ?? 1e9),
    );
  }, [submitState, values, template, order, visibility]);

  const attentionByQuestion = useMemo(() => {
    const map = new Map<string, AnswerIssue[]>();
    for (const issue of attention) map.set(issue.questionId, [...(map.get(issue.questionId) ?? []), issue]);
    return map;
  }, [attention]);

  const submitted = submitState.kind === "submitted";

  const handleSubmit = async () => {
    if (submitState.kind === "submitting" || submitted) return;
    setSubmitState({ kind: "submitting" });
    const snapshot = compactAnswers(form.getValues());
    const fail = (message: string, serverIssues: AnswerIssue[] = []) => {
      setSubmitState({ kind: "failed", message, serverIssues, snapshot });
      setFocusRequest({ target: "issues" });
    };
    const saved = await autosave.flush();
    if (!saved) {
      const status = autosave.getSnapshot().status;
      return fail(
        status.kind === "conflict"
          ? "Nothing was submitted: this questionnaire was changed in another tab or by a colleague. Reload to see the latest answers."
          : status.kind === "too-large"
            ? `Nothing was submitted. ${status.message}`
            : "Nothing was submitted because your latest answers could not be saved. Check your connection and try again.",
      );
    }
    let result: SubmitResult;
    try {
      result = await submit(autosave.currentSaveableAnswers(), autosave.currentVersion());
    } catch {
      return fail(
        "Nothing was submitted because the server could not be reached. Your answers are saved; try again in a moment.",
      );
    }
    if (result.ok) {
      autosave.stop();
      setSubmitState({ kind: "submitted" });
      window.scrollTo({ top: 0, behavior: "smooth" });
      onSubmitted?.(result.data);
      return;
    }
    fail(result.message, result.issues ?? []);
  };

  return { submitState, submitted, attention, attentionByQuestion, handleSubmit };
}
