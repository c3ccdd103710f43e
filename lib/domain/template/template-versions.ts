import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { templateChecksum as checksumOf } from "@/lib/db/template-checksum";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { formatTemplateIssue, parseTemplateJson, type Template } from "@/lib/questionnaire";
import { parseRecordId } from "@/lib/validation/common";
import { uploadText } from "@/lib/validation/utf8";

import { loadTemplate } from "./load-template";

export { loadTemplate };

/** Stores a validated template as a new version row; refuses a (key, version) that already exists. */
async function insertTemplateVersion(
  db: Prisma.TransactionClient,
  organizationId: string,
  template: Template,
) {
  const existing = await db.questionnaireTemplate.findUnique({
    where: { organizationId_key_version: { organizationId, key: template.key, version: template.version } },
    select: { id: true, checksum: true },
  });
  if (existing) {
    if (existing.checksum === checksumOf(template)) return { id: existing.id, created: false };
    throw new AppError(
      "CONFLICT",
      `Version ${template.version} of "${template.key}" already exists with different content. Templates never change once stored: raise "version" to import an edited copy.`,
    );
  }
  const latest = await db.questionnaireTemplate.findFirst({
    where: { organizationId, key: template.key },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  if (latest && latest.version > template.version) {
    throw new AppError(
      "CONFLICT",
      `"${template.key}" is already at version ${latest.version}; an import must use a higher version than that.`,
    );
  }
  const row = await db.questionnaireTemplate.create({
    data: {
      organizationId,
      key: template.key,
      version: template.version,
      title: template.title,
      definition: template as unknown as Prisma.InputJsonValue,
      checksum: checksumOf(template),
    },
    select: { id: true },
  });
  return { id: row.id, created: true };
}

/**
 * Imports a template from a JSON file (its bytes, which must be UTF-8, or text): every validation
 * error is listed by path; nothing is written on error.
 */
export async function importTemplate(db: Db, actor: Actor, file: unknown) {
  assertCan(actor, "manageTemplates");
  const jsonText = uploadText(file, "file", "Choose a template JSON file to import.");
  if (jsonText.trim() === "")
    throw new AppError("VALIDATION", "Choose a template JSON file to import.", {
      file: ["Choose a template JSON file to import."],
    });
  const parsed = parseTemplateJson(jsonText);
  if (!parsed.ok) {
    const lines = parsed.errors.map(formatTemplateIssue);
    throw new AppError(
      "VALIDATION",
      `The template has ${lines.length} error${lines.length === 1 ? "" : "s"}.`,
      { file: lines },
    );
  }
  return db.$transaction(async (tx) => {
    const result = await insertTemplateVersion(tx, actor.organizationId, parsed.template);
    if (result.created)
      await recordAuditEvent(tx, actor, {
        action: "template.import",
        entityType: "QuestionnaireTemplate",
        entityId: result.id,
        details: { key: parsed.template.key, version: parsed.template.version },
      });
    return {
      id: result.id,
      created: result.created,
      key: parsed.template.key,
      version: parsed.template.version,
    };
  });
}

export async function listTemplates(db: Db, actor: Actor) {
  assertCan(actor, "readTemplates");
  const rows = await db.questionnaireTemplate.findMany({
    where: { organizationId: actor.organizationId },
    orderBy: [{ key: "asc" }, { version: "desc" }],
    select: {
      id: true,
      key: true,
      version: true,
      title: true,
      lockedAt: true,
      archivedAt: true,
      createdAt: true,
      definition: true,
      _count: { select: { assessments: true } },
    },
  });
  return rows.map(({ definition, _count, ...r }) => {
    const t = definition as unknown as Template;
    return {
      ...r,
      assessmentCount: _count.assessments,
      sectionCount: t.sections.length,
      questionCount: t.sections.reduce((n, s) => n + s.questions.length, 0),
    };
  });
}

export async function getTemplate(db: Db, actor: Actor, templateId: unknown) {
  assertCan(actor, "readTemplates");
  const id = parseRecordId(templateId, "Template");
  const row = await db.questionnaireTemplate.findFirst({
    where: { id: id, organizationId: actor.organizationId },
    select: {
      id: true,
      key: true,
      version: true,
      title: true,
      definition: true,
      lockedAt: true,
      checksum: true,
    },
  });
  if (!row) throw notFound("Template");
  return { ...row, template: loadTemplate(row.definition) };
}
