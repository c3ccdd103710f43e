import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { getCompiledGraph } from "@/lib/domain/graph-store/graph-cache";
import { requestChanges } from "@/lib/domain/review/review-assessment";
import { loadTemplate } from "@/lib/domain/template/template-versions";
import { AppError } from "@/lib/errors";
import { commentSchema } from "@/lib/validation/assessment";
import { parseInput } from "@/lib/validation/parse";
import { remediationRequestSchema } from "@/lib/validation/what-if";
import { WHAT_IF_CONTROLS, type WhatIfLinkage } from "@/lib/what-if/controls";

import { evaluateOnGraph } from "./evaluate-scenario";
import { getScenario } from "./manage-scenarios";

export interface RemediationPreview {
  scenarioId: string;
  scenarioName: string;
  vendorName: string;
  assessmentId: string;
  revision: number;
  comments: { questionId: string; questionLabel: string; body: string }[];
  message: string;
}

const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(1));

/**
 * What a scenario would send: one comment per related question of the vendor's accepted assessment
 * (the control's own questions when the questionnaire has them, else the question that created each
 * changed linkage) and a covering message.
 */
async function buildRemediation(db: Db, actor: Actor, scenarioIdRaw: unknown): Promise<RemediationPreview> {
  assertCan(actor, "reviewAssessments");
  const scenario = await getScenario(db, actor, scenarioIdRaw);
  if (!scenario.vendorId)
    throw new AppError("VALIDATION", "Only a vendor's scenario can become a remediation request.");
  const compiled = await getCompiledGraph(db, actor.organizationId);
  const evaluation = await evaluateOnGraph(db, actor, compiled, scenario.vendorId, scenario.changes).catch(
    (error) => {
      if (error instanceof AppError && error.code === "VALIDATION")
        throw new AppError(
          "CONFLICT",
          "The vendor's answers changed since this scenario was saved. Open it, review it and save it again.",
        );
      throw error;
    },
  );
  const vendorRow = evaluation.vendors[0]!;
  const assessment = await db.assessment.findFirst({
    where: { organizationId: actor.organizationId, vendorId: scenario.vendorId, acceptedAt: { not: null } },
    orderBy: { acceptedAt: "desc" },
    select: { id: true, status: true, currentRevision: true, template: { select: { definition: true } } },
  });
  if (!assessment) throw new AppError("CONFLICT", `${vendorRow.name} has no accepted assessment to reopen.`);
  if (assessment.status !== "ACCEPTED")
    throw new AppError(
      "CONFLICT",
      "This vendor's assessment has already been reopened; wait for the supplier's next submission.",
    );
  if (evaluation.outcomes.length === 0)
    throw new AppError(
      "VALIDATION",
      "This scenario changes nothing, so there is nothing to ask the supplier.",
    );
  if (evaluation.outcomes.every((o) => !o.removed && o.by === "buyer"))
    throw new AppError(
      "VALIDATION",
      "This scenario only supposes controls of your own, so there is nothing to ask the supplier.",
    );

  const template = loadTemplate(assessment.template.definition);
  const labels = new Map(template.sections.flatMap((s) => s.questions.map((q) => [q.id, q.label] as const)));
  const byId = new Map(evaluation.linkages.map((l) => [l.id, l]));
  const name = (key: string) => compiled.graph.nodes[compiled.graph.indexById.get(key) ?? -1]?.name ?? key;
  const lines = new Map<string, string[]>();
  const asks = new Map<string, Set<string>>();
  const add = (questionId: string, line: string, ask?: string) => {
    if (!labels.has(questionId)) return false;
    const list = lines.get(questionId) ?? [];
    if (!list.includes(line)) list.push(line);
    lines.set(questionId, list);
    if (ask) (asks.get(questionId) ?? asks.set(questionId, new Set()).get(questionId)!).add(ask);
    return true;
  };
  const describe = (l: WhatIfLinkage) => `${name(l.from)} → ${name(l.to)}`;
  // One line per control (however many linkages it lowers), one per hand-made change.
  const byControl = new Map<string, WhatIfLinkage[]>();
  for (const o of evaluation.outcomes) {
    const l = byId.get(o.linkageId);
    if (!l) continue;
    // Buyer-side controls are the buyer's own: nothing to ask the supplier about them.
    if (!o.removed && o.by === "buyer") continue;
    if (!o.removed && o.by !== "slider") {
      (byControl.get(o.by) ?? byControl.set(o.by, []).get(o.by)!).push(l);
    } else if (l.questionId) {
      add(
        l.questionId,
        o.removed
          ? `If this answer no longer created the ${l.kind} linkage ${describe(l)}, it would stop counting.`
          : `If the ${l.kind} linkage ${describe(l)} were reduced from weight ${l.weight.toFixed(2)} to ${o.weight.toFixed(2)}.`,
      );
    }
  }
  for (const [controlId, affected] of byControl) {
    const control = WHAT_IF_CONTROLS.find((c) => c.id === controlId)!;
    const weight = evaluation.outcomes.find((o) => o.linkageId === affected[0]!.id && !o.removed) as
      { weight: number } | undefined;
    const line = `With “${control.label}”, ${affected.length === 1 ? `the ${control.kind} linkage ${describe(affected[0]!)}` : `${affected.length} ${control.kind} linkages (such as ${describe(affected[0]!)})`} would drop to weight ${weight?.weight.toFixed(2) ?? "?"}.`;
    const placed = control.commentQuestions.map((q) => add(q, line, control.ask)).some(Boolean);
    if (!placed)
      for (const q of new Set(affected.map((l) => l.questionId).filter((q): q is string => q !== null)))
        add(q, line, control.ask);
  }
  const { before, after } = vendorRow;
  const effect =
    before && after
      ? `In our what-if “${scenario.name}”, ${vendorRow.name}'s exposure score with us would go from ${fmt(before.exposure)} to ${fmt(after.exposure)} (${vendorRow.exposureDelta <= 0 ? "−" : "+"}${fmt(Math.abs(vendorRow.exposureDelta))}).`
      : "";
  const comments = [...lines.entries()].map(([questionId, list]) => {
    const ask = asks.get(questionId);
    const body = [
      `Remediation request (what-if “${scenario.name}”):`,
      ...list.slice(0, 20).map((line) => `• ${line}`),
      ask
        ? `Can you ${[...ask].join(", and ")}? If so, please update this answer.`
        : "Can you change this? If so, please update this answer.",
    ].join("\n");
    return { questionId, questionLabel: labels.get(questionId)!, body: body.slice(0, 4000) };
  });
  if (comments.length === 0)
    throw new AppError(
      "VALIDATION",
      "None of the scenario's changes maps to a question of the vendor's questionnaire.",
    );
  return {
    scenarioId: scenario.id,
    scenarioName: scenario.name,
    vendorName: vendorRow.name,
    assessmentId: assessment.id,
    revision: assessment.currentRevision,
    comments,
    message: `${effect} We have commented on the answers concerned; please review them and resubmit.`
      .trim()
      .slice(0, 2000),
  };
}

/** Shows exactly what sendRemediationRequest would send, without sending it. */
export async function previewRemediationRequest(
  db: Db,
  actor: Actor,
  scenarioIdRaw: unknown,
): Promise<RemediationPreview> {
  return buildRemediation(db, actor, scenarioIdRaw);
}

/**
 * Turns a vendor scenario into a revision request: comments on the related questions of the accepted
 * revision, then requestChanges reopens the assessment (new draft revision, e-mail to the supplier).
 * addReviewComment only accepts comments while a submission awaits review, so the comments are
 * written here, in one transaction with their audit rows, and removed again if reopening fails.
 */
export async function sendRemediationRequest(db: Db, actor: Actor, input: unknown) {
  const data = parseInput(remediationRequestSchema, input);
  const preview = await buildRemediation(db, actor, data.scenarioId);
  const comments = preview.comments.map((c) =>
    parseInput(commentSchema, { questionId: c.questionId, body: c.body }),
  );
  const created = await db.$transaction(async (tx) => {
    const a = await tx.assessment.findFirst({
      where: {
        id: preview.assessmentId,
        organizationId: actor.organizationId,
        status: "ACCEPTED",
        currentRevision: preview.revision,
      },
      select: { id: true },
    });
    if (!a)
      throw new AppError(
        "CONFLICT",
        "Someone else changed this assessment a moment ago. Reload the page and try again.",
      );
    const ids: string[] = [];
    for (const c of comments) {
      const row = await tx.reviewComment.create({
        data: {
          organizationId: actor.organizationId,
          assessmentId: a.id,
          revision: preview.revision,
          questionId: c.questionId,
          body: c.body,
          authorId: actor.userId,
        },
        select: { id: true },
      });
      ids.push(row.id);
      await recordAuditEvent(tx, actor, {
        action: "assessment.comment",
        entityType: "Assessment",
        entityId: a.id,
        details: { questionId: c.questionId, revision: preview.revision },
      });
    }
    await recordAuditEvent(tx, actor, {
      action: "what_if.remediation_request",
      entityType: "WhatIfScenario",
      entityId: preview.scenarioId,
      details: { assessmentId: a.id, comments: ids.length },
    });
    return ids;
  });
  try {
    const result = await requestChanges(db, actor, preview.assessmentId, {
      message: data.message ?? preview.message,
    });
    return {
      assessmentId: preview.assessmentId,
      comments: created.length,
      revision: result.revision,
      warning: result.warning,
    };
  } catch (error) {
    await db.reviewComment.deleteMany({
      where: { id: { in: created }, organizationId: actor.organizationId },
    });
    throw error;
  }
}
