/**
 * Seeded synthetic portfolio for the benchmark (and for large-graph tests at smaller sizes).
 *
 * The shape follows how OT plants are built rather than a uniform random graph, because the cost
 * of a best-path search depends entirely on how far probability spreads:
 * - assets live in zones (IEC 62443 style): flat inside a zone, conduits between zones that are
 *   usually filtered; a site's management platform and historians talk across zones;
 * - every asset runs firmware; firmware embeds SDKs/RTOS stacks and is fed by an update service;
 * - popularity is heavy-tailed: a few SDKs, update services, management platforms and remote-access
 *   tools are used almost everywhere (the hubs the issue asks for), most are used once or twice;
 * - weights come from the default control tables, with a share of "don't know" answers mapped to the
 *   pessimistic unknown weight, as the extraction layer would produce them.
 */
import {
  DEFAULT_WEIGHTS,
  resolveBestControlWeight,
  resolveUnknownWeight,
  type LinkageKind,
} from "@/lib/scoring/config";
import type { GraphDocument, GraphLinkageInput, GraphNodeInput } from "@/lib/scoring/graph-format";
import { createRandom } from "@/lib/scoring/random";

export interface SyntheticPortfolioSize {
  readonly vendors: number;
  readonly components: number;
  readonly assets: number;
  readonly linkages: number;
}

export const BENCHMARK_PORTFOLIO_SIZE: SyntheticPortfolioSize = {
  vendors: 5_000,
  components: 50_000,
  assets: 20_000,
  linkages: 1_000_000,
};

export function generateSyntheticPortfolio(
  size: SyntheticPortfolioSize = BENCHMARK_PORTFOLIO_SIZE,
  seed = 20250601,
): GraphDocument {
  const random = createRandom(seed);
  const pick = (n: number) => Math.floor(random() * n);
  // u^k concentrates picks on low indices: with k = 3 the first 1% of items draw ~22% of picks.
  const pickHeavy = (n: number, k = 3) => Math.floor(n * random() ** k);
  const scaled = (share: number) => Math.max(1, Math.round(size.components * share));

  const nodes: GraphNodeInput[] = [];
  const linkages: GraphLinkageInput[] = [];

  const vendorIds = Array.from({ length: size.vendors }, (_, i) => `v${i}`);
  for (const id of vendorIds) nodes.push({ id, type: "vendor", name: `Vendor ${id}` });

  // Components by subtype; each array is ordered by popularity (index 0 = biggest hub).
  const componentGroups = {
    firmware: scaled(0.5),
    "os-rtos": scaled(0.02),
    "sdk-library": scaled(0.4),
    "update-service": scaled(0.03),
    "management-platform": scaled(0.02),
    "remote-access-tool": Math.max(
      1,
      size.components - scaled(0.5) - scaled(0.02) - scaled(0.4) - scaled(0.03) - scaled(0.02),
    ),
  } as const;
  const components: Record<keyof typeof componentGroups, string[]> = {
    firmware: [],
    "os-rtos": [],
    "sdk-library": [],
    "update-service": [],
    "management-platform": [],
    "remote-access-tool": [],
  };
  let componentNumber = 0;
  for (const [subtype, count] of Object.entries(componentGroups) as [
    keyof typeof componentGroups,
    number,
  ][]) {
    for (let i = 0; i < count; i++) {
      const id = `c${componentNumber++}`;
      components[subtype].push(id);
      nodes.push({ id, type: "component", name: `${subtype} ${i}`, subtype });
    }
  }

  // Assets: zones of ~50, grouped into sites of ~20 zones.
  const zoneSize = 50;
  const zoneCount = Math.max(1, Math.ceil(size.assets / zoneSize));
  const zonesPerSite = 20;
  const siteCount = Math.max(1, Math.ceil(zoneCount / zonesPerSite));
  const zoneInSite = (site: number) => Math.min(zoneCount - 1, site * zonesPerSite + pick(zonesPerSite));
  const zones: string[][] = Array.from({ length: zoneCount }, () => []);
  const gatewaysOf: string[][] = Array.from({ length: zoneCount }, () => []);
  const controllers: string[] = [];
  const workstations: string[] = [];
  const allAssets: string[] = [];
  const assetSubtypes: [string, number, [number, number]][] = [
    ["controller", 0.7, [3, 5]],
    ["hmi", 0.13, [2, 3]],
    ["gateway", 0.075, [3, 4]],
    ["engineering-workstation", 0.03, [3, 4]],
    ["broker", 0.015, [3, 4]],
    ["historian", 0.005, [2, 3]],
    ["network-segment", 0.02, [2, 3]],
    ["management-platform", 0.005, [4, 5]],
  ];
  for (let i = 0; i < size.assets; i++) {
    const zone = i % zoneCount;
    let r = random();
    let chosen = assetSubtypes[0]!;
    for (const entry of assetSubtypes) {
      if (r < entry[1]) {
        chosen = entry;
        break;
      }
      r -= entry[1];
    }
    const [subtype, , [low, high]] = chosen;
    const id = `a${i}`;
    nodes.push({
      id,
      type: "asset",
      name: `${subtype} ${i}`,
      subtype,
      criticality: low + pick(high - low + 1),
    });
    zones[zone]!.push(id);
    allAssets.push(id);
    if (subtype === "gateway") gatewaysOf[zone]!.push(id);
    if (subtype === "controller") controllers.push(id);
    if (subtype === "engineering-workstation") workstations.push(id);
  }
  for (let z = 0; z < zoneCount; z++)
    if (gatewaysOf[z]!.length === 0 && zones[z]!.length > 0) gatewaysOf[z]!.push(zones[z]![0]!);

  // Weights: one control level per linkage from the kind's table, biased towards decent controls,
  // with 10% "don't know" answers at the pessimistic unknown weight.
  const tables: Record<LinkageKind, number[]> = {
    adjacency: Object.values(DEFAULT_WEIGHTS.controlWeights.adjacency).sort((a, b) => a - b),
    inheritance: Object.values(DEFAULT_WEIGHTS.controlWeights.inheritance).sort((a, b) => a - b),
    trust: Object.values(DEFAULT_WEIGHTS.controlWeights.trust)
      .filter((w) => w > 0)
      .sort((a, b) => a - b),
  };
  // An answer is drawn right before `add` is called with it; a "don't know" is remembered until that
  // call so the linkage carries `unknown` and the best-control weight, as extraction writes them.
  let pendingUnknown: LinkageKind | undefined;
  const answerWeight = (kind: LinkageKind) => {
    if (random() < 0.1) {
      pendingUnknown = kind;
      return resolveUnknownWeight(kind);
    }
    return knownWeight(kind);
  };
  const knownWeight = (kind: LinkageKind) => {
    const table = tables[kind];
    return table[pickHeavy(table.length, 1.6)]!;
  };

  const vendorAssessment = (v: string) => ({ assessment: `asm-${v}`, revision: 1 });
  const add = (
    from: string,
    to: string,
    kind: LinkageKind,
    weight: number,
    reason: string,
    provenance?: unknown,
  ) => {
    const unknown = pendingUnknown === kind;
    pendingUnknown = undefined;
    if (from === to) return;
    const linkage: GraphLinkageInput =
      provenance === undefined
        ? { from, to, kind, weight, reason }
        : { from, to, kind, weight, reason, provenance };
    linkages.push(
      unknown ? { ...linkage, unknown: true, bestWeight: resolveBestControlWeight(kind) } : linkage,
    );
  };
  const ownerOf = new Map<string, string>();

  // 1. Vendors own their components (the supplier's answers describe how well they protect them).
  for (const [subtype, ids] of Object.entries(components)) {
    for (let position = 0; position < ids.length; position++) {
      const c = ids[position]!;
      // Libraries are mostly open source (no supplier in the portfolio answers for them); the most
      // popular ones almost always are.
      if (subtype === "sdk-library" && random() < (position < ids.length * 0.1 ? 0.95 : 0.5)) continue;
      const v = vendorIds[pickHeavy(vendorIds.length, 1.5)]!;
      ownerOf.set(c, v);
      const kind: LinkageKind =
        subtype === "management-platform" || subtype === "remote-access-tool" ? "trust" : "inheritance";
      add(v, c, kind, answerWeight(kind), `${v} builds and ships ${subtype} ${c}`, {
        ...vendorAssessment(v),
        question: `${subtype}.controls`,
      });
    }
  }
  // 2. Firmware embeds an RTOS and SDKs (common-mode inheritance through popular libraries).
  for (const fw of components.firmware) {
    const v = ownerOf.get(fw)!;
    add(
      components["os-rtos"][pickHeavy(components["os-rtos"].length)]!,
      fw,
      "inheritance",
      answerWeight("inheritance"),
      "firmware embeds this RTOS",
      { ...vendorAssessment(v), question: "sbom.rtos" },
    );
    // Real SBOMs list dozens of libraries; 6-20 direct ones per image is conservative.
    const sdkCount = 6 + pick(15);
    for (let i = 0; i < sdkCount; i++) {
      add(
        components["sdk-library"][pickHeavy(components["sdk-library"].length)]!,
        fw,
        "inheritance",
        answerWeight("inheritance"),
        "firmware embeds this SDK",
        { ...vendorAssessment(v), question: "sbom.libraries" },
      );
    }
    add(
      components["update-service"][pickHeavy(components["update-service"].length, 2)]!,
      fw,
      "inheritance",
      answerWeight("inheritance"),
      "firmware is delivered by this update service",
      { ...vendorAssessment(v), question: "update.channel" },
    );
  }
  // 3. SDKs depend on other SDKs. As in real package ecosystems only a small core of libraries is
  //    depended upon by other libraries at all; most have no library dependents.
  const coreLibraries = Math.max(1, Math.floor(components["sdk-library"].length * 0.02));
  for (const sdk of components["sdk-library"]) {
    const count = pick(7);
    for (let i = 0; i < count; i++)
      add(
        components["sdk-library"][pickHeavy(coreLibraries, 2)]!,
        sdk,
        "inheritance",
        answerWeight("inheritance"),
        "library dependency",
      );
  }
  // 4. Every asset runs one or two firmware images; an update service also reaches it directly.
  for (const a of allAssets) {
    const count = 1 + pick(2);
    for (let i = 0; i < count; i++)
      add(
        components.firmware[pickHeavy(components.firmware.length, 2)]!,
        a,
        "inheritance",
        0.6 + 0.1 * pick(4),
        "asset runs this firmware",
      );
    if (random() < 0.5)
      add(
        components["update-service"][pickHeavy(components["update-service"].length, 2)]!,
        a,
        "inheritance",
        answerWeight("inheritance"),
        "asset pulls updates from this service",
      );
  }
  // 5. Management platforms push configuration to many assets (zone-wide, heavy-tailed reach:
  //    the biggest spans sites, the long tail manages one zone).
  for (let i = 0; i < components["management-platform"].length; i++) {
    const platform = components["management-platform"][i]!;
    const zoneReach = 1 + Math.floor(40 / (1 + i));
    const site = pick(siteCount);
    for (let z = 0; z < zoneReach; z++) {
      const zone = zones[z < 4 ? zoneInSite(site) : pick(zoneCount)]!;
      const v = ownerOf.get(platform) ?? vendorIds[0]!;
      for (const a of zone)
        if (random() < 0.5)
          add(platform, a, "trust", answerWeight("trust"), "platform pushes configuration", {
            ...vendorAssessment(v),
            question: "mgmt.reach",
          });
    }
  }
  // 6. Remote-access tools reach engineering workstations and some controllers.
  for (const tool of components["remote-access-tool"]) {
    const count = 1 + pickHeavy(60, 4);
    const controllersInReach = controllers.length;
    for (let i = 0; i < count; i++) {
      const target =
        workstations.length > 0 && random() < 0.5
          ? workstations[pick(workstations.length)]!
          : controllers[pick(controllersInReach)]!;
      if (target) add(tool, target, "trust", answerWeight("trust"), "remote-access tool installed");
    }
  }
  // 7. Vendors' deployments and remote maintenance reach assets directly.
  for (const v of vendorIds) {
    // A supplier typically serves a few production zones (one line, one cell), occasionally more.
    const count = 2 + pickHeavy(60, 2);
    const site = pick(siteCount);
    const homeZones = Array.from({ length: 1 + pickHeavy(6, 2) }, () => zoneInSite(site));
    for (let i = 0; i < count; i++) {
      const zone = zones[random() < 0.9 ? homeZones[pick(homeZones.length)]! : pick(zoneCount)]!;
      add(
        v,
        zone[pick(zone.length)]!,
        "trust",
        answerWeight("trust"),
        "vendor maintains this asset remotely",
        { ...vendorAssessment(v), question: "ra.mode" },
      );
    }
  }
  // 8. Buyer's network: gateways front their zone; conduits to a neighbouring zone; flat zones fill
  //    the remaining linkage budget (a peer-to-peer adjacency inside a zone).
  for (let z = 0; z < zoneCount; z++) {
    for (const gw of gatewaysOf[z]!) {
      for (const a of zones[z]!)
        add(gw, a, "adjacency", knownWeight("adjacency"), "asset sits behind this gateway");
      // Conduits stay inside the site: sites are connected only through shared vendors and platforms.
      const site = Math.floor(z / zonesPerSite);
      const neighbour = gatewaysOf[zoneInSite(site)]!;
      add(
        gw,
        neighbour[pick(neighbour.length)]!,
        "adjacency",
        tables.adjacency[pick(2)]!,
        "inter-zone conduit",
      );
    }
  }
  while (linkages.length < size.linkages) {
    const zone = zones[pick(zoneCount)]!;
    add(
      zone[pick(zone.length)]!,
      zone[pick(zone.length)]!,
      "adjacency",
      knownWeight("adjacency"),
      "shared flat network segment",
    );
  }
  linkages.length = Math.min(linkages.length, size.linkages);
  return { nodes, linkages };
}
