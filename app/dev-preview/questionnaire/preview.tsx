"use client";

import { QuestionnaireForm } from "@/components/questionnaire";
import { SAMPLE } from "./sample";
import { getOtSupplierBaselineTemplate, validateAnswers, type EvidenceKind } from "@/lib/questionnaire";

const template = getOtSupplierBaselineTemplate();
let version = 3;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
declare global {
  interface Window {
    __fail?: "offline" | "conflict" | "error";
    __saves?: number;
  }
}


export function Preview() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">{template.title}</h1>
      <QuestionnaireForm
        template={template}
        initialAnswers={SAMPLE}
        initialVersion={version}
        storageKey="dev-preview-questionnaire"
        comments={{
          scope_units: [{ author: "Rita Risk", body: "Please count the spare units in the warehouse too.", createdAt: "2026-03-02T09:15:00Z" }],
        }}
        saveDraft={async (_answers, v) => {
          await sleep(300);
          window.__saves = (window.__saves ?? 0) + 1;
          if (window.__fail === "offline") throw new TypeError("Failed to fetch");
          if (window.__fail === "conflict" || v !== version) return { ok: false, code: "CONFLICT", message: "Changed elsewhere" };
          if (window.__fail === "error") return { ok: false, code: "FORBIDDEN", message: "This assessment is no longer open for changes." };
          version += 1;
          return { ok: true, data: { version, savedAt: new Date().toISOString() } };
        }}
        uploadEvidence={async (_questionId, file) => {
          await sleep(1500);
          if (file.name.startsWith("bad")) return { ok: false, code: "UNSUPPORTED", message: "This is not a CycloneDX or SPDX SBOM: the content looks like a ZIP archive." };
          const kind: EvidenceKind = file.name.endsWith(".pdf") ? "pdf" : "cyclonedx_json";
          return { ok: true, data: { fileId: `f${Math.random().toString(36).slice(2, 10)}`, name: file.name, kind, bytes: file.size } };
        }}
        submit={async (answers, v) => {
          await sleep(300);
          if (v !== version) return { ok: false, code: "CONFLICT", message: "Changed elsewhere" };
          const result = validateAnswers(template, answers, "submission");
          if (!result.ok) return { ok: false, code: "VALIDATION", message: "Some answers are missing or invalid.", issues: result.errors };
          return { ok: true, data: { revision: 1 } };
        }}
      />
    </div>
  );
}
