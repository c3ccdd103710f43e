import "server-only";

import type { Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import {
  computeSensitivityInSteps,
  type SensitivityReport,
} from "@/lib/linkage/sensitivity/sensitivity-report";
import type { Template } from "@/lib/questionnaire";

import { getTemplate } from "./template-versions";

/**
 * Sensitivity reports (issue 12) by template checksum: a stored template version never changes, so
 * its report never does either. Kept in this server process, newest last; a few templates' worth.
 * The report is computed in steps that yield to the event loop (it takes seconds of CPU), and one
 * computation per version runs at a time however many people open the page.
 */
const MAX_CACHED = 16;
const cache = new Map<string, Promise<SensitivityReport>>();

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function cachedSensitivity(checksum: string, template: Template): Promise<SensitivityReport> {
  const hit = cache.get(checksum);
  if (hit) {
    cache.delete(checksum);
    cache.set(checksum, hit);
    return hit;
  }
  const report = computeSensitivityInSteps(template, yieldToEventLoop);
  // A failed computation is not kept: the next view tries again.
  report.catch(() => cache.delete(checksum));
  cache.set(checksum, report);
  while (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return report;
}

/** Whether this version's report is ready without computing (the page says how long a first view takes). */
export function isSensitivityCached(checksum: string): boolean {
  return cache.has(checksum);
}

/**
 * A template of the caller's organisation and its sensitivity report (a promise: the page streams
 * the template first and the report when it is ready).
 */
export async function getTemplateSensitivity(db: Db, actor: Actor, templateId: unknown) {
  const row = await getTemplate(db, actor, templateId);
  return {
    template: {
      id: row.id,
      key: row.key,
      version: row.version,
      title: row.title,
      lockedAt: row.lockedAt,
      sectionCount: row.template.sections.length,
      questionCount: row.template.sections.reduce((n, s) => n + s.questions.length, 0),
    },
    cached: isSensitivityCached(row.checksum),
    report: cachedSensitivity(row.checksum, row.template),
  };
}
