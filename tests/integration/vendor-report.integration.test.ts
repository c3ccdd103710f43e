import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Actor } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { MODEL_VERSION } from "@/lib/scoring";
import { acmeAnswers } from "@/lib/linkage/fixtures/baseline-answers";
import { createAssessment } from "@/lib/domain/assessment/manage-assessments";
import { submitResponse } from "@/lib/domain/response/supplier-responses";
import { acceptAssessment } from "@/lib/domain/review/review-assessment";
import { loadVendorReport } from "@/lib/reports/load-vendor-report";
import { renderVendorReport, reportFileName } from "@/lib/reports/vendor-report";
import { buildBuiltInTemplates, buildContact, buildOrganization, buildUser, buildVendor } from "@/prisma/seed/factories";
import { startMailSink, type MailSink } from "@/lib/mail/sink";
import { testDb } from "./setup";

// Sending and accepting an assessment e-mails the supplier: a local sink receives those mails.
let sink: MailSink;
let mailDir: string;
beforeAll(async () => {
  mailDir = mkdtempSync(path.join(tmpdir(), "trustmap-it-report-mail-"));
  sink = await startMailSink({ dir: mailDir, port: 0 });
  process.env.SMTP_URL = `smtp://127.0.0.1:${sink.port}`;
});
afterAll(async () => {
  await sink.stop();
  rmSync(mailDir, { recursive: true, force: true });
});

async function actorFor(organizationId: string, role: Role, vendorId: string | null = null): Promise<Actor> {
  const u = await buildUser(testDb(), { organizationId, role, vendorId });
  return { userId: u.id, organizationId, role, vendorId };
}

/** ACME on a small plant, its baseline answers accepted, so it has linkages and a snapshot. */
async function scoredAcme() {
  const db = testDb();
  const org = await buildOrganization(db, { name: "Kiln Works" });
  const [template] = await buildBuiltInTemplates(db, org.id);
  const vendor = await buildVendor(db, { organizationId: org.id, name: "ACME Controls", tier: "CRITICAL" });
  const contact = await buildContact(db, { organizationId: org.id, vendorId: vendor.id });
  const assets = await Promise.all(
    [
      { name: "Kiln PLC 1", type: "CONTROLLER", criticality: 5, zone: "Level 1" },
      { name: "Kiln PLC 2", type: "CONTROLLER", criticality: 5, zone: "Level 1" },
      { name: "GW-01", type: "GATEWAY", criticality: 4, zone: "Level 2", aliases: ["Kiln Modbus/OPC UA gateway"] },
      { name: "Plant historian", type: "HISTORIAN", criticality: 2, zone: "Level 3" },
    ].map((a) => db.asset.create({ data: { organizationId: org.id, normalizedName: a.name.toLowerCase(), aliases: [], ...a } as Prisma.AssetUncheckedCreateInput })),
  );
  for (const plc of assets.slice(0, 2)) await db.deployment.create({ data: { organizationId: org.id, vendorId: vendor.id, assetId: plc.id } });
  for (const plc of assets.slice(0, 2)) {
    await db.linkage.create({ data: { organizationId: org.id, fromKey: `asset:${assets[2]!.id}`, toKey: `asset:${plc.id}`, kind: "ADJACENCY", weight: 0.6, reason: "PLC behind GW-01", source: "INVENTORY" } });
  }
  const procurement = await actorFor(org.id, "PROCUREMENT");
  const risk = await actorFor(org.id, "RISK_OFFICER");
  const supplier = await actorFor(org.id, "SUPPLIER", vendor.id);
  const a = await createAssessment(db, procurement, { vendorId: vendor.id, contactId: contact.id, templateId: template!.id, dueDate: new Date(Date.now() + 864e6).toISOString().slice(0, 10) });
  await db.assessment.update({ where: { id: a.id }, data: { status: "IN_PROGRESS" } });
  await db.responseRevision.update({ where: { assessmentId_revision: { assessmentId: a.id, revision: 1 } }, data: { answers: acmeAnswers as Prisma.InputJsonValue, version: 1 } });
  await submitResponse(db, supplier, a.id, 1);
  await acceptAssessment(db, risk, a.id);
  return { db, org, vendor, a, risk, supplier, procurement };
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const standardFontDataUrl = `${path.resolve("node_modules/pdfjs-dist/standard_fonts")}/`;
  const doc = await getDocument({ data: new Uint8Array(bytes), standardFontDataUrl, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  await doc.destroy();
  return pages.join("\n").replace(/\s+/g, " ");
}

describe("the printable vendor report", () => {
  it("gathers scores, paths with provenance and the accepted answers, and renders them as a PDF", async () => {
    const { db, vendor, a, risk } = await scoredAcme();
    const report = await loadVendorReport(db, risk, vendor.id);
    expect(report.vendor).toMatchObject({ name: "ACME Controls", tier: "CRITICAL" });
    expect(report.organizationName).toBe("Kiln Works");
    expect(report.score).toMatchObject({ modelVersion: MODEL_VERSION });
    expect(report.score!.exposure).toBeGreaterThan(0);
    expect(report.score!.explanation).toContain("ACME Controls");
    expect(report.criticalAssets.map((c) => c.name)).toEqual(expect.arrayContaining(["Kiln PLC 1", "Kiln PLC 2"]));
    expect(report.paths.length).toBeGreaterThan(0);
    const provenances = report.paths.flatMap((p) => p.hops.map((h) => h.provenance));
    expect(provenances.some((p) => p.startsWith("answer ") && p.includes(`(revision 1) of assessment ${a.id}`))).toBe(true);
    expect(report.assessment).toMatchObject({ id: a.id, revision: 1 });
    const remote = report.assessment!.answers.find((x) => x.questionId === "ra_model");
    expect(remote).toMatchObject({ label: "How do your staff access our installed systems remotely?", provenance: `answer ra_model (revision 1) of assessment ${a.id}` });
    expect(remote!.answer).not.toBe("ra_model");
    expect(remote!.answer).not.toBe("Not answered");

    const bytes = await renderVendorReport(report);
    if (process.env.REPORT_PDF_OUT) writeFileSync(process.env.REPORT_PDF_OUT, bytes);
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const text = await pdfText(bytes);
    expect(text).toContain("ACME Controls");
    expect(text).toContain("How do your staff access our installed systems remotely?");
    expect(text).toContain(remote!.answer.replace(/\s+/g, " "));
    expect(text).toContain("Critical assets reachable");
    expect(text).toContain(`of assessment ${a.id}`);
    expect(text).toContain("Kiln PLC 1");
    expect(reportFileName(vendor.name)).toBe("acme-controls-trustmap-report.pdf");
  });

  it("renders for a vendor that is not scored yet", async () => {
    const db = testDb();
    const org = await buildOrganization(db);
    const vendor = await buildVendor(db, { organizationId: org.id, name: "Quiet Vendor" });
    const risk = await actorFor(org.id, "RISK_OFFICER");
    const report = await loadVendorReport(db, risk, vendor.id);
    expect(report.score).toBeNull();
    expect(report.assessment).toBeNull();
    const text = await pdfText(await renderVendorReport(report));
    expect(text).toContain("Not scored yet");
  });

  it("is refused to suppliers and finds nothing of another organisation", async () => {
    const { db, vendor, supplier } = await scoredAcme();
    await expect(loadVendorReport(db, supplier, vendor.id)).rejects.toMatchObject({ code: "FORBIDDEN", status: 403 });
    const other = await buildOrganization(db);
    const outsider = await actorFor(other.id, "RISK_OFFICER");
    await expect(loadVendorReport(db, outsider, vendor.id)).rejects.toMatchObject({ code: "NOT_FOUND", status: 404 });
    await expect(loadVendorReport(db, outsider, "not an id")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
