// Decides what an uploaded file really is from its bytes, never from its name or the browser's
// claimed type. Binary formats by magic number (file-type); JSON formats by parsing and looking for
// each standard's mandatory top-level marker.
import { readFile } from "node:fs/promises";

import { fileTypeFromBuffer, fileTypeFromFile, type FileTypeResult } from "file-type";

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
    const isVex =
      Array.isArray(d.vulnerabilities) &&
      d.vulnerabilities.length > 0 &&
      !(Array.isArray(d.components) && d.components.length > 0);
    return { kind: isVex ? "vex_json" : "cyclonedx_json", mimeType: "application/vnd.cyclonedx+json" };
  }
  if (typeof d.spdxVersion === "string" && d.spdxVersion.startsWith("SPDX-"))
    return { kind: "spdx_json", mimeType: "application/spdx+json" };
  if (document && typeof document === "object" && typeof document.csaf_version === "string") {
    return {
      kind: document.category === "csaf_vex" ? "vex_json" : "csaf_json",
      mimeType: "application/json",
    };
  }
  if (typeof d["@context"] === "string" && d["@context"].startsWith("https://openvex.dev/ns"))
    return { kind: "vex_json", mimeType: "application/json" };
  return null;
}

function fromDetectedType(detected: FileTypeResult): SniffResult | null {
  if (detected.mime === "application/pdf") return { kind: "pdf", mimeType: "application/pdf" };
  if (IMAGE_MIMES.has(detected.mime)) return { kind: "image", mimeType: detected.mime };
  return null; // a binary of some other kind (zip, executable, …)
}

/** The evidence kind of these bytes, or null when they are none of the kinds we accept. */
export async function sniffEvidence(bytes: Uint8Array): Promise<SniffResult | null> {
  if (bytes.length === 0) return null;
  const detected = await fileTypeFromBuffer(bytes);
  return detected ? fromDetectedType(detected) : sniffJson(bytes);
}

/**
 * The same verdict for a file on disk: binary formats are recognised from the first few KB; only a
 * file that may be JSON is read whole, and uploads are capped (lib/evidence/upload-limits.ts).
 */
export async function sniffEvidenceFile(filePath: string): Promise<SniffResult | null> {
  const detected = await fileTypeFromFile(filePath);
  if (detected) return fromDetectedType(detected);
  const bytes = await readFile(filePath);
  return bytes.length === 0 ? null : sniffJson(bytes);
}

/** File-name extensions per sniffed type; the first is the one a download gets. */
const EXTENSIONS: Record<string, readonly string[]> = {
  "application/pdf": [".pdf"],
  "image/png": [".png"],
  "image/jpeg": [".jpg", ".jpeg"],
  "image/gif": [".gif"],
  "image/webp": [".webp"],
  "application/vnd.cyclonedx+json": [".json"],
  "application/spdx+json": [".json"],
  "application/json": [".json"],
};

/**
 * The name a file of this sniffed type is stored and downloaded under: the uploaded name when its
 * extension already fits the content, else that name with its last extension replaced, so a PDF
 * uploaded as `poly.html` is `poly.pdf` and never opens as HTML.
 */
export function fileNameForType(name: string, mimeType: string): string {
  const extensions = EXTENSIONS[mimeType];
  if (!extensions) return name;
  const lower = name.toLowerCase();
  if (extensions.some((extension) => lower.endsWith(extension) && lower.length > extension.length))
    return name;
  const dot = name.lastIndexOf(".");
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return `${stem}${extensions[0]}`;
}
