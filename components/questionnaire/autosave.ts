import { LIMITS, type Template } from "@/lib/questionnaire";
import { diffAnswers } from "@/lib/questionnaire/diff-answers";
import { answersJsonBytes, answersTooLargeMessage } from "@/lib/validation/response";

import { compactAnswers, saveableAnswers } from "./draft-answers";
import { newTabId, readLocalDraft, removeLocalDraft, writeLocalDraft } from "./local-draft";
import type { FormAnswers, SaveResult } from "./types";

export type SaveStatus =
  | { kind: "saved"; savedAt: string | null }
  | { kind: "pending" }
  | { kind: "saving" }
  /** No reply (network down, or the reply was lost): the same save is sent again later. */
  | { kind: "offline"; retryAt: number }
  /** The server answered "unavailable" or failed: the same save is sent again later. */
  | { kind: "retrying"; retryAt: number; message: string }
  /** The answers exceed what a save may carry: nothing is sent until they shrink. */
  | { kind: "too-large"; message: string }
  | { kind: "conflict" }
  | { kind: "error"; message: string }
  | { kind: "stopped" };

/** A local copy that differs from what the server sent, offered for restoring after a reload. */
export type RestoreOffer = {
  savedAt: string;
  answers: FormAnswers;
  changedCount: number;
  /** The copy was made on top of an older version than the one now loaded (e.g. after a conflict). */
  stale: boolean;
};

export type AutosaveSnapshot = {
  status: SaveStatus;
  version: number;
  /** Questions whose current value is invalid and therefore not saved yet. */
  heldBack: string[];
  /** True while the latest answers are not on the server. */
  unsaved: boolean;
  restore: RestoreOffer | null;
};

type SaveFn = (answers: FormAnswers, version: number) => Promise<SaveResult>;

export type AutosaveOptions = {
  template: Template;
  storageKey: string;
  initialVersion: number;
  initialAnswers: FormAnswers;
  save: SaveFn;
  debounceMs?: number;
};

const MAX_RETRY_DELAY_MS = 30_000;

/** Failures after which the same save is sent again by itself (with backoff): the outcome is unknown or passing. */
const TRANSIENT_CODES = new Set(["UNAVAILABLE", "INTERNAL"]);

type SaveRequest = { answers: FormAnswers; json: string };

/**
 * Debounced autosave with optimistic concurrency, an offline copy in localStorage and exponential
 * backoff. Framework-free so that the state machine is easy to follow; the form subscribes to it
 * with useSyncExternalStore. Saves are serialized: at most one request is in flight.
 *
 * A save that got no reply, or a reply saying the server is unavailable or failed, may or may not
 * have been stored. It is kept as `unresolved` and sent again unchanged (same answers, same
 * version) until the server answers: the server recognises a replay of what it already stored and
 * answers with its version, so a lost reply never turns into a false conflict. Only then are later
 * edits saved on top.
 */
export class AutosaveController {
  private readonly tabId = newTabId();
  private readonly options: Required<AutosaveOptions>;
  private version: number;
  private raw: FormAnswers;
  private saveable: { answers: FormAnswers; json: string; heldBack: string[] };
  private lastSaved: { answers: FormAnswers; json: string };
  private debounceTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;
  private unresolved: SaveRequest | null = null;
  private chain: Promise<boolean> = Promise.resolve(true);
  private leaving = false;
  private snapshot: AutosaveSnapshot;
  private readonly listeners = new Set<() => void>();

  constructor(options: AutosaveOptions) {
    this.options = { debounceMs: 800, ...options };
    this.version = options.initialVersion;
    this.raw = compactAnswers(options.initialAnswers);
    this.saveable = this.computeSaveable(this.raw, {});
    this.lastSaved = { answers: this.saveable.answers, json: this.saveable.json };
    this.snapshot = {
      status: { kind: "saved", savedAt: null },
      version: this.version,
      heldBack: this.saveable.heldBack,
      unsaved: false,
      restore: null,
    };
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  setSave(save: SaveFn) {
    this.options.save = save;
  }

  /** Attaches browser listeners and looks for an offline copy to restore. Undone by `dispose`. */
  start(): () => void {
    window.addEventListener("online", this.handleOnline);
    window.addEventListener("beforeunload", this.handleBeforeUnload);
    window.addEventListener("pagehide", this.handlePageHide);
    if (this.snapshot.restore === null) this.emit({ restore: this.findRestoreOffer() });
    return () => this.dispose();
  }

  dispose() {
    window.removeEventListener("online", this.handleOnline);
    window.removeEventListener("beforeunload", this.handleBeforeUnload);
    window.removeEventListener("pagehide", this.handlePageHide);
    clearTimeout(this.debounceTimer);
    clearTimeout(this.retryTimer);
  }

  /** Called on every change: keeps the local copy current and schedules a save. */
  update(answers: FormAnswers) {
    this.raw = compactAnswers(answers);
    this.saveable = this.computeSaveable(this.raw, this.lastSaved.answers);
    this.writeLocalCopy();
    const kind = this.snapshot.status.kind;
    const patch: Partial<AutosaveSnapshot> = { heldBack: this.saveable.heldBack, unsaved: this.hasUnsaved() };
    if (kind === "conflict" || kind === "stopped") return this.emit(patch);
    if (this.saveable.json === this.lastSaved.json) {
      clearTimeout(this.debounceTimer);
      if (kind === "pending") patch.status = { kind: "saved", savedAt: null };
      return this.emit(patch);
    }
    // While offline the backoff timer (or the "online" event) decides when to try again.
    if (kind === "offline" || kind === "retrying") return this.emit(patch);
    if (kind !== "saving") patch.status = { kind: "pending" };
    this.emit(patch);
    clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => void this.flush(), this.options.debounceMs);
  }

  /** Saves now (e.g. on blur or before submitting). Resolves true when the server has the latest saveable answers. */
  flush(): Promise<boolean> {
    clearTimeout(this.debounceTimer);
    this.chain = this.chain.then(() => this.saveUntilClean());
    return this.chain;
  }

  retryNow() {
    this.attempt = 0;
    return this.flush();
  }

  /** Accepting the offer is done by the form (it resets its values and calls `update`); this forgets it. */
  clearRestoreOffer(discardCopy: boolean) {
    if (discardCopy) removeLocalDraft(this.options.storageKey, this.tabId, true);
    this.emit({ restore: null });
  }

  /** After a successful submission: no more saves, no local copy, no unload warning. */
  stop() {
    clearTimeout(this.debounceTimer);
    clearTimeout(this.retryTimer);
    removeLocalDraft(this.options.storageKey, this.tabId, true);
    this.emit({ status: { kind: "stopped" }, unsaved: false });
  }

  /** Lets a deliberate reload (after a conflict) through without the unload warning. */
  allowLeaving() {
    this.leaving = true;
  }

  currentVersion() {
    return this.version;
  }

  currentSaveableAnswers() {
    return this.saveable.answers;
  }

  private async saveUntilClean(): Promise<boolean> {
    // A few rounds at most: each round saves what was typed while the previous request was in flight.
    for (let round = 0; round < 5; round += 1) {
      const kind = this.snapshot.status.kind;
      if (kind === "conflict" || kind === "stopped") return false;
      if (this.isClean()) {
        if (kind !== "saved") this.emit({ status: { kind: "saved", savedAt: null } });
        return true;
      }
      if (!(await this.saveOnce())) return false;
    }
    return this.isClean();
  }

  private isClean() {
    return this.unresolved === null && this.saveable.json === this.lastSaved.json;
  }

  private async saveOnce(): Promise<boolean> {
    const request: SaveRequest = this.unresolved ?? {
      answers: this.saveable.answers,
      json: this.saveable.json,
    };
    const { answers, json } = request;
    clearTimeout(this.retryTimer);
    const bytes = answersJsonBytes(answers);
    if (bytes > LIMITS.answersJsonBytes) {
      // The server would refuse it (or the transport would drop it): say so and wait for an edit.
      this.emit({ status: { kind: "too-large", message: answersTooLargeMessage(bytes) } });
      return false;
    }
    this.emit({ status: { kind: "saving" } });
    let result: SaveResult;
    try {
      result = await this.options.save(answers, this.version);
    } catch {
      // Network failure or a crashed request: keep the local copy and send the same save again later.
      return this.retryLater(request, { kind: "offline" });
    }
    if (!result.ok && TRANSIENT_CODES.has(result.code))
      return this.retryLater(request, { kind: "retrying", message: result.message });
    this.unresolved = null;
    if (result.ok) {
      this.attempt = 0;
      this.version = result.data.version;
      this.lastSaved = { answers, json };
      this.writeLocalCopy();
      const clean = this.saveable.json === json;
      this.emit({
        version: this.version,
        unsaved: this.hasUnsaved(),
        status: clean ? { kind: "saved", savedAt: result.data.savedAt } : { kind: "pending" },
      });
      return true;
    }
    if (result.code === "CONFLICT") {
      clearTimeout(this.debounceTimer);
      this.emit({ status: { kind: "conflict" } });
      this.writeLocalCopy();
      return false;
    }
    this.emit({ status: { kind: "error", message: result.message } });
    return false;
  }

  private retryLater(
    request: SaveRequest,
    status: { kind: "offline" } | { kind: "retrying"; message: string },
  ): false {
    this.unresolved = request;
    this.attempt += 1;
    const delay = Math.min(MAX_RETRY_DELAY_MS, 1000 * 2 ** (this.attempt - 1)) * (0.8 + Math.random() * 0.4);
    this.retryTimer = setTimeout(() => void this.flush(), delay);
    this.emit({ status: { ...status, retryAt: Date.now() + delay } });
    return false;
  }

  private computeSaveable(raw: FormAnswers, lastSaved: FormAnswers) {
    const { answers, heldBack } = saveableAnswers(this.options.template, raw, lastSaved);
    return { answers, heldBack, json: stableJson(answers) };
  }

  private hasUnsaved() {
    return diffAnswers(this.lastSaved.answers, this.raw).length > 0;
  }

  private writeLocalCopy() {
    const { storageKey } = this.options;
    const changedQuestionIds = diffAnswers(this.lastSaved.answers, this.raw);
    if (changedQuestionIds.length === 0) return removeLocalDraft(storageKey, this.tabId);
    writeLocalDraft(storageKey, {
      version: this.version,
      answers: this.raw,
      savedAt: new Date().toISOString(),
      changedQuestionIds,
      tabId: this.tabId,
      conflict: this.snapshot.status.kind === "conflict",
    });
  }

  private findRestoreOffer(): RestoreOffer | null {
    const copy = readLocalDraft(this.options.storageKey);
    if (!copy || copy.tabId === this.tabId) return null;
    const server = this.lastSaved.answers;
    const stale = copy.version < this.version;
    let answers: FormAnswers;
    if (stale) {
      // Replay only what was changed locally onto the newer server answers.
      answers = { ...server };
      for (const id of copy.changedQuestionIds) {
        if (Object.hasOwn(copy.answers, id)) answers[id] = copy.answers[id];
        else delete answers[id];
      }
    } else {
      answers = compactAnswers(copy.answers);
    }
    const changedCount = diffAnswers(server, answers).length;
    if (changedCount === 0) {
      removeLocalDraft(this.options.storageKey, this.tabId, true);
      return null;
    }
    return { savedAt: copy.savedAt, answers, changedCount, stale };
  }

  private handleOnline = () => {
    const kind = this.snapshot.status.kind;
    if (kind === "offline" || kind === "retrying") void this.retryNow();
  };

  private handleBeforeUnload = (event: BeforeUnloadEvent) => {
    const kind = this.snapshot.status.kind;
    if (this.leaving || !this.snapshot.unsaved || kind === "conflict" || kind === "stopped") return;
    event.preventDefault();
    // Legacy browsers need returnValue set to show the prompt.
    event.returnValue = "";
  };

  private handlePageHide = () => {
    if (this.snapshot.unsaved && this.snapshot.status.kind !== "conflict") void this.flush();
  };

  private emit(patch: Partial<AutosaveSnapshot>) {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}

/** JSON with sorted object keys, so that equal answers always compare equal as text. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(
          Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : item,
  );
}
