import "server-only";

import { z } from "zod";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { getCompiledGraph, type CompiledOrganizationGraph } from "@/lib/domain/graph-store/graph-cache";
import { linkagesByAssessment } from "@/lib/domain/graph-store/graph-index";
import { memoOnGraph } from "@/lib/domain/graph-store/graph-memo";
import { SCORE_SELECT, type StoredScore } from "@/lib/domain/scoring/read-scores";
import { AppError, notFound } from "@/lib/errors";
import type { VendorTier } from "@/lib/generated/prisma/enums";
import { isVendorScopedKey, vendorKey } from "@/lib/linkage/keys";
import {
  describeDifferences,
  reachMasks,
  type ComparedVendorFacts,
} from "@/lib/portfolio/describe-differences";
import { DONT_KNOW } from "@/lib/questionnaire/template-schema";
import { computeBlastRadius, type KindBreakdown, type LinkageKind } from "@/lib/scoring";
import { idSchema } from "@/lib/validation/common";

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 4;

export const compareInputSchema = z
  .array(idSchema)
  .transform((ids) => [...new Set(ids)])
  .pipe(
    z
      .array(idSchema)
      .min(MIN_COMPARED, `Choose at least ${MIN_COMPARED} vendors to compare.`)
      .max(MAX_COMPARED, `Choose at most ${MAX_COMPARED} vendors to compare.`),
  );

// Best paths are built for this many of a vendor's reached assets (most exposure first).
const PATH_LIMIT = 200;

/** How many answers (including inside repeatable rows) are "don't know". */
export function countDontKnow(value: unknown): number {
  if (value === DONT_KNOW) return 1;
  if (Array.isArray(value)) return value.reduce<number>((n, v) => n + countDontKnow(v), 0);
  if (value && typeof value === "object")
    return Object.values(value).reduce<number>((n, v) => n + countDontKnow(v), 0);
  return 0;
}

export interface ComparedVendor {
  id: string;
  name: string;
  tier: VendorTier;
  /** With scoring model 2's parts (zero on model 1 snapshots). */
  score: StoredScore | null;
  unknownAnswers: number | null;
  acceptedAssessmentId: string | null;
  /** Reached assets the other compared vendors also reach / that only this vendor reaches. */
  reachedAssets: { shared: number; unique: number };
  /** Hops (from → to) on the best paths to reached assets, shared with another compared vendor or not. */
  pathHops: { shared: number; unique: number };
}

interface VendorReach {
  reached: ComparedVendorFacts["reached"];
  /** Hops ("from\u0000to") on the best paths to the reached assets, leaving out the vendor's own. */
  hops: Set<string>;
}

/** What a vendor reaches on the current graph: one search per vendor and graph version, shared by every comparison. */
function vendorReach(compiled: CompiledOrganizationGraph, key: string): VendorReach {
  return memoOnGraph(
    compiled.graph,
    "compare-reach",
    key,
    () => {
      const reached: VendorReach["reached"] = new Map();
      const hops = new Set<string>();
      const radius = computeBlastRadius(compiled.graph, key, {
        config: compiled.config,
        pathLimit: PATH_LIMIT,
      });
      for (const a of radius.assets) {
        reached.set(compiled.graph.indexById.get(a.id)!, { name: a.name, criticality: a.criticality });
        for (const hop of a.path ?? [])
          if (!isVendorScopedKey(hop.from)) hops.add(`${hop.from}\u0000${hop.to}`);
      }
      return { reached, hops };
    },
    64,
  );
}

/** 2–4 vendors side by side: scores, reach, shared paths, unknown answers, and the differences in words. */
export async function compareVendors(
  db: Db,
  actor: Actor,
  rawIds: unknown,
): Promise<{ vendors: ComparedVendor[]; differences: string[] }> {
  assertCan(actor, "readScores");
  const parsed = compareInputSchema.safeParse(Array.isArray(rawIds) ? rawIds : [rawIds].filter(Boolean));
  if (!parsed.success)
    throw new AppError("VALIDATION", parsed.error.issues[0]?.message ?? "Choose 2 to 4 vendors to compare.");
  const ids = parsed.data;
  const organizationId = actor.organizationId;

  const [vendors, snapshots, accepted, compiled] = await Promise.all([
    db.vendor.findMany({
      where: { organizationId, id: { in: ids }, archivedAt: null },
      select: { id: true, name: true, tier: true },
    }),
    db.scoreSnapshot.findMany({
      where: { organizationId, vendorId: { in: ids } },
      orderBy: [{ vendorId: "asc" }, { computedAt: "desc" }, { id: "desc" }],
      distinct: ["vendorId"],
      select: { vendorId: true, ...SCORE_SELECT },
    }),
    db.assessment.findMany({
      where: { organizationId, vendorId: { in: ids }, acceptedAt: { not: null } },
      orderBy: [{ acceptedAt: "desc" }, { id: "desc" }],
      select: { id: true, vendorId: true, acceptedAt: true },
    }),
    getCompiledGraph(db, organizationId),
  ]);
  if (vendors.length !== ids.length) throw notFound("Vendor");

  const latestAccepted = new Map<string, { id: string; acceptedAt: Date }>();
  for (const a of accepted)
    if (!latestAccepted.has(a.vendorId))
      latestAccepted.set(a.vendorId, { id: a.id, acceptedAt: a.acceptedAt! });
  const revisions = await db.responseRevision.findMany({
    where: {
      organizationId,
      assessmentId: { in: [...latestAccepted.values()].map((a) => a.id) },
      submittedAt: { not: null },
    },
    orderBy: { revision: "desc" },
    select: { id: true, assessmentId: true, submittedAt: true },
  });
  const ordered = ids.map((id) => vendors.find((v) => v.id === id)!);
  const inputs = ordered.map((v) => {
    const snap = snapshots.find((s) => s.vendorId === v.id);
    const acc = latestAccepted.get(v.id);
    // The revision that was accepted: the newest one submitted before the acceptance.
    const revision = acc
      ? revisions.find((r) => r.assessmentId === acc.id && r.submittedAt! <= acc.acceptedAt)
      : undefined;
    const score: StoredScore | null = snap
      ? (({ vendorId: _, ...stored }) => ({
          ...stored,
          byKind: { adjacency: 0, inheritance: 0, trust: 0, ...(stored.byKind as Partial<KindBreakdown>) },
        }))(snap)
      : null;
    return {
      id: v.id,
      name: v.name,
      tier: v.tier,
      score,
      acceptedAssessmentId: acc?.id ?? null,
      revisionId: revision?.id ?? null,
    };
  });
  const unknown = await countUnknownAnswers(
    db,
    organizationId,
    inputs.flatMap((i) => i.revisionId ?? []),
  );
  const rows = inputs.map(({ revisionId, ...row }) => ({
    ...row,
    unknownAnswers: revisionId ? (unknown.get(revisionId) ?? null) : null,
  }));

  // Everything below depends only on these rows, the accepted assessments and the graph: a
  // comparison viewed again on the same graph version (and the same scores, names and acceptances)
  // is not worked out again.
  const memoKey = JSON.stringify({ rows, accepted: accepted.map((a) => a.id) });
  return memoOnGraph(
    compiled.graph,
    "compare",
    memoKey,
    () => {
      const { graph } = compiled;
      const byAssessment = linkagesByAssessment(compiled);
      const facts: ComparedVendorFacts[] = [];
      const hopSets: Set<string>[] = [];
      for (const row of rows) {
        const key = vendorKey(row.id);
        const components: ComparedVendorFacts["components"] = new Map();
        const assetLinks: ComparedVendorFacts["assetLinks"] = new Map();
        for (const a of accepted) {
          if (a.vendorId !== row.id) continue;
          for (const l of byAssessment.get(a.id) ?? []) {
            for (const end of [l.from, l.to]) {
              const i = graph.indexById.get(end);
              // Vendor-specific nodes (its platform, its credentials) are never shared; compare the rest.
              if (i === undefined || isVendorScopedKey(end)) continue;
              const node = graph.nodes[i]!;
              if (node.type === "component") {
                const entry = components.get(end) ?? { name: node.name, kinds: new Set<LinkageKind>() };
                entry.kinds.add(l.kind);
                components.set(end, entry);
              } else if (node.type === "asset" && end === l.to) {
                const entry = assetLinks.get(end) ?? { name: node.name, kinds: new Set<LinkageKind>() };
                entry.kinds.add(l.kind);
                assetLinks.set(end, entry);
              }
            }
          }
        }
        const { reached, hops } =
          compiled.assessedVendorKeys.has(key) && graph.indexById.has(key)
            ? vendorReach(compiled, key)
            : { reached: new Map(), hops: new Set<string>() };
        hopSets.push(hops);
        facts.push({
          id: row.id,
          name: row.name,
          score: row.score,
          unknownAnswers: row.unknownAnswers,
          components,
          assetLinks,
          reached,
        });
      }

      const masks = reachMasks(facts);
      const result: ComparedVendor[] = rows.map((row, i) => {
        let reachedShared = 0;
        for (const k of facts[i]!.reached.keys()) if (masks(k) !== 1 << i) reachedShared++;
        let hopsShared = 0;
        for (const h of hopSets[i]!) if (hopSets.some((s, j) => j !== i && s.has(h))) hopsShared++;
        return {
          ...row,
          reachedAssets: { shared: reachedShared, unique: facts[i]!.reached.size - reachedShared },
          pathHops: { shared: hopsShared, unique: hopSets[i]!.size - hopsShared },
        };
      });
      return { vendors: result, differences: describeDifferences(facts) };
    },
    64,
  );
}

// A submitted revision never changes, so its count of "don't know" answers is kept by revision id.
const MAX_COUNTED_REVISIONS = 4096;
const unknownByRevision = new Map<string, number>();

/** "Don't know" answers per submitted revision; reads the answers of revisions not counted before. */
async function countUnknownAnswers(
  db: Db,
  organizationId: string,
  revisionIds: string[],
): Promise<Map<string, number>> {
  const missing = revisionIds.filter((id) => !unknownByRevision.has(id));
  if (missing.length > 0) {
    const read = await db.responseRevision.findMany({
      where: { organizationId, id: { in: missing }, submittedAt: { not: null } },
      select: { id: true, answers: true },
    });
    for (const r of read) unknownByRevision.set(r.id, countDontKnow(r.answers));
    while (unknownByRevision.size > MAX_COUNTED_REVISIONS)
      unknownByRevision.delete(unknownByRevision.keys().next().value!);
  }
  return new Map(
    revisionIds.flatMap((id) =>
      unknownByRevision.has(id) ? [[id, unknownByRevision.get(id)!] as const] : [],
    ),
  );
}
export type VendorComparison = Awaited<ReturnType<typeof compareVendors>>;
