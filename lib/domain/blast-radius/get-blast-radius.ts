import "server-only";

import { assertCan, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/create-client";
import { getCompiledGraph } from "@/lib/domain/graph-store/graph-cache";
import { assetIdOfKey, assetKey } from "@/lib/linkage/keys";
import { computeBlastRadius, type ExplainingHop, type NodeType } from "@/lib/scoring";

/** Node keys look like "vendor:<id>", "asset:<id>", "component:purl:…"; the graph has the final word. */
const NODE_KEY = /^[a-z_]+:[^\u0000-\u001f]{1,500}$/;

export interface BlastRadiusAssetView {
  key: string;
  name: string;
  criticality: number;
  probability: number;
  directProbability: number;
  contribution: number;
  /** Inventory asset id, when the asset is one of the organisation's own (not a supplier-named stand-in). */
  assetId: string | null;
  path: ExplainingHop[] | null;
}

export interface BlastRadiusGroup {
  site: string;
  zones: { zone: string; assets: BlastRadiusAssetView[]; exposure: number }[];
  exposure: number;
  assetCount: number;
}

export interface BlastRadiusView {
  node: { key: string; name: string; type: NodeType; subtype: string | null };
  exposure: number;
  assetCount: number;
  criticalAssetCount: number;
  groups: BlastRadiusGroup[];
  names: Record<string, string>;
}

export const NOT_IN_INVENTORY = "Not in your inventory";

/**
 * "What changes if this node fails or is compromised": every affected asset with probability and
 * best path, grouped by the inventory's site and zone. Null when the key is not a node of the
 * caller's organisation's graph.
 */
export async function getBlastRadius(
  db: Db,
  actor: Actor,
  nodeKeyRaw: unknown,
): Promise<BlastRadiusView | null> {
  assertCan(actor, "readScores");
  if (typeof nodeKeyRaw !== "string" || !NODE_KEY.test(nodeKeyRaw)) return null;
  const compiled = await getCompiledGraph(db, actor.organizationId);
  const index = compiled.graph.indexById.get(nodeKeyRaw);
  if (index === undefined) return null;
  const node = compiled.graph.nodes[index]!;
  const radius = computeBlastRadius(compiled.graph, nodeKeyRaw, { config: compiled.config, pathLimit: 200 });
  const assetIds = radius.assets.flatMap((a) => assetIdOfKey(a.id) ?? []);
  const rows = await db.asset.findMany({
    where: { organizationId: actor.organizationId, id: { in: assetIds } },
    select: { id: true, site: true, zone: true },
  });
  const place = new Map(rows.map((r) => [assetKey(r.id), r]));

  const sites = new Map<string, Map<string, BlastRadiusAssetView[]>>();
  const names: Record<string, string> = {};
  const nameOf = (key: string) =>
    (names[key] ??= compiled.graph.nodes[compiled.graph.indexById.get(key) ?? -1]?.name ?? key);
  let critical = 0;
  for (const a of radius.assets) {
    const row = place.get(a.id);
    const site = row ? row.site?.trim() || "No site recorded" : NOT_IN_INVENTORY;
    const zone = row ? row.zone?.trim() || "No zone recorded" : "Named by suppliers";
    if (a.criticality >= compiled.config.criticalAssetMinCriticality) critical++;
    for (const hop of a.path ?? []) {
      nameOf(hop.from);
      nameOf(hop.to);
    }
    const zones = sites.get(site) ?? sites.set(site, new Map()).get(site)!;
    (zones.get(zone) ?? zones.set(zone, []).get(zone)!).push({
      key: a.id,
      name: a.name,
      criticality: a.criticality,
      probability: a.probability,
      directProbability: a.directProbability,
      contribution: a.contribution,
      assetId: row ? row.id : null,
      path: a.path ? [...a.path] : null,
    });
  }
  const groups = [...sites.entries()]
    .map(([site, zones]) => {
      const zoneList = [...zones.entries()]
        .map(([zone, assets]) => ({ zone, assets, exposure: assets.reduce((s, a) => s + a.contribution, 0) }))
        .sort((a, b) => b.exposure - a.exposure);
      return {
        site,
        zones: zoneList,
        exposure: zoneList.reduce((s, z) => s + z.exposure, 0),
        assetCount: zoneList.reduce((s, z) => s + z.assets.length, 0),
      };
    })
    .sort(
      (a, b) =>
        Number(a.site === NOT_IN_INVENTORY) - Number(b.site === NOT_IN_INVENTORY) || b.exposure - a.exposure,
    );
  return {
    node: { key: node.id, name: node.name, type: node.type, subtype: node.subtype ?? null },
    exposure: radius.exposure,
    assetCount: radius.assets.length,
    criticalAssetCount: critical,
    groups,
    names,
  };
}

export interface GraphNodeMatch {
  key: string;
  name: string;
  type: NodeType;
  subtype: string | null;
}

/** Graph nodes of the caller's organisation whose name (or key) contains the query. */
export async function searchGraphNodes(
  db: Db,
  actor: Actor,
  queryRaw: unknown,
  limit = 30,
): Promise<GraphNodeMatch[]> {
  assertCan(actor, "readScores");
  const query = typeof queryRaw === "string" ? queryRaw.trim().toLowerCase().slice(0, 100) : "";
  if (!query) return [];
  const compiled = await getCompiledGraph(db, actor.organizationId);
  const matches: GraphNodeMatch[] = [];
  for (const n of compiled.document.nodes) {
    if (!n.name.toLowerCase().includes(query) && !n.id.toLowerCase().includes(query)) continue;
    matches.push({ key: n.id, name: n.name, type: n.type, subtype: n.subtype ?? null });
  }
  const rank = (m: GraphNodeMatch) => (m.name.toLowerCase().startsWith(query) ? 0 : 1);
  return matches.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name)).slice(0, limit);
}
