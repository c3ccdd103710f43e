// Issue 10, findings 6, 7, 9, 10 and the evidence part of 13: uploads are streamed with a byte limit
// enforced while reading, counted against the question's maxFiles and a per-assessment quota,
// pruned after submission; file metadata and download names come from the stored, sniffed row; and
// every download is audited. The route handlers run as in production on real PostgreSQL and a real
// temporary EVIDENCE_DIR, with only the session and the database client swapped for the test's.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import type { Actor } from "@/lib/auth/roles";
import { createAssessment } from "@/lib/domain/assessment/manage-assessments";
import { getAssessmentForStaff } from "@/lib/domain/assessment/read-assessments";
import { loadVendorReport } from "@/lib/domain/report/load-vendor-report";
import { saveDraft, submitResponse } from "@/lib/domain/response/supplier-responses";
import { requestChanges } from "@/lib/domain/review/review-assessment";
import type { Template } from "@/lib/questionnaire";
import { validateTemplate } from "@/lib/questionnaire/validate-template";
import { buildContact, buildOrganization, buildTemplate, buildVendor } from "@/prisma/seed/factories";
import { makeRawTemplate } from "@/tests/support/questionnaire/template-fixtures";

import { actorFor, withMailSink } from "../integration/fixtures";
import { testDb } from "../integration/setup";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/next-auth/session", async () => {
  const { AppError: Err } = await import("@/lib/errors");
  const { can } = await import("@/lib/auth/roles");
  return {
    requireActor: async (capability?: keyof typeof can) => {
      if (!session.actor) throw new Err("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
      if (capability && !can[capability](session.actor))
        throw new Err("FORBIDDEN", "You do not have permission to do that.");
      return session.actor;
    },
  };
});
vi.mock("@/lib/db/client", async () => ({ getDb: (await import("../integration/setup")).testDb }));
const { POST: upload } = await import("@/app/api/assessments/[id]/evidence/route");
const { GET: download } = await import("@/app/api/evidence/[id]/route");

const MB = 1024 * 1024;
const SERVER_CEILING = 50 * MB;
const COMPLETE = { has_remote: "no", ra_model: "none" };
const enc = (s: string) => new TextEncoder().encode(s);
const sbom = (name: string) =>
  enc(
    JSON.stringify({ bomFormat: "CycloneDX", specVersion: "1.6", components: [{ type: "library", name }] }),
  );
const POLYGLOT = enc(
  "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n<html><body><script>alert(document.cookie)</script></body></html>",
);

withMailSink();
let evidenceDir: string;
beforeAll(() => {
  evidenceDir = mkdtempSync(path.join(tmpdir(), "trustmap-sec-evidence-"));
  process.env.EVIDENCE_DIR = evidenceDir;
});
afterAll(() => rmSync(evidenceDir, { recursive: true, force: true }));
beforeEach(() => {
  for (const entry of readdirSync(evidenceDir))
    rmSync(path.join(evidenceDir, entry), { recursive: true, force: true });
  session.actor = null;
  delete process.env.EVIDENCE_QUOTA_MB;
});

/** Every file under EVIDENCE_DIR (stored files and anything left half-written). */
function filesOnDisk(): string[] {
  return readdirSync(evidenceDir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name));
}

/** The test template with two evidence questions: SBOMs (5 MB, at most 3) and one report (a template limit above the server's ceiling). */
function uploadTemplate(): Template {
  const raw = makeRawTemplate();
  raw.key = "upload-template";
  // Both evidence questions go to the first section, which is always shown.
  const details = raw.sections[1];
  const question = details.questions.splice(
    details.questions.findIndex((q: any) => q.id === "sbom"),
    1,
  )[0];
  Object.assign(question, { required: false, maxBytes: 5 * MB, maxFiles: 3 });
  delete question.condition;
  raw.sections[0].questions.push(question, {
    id: "report",
    type: "evidence",
    label: "Pen-test report",
    required: false,
    accept: ["pdf", "image"],
    maxBytes: 400 * MB,
    maxFiles: 1,
  });
  const result = validateTemplate(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.template;
}

async function world() {
  const db = testDb();
  const org = await buildOrganization(db, { name: "Northwind" });
  const other = await buildOrganization(db, { name: "Southbridge" });
  const vendor = await buildVendor(db, { organizationId: org.id, name: "Helix Controls" });
  const contact = await buildContact(db, { organizationId: org.id, vendorId: vendor.id });
  const template = await buildTemplate(db, { organizationId: org.id, template: uploadTemplate() });
  const procurement = await actorFor(org.id, "PROCUREMENT");
  const risk = await actorFor(org.id, "RISK_OFFICER");
  const supplier = await actorFor(org.id, "SUPPLIER", vendor.id);
  const otherVendor = await buildVendor(db, { organizationId: org.id, name: "Meridian Gateways" });
  const otherSupplier = await actorFor(org.id, "SUPPLIER", otherVendor.id);
  const outsider = await actorFor(other.id, "ADMIN");
  const open = async () => {
    const a = await createAssessment(db, procurement, {
      vendorId: vendor.id,
      contactId: contact.id,
      templateId: template.id,
      dueDate: new Date(Date.now() + 864e6).toISOString().slice(0, 10),
      send: false,
    });
    await db.assessment.update({ where: { id: a.id }, data: { status: "OPENED" } });
    return a;
  };
  return { db, org, vendor, risk, supplier, otherSupplier, outsider, open };
}

type Part = { name: string; value: string } | { name: string; fileName: string; bytes: Uint8Array };

/** A multipart upload through the route handler, as the browser's FormData sends it. */
async function post(actor: Actor, assessmentId: string, parts: Part[]) {
  session.actor = actor;
  const form = new FormData();
  for (const part of parts) {
    if ("value" in part) form.append(part.name, part.value);
    else form.append(part.name, new Blob([Buffer.from(part.bytes)]), part.fileName);
  }
  const response = await upload(
    new Request(`http://portal.test/api/assessments/${assessmentId}/evidence`, {
      method: "POST",
      body: form,
    }),
    { params: Promise.resolve({ id: assessmentId }) },
  );
  return {
    status: response.status,
    body: (await response.json()) as {
      ok: boolean;
      code?: string;
      message?: string;
      data?: { fileId: string; name: string; kind: string; bytes: number };
    },
  };
}
const postFile = (
  actor: Actor,
  assessmentId: string,
  questionId: string,
  fileName: string,
  bytes: Uint8Array,
) =>
  post(actor, assessmentId, [
    { name: "questionId", value: questionId },
    { name: "file", fileName, bytes },
  ]);

/**
 * A chunked multipart body of `fileBytes` bytes with no Content-Length, produced only as the reader
 * pulls it: `pulled` counts what the handler actually read.
 */
function streamingUpload(
  assessmentId: string,
  options: { questionId: string; fileBytes: number; questionIdFirst: boolean },
) {
  const boundary = "----trustmap-test-boundary";
  const field = `--${boundary}\r\nContent-Disposition: form-data; name="questionId"\r\n\r\n${options.questionId}\r\n`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.json"\r\nContent-Type: application/json\r\n\r\n`;
  const pieces = [enc(options.questionIdFirst ? field + head : head)];
  const tail = enc(`\r\n${options.questionIdFirst ? "" : field}--${boundary}--\r\n`);
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  const stats = { pulled: 0, cancelled: false };
  let sent = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        let next: Uint8Array | undefined = pieces.shift();
        if (!next && sent < options.fileBytes) {
          next = chunk.subarray(0, Math.min(chunk.length, options.fileBytes - sent));
          sent += next.length;
        }
        stats.pulled += (next ?? tail).length;
        controller.enqueue(next ?? tail);
        if (!next) controller.close();
      },
      cancel() {
        stats.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  const request = new Request(`http://portal.test/api/assessments/${assessmentId}/evidence`, {
    method: "POST",
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    body,
    duplex: "half",
  } as RequestInit);
  return { request, stats };
}

describe("finding 6: the upload is streamed with a byte limit enforced while reading", () => {
  it("refuses a 100 MB chunked upload with 413 after reading little more than the question's 5 MB, and leaves nothing on disk", async () => {
    const w = await world();
    const a = await w.open();
    session.actor = w.supplier;
    const { request, stats } = streamingUpload(a.id, {
      questionId: "sbom",
      fileBytes: 100 * MB,
      questionIdFirst: true,
    });
    const rssBefore = process.memoryUsage().rss;
    const response = await upload(request, { params: Promise.resolve({ id: a.id }) });
    const rssGrowth = process.memoryUsage().rss - rssBefore;
    const body = await response.json();
    console.log(
      `[uploads] 100 MB body, 5 MB question limit: read ${(stats.pulled / MB).toFixed(2)} MB, rss +${(rssGrowth / MB).toFixed(1)} MB, status ${response.status}`,
    );
    expect(response.status).toBe(413);
    expect(body).toMatchObject({ ok: false, code: "TOO_LARGE" });
    expect(body.message).toMatch(/5(\.0)? MB/);
    expect(stats.pulled).toBeLessThan(6 * MB);
    expect(stats.cancelled).toBe(true);
    expect(await w.db.evidence.count()).toBe(0);
    expect(filesOnDisk()).toEqual([]);
  });

  it("stops at the server's 50 MB ceiling whatever the template allows, also when the file comes before the question id", async () => {
    const w = await world();
    const a = await w.open();
    session.actor = w.supplier;
    const { request, stats } = streamingUpload(a.id, {
      questionId: "report",
      fileBytes: 100 * MB,
      questionIdFirst: false,
    });
    const response = await upload(request, { params: Promise.resolve({ id: a.id }) });
    console.log(
      `[uploads] 100 MB body, file before the question id: read ${(stats.pulled / MB).toFixed(2)} MB, status ${response.status}`,
    );
    expect(response.status).toBe(413);
    expect((await response.json()).message).toMatch(/50(\.0)? MB/);
    expect(stats.pulled).toBeLessThan(SERVER_CEILING + MB);
    expect(stats.cancelled).toBe(true);
    expect(filesOnDisk()).toEqual([]);
  });

  it("refuses a request carrying several files, and one that is not multipart, storing nothing", async () => {
    const w = await world();
    const a = await w.open();
    const two = await post(w.supplier, a.id, [
      { name: "questionId", value: "sbom" },
      { name: "file", fileName: "a.json", bytes: sbom("a") },
      { name: "file", fileName: "b.json", bytes: sbom("b") },
    ]);
    expect(two).toMatchObject({
      status: 422,
      body: { ok: false, message: expect.stringMatching(/one file at a time/i) },
    });
    session.actor = w.supplier;
    const json = await upload(
      new Request(`http://portal.test/api/assessments/${a.id}/evidence`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      }),
      { params: Promise.resolve({ id: a.id }) },
    );
    expect(json.status).toBe(422);
    expect(await w.db.evidence.count()).toBe(0);
    expect(filesOnDisk()).toEqual([]);
  });

  it("refuses another vendor's supplier before reading the file", async () => {
    const w = await world();
    const a = await w.open();
    const { request, stats } = streamingUpload(a.id, {
      questionId: "sbom",
      fileBytes: 20 * MB,
      questionIdFirst: true,
    });
    session.actor = w.otherSupplier;
    const response = await upload(request, { params: Promise.resolve({ id: a.id }) });
    expect(response.status).toBe(404);
    expect(stats.pulled).toBeLessThan(MB);
    expect(stats.cancelled).toBe(true);
  });
  it("sweeps staging files an upload left behind when the server died mid-way, keeping those of running uploads", async () => {
    const w = await world();
    const a = await w.open();
    const staging = path.join(evidenceDir, ".staging");
    mkdirSync(staging, { recursive: true });
    writeFileSync(path.join(staging, "crashed.part"), "x");
    writeFileSync(path.join(staging, "running.part"), "x");
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    utimesSync(path.join(staging, "crashed.part"), twoHoursAgo, twoHoursAgo);
    expect((await postFile(w.supplier, a.id, "sbom", "fw.json", sbom("lwip"))).status).toBe(200);
    expect(readdirSync(staging)).toEqual(["running.part"]);
  });
});

describe("finding 7: maxFiles, the per-assessment quota, and files no answer references", () => {
  it("accepts at most the question's maxFiles, also when the uploads race, and frees a slot when the answer drops a file", async () => {
    const w = await world();
    const a = await w.open();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        postFile(w.supplier, a.id, "sbom", `sbom-${i}.json`, sbom(`c${i}`)),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(3);
    const refused = results.filter((r) => r.status !== 200);
    expect(refused.map((r) => r.status)).toEqual([422, 422, 422]);
    expect(refused[0]!.body.message).toMatch(/at most 3 files/);
    expect(await w.db.evidence.count({ where: { assessmentId: a.id, questionId: "sbom" } })).toBe(3);

    // The supplier keeps two of them in the answer: the third no longer counts, so one more fits.
    const kept = results
      .filter((r) => r.status === 200)
      .map((r) => r.body.data!)
      .slice(0, 2);
    await saveDraft(w.db, w.supplier, a.id, { ...COMPLETE, sbom: kept }, 0);
    expect((await postFile(w.supplier, a.id, "sbom", "replacement.json", sbom("r"))).status).toBe(200);
    expect((await postFile(w.supplier, a.id, "sbom", "one-too-many.json", sbom("x"))).status).toBe(422);
  });

  it("refuses a file that would take the assessment past its byte quota", async () => {
    const w = await world();
    const a = await w.open();
    const file = sbom("x".repeat(400));
    process.env.EVIDENCE_QUOTA_MB = String((file.byteLength * 2.5) / MB);
    expect((await postFile(w.supplier, a.id, "sbom", "one.json", file)).status).toBe(200);
    expect((await postFile(w.supplier, a.id, "sbom", "two.json", file)).status).toBe(200);
    const third = await postFile(
      w.supplier,
      a.id,
      "report",
      "three.pdf",
      enc(`%PDF-1.4\n${" ".repeat(file.byteLength)}`),
    );
    const again = await postFile(w.supplier, a.id, "sbom", "three.json", file);
    for (const r of [third, again]) {
      expect(r.status).toBe(413);
      expect(r.body.message).toMatch(/per assessment/);
    }
    expect(await w.db.evidence.count({ where: { assessmentId: a.id } })).toBe(2);
    expect(filesOnDisk()).toHaveLength(2);
  });

  it("deletes the files no answer references once the supplier submits, keeping those an earlier revision cites", async () => {
    const w = await world();
    const a = await w.open();
    const uploaded = [];
    for (const name of ["first", "second", "third"])
      uploaded.push((await postFile(w.supplier, a.id, "sbom", `${name}.json`, sbom(name))).body.data!);
    await saveDraft(w.db, w.supplier, a.id, { ...COMPLETE, sbom: [uploaded[0]!, uploaded[1]!] }, 0);
    await submitResponse(w.db, w.supplier, a.id, 1);
    expect(
      (await w.db.evidence.findMany({ where: { assessmentId: a.id }, orderBy: { createdAt: "asc" } })).map(
        (e) => e.id,
      ),
    ).toEqual([uploaded[0]!.fileId, uploaded[1]!.fileId]);
    expect(filesOnDisk()).toHaveLength(2);

    // Revision 2 drops the second file: it stays, because the submitted revision 1 still cites it.
    await requestChanges(w.db, w.risk, a.id, { message: "Please update the SBOM." });
    await saveDraft(w.db, w.supplier, a.id, { ...COMPLETE, sbom: [uploaded[0]!] }, 0);
    await submitResponse(w.db, w.supplier, a.id, 1);
    expect(await w.db.evidence.count({ where: { assessmentId: a.id } })).toBe(2);
    expect(filesOnDisk()).toHaveLength(2);
  });
});

describe("finding 9: name, kind and size of an attached file come from the stored evidence row", () => {
  it("shows the stored metadata on the review page and in the report, whatever the answer claims", async () => {
    const w = await world();
    const a = await w.open();
    const stored = (await postFile(w.supplier, a.id, "sbom", "fw-4.2.cdx.json", sbom("lwip"))).body.data!;
    const forged = { fileId: stored.fileId, name: "invoice.pdf.exe", kind: "spdx_json", bytes: 1 };
    await saveDraft(w.db, w.supplier, a.id, { ...COMPLETE, sbom: [forged] }, 0);
    await submitResponse(w.db, w.supplier, a.id, 1);

    const staff = await getAssessmentForStaff(w.db, w.risk, a.id);
    const expected = {
      fileId: stored.fileId,
      name: "fw-4.2.cdx.json",
      kind: "cyclonedx_json",
      bytes: stored.bytes,
    };
    expect((staff.revisions[0]!.answers as Record<string, unknown>).sbom).toEqual([expected]);

    await w.db.assessment.update({
      where: { id: a.id },
      data: { status: "ACCEPTED", acceptedAt: new Date() },
    });
    const report = await loadVendorReport(w.db, w.risk, w.vendor.id);
    const line = report.assessment!.answers.find((x) => x.questionId === "sbom")!.answer;
    expect(line).toBe("File: fw-4.2.cdx.json");
  });
});

describe("finding 10 and 13: downloads are named by the sniffed type and audited", () => {
  it("names a PDF polyglot uploaded as poly.html poly.pdf, and records each download in the organisation's audit log", async () => {
    const w = await world();
    const a = await w.open();
    const stored = await postFile(w.supplier, a.id, "report", "poly.html", POLYGLOT);
    expect(stored.status).toBe(200);
    const fileId = stored.body.data!.fileId;

    const get = async (actor: Actor) => {
      session.actor = actor;
      return download(new Request(`http://portal.test/api/evidence/${fileId}`), {
        params: Promise.resolve({ id: fileId }),
      });
    };
    const response = await get(w.risk);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''poly.pdf");
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(POLYGLOT))).toBe(true);
    expect((await get(w.supplier)).status).toBe(200);
    expect((await get(w.outsider)).status).toBe(404);

    const events = await w.db.auditEvent.findMany({
      where: { action: "evidence.download" },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => ({ org: e.organizationId, actor: e.actorId, entity: e.entityId }))).toEqual([
      { org: w.org.id, actor: w.risk.userId, entity: fileId },
      { org: w.org.id, actor: w.supplier.userId, entity: fileId },
    ]);
    expect(events[0]!.details).toMatchObject({ assessmentId: a.id, fileName: "poly.pdf" });
  });
});
