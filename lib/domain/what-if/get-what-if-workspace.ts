import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { getCompiledGraph } from "@/lib/domain/graph-store/graph-cache";
import { linkagesByAssessment } from "@/lib/domain/graph-store/graph-index";
import { currentVendorScore, loadVendorLinkages } from "@/lib/domain/scoring/vendor-on-graph";
import {
  scoredVendorsOf,
  searchScoredVendors,
  type ScoredVendorOption,
} from "@/lib/domain/search/search-scored-vendors";
import { questionLabelsFor } from "@/lib/domain/template/question-labels";
import {
  BUYER_WHAT_IF_CONTROLS,
  buyerControlledWeight,
  controlApplies,
  controlWeight,
  WHAT_IF_CONTROLS,
  type ControlWeights,
  type WhatIfLinkage,
} from "@/lib/what-if/controls";

import { portfolioLinkagesWithBuyerTargets, vendorLinkagesWithBuyerTargets } from "./buyer-targets";
import { summariseScore, type WhatIfScore } from "./evaluate-scenario";
import { listScenarios, type SavedScenario } from "./manage-scenarios";

export interface WorkspaceLinkage extends WhatIfLinkage {
  fromName: string;
  toName: string;
  questionLabel: string;
  /** Position of the question in the questionnaire, to list groups in the order the supplier answered. */
  questionOrder: number;
}

export interface WorkspaceControl {
  id: string;
  label: string;
  description: string;
  kind: string;
  weight: number | null;
  /** Linkages whose weight this control would lower. */
  matches: number;
}

/** A buyer-side control as a what-if toggle, with how many linkages it would lower. */
export interface WorkspaceBuyerControl {
  id: string;
  label: string;
  description: string;
  matches: number;
}

export interface WhatIfWorkspace {
  vendor: { id: string; name: string } | null;
  /** Set when the vendor has no score yet (nothing to simulate). */
  unscoredReason: string | null;
  linkages: WorkspaceLinkage[];
  baseline: WhatIfScore | null;
  controls: WorkspaceControl[];
  /** Controls the buyer could have at the vendor's deployments (supposed at every one of them). */
  buyerControls: WorkspaceBuyerControl[];
  controlWeights: ControlWeights;
  scenarios: SavedScenario[];
  /** How many vendors a what-if can open (the page's empty state); they are searched, never listed. */
  scoredVendorCount: number;
  /** Portfolio mode only: the highest-exposure scored vendors, as quick links next to the search. */
  topVendors: ScoredVendorOption[];
}

const TOP_VENDORS = 12;

function describeControls(linkages: readonly WhatIfLinkage[], weights: ControlWeights): WorkspaceControl[] {
  return WHAT_IF_CONTROLS.map((c) => {
    const weight = controlWeight(c, weights) ?? null;
    const matches =
      weight === null ? 0 : linkages.filter((l) => controlApplies(c, l) && weight < l.weight).length;
    return { id: c.id, label: c.label, description: c.description, kind: c.kind, weight, matches };
  });
}

function describeBuyerControls(linkages: readonly WhatIfLinkage[]): WorkspaceBuyerControl[] {
  const targeted = linkages.filter((l) => l.buyer);
  return BUYER_WHAT_IF_CONTROLS.map((c) => ({
    ...c,
    matches: targeted.filter((l) => buyerControlledWeight(l, [c.id]).weight < l.weight).length,
  }));
}

/** What the what-if page needs: the vendor's linkages with names and questions, controls, saved scenarios. */
export async function getWhatIfWorkspace(
  db: Db,
  actor: Actor,
  vendorIdRaw: unknown,
): Promise<WhatIfWorkspace> {
  assertCan(actor, "readScores");
  const compiled = await getCompiledGraph(db, actor.organizationId);
  const nameOf = (key: string) => compiled.graph.nodes[compiled.graph.indexById.get(key) ?? -1]?.name ?? key;
  const weights = compiled.config.controlWeights;
  const scoredVendorCount = scoredVendorsOf(compiled).length;

  if (vendorIdRaw === undefined || vendorIdRaw === null || vendorIdRaw === "") {
    const all = await portfolioLinkagesWithBuyerTargets(
      db,
      actor.organizationId,
      compiled,
      linkagesByAssessment(compiled),
    );
    const [scenarios, topVendors] = await Promise.all([
      listScenarios(db, actor, null),
      scoredVendorCount ? searchScoredVendors(db, actor, { q: "", limit: TOP_VENDORS, exclude: [] }) : [],
    ]);
    return {
      vendor: null,
      unscoredReason: null,
      linkages: [],
      baseline: null,
      controls: describeControls(all, weights),
      buyerControls: describeBuyerControls(all),
      controlWeights: weights,
      scenarios,
      scoredVendorCount,
      topVendors,
    };
  }
  const loaded = await loadVendorLinkages(db, actor, compiled, vendorIdRaw);
  const { vendor, key, scored } = loaded;
  const scenarios = await listScenarios(db, actor, vendor.id);
  if (!scored) {
    return {
      vendor: { id: vendor.id, name: vendor.name },
      unscoredReason: `${vendor.name} has no score yet: accept one of its assessments first.`,
      linkages: [],
      baseline: null,
      controls: [],
      buyerControls: [],
      controlWeights: weights,
      scenarios,
      scoredVendorCount,
      topVendors: [],
    };
  }
  const linkages = await vendorLinkagesWithBuyerTargets(
    db,
    actor.organizationId,
    compiled,
    vendor.id,
    loaded.linkages,
  );
  const questions = await questionLabelsFor(
    db,
    actor.organizationId,
    vendor.assessments.map((a) => a.id),
  );
  const enriched = linkages.map((l): WorkspaceLinkage => {
    const q = questions.get(`${l.assessmentId}\u0000${l.questionId}`);
    return {
      ...l,
      fromName: nameOf(l.from),
      toName: nameOf(l.to),
      questionLabel: q?.label ?? l.questionId ?? "Other",
      questionOrder: q?.order ?? 9999,
    };
  });
  return {
    vendor: { id: vendor.id, name: vendor.name },
    unscoredReason: null,
    linkages: enriched,
    baseline: summariseScore(currentVendorScore(compiled, key)),
    controls: describeControls(linkages, weights),
    buyerControls: describeBuyerControls(linkages),
    controlWeights: weights,
    scenarios,
    scoredVendorCount,
    topVendors: [],
  };
}
