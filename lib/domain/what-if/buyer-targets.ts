import "server-only";

import type { Db } from "@/lib/db/create-client";
import type { CompiledOrganizationGraph } from "@/lib/domain/graph-store/graph-cache";
import { memoOnGraph } from "@/lib/domain/graph-store/graph-memo";
import { indexBuyerControls, type BuyerControlSource } from "@/lib/linkage/buyer-control-targets";
import { BUYER_CONTROLS, type BuyerControl } from "@/lib/linkage/buyer-controls";
import type { WhatIfLinkage } from "@/lib/what-if/controls";

type StoredSource = {
  ruleId?: string;
  weight?: number;
  custody?: boolean;
  buyerControls?: { control?: string }[] | null;
};

const isBuyerControl = (c: unknown): c is BuyerControl => (BUYER_CONTROLS as readonly unknown[]).includes(c);

/** Per assessment linkage into an asset: its provenance sources as buyer controls see them, once per graph version. */
function sourcesIntoAssets(compiled: CompiledOrganizationGraph): Map<string, BuyerControlSource[]> {
  return memoOnGraph(compiled.graph, "buyer-control-sources", "", () => {
    const map = new Map<string, BuyerControlSource[]>();
    for (const l of compiled.document.linkages) {
      if (!l.id || !l.to.startsWith("asset:")) continue;
      const p = l.provenance as { source?: string; sources?: StoredSource[] | null } | undefined;
      if (p?.source !== "ASSESSMENT" || !Array.isArray(p.sources)) continue;
      map.set(
        l.id,
        p.sources.map((s) => ({
          ruleId: s.ruleId ?? "",
          weight: typeof s.weight === "number" ? s.weight : l.weight,
          ...(s.custody === true && { custody: true }),
          applied: (s.buyerControls ?? []).map((b) => b.control).filter(isBuyerControl),
        })),
      );
    }
    return map;
  });
}

/**
 * Marks the linkages that end at one of their vendor's deployments, or at the zone those sit in,
 * with what a buyer-side control there acts on (WhatIfLinkage.buyer), so the what-if can suppose a
 * control at every deployment of the vendor. Deployments are read now, scoped to the organisation.
 */
export async function withBuyerTargets(
  db: Db,
  organizationId: string,
  compiled: CompiledOrganizationGraph,
  byVendor: ReadonlyMap<string, readonly WhatIfLinkage[]>,
): Promise<Map<string, WhatIfLinkage[]>> {
  const out = new Map([...byVendor].map(([vendorId, list]) => [vendorId, [...list]]));
  const vendorIds = [...byVendor.keys()];
  if (vendorIds.length === 0) return out;
  const deployments = await db.deployment.findMany({
    where: { organizationId, vendorId: { in: vendorIds } },
    select: {
      vendorId: true,
      buyerControls: true,
      asset: { select: { id: true, name: true, type: true, zone: true } },
    },
  });
  if (deployments.length === 0) return out;
  const zoneRefs = [...new Set(deployments.map((d) => d.asset.zone).filter((z): z is string => !!z))];
  const zones = zoneRefs.length
    ? await db.asset.findMany({
        where: { organizationId, OR: [{ id: { in: zoneRefs } }, { name: { in: zoneRefs } }] },
        select: { id: true, name: true, type: true },
      })
    : [];
  const assets = zones.map((z) => ({ id: z.id, name: z.name, type: z.type.toLowerCase() }));
  const sources = sourcesIntoAssets(compiled);
  const deploymentsOf = new Map<string, typeof deployments>();
  for (const d of deployments)
    (deploymentsOf.get(d.vendorId) ?? deploymentsOf.set(d.vendorId, []).get(d.vendorId)!).push(d);
  for (const [vendorId, list] of deploymentsOf) {
    const index = indexBuyerControls(
      list.map((d) => ({
        assetId: d.asset.id,
        assetName: d.asset.name,
        assetType: d.asset.type.toLowerCase(),
        zone: d.asset.zone,
        buyerControls: (d.buyerControls ?? []).filter(isBuyerControl),
      })),
      assets,
      { withEmpty: true },
    );
    out.set(
      vendorId,
      out.get(vendorId)!.map((l) => {
        const target = index.get(l.to);
        const s = target && sources.get(l.id);
        return s ? { ...l, buyer: { zone: target.zone, sources: s } } : l;
      }),
    );
  }
  return out;
}

/** One vendor's what-if linkages with their buyer-control targets marked. */
export async function vendorLinkagesWithBuyerTargets(
  db: Db,
  organizationId: string,
  compiled: CompiledOrganizationGraph,
  vendorId: string,
  linkages: readonly WhatIfLinkage[],
): Promise<WhatIfLinkage[]> {
  const marked = await withBuyerTargets(db, organizationId, compiled, new Map([[vendorId, linkages]]));
  return marked.get(vendorId)!;
}

/** Every accepted assessment's linkages (the portfolio what-if), with buyer-control targets marked per vendor. */
export async function portfolioLinkagesWithBuyerTargets(
  db: Db,
  organizationId: string,
  compiled: CompiledOrganizationGraph,
  byAssessment: ReadonlyMap<string, readonly WhatIfLinkage[]>,
): Promise<WhatIfLinkage[]> {
  const accepted = await db.assessment.findMany({
    where: { organizationId, acceptedAt: { not: null } },
    select: { id: true, vendorId: true },
  });
  const vendorOf = new Map(accepted.map((a) => [a.id, a.vendorId]));
  const byVendor = new Map<string, WhatIfLinkage[]>();
  const other: WhatIfLinkage[] = [];
  for (const [assessmentId, list] of byAssessment) {
    const vendorId = vendorOf.get(assessmentId);
    if (!vendorId) other.push(...list);
    else (byVendor.get(vendorId) ?? byVendor.set(vendorId, []).get(vendorId)!).push(...list);
  }
  const marked = await withBuyerTargets(db, organizationId, compiled, byVendor);
  return [...[...marked.values()].flat(), ...other];
}
