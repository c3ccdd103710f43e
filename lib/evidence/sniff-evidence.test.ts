import { describe, expect, it } from "vitest";
import { sniffEvidence } from "./sniff-evidence";

const enc = (s: string) => new TextEncoder().encode(s);
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]);

describe("sniffEvidence", () => {
  it.each([
    ["a PDF", enc("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF"), "pdf"],
    ["a PNG", PNG, "image"],
    ["a CycloneDX SBOM", enc(JSON.stringify({ bomFormat: "CycloneDX", specVersion: "1.6", components: [{ type: "library", name: "lwip" }] })), "cyclonedx_json"],
    ["a CycloneDX VEX", enc(JSON.stringify({ bomFormat: "CycloneDX", specVersion: "1.6", vulnerabilities: [{ id: "CVE-2024-1" }] })), "vex_json"],
    ["an SPDX SBOM", enc(JSON.stringify({ spdxVersion: "SPDX-2.3", SPDXID: "SPDXRef-DOCUMENT", packages: [] })), "spdx_json"],
    ["a CSAF advisory", enc(JSON.stringify({ document: { csaf_version: "2.0", category: "csaf_security_advisory" } })), "csaf_json"],
    ["a CSAF VEX", enc(JSON.stringify({ document: { csaf_version: "2.0", category: "csaf_vex" } })), "vex_json"],
    ["an OpenVEX document", enc(JSON.stringify({ "@context": "https://openvex.dev/ns/v0.2.0", statements: [] })), "vex_json"],
  ])("recognises %s", async (_label, bytes, kind) => {
    expect((await sniffEvidence(bytes))?.kind).toBe(kind);
  });

  it.each([
    ["an empty file", new Uint8Array()],
    ["plain text", enc("hello")],
    ["arbitrary JSON", enc(JSON.stringify({ hello: "world" }))],
    ["a JSON array", enc("[1,2,3]")],
    ["a ZIP archive", Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])],
    ["an executable renamed .pdf", Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0])],
    ["HTML with a script", enc("<html><script>alert(1)</script></html>")],
    ["invalid UTF-8", Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d])],
  ])("rejects %s", async (_label, bytes) => {
    expect(await sniffEvidence(bytes)).toBeNull();
  });
});
