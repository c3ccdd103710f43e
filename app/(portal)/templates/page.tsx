import type { Metadata } from "next";
import Link from "next/link";

import { ImportTemplateForm } from "@/app/(portal)/templates/_components/import-template-form";
import { formatDate } from "@/components/assessments/status-badge";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/next-auth/session";
import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { listTemplates } from "@/lib/domain/template/template-versions";

export const metadata: Metadata = { title: "Questionnaires" };

export default async function TemplatesPage() {
  const user = await requirePageUser("readTemplates");
  const templates = await listTemplates(getDb(), user);
  return (
    <>
      <PageHeader
        title="Questionnaires"
        description="Versioned questionnaire templates. A version in use never changes: import an edited copy with a higher version."
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          {templates.length === 0 ? (
            <EmptyState title="No questionnaires yet">
              An administrator can import a template file.
            </EmptyState>
          ) : (
            <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
              <table className="min-w-full divide-y divide-slate-200 text-sm">
                <thead className="bg-slate-50 text-left text-slate-600">
                  <tr>
                    <th className="px-4 py-2.5 font-medium">Questionnaire</th>
                    <th className="px-4 py-2.5 font-medium">Version</th>
                    <th className="px-4 py-2.5 font-medium">Content</th>
                    <th className="px-4 py-2.5 font-medium">Use</th>
                    <th className="px-4 py-2.5 font-medium">
                      <span className="sr-only">Export</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {templates.map((t) => (
                    <tr key={t.id}>
                      <td className="px-4 py-3">
                        <Link
                          className="font-medium text-brand-700 hover:underline"
                          href={`/templates/${t.id}`}
                        >
                          {t.title}
                        </Link>
                        <div className="font-mono text-xs text-slate-500">{t.key}</div>
                      </td>
                      <td className="px-4 py-3">v{t.version}</td>
                      <td className="px-4 py-3 text-slate-700">
                        {t.sectionCount} sections · {t.questionCount} questions
                      </td>
                      <td className="px-4 py-3">
                        {t.lockedAt ? (
                          <Badge tone="blue">
                            In use since {formatDate(t.lockedAt)} · {t.assessmentCount}
                          </Badge>
                        ) : (
                          <Badge>Not used yet</Badge>
                        )}
                      </td>
                      <td className="px-4 py-3">
                        <a
                          className="text-brand-700 hover:underline"
                          href={`/api/templates/${t.id}/export`}
                          download
                        >
                          Export JSON
                        </a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
        {can.manageTemplates(user) ? (
          <Card title="Import a template">
            <ImportTemplateForm />
          </Card>
        ) : null}
      </div>
    </>
  );
}
