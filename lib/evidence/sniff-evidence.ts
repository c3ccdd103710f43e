// Decides what an uploaded file really is from its bytes, never from its name or the browser's
// claimed type. Binary formats by magic number (file-type); JSON formats by parsing and looking for
// each standard's mandatory top-level marker.
import { fileTypeFromBuffer } from "file-type";
import type { EvidenceKind } from "@/lib/questionnaire";

export interface SniffResult {
  kind: EvidenceKind;
  mimeType: string;
}

const IMAGE_MIMES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);

export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  pdf: "PDF",
  cyclonedx_json: "CycloneDX JSON SBOM",
  spdx_json: "SPDX JSON SBOM",
  csaf_json: "CSAF advisory (JSON)",
  vex_json: "VEX document (JSON)",
  image: "image (PNG, JPEG, GIF, WebP)",
};

function sniffJson(bytes: Uint8Array): SniffResult | null {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) return null;
  const d = doc as Record<string, unknown>;
  const document = d.document as Record<string, unknown> | undefined;
  if (d.bomFormat === "CycloneDX") {
    // A CycloneDX BOM that carries vulnerability analysis and no components is a VEX.
    const isVex = Array.isArray(d.vulnerabilities) && d.vulnerabilities.length > 0 && !(Array.isArray(d.components) && d.components.length > 0);
    return { kind: isVex ? "vex_json" : "cyclonedx_json", mimeType: "application/vnd.cyclonedx+json" };
  }
  if (typeof d.spdxVersion === "string" && d.spdxVersion.startsWith("SPDX-")) return { kind: "spdx_json", mimeType: "application/spdx+json" };
  if (document && typeof document === "object" && typeof document.csaf_version === "string") {
    return { kind: document.category === "csaf_vex" ? "vex_json" : "csaf_json", mimeType: "application/json" };
  }
  if (typeof d["@context"] === "string" && d["@context"].startsWith("https://openvex.dev/ns")) return { kind: "vex_json", mimeType: "application/json" };
  return null;
}

/** The evidence kind of these bytes, or null when they are none of the kinds we accept. */
export async function sniffEvidence(bytes: Uint8Array): Promise<SniffResult | null> {
  if (bytes.length === 0) return null;
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) {
    if (detected.mime === "application/pdf") return { kind: "pdf", mimeType: "application/pdf" };
    if (IMAGE_MIMES.has(detected.mime)) return { kind: "image", mimeType: detected.mime };
    return null; // a binary of some other kind (zip, executable, …)
  }
  return sniffJson(bytes);
}
