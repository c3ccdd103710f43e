import "server-only";

import type { Db } from "@/lib/db/create-client";
import { withModel2Inputs } from "@/lib/linkage/component-suppliers";
import { assetKey, isVendorKey, vendorKey } from "@/lib/linkage/keys";
import {
  resolveScoringConfig,
  type GraphDocument,
  type GraphLinkageInput,
  type GraphNodeInput,
  type ScoringConfigOverrides,
} from "@/lib/scoring";

const KIND = { ADJACENCY: "adjacency", INHERITANCE: "inheritance", TRUST: "trust" } as const;
const TYPE = { VENDOR: "vendor", COMPONENT: "component", ASSET: "asset" } as const;

/**
 * The organisation's whole linkage graph as a lib/scoring document: every active vendor, every
 * asset with its criticality, every graph node answers introduced, and every linkage (from
 * assessments, the inventory and by hand). Linkages whose ends no longer exist are left out.
 */
export async function loadOrganizationGraph(
  db: Db,
  organizationId: string,
): Promise<{
  document: GraphDocument;
  overrides: ScoringConfigOverrides;
  vendorIds: string[];
  assessedVendorKeys: Set<string>;
}> {
  const [org, vendors, assets, nodes, linkages, accepted] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { scoringConfig: true } }),
    db.vendor.findMany({ where: { organizationId, archivedAt: null }, select: { id: true, name: true } }),
    db.asset.findMany({
      where: { organizationId },
      select: { id: true, name: true, type: true, criticality: true, safetyImpact: true },
    }),
    db.graphNode.findMany({
      where: { organizationId },
      select: { key: true, type: true, name: true, subtype: true, placeholder: true },
    }),
    db.linkage.findMany({
      where: { organizationId },
      select: {
        id: true,
        fromKey: true,
        toKey: true,
        kind: true,
        weight: true,
        reason: true,
        provenance: true,
        source: true,
        assessmentId: true,
        revision: true,
      },
    }),
    db.assessment.findMany({
      where: { organizationId, acceptedAt: { not: null } },
      distinct: ["vendorId"],
      select: { vendorId: true },
    }),
  ]);
  const byId = new Map<string, GraphNodeInput>();
  for (const v of vendors) byId.set(vendorKey(v.id), { id: vendorKey(v.id), type: "vendor", name: v.name });
  for (const a of assets)
    byId.set(assetKey(a.id), {
      id: assetKey(a.id),
      type: "asset",
      name: a.name,
      subtype: a.type.toLowerCase(),
      criticality: a.criticality,
      safetyImpact: a.safetyImpact,
    });
  for (const n of nodes) {
    // A vendor node for an archived vendor stays out: archived vendors are not scored.
    if (n.type === "VENDOR" && !byId.has(n.key)) continue;
    if (!byId.has(n.key))
      byId.set(n.key, {
        id: n.key,
        type: TYPE[n.type],
        name: n.name,
        ...(n.subtype ? { subtype: n.subtype } : {}),
        ...(n.placeholder ? { placeholder: true } : {}),
      });
  }
  const graphLinkages: GraphLinkageInput[] = [];
  for (const l of linkages) {
    if (!byId.has(l.fromKey) || !byId.has(l.toKey)) continue;
    graphLinkages.push({
      id: l.id,
      from: l.fromKey,
      to: l.toKey,
      kind: KIND[l.kind],
      weight: l.weight,
      reason: l.reason,
      provenance: {
        source: l.source,
        assessmentId: l.assessmentId,
        revision: l.revision,
        sources: l.provenance,
      },
    });
  }
  // A vendor is scored once something is known about it: an accepted assessment or a linkage of its
  // own. An unassessed vendor gets no score at all rather than a reassuring zero.
  const assessedVendorKeys = new Set<string>([
    ...accepted.map((a) => vendorKey(a.vendorId)),
    ...graphLinkages.filter((l) => isVendorKey(l.from)).map((l) => l.from),
  ]);
  const overrides = (org.scoringConfig ?? {}) as ScoringConfigOverrides;
  return {
    assessedVendorKeys,
    // Model 2's inputs: component suppliers and unknown-answer ranges (lib/linkage/component-suppliers.ts).
    document: withModel2Inputs(
      { nodes: [...byId.values()], linkages: graphLinkages },
      configOrDefaults(overrides),
    ),
    overrides,
    vendorIds: vendors.map((v) => v.id),
  };
}

/** An invalid stored config fails at scoring with its own message; here the defaults do. */
function configOrDefaults(overrides: ScoringConfigOverrides) {
  try {
    return resolveScoringConfig(overrides);
  } catch {
    return undefined;
  }
}
