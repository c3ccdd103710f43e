import "server-only";

import type { Db } from "@/lib/db/create-client";

import { loadTemplate } from "./load-template";

export interface QuestionLabel {
  /** "Section title: question label" — group questions ("List them.") need their section in front. */
  label: string;
  /** Position of the question in its template, for ordering. */
  order: number;
  /** "3.2": section and question number, as the questionnaire shows them. */
  number: string;
  /** The question's own label, without its section. */
  text: string;
}

// A template row's definition never changes (editing makes a new version), so its labels can be
// kept by row id. Bounded: an organisation uses a handful of template versions at a time.
const MAX_TEMPLATES = 64;
const labelsByTemplate = new Map<string, Map<string, QuestionLabel>>();

function labelsOf(definition: unknown): Map<string, QuestionLabel> {
  const labels = new Map<string, QuestionLabel>();
  let order = 0;
  loadTemplate(definition).sections.forEach((s, si) =>
    s.questions.forEach((q, qi) =>
      labels.set(q.id, {
        label: `${s.title}: ${q.label}`,
        order: order++,
        number: `${si + 1}.${qi + 1}`,
        text: q.label,
      }),
    ),
  );
  return labels;
}

/**
 * The question labels of the organisation's assessments, keyed `${assessmentId}\u0000${questionId}`.
 * Each template definition is read from the database and validated once per process, not per page.
 */
export async function questionLabelsFor(
  db: Db,
  organizationId: string,
  assessmentIds: Iterable<string>,
): Promise<Map<string, QuestionLabel>> {
  const ids = [...new Set(assessmentIds)];
  const result = new Map<string, QuestionLabel>();
  if (ids.length === 0) return result;
  const assessments = await db.assessment.findMany({
    where: { organizationId, id: { in: ids } },
    select: { id: true, templateId: true },
  });
  const missing = [...new Set(assessments.map((a) => a.templateId))].filter(
    (id) => !labelsByTemplate.has(id),
  );
  if (missing.length > 0) {
    const templates = await db.questionnaireTemplate.findMany({
      where: { organizationId, id: { in: missing } },
      select: { id: true, definition: true },
    });
    for (const t of templates) {
      labelsByTemplate.set(t.id, labelsOf(t.definition));
      if (labelsByTemplate.size > MAX_TEMPLATES)
        labelsByTemplate.delete(labelsByTemplate.keys().next().value!);
    }
  }
  for (const a of assessments) {
    const labels = labelsByTemplate.get(a.templateId);
    if (labels) for (const [questionId, label] of labels) result.set(`${a.id}\u0000${questionId}`, label);
  }
  return result;
}
