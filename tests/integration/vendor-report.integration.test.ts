import { writeFileSync } from "node:fs";
import path from "node:path";

import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";

import { loadVendorReport } from "@/lib/domain/report/load-vendor-report";
import { renderVendorReport, reportFileName } from "@/lib/reports/vendor-report";
import { MODEL_VERSION } from "@/lib/scoring";
import { buildOrganization, buildVendor } from "@/prisma/seed/factories";

import { acmeOnASmallPlant, actorFor, withMailSink } from "./fixtures";
import { testDb } from "./setup";

withMailSink();

/** ACME on a small plant, its baseline answers accepted, so it has linkages and a snapshot. */
const scoredAcme = () => acmeOnASmallPlant({ orgName: "Kiln Works", tier: "CRITICAL" });

async function pdfText(bytes: Uint8Array): Promise<string> {
  const standardFontDataUrl = `${path.resolve("node_modules/pdfjs-dist/standard_fonts")}/`;
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl,
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
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
    expect(report.criticalAssets.map((c) => c.name)).toEqual(
      expect.arrayContaining(["Kiln PLC 1", "Kiln PLC 2"]),
    );
    expect(report.paths.length).toBeGreaterThan(0);
    const provenances = report.paths.flatMap((p) => p.hops.map((h) => h.provenance));
    // Question numbers and labels, never a question key or a database id.
    expect(
      provenances.some((p) => /^answer to question \d+\.\d+ “[^”]+” \(revision 1\)/.test(p)),
      provenances.join("\n"),
    ).toBe(true);
    for (const p of provenances) {
      expect(p).not.toContain(a.id);
      expect(p).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
    }
    expect(report.assessment).toMatchObject({ id: a.id, revision: 1 });
    const remote = report.assessment!.answers.find((x) => x.questionId === "ra_model");
    expect(remote).toMatchObject({
      label: "How do your staff access our installed systems remotely?",
      provenance: expect.stringMatching(/^answer to question \d+\.\d+ \(revision 1\)$/),
    });
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
    expect(text).toContain("answer to question");
    expect(text).not.toContain(a.id);
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
    await expect(loadVendorReport(db, supplier, vendor.id)).rejects.toMatchObject({
      code: "FORBIDDEN",
      status: 403,
    });
    const other = await buildOrganization(db);
    const outsider = await actorFor(other.id, "RISK_OFFICER");
    await expect(loadVendorReport(db, outsider, vendor.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
      status: 404,
    });
    await expect(loadVendorReport(db, outsider, "not an id")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
