import { describe, expect, it } from "vitest";

import { fileNameForType, sniffEvidence, sniffEvidenceFile } from "./sniff-evidence";

const enc = (s: string) => new TextEncoder().encode(s);
const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1,
  8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
]);

describe("sniffEvidence", () => {
  it.each([
    ["a PDF", enc("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF"), "pdf"],
    ["a PNG", PNG, "image"],
    [
      "a CycloneDX SBOM",
      enc(
        JSON.stringify({
          bomFormat: "CycloneDX",
          specVersion: "1.6",
          components: [{ type: "library", name: "lwip" }],
        }),
      ),
      "cyclonedx_json",
    ],
    [
      "a CycloneDX VEX",
      enc(
        JSON.stringify({
          bomFormat: "CycloneDX",
          specVersion: "1.6",
          vulnerabilities: [{ id: "CVE-2024-1" }],
        }),
      ),
      "vex_json",
    ],
    [
      "an SPDX SBOM",
      enc(JSON.stringify({ spdxVersion: "SPDX-2.3", SPDXID: "SPDXRef-DOCUMENT", packages: [] })),
      "spdx_json",
    ],
    [
      "a CSAF advisory",
      enc(JSON.stringify({ document: { csaf_version: "2.0", category: "csaf_security_advisory" } })),
      "csaf_json",
    ],
    [
      "a CSAF VEX",
      enc(JSON.stringify({ document: { csaf_version: "2.0", category: "csaf_vex" } })),
      "vex_json",
    ],
    [
      "an OpenVEX document",
      enc(JSON.stringify({ "@context": "https://openvex.dev/ns/v0.2.0", statements: [] })),
      "vex_json",
    ],
  ])("recognises %s", async (_label, bytes, kind) => {
    expect((await sniffEvidence(bytes))?.kind).toBe(kind);
  });

  it.each([
    ["an empty file", new Uint8Array()],
    ["plain text", enc("hello")],
    ["arbitrary JSON", enc(JSON.stringify({ hello: "world" }))],
    ["a JSON array", enc("[1,2,3]")],
    [
      "a ZIP archive",
      Uint8Array.from([
        0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      ]),
    ],
    [
      "an executable renamed .pdf",
      Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0]),
    ],
    ["HTML with a script", enc("<html><script>alert(1)</script></html>")],
    ["invalid UTF-8", Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d])],
  ])("rejects %s", async (_label, bytes) => {
    expect(await sniffEvidence(bytes)).toBeNull();
  });
});

describe("sniffEvidenceFile", () => {
  it("gives the same verdict for a file on disk as for its bytes", async () => {
    const { mkdtemp, rm, writeFile } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const dir = await mkdtemp(path.join(tmpdir(), "sniff-"));
    try {
      const cases: [string, Uint8Array, string | null][] = [
        ["a.pdf", enc("%PDF-1.7\n%%EOF"), "pdf"],
        ["a.png", PNG, "image"],
        [
          "a.json",
          enc(JSON.stringify({ bomFormat: "CycloneDX", specVersion: "1.6", components: [] })),
          "cyclonedx_json",
        ],
        ["a.txt", enc("hello"), null],
        ["empty", new Uint8Array(), null],
      ];
      for (const [name, bytes, kind] of cases) {
        await writeFile(path.join(dir, name), bytes);
        expect((await sniffEvidenceFile(path.join(dir, name)))?.kind ?? null, name).toBe(kind);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("fileNameForType", () => {
  it.each([
    ["poly.html", "application/pdf", "poly.pdf"],
    ["report.PDF", "application/pdf", "report.PDF"],
    ["report", "application/pdf", "report.pdf"],
    [".pdf", "application/pdf", ".pdf.pdf"],
    ["photo.jpeg", "image/jpeg", "photo.jpeg"],
    ["photo.png", "image/jpeg", "photo.jpg"],
    ["fw-1.2.cdx.json", "application/vnd.cyclonedx+json", "fw-1.2.cdx.json"],
    ["sbom.xml", "application/spdx+json", "sbom.json"],
    ["advisory.json.svg", "application/json", "advisory.json.json"],
    ["old-row.bin", "application/octet-stream", "old-row.bin"],
  ])("%s as %s is %s", (name, mime, expected) => {
    expect(fileNameForType(name, mime)).toBe(expected);
  });
});
