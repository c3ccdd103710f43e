// The autosave state machine (components/questionnaire/autosave.ts) driven with fake timers and a
// scripted server: outages, lost replies and oversized answers (issue 10, finding 17).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { AutosaveController, type SaveStatus } from "@/components/questionnaire/autosave";
import type { FormAnswers, SaveResult } from "@/components/questionnaire/types";
import { LIMITS, validateTemplate } from "@/lib/questionnaire";
import { makeRawTemplate } from "@/tests/support/questionnaire/template-fixtures";

/** An in-memory localStorage and a window with no-op listeners: what the controller touches. */
function browserStandIn() {
  const store = new Map<string, string>();
  const localStorage = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  };
  vi.stubGlobal("window", { localStorage, addEventListener: () => {}, removeEventListener: () => {} });
  vi.stubGlobal("localStorage", localStorage);
}

// The fixture template with room for a large list: up to 1,000 components named in 2,000 characters.
const template = (() => {
  const raw = makeRawTemplate();
  const components = raw.sections
    .flatMap((s: { questions: { id: string }[] }) => s.questions)
    .find((q: { id: string }) => q.id === "components");
  components.maxItems = 1_000;
  components.fields[0].maxLength = 2_000;
  const result = validateTemplate(raw);
  if (!result.ok) throw new Error("fixture template is invalid");
  return result.template;
})();
const textQuestion = template.sections.flatMap((s) => s.questions).find((q) => q.type === "text")!;
/** Valid draft answers of about `bytes` bytes as JSON. */
const bigAnswers = (bytes: number) => ({
  components: Array.from({ length: Math.ceil(bytes / 2_000) }, () => ({ name: "x".repeat(1_990) })),
});

type Reply = SaveResult | "throw";
/** A server that answers from a script and records every request it saw. */
function scriptedServer(replies: Reply[], stored = { version: 0 }) {
  const requests: { answers: FormAnswers; version: number }[] = [];
  const save = async (answers: FormAnswers, version: number): Promise<SaveResult> => {
    requests.push({ answers, version });
    const reply = replies.shift() ?? {
      ok: true,
      data: { version: version + 1, savedAt: "2026-01-01T00:00:00.000Z" },
    };
    if (reply === "throw") throw new TypeError("Failed to fetch");
    if (reply.ok) stored.version = reply.data.version;
    return reply;
  };
  return { save, requests };
}

const ok = (version: number): SaveResult => ({
  ok: true,
  data: { version, savedAt: "2026-01-01T00:00:00.000Z" },
});
const unavailable: SaveResult = {
  ok: false,
  code: "UNAVAILABLE",
  message: "The database is not reachable right now.",
};
const internal: SaveResult = { ok: false, code: "INTERNAL", message: "Something went wrong on our side." };

function controller(save: (a: FormAnswers, v: number) => Promise<SaveResult>) {
  return new AutosaveController({
    template,
    storageKey: "draft",
    initialVersion: 0,
    initialAnswers: {},
    save,
    debounceMs: 10,
  });
}
const kind = (c: AutosaveController): SaveStatus["kind"] => c.getSnapshot().status.kind;

beforeEach(() => {
  vi.useFakeTimers();
  browserStandIn();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("autosave", () => {
  it.each([
    ["unavailable", unavailable],
    ["an internal error", internal],
  ])("retries by itself, with backoff, after %s — no click needed", async (_name, failure) => {
    const server = scriptedServer([failure, failure, failure]);
    const c = controller(server.save);
    c.update({ [textQuestion.id]: "first" });
    await vi.advanceTimersByTimeAsync(20);
    expect(kind(c)).toBe("retrying");
    expect(server.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_300); // first retry after ~1 s
    expect(server.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2_500); // then ~2 s
    expect(server.requests).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(5_000); // then ~4 s: the server is back
    expect(server.requests).toHaveLength(4);
    expect(kind(c)).toBe("saved");
    expect(c.currentVersion()).toBe(1);
  });

  it("after a lost reply it sends the same save again before newer edits, so the server can recognise it", async () => {
    const server = scriptedServer(["throw"]);
    const c = controller(server.save);
    c.update({ [textQuestion.id]: "first" });
    await vi.advanceTimersByTimeAsync(20);
    expect(kind(c)).toBe("offline");
    c.update({ [textQuestion.id]: "first, then more" });
    await vi.advanceTimersByTimeAsync(1_500);
    expect(server.requests.map((r) => [r.answers[textQuestion.id], r.version])).toEqual([
      ["first", 0],
      ["first", 0], // the replay, answered as saved at version 1
      ["first, then more", 1],
    ]);
    expect(kind(c)).toBe("saved");
    expect(c.currentVersion()).toBe(2);
  });

  it("answers over the limit show their own message, send nothing and do not retry", async () => {
    const server = scriptedServer([]);
    const c = controller(server.save);
    c.update(bigAnswers(LIMITS.answersJsonBytes + 10_000));
    await vi.advanceTimersByTimeAsync(20);
    const status = c.getSnapshot().status;
    expect(status.kind).toBe("too-large");
    expect(status.kind === "too-large" && status.message).toMatch(/too large to save/);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(server.requests).toHaveLength(0);
    // Shortening the answer saves again by itself.
    c.update(bigAnswers(LIMITS.answersJsonBytes - 100_000));
    await vi.advanceTimersByTimeAsync(20);
    expect(server.requests).toHaveLength(1);
    expect(kind(c)).toBe("saved");
  });

  it("a conflict still stops saving; a validation error waits for Try again", async () => {
    const server = scriptedServer([
      { ok: false, code: "VALIDATION", message: "bad" },
      { ok: false, code: "CONFLICT", message: "changed" },
    ]);
    const c = controller(server.save);
    c.update({ [textQuestion.id]: "a" });
    await vi.advanceTimersByTimeAsync(20);
    expect(kind(c)).toBe("error");
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.requests).toHaveLength(1);
    await c.retryNow();
    expect(kind(c)).toBe("conflict");
    expect(server.requests).toHaveLength(2);
    expect(ok(1).ok).toBe(true);
  });
});
