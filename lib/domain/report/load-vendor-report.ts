import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { loadStoredEvidence } from "@/lib/domain/evidence/read-stored-evidence";
import { getCompiledGraph } from "@/lib/domain/graph-store/graph-cache";
import { listReachableCriticalAssets } from "@/lib/domain/scoring/reachable-critical-assets";
import { getVendorScore, resolvePathLabels, toScoreSummary } from "@/lib/domain/scoring/read-scores";
import { loadTemplate } from "@/lib/domain/template/load-template";
import { notFound } from "@/lib/errors";
import { applyStoredEvidence } from "@/lib/evidence/evidence-answers";
import { vendorKey } from "@/lib/linkage/keys";
import { visibleQuestions, type Answers } from "@/lib/questionnaire";
import { describeHopProvenance, explainScore, hasFootprint, pathQuestionKey } from "@/lib/reports/explain";
import { formatAnswerText } from "@/lib/reports/format-answer";
import type { VendorReport } from "@/lib/reports/report-types";
import { parseRecordId } from "@/lib/validation/common";

const CRITICAL_ASSET_LIMIT = 20;

/**
 * Gathers the vendor report: staff who may read scores, vendors of their own organisation only
 * (another organisation's id is simply not found).
 */
export async function loadVendorReport(
  db: Db,
  actor: Actor,
  vendorIdRaw: unknown,
  now = new Date(),
): Promise<VendorReport> {
  assertCan(actor, "readScores");
  const id = parseRecordId(vendorIdRaw, "Vendor");
  const vendor = await db.vendor.findFirst({
    where: { id: id, organizationId: actor.organizationId },
    select: { id: true, name: true, tier: true, organization: { select: { name: true } } },
  });
  if (!vendor) throw notFound("Vendor");

  const [{ current }, assessment] = await Promise.all([
    getVendorScore(db, actor, vendor.id),
    loadAcceptedAnswers(db, actor, vendor.id),
  ]);
  const topPaths = current?.topPaths ?? [];
  const { names, questions } = await resolvePathLabels(db, actor.organizationId, topPaths);
  const questionOf = (assessmentId: string, questionId: string) =>
    questions[pathQuestionKey(assessmentId, questionId)];
  const critical = current
    ? await listCriticalAssets(db, actor.organizationId, vendorKey(vendor.id))
    : { assets: [], total: 0 };

  return {
    organizationName: vendor.organization.name,
    generatedAt: now,
    vendor: { id: vendor.id, name: vendor.name, tier: vendor.tier },
    score: current
      ? {
          ...toScoreSummary(current),
          model2: hasFootprint(current)
            ? {
                footprintExposure: current.footprintExposure,
                beyondFootprintExposure: current.beyondFootprintExposure,
                exposureLow: current.exposureLow,
                exposureHigh: current.exposureHigh,
                evidenceGap: current.evidenceGap,
              }
            : null,
          modelVersion: current.modelVersion,
          computedAt: current.computedAt,
          explanation: explainScore(vendor.name, current, names),
        }
      : null,
    criticalAssets: critical.assets,
    criticalAssetsTotal: critical.total,
    paths: topPaths.map((p) => ({
      assetName: p.assetName,
      criticality: p.criticality,
      probability: p.probability,
      contribution: p.contribution,
      hops: p.hops.map((h) => ({
        from: h.from,
        to: h.to,
        kind: h.kind,
        weight: h.weight,
        reason: h.reason ?? null,
        provenance: describeHopProvenance(h.provenance, questionOf),
      })),
    })),
    names,
    assessment,
  };
}

/** The newest accepted assessment of the vendor and the answers of the revision that was accepted. */
async function loadAcceptedAnswers(
  db: Db,
  actor: Actor,
  vendorId: string,
): Promise<VendorReport["assessment"]> {
  const organizationId = actor.organizationId;
  const accepted = await db.assessment.findFirst({
    where: { organizationId, vendorId, acceptedAt: { not: null } },
    orderBy: [{ acceptedAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      status: true,
      currentRevision: true,
      acceptedAt: true,
      template: { select: { title: true, version: true, definition: true } },
    },
  });
  if (!accepted) return null;
  // Linkages carry the revision they were extracted from, which is the accepted one even when a
  // reviewer has since reopened the assessment and the supplier is editing a newer revision.
  const extracted = await db.linkage.findFirst({
    where: { organizationId, assessmentId: accepted.id, revision: { not: null } },
    orderBy: { revision: "desc" },
    select: { revision: true },
  });
  const revision = extracted?.revision ?? accepted.currentRevision;
  const row = await db.responseRevision.findFirst({
    where: { organizationId, assessmentId: accepted.id, revision },
    select: { answers: true },
  });
  const template = loadTemplate(accepted.template.definition);
  // Files as stored (name, kind, size), never as the answer JSON describes them.
  const answers = applyStoredEvidence(
    template,
    (row?.answers ?? {}) as Answers,
    await loadStoredEvidence(db, actor, accepted.id),
  ) as Answers;
  return {
    id: accepted.id,
    revision,
    templateTitle: accepted.template.title,
    templateVersion: accepted.template.version,
    acceptedAt: accepted.acceptedAt,
    answers: visibleQuestions(template, answers).map(({ section, question, number }) => ({
      section: section.title,
      questionId: question.id,
      label: question.label,
      answer: formatAnswerText(
        question,
        Object.hasOwn(answers, question.id) ? answers[question.id] : undefined,
      ),
      provenance: `answer to question ${number} (revision ${revision})`,
    })),
  };
}

async function listCriticalAssets(
  db: Db,
  organizationId: string,
  vendorKey: string,
): Promise<{ assets: VendorReport["criticalAssets"]; total: number }> {
  const compiled = await getCompiledGraph(db, organizationId);
  if (!compiled.graph.indexById.has(vendorKey) || !compiled.assessedVendorKeys.has(vendorKey))
    return { assets: [], total: 0 };
  const critical = listReachableCriticalAssets(compiled, vendorKey)
    .filter((a) => a.probability > 0)
    .sort(
      (a, b) =>
        b.criticality - a.criticality || b.probability - a.probability || a.name.localeCompare(b.name),
    );
  return {
    assets: critical
      .slice(0, CRITICAL_ASSET_LIMIT)
      .map((a) => ({ name: a.name, criticality: a.criticality, probability: a.probability })),
    total: critical.length,
  };
}
