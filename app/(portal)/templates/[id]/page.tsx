import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";

import { SensitivityReportView } from "@/app/(portal)/templates/[id]/_components/sensitivity-report-view";
import { formatDate } from "@/components/assessments/status-badge";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { orNotFound } from "@/lib/actions/or-not-found";
import { requirePageUser } from "@/lib/auth/next-auth/session";
import { getDb } from "@/lib/db/client";
import { getTemplateSensitivity } from "@/lib/domain/template/template-sensitivity";

export const metadata: Metadata = { title: "Questionnaire" };

export default async function TemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("readTemplates");
  const { id } = await params;
  const { template, cached, report } = await orNotFound(getTemplateSensitivity(getDb(), user, id));
  return (
    <>
      <nav className="mb-2 text-sm">
        <Link className="text-brand-700 hover:underline" href="/templates">
          ← Questionnaires
        </Link>
      </nav>
      <PageHeader
        title={`${template.title} · v${template.version}`}
        description={
          <>
            <span className="font-mono">{template.key}</span> · {template.sectionCount} sections ·{" "}
            {template.questionCount} questions ·{" "}
            {template.lockedAt ? `in use since ${formatDate(template.lockedAt)}` : "not used yet"}
          </>
        }
        actions={
          <ButtonLink variant="secondary" href={`/api/templates/${template.id}/export`} download>
            Export JSON
          </ButtonLink>
        }
      />
      <Card title="Sensitivity report" actions={<Badge tone="blue">for template authors</Badge>}>
        <div className="max-w-3xl space-y-2 text-sm text-slate-700">
          <p>
            Does each answer move a vendor&apos;s score, and in the right direction? Two reference vendors
            answer this version: a <strong>PLC maker with 40 units</strong> behind a shared gateway (signed
            but unverified cloud updates, an always-on VPN) and an <strong>HMI maker with one unit</strong>{" "}
            (bootloader-verified updates, on-demand MFA with approval). For every question with linkage rules,
            the table shows their exposure per unit with its strongest and its weakest answer, all other
            answers kept.
          </p>
          <p>
            <strong>Reversed</strong>: a stronger control scores worse (a rule bypasses or inverts it).{" "}
            <strong>No effect</strong>: no answer moves either vendor; fine only when the template explains
            why (shown under the row). Computed once per template version.
          </p>
        </div>
        <div className="mt-5">
          <Suspense
            fallback={
              <div role="status" className="rounded-md bg-slate-50 px-4 py-6 text-sm text-slate-600">
                <div className="mb-3 h-2 w-48 animate-pulse rounded bg-slate-200" />
                Scoring the reference vendors for every answer of this version
                {cached ? "…" : ": a first view takes up to a minute, later views are instant."}
              </div>
            }
          >
            <SensitivityReportView report={report} />
          </Suspense>
        </div>
      </Card>
    </>
  );
}
