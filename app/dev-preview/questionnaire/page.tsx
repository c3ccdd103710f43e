import { QuestionnaireAnswers, diffAnswers } from "@/components/questionnaire";
import { getOtSupplierBaselineTemplate } from "@/lib/questionnaire";
import { Preview } from "./preview";
import { SAMPLE } from "./sample";

export default async function Page({ searchParams }: { searchParams: Promise<{ view?: string }> }) {
  const { view } = await searchParams;
  if (view !== "answers") return <Preview />;
  const template = getOtSupplierBaselineTemplate();
  const next = { ...SAMPLE, scope_units: 140, fw_sbom_available: "yes", fw_sbom_file: [{ fileId: "abc", name: "sbom.cdx.json", kind: "cyclonedx_json", bytes: 48213 }], scope_sites: "dont_know" };
  return (
    <div className="mx-auto max-w-4xl px-4 py-8">
      <QuestionnaireAnswers
        template={template}
        answers={next}
        changedQuestionIds={new Set(diffAnswers(SAMPLE, next))}
        comments={{ scope_units: [{ author: "Rita Risk", body: "Please count spares.", createdAt: "2026-03-02T09:15:00Z" }] }}
        renderQuestionExtra={(id) => (id === "scope_units" ? <button className="text-xs text-brand-700 underline">Add comment</button> : null)}
        evidenceHref={(file) => `/files/${file.fileId}`}
      />
    </div>
  );
}
