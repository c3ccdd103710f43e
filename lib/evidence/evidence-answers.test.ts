import { describe, expect, it } from "vitest";

import { makeTemplate } from "@/tests/support/questionnaire/template-fixtures";

import {
  applyStoredEvidence,
  citedFileIdsOf,
  measureEvidenceRoom,
  ORPHAN_GRACE_MS,
  type EvidenceRow,
} from "./evidence-answers";

const file = (fileId: string, extra: Record<string, unknown> = {}) => ({
  fileId,
  name: `${fileId}.json`,
  kind: "cyclonedx_json",
  bytes: 10,
  ...extra,
});

describe("citedFileIdsOf", () => {
  it("collects file ids under any question and ignores everything else", () => {
    expect([
      ...citedFileIdsOf({
        sbom: [file("a"), file("b")],
        other: [file("c")],
        zones: ["level_1"],
        notes: "x",
        rows: [{ name: "n" }],
        bad: [null, 3, { fileId: 4 }],
      }),
    ]).toEqual(["a", "b", "c"]);
    expect([...citedFileIdsOf(null)]).toEqual([]);
    expect([...citedFileIdsOf([file("a")])]).toEqual([]);
  });
});

describe("applyStoredEvidence", () => {
  const template = makeTemplate(); // "sbom" is its evidence question
  const stored = [
    { id: "a", questionId: "sbom", fileName: "fw.cdx.json", kind: "cyclonedx_json", bytes: 1234 },
    { id: "b", questionId: "elsewhere", fileName: "other.pdf", kind: "pdf", bytes: 99 },
  ];

  it("takes name, kind and size from the stored row, whatever the answer says", () => {
    const out = applyStoredEvidence(
      template,
      { sbom: [file("a", { name: "evil.exe", kind: "spdx_json", bytes: 1 })], notes: "kept" },
      stored,
    );
    expect(out).toEqual({
      sbom: [{ fileId: "a", name: "fw.cdx.json", kind: "cyclonedx_json", bytes: 1234 }],
      notes: "kept",
    });
  });

  it("drops entries whose file is not stored, or stored for another question", () => {
    expect(
      applyStoredEvidence(template, { sbom: [file("b"), file("missing"), file("a")] }, stored).sbom,
    ).toEqual([{ fileId: "a", name: "fw.cdx.json", kind: "cyclonedx_json", bytes: 1234 }]);
  });

  it("leaves answers without evidence alone and does not touch the input", () => {
    const answers = { sbom: [file("a")] };
    expect(applyStoredEvidence(template, {}, stored)).toEqual({});
    applyStoredEvidence(template, answers, stored);
    expect(answers.sbom[0]!.name).toBe("a.json");
  });
});

describe("measureEvidenceRoom", () => {
  const now = new Date("2026-03-01T12:00:00Z");
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000);
  const row = (id: string, minutesAgo: number, questionId = "sbom", bytes = 100): EvidenceRow => ({
    id,
    questionId,
    bytes,
    createdAt: at(minutesAgo),
  });
  const graceMinutes = ORPHAN_GRACE_MS / 60_000;

  it("counts the files the draft cites and the uploads newer than its last save", () => {
    const current = { answers: { sbom: [file("cited")] }, updatedAt: at(5) };
    const room = measureEvidenceRoom({
      rows: [
        row("cited", 60),
        row("pending", 1),
        row("removed-recently", 6),
        row("other-question", 1, "report"),
      ],
      questionId: "sbom",
      revisions: [current],
      current,
      now,
    });
    expect(room).toEqual({ stale: [], attached: 2, heldBytes: 400 });
  });

  it("marks as stale only uncited files older than both the last save and the grace period", () => {
    const current = { answers: {}, updatedAt: at(1) };
    const earlier = { answers: { sbom: [file("cited-by-r1")] } };
    const rows = [
      row("old-orphan", graceMinutes + 1),
      row("young-orphan", graceMinutes - 1),
      row("cited-by-r1", 500),
      row("after-save", 0),
    ];
    const room = measureEvidenceRoom({
      rows,
      questionId: "sbom",
      revisions: [earlier, current],
      current,
      now,
    });
    expect(room.stale).toEqual(["old-orphan"]);
    expect(room.attached).toBe(1); // "after-save"; "cited-by-r1" belongs to a submitted revision only
    expect(room.heldBytes).toBe(300);
  });

  it("never marks an upload newer than the last save as stale, however old", () => {
    const current = { answers: {}, updatedAt: at(600) };
    expect(
      measureEvidenceRoom({
        rows: [row("unsaved", 300)],
        questionId: "sbom",
        revisions: [current],
        current,
        now,
      }),
    ).toEqual({ stale: [], attached: 1, heldBytes: 100 });
  });
});
