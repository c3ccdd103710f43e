"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import type { UseFormReturn } from "react-hook-form";

import type { Template } from "@/lib/questionnaire";

import { AutosaveController } from "./autosave";
import type { FormAnswers, SaveResult } from "./types";

interface AutosaveOptions {
  template: Template;
  storageKey: string;
  initialVersion: number;
  initialAnswers: Record<string, unknown>;
  saveDraft: (answers: Record<string, unknown>, version: number) => Promise<SaveResult>;
}

/** The form's autosave: debounced saves with an offline copy, its status, and reload/restore. */
export function useQuestionnaireAutosave(
  form: UseFormReturn<FormAnswers>,
  { template, storageKey, initialVersion, initialAnswers, saveDraft }: AutosaveOptions,
) {
  const [autosave] = useState(
    () => new AutosaveController({ template, storageKey, initialVersion, initialAnswers, save: saveDraft }),
  );
  const saveState = useSyncExternalStore(autosave.subscribe, autosave.getSnapshot, autosave.getSnapshot);
  useEffect(() => autosave.setSave(saveDraft), [autosave, saveDraft]);
  useEffect(() => autosave.start(), [autosave]);
  useEffect(
    () =>
      form.subscribe({
        formState: { values: true },
        callback: ({ values: latest }) => autosave.update(latest),
      }),
    [form, autosave],
  );

  const reload = () => {
    autosave.allowLeaving();
    window.location.reload();
  };
  const restore = () => {
    const offer = saveState.restore;
    if (!offer) return;
    form.reset(offer.answers);
    autosave.clearRestoreOffer(false);
    autosave.update(offer.answers);
    void autosave.flush();
  };

  return { autosave, saveState, reload, restore };
}
