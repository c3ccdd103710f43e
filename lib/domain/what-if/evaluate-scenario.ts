import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { getCompiledGraph, type CompiledOrganizationGraph } from "@/lib/domain/graph-store/graph-cache";
import { linkagesByAssessment, toGraphChanges } from "@/lib/domain/graph-store/graph-index";
import { memoOnGraph } from "@/lib/domain/graph-store/graph-memo";
import { toScoreSummary, type ScoreSummary } from "@/lib/domain/scoring/read-scores";
import { currentVendorScore, loadVendorLinkages } from "@/lib/domain/scoring/vendor-on-graph";
import {
  portfolioLinkagesWithBuyerTargets,
  vendorLinkagesWithBuyerTargets,
} from "@/lib/domain/what-if/buyer-targets";
import { AppError } from "@/lib/errors";
import { idOfKey } from "@/lib/linkage/keys";
import { evaluateWhatIf, type VendorScore, type VendorScoreDelta } from "@/lib/scoring";
import { parseInput } from "@/lib/validation/parse";
import { evaluateWhatIfSchema } from "@/lib/validation/what-if";
import {
  resolveScenarioOutcomes,
  type LinkageOutcome,
  type ScenarioChanges,
  type WhatIfLinkage,
} from "@/lib/what-if/controls";

/** A score as the what-if shows it: the summary with scoring model 2's footprint split. */
export interface WhatIfScore extends ScoreSummary {
  footprintExposure: number;
  beyondFootprintExposure: number;
}

export interface VendorDelta {
  vendorId: string;
  name: string;
  before: WhatIfScore | null;
  after: WhatIfScore | null;
  exposureDelta: number;
  amplificationDelta: number;
  /** Side by side: a control that weakens only the footprint lowers this, not the one below. */
  footprintExposureDelta: number;
  beyondFootprintExposureDelta: number;
}

export interface ScenarioEvaluation {
  vendorId: string | null;
  /** The scenario's vendor first (vendor mode), then others by the size of their change. */
  vendors: VendorDelta[];
  changedLinkages: number;
  totalExposureDelta: number;
  graphVersion: number;
}

/** The engine's score as the what-if page shows it (baseline, before and after). */
export const summariseScore = (s: VendorScore): WhatIfScore => ({
  ...toScoreSummary(s),
  footprintExposure: s.footprintExposure,
  beyondFootprintExposure: s.beyondFootprintExposure,
});

const toVendorDelta = (vendorId: string, name: string, d: VendorScoreDelta): VendorDelta => ({
  vendorId,
  name,
  before: d.before && summariseScore(d.before),
  after: d.after && summariseScore(d.after),
  exposureDelta: d.exposureDelta,
  amplificationDelta: d.amplificationDelta,
  footprintExposureDelta: d.footprintExposureDelta,
  beyondFootprintExposureDelta: d.beyondFootprintExposureDelta,
});

function assertKnownLinkages(changes: ScenarioChanges, linkages: readonly WhatIfLinkage[]) {
  const known = new Set(linkages.map((l) => l.id));
  const fieldErrors: Record<string, string[]> = {};
  changes.remove.forEach((id, i) => {
    if (!known.has(id))
      fieldErrors[`remove.${i}`] = [
        "That linkage is not one of this vendor's answers (it may have been replaced by a newer acceptance).",
      ];
  });
  changes.reweight.forEach((r, i) => {
    if (!known.has(r.linkageId))
      fieldErrors[`reweight.${i}.linkageId`] = [
        "That linkage is not one of this vendor's answers (it may have been replaced by a newer acceptance).",
      ];
  });
  if (Object.keys(fieldErrors).length > 0)
    throw new AppError(
      "VALIDATION",
      "Some changes refer to linkages that no longer exist. Reload the page.",
      fieldErrors,
    );
}

/** Runs a parsed scenario on a compiled graph; nothing is saved. */
export async function evaluateOnGraph(
  db: Db,
  actor: Actor,
  compiled: CompiledOrganizationGraph,
  vendorIdRaw: string | null,
  changes: ScenarioChanges,
): Promise<ScenarioEvaluation & { outcomes: LinkageOutcome[]; linkages: WhatIfLinkage[] }> {
  const nameOf = (key: string) => compiled.graph.nodes[compiled.graph.indexById.get(key) ?? -1]?.name ?? key;
  if (vendorIdRaw) {
    const loaded = await loadVendorLinkages(db, actor, compiled, vendorIdRaw);
    const { vendor, key, scored } = loaded;
    const linkages = await vendorLinkagesWithBuyerTargets(
      db,
      actor.organizationId,
      compiled,
      vendor.id,
      loaded.linkages,
    );
    if (!scored)
      throw new AppError(
        "CONFLICT",
        `${vendor.name} has no score yet: a what-if needs an accepted assessment.`,
      );
    assertKnownLinkages(changes, linkages);
    const outcomes = resolveScenarioOutcomes(linkages, changes, compiled.config.controlWeights);
    // The same scenario on the same graph version gives the same deltas: toggling a linkage back,
    // reloading a saved scenario or a colleague opening it costs one search, not one each time.
    const d = memoOnGraph(
      compiled.graph,
      "what-if",
      `${key}\u0000${JSON.stringify(outcomes)}`,
      () => {
        const before = currentVendorScore(compiled, key);
        return evaluateWhatIf(compiled.graph, toGraphChanges(compiled.graph, linkages, outcomes), {
          config: compiled.config,
          vendorIds: [key],
          baseline: { modelVersion: "", vendors: [before] },
          transient: true,
        }).deltas[0]!;
      },
      256,
    );
    return {
      vendorId: vendor.id,
      changedLinkages: outcomes.length,
      totalExposureDelta: d.exposureDelta,
      graphVersion: compiled.version,
      outcomes,
      linkages,
      vendors: [toVendorDelta(vendor.id, vendor.name, d)],
    };
  }
  // Portfolio-wide: controls apply to every supplier answer; single linkages are toggled per vendor.
  if (changes.remove.length > 0 || changes.reweight.length > 0) {
    throw new AppError(
      "VALIDATION",
      "Toggle or re-weight single linkages on a vendor's what-if; portfolio-wide scenarios apply controls.",
      { remove: ["Choose a vendor first."] },
    );
  }
  const linkages = changes.buyerControls?.length
    ? await portfolioLinkagesWithBuyerTargets(
        db,
        actor.organizationId,
        compiled,
        linkagesByAssessment(compiled),
      )
    : [...linkagesByAssessment(compiled).values()].flat();
  const outcomes = resolveScenarioOutcomes(linkages, changes, compiled.config.controlWeights);
  const result =
    outcomes.length === 0
      ? { deltas: [] }
      : memoOnGraph(
          compiled.graph,
          "what-if-portfolio",
          JSON.stringify(outcomes),
          () =>
            evaluateWhatIf(compiled.graph, toGraphChanges(compiled.graph, linkages, outcomes), {
              config: compiled.config,
              transient: true,
            }),
          16,
        );
  const vendors = result.deltas
    .filter((d) => compiled.assessedVendorKeys.has(d.id))
    .map((d) => toVendorDelta(idOfKey(d.id), nameOf(d.id), d))
    .sort((a, b) => a.exposureDelta - b.exposureDelta || a.name.localeCompare(b.name));
  return {
    vendorId: null,
    vendors,
    changedLinkages: outcomes.length,
    totalExposureDelta: vendors.reduce((s, v) => s + v.exposureDelta, 0),
    graphVersion: compiled.version,
    outcomes,
    linkages: [],
  };
}

/** Score deltas of a hypothetical scenario for a vendor (or the whole portfolio), nothing saved. */
export async function evaluateScenario(db: Db, actor: Actor, input: unknown): Promise<ScenarioEvaluation> {
  assertCan(actor, "readScores");
  const data = parseInput(evaluateWhatIfSchema, input);
  const compiled = await getCompiledGraph(db, actor.organizationId);
  const {
    outcomes: _o,
    linkages: _l,
    ...evaluation
  } = await evaluateOnGraph(db, actor, compiled, data.vendorId, data.changes);
  return evaluation;
}
