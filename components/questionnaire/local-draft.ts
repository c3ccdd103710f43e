import type { FormAnswers } from "./types";

/** The offline copy kept in localStorage so that a reload, a closed tab or a conflict loses nothing. */
export type LocalDraft = {
  /** Server version these answers were edited on top of. */
  version: number;
  answers: FormAnswers;
  /** When this copy was written (ISO). */
  savedAt: string;
  /** Questions changed relative to that version; used to replay them onto a newer version. */
  changedQuestionIds: string[];
  /** The browser tab that wrote it. */
  tabId: string;
  /** Written by a tab that hit a version conflict: other tabs must not overwrite it. */
  conflict?: boolean;
};

export function readLocalDraft(key: string): LocalDraft | null {
  try {
    const text = window.localStorage.getItem(key);
    if (!text) return null;
    const value = JSON.parse(text) as Partial<LocalDraft> | null;
    if (
      !value ||
      typeof value.version !== "number" ||
      typeof value.savedAt !== "string" ||
      typeof value.answers !== "object" ||
      value.answers === null ||
      Array.isArray(value.answers)
    ) {
      return null;
    }
    return {
      version: value.version,
      answers: value.answers,
      savedAt: value.savedAt,
      changedQuestionIds: Array.isArray(value.changedQuestionIds)
        ? value.changedQuestionIds.filter((id) => typeof id === "string")
        : Object.keys(value.answers),
      tabId: typeof value.tabId === "string" ? value.tabId : "",
      conflict: value.conflict === true,
    };
  } catch {
    return null;
  }
}

/** Writes the copy unless another tab's conflict copy is there (that one holds answers nobody saved). */
export function writeLocalDraft(key: string, draft: LocalDraft): void {
  const existing = readLocalDraft(key);
  if (existing?.conflict && existing.tabId !== draft.tabId && !draft.conflict) return;
  try {
    window.localStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // Storage full or disabled (private mode): autosave to the server still works.
  }
}

/** Removes the copy; another tab's conflict copy is kept unless `force`. */
export function removeLocalDraft(key: string, tabId: string, force = false): void {
  try {
    const existing = readLocalDraft(key);
    if (!existing) return;
    if (!force && existing.conflict && existing.tabId !== tabId) return;
    window.localStorage.removeItem(key);
  } catch {
    // Nothing to clean up when storage is unavailable.
  }
}

export function newTabId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : Math.random().toString(36).slice(2);
}
