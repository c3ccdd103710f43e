/**
 * Seeded hub-heavy plant graphs for the accuracy study against sampling (test and benchmark
 * support; not used at runtime): many devices of several vendors behind shared brokers and gateways,
 * firmware images shared by many devices, an SDK embedded in several vendors' firmware, a shared
 * update service, diamonds (two gateways into one SCADA server) and cycles (SCADA ↔ historian,
 * broker ↔ gateway).
 */
import { DEFAULT_WEIGHTS, type LinkageKind } from "@/lib/scoring/config";
import type { GraphDocument, GraphLinkageInput, GraphNodeInput } from "@/lib/scoring/graph-format";
import { createRandom } from "@/lib/scoring/random";

export function generateHubPlant(seed: number, vendorCount = 7): GraphDocument {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const table = (kind: LinkageKind) =>
    Object.values(DEFAULT_WEIGHTS.controlWeights[kind]).filter((w) => w > 0);
  const weight = (kind: LinkageKind) => pick(table(kind));
  const nodes: GraphNodeInput[] = [];
  const linkages: GraphLinkageInput[] = [];
  const add = (from: string, to: string, kind: LinkageKind, w: number) =>
    linkages.push({ from, to, kind, weight: w });
  const asset = (id: string, criticality: number) => nodes.push({ id, type: "asset", name: id, criticality });

  const brokers = ["broker-a", "broker-b"];
  const gateways = ["gw-1", "gw-2", "gw-3"];
  for (const b of brokers) asset(b, 3);
  for (const g of gateways) asset(g, 3);
  asset("scada", 5);
  asset("historian", 3);
  for (let i = 0; i < 6; i++) asset(`plc-${i}`, 4 + (i % 2));
  // Diamond: two gateways feed SCADA; SCADA ↔ historian and broker-a ↔ gw-1 are cycles.
  add("gw-1", "scada", "adjacency", weight("adjacency"));
  add("gw-2", "scada", "adjacency", weight("adjacency"));
  add("scada", "historian", "adjacency", weight("adjacency"));
  add("historian", "scada", "adjacency", 0.25);
  add("broker-a", "gw-1", "adjacency", weight("adjacency"));
  add("gw-1", "broker-a", "adjacency", 0.4);
  add("broker-b", "gw-2", "adjacency", weight("adjacency"));
  add("gw-3", "gw-2", "adjacency", weight("adjacency"));
  for (let i = 0; i < 6; i++) add("scada", `plc-${i}`, "adjacency", weight("adjacency"));

  nodes.push(
    { id: "sdk", type: "vendor", name: "RTOS/SDK maker" },
    { id: "sdk-lib", type: "component", name: "SDK", supplier: "sdk" },
  );
  add("sdk", "sdk-lib", "inheritance", weight("inheritance"));
  nodes.push({ id: "updates", type: "component", name: "Shared cloud update service" });

  for (let v = 0; v < vendorCount; v++) {
    const vendor = `v${v}`;
    nodes.push({ id: vendor, type: "vendor", name: `Vendor ${v}` });
    const firmware = `${vendor}-fw`;
    nodes.push({ id: firmware, type: "component", name: `${vendor} firmware` });
    add(vendor, firmware, "inheritance", weight("inheritance"));
    if (v < 3) add("sdk-lib", firmware, "inheritance", weight("inheritance"));
    if (v >= vendorCount - 2) {
      add(vendor, "updates", "inheritance", weight("inheritance"));
      add("updates", firmware, "inheritance", weight("inheritance"));
    }
    // 3–10 devices running one image, publishing into a broker or sitting behind a gateway.
    const devices = 3 + Math.floor(random() * 8);
    const hub = v % 2 === 0 ? pick(brokers) : pick(gateways);
    for (let d = 0; d < devices; d++) {
      const device = `${vendor}-dev-${d}`;
      asset(device, 1 + Math.floor(random() * 3));
      add(firmware, device, "inheritance", 0.6 + 0.1 * Math.floor(random() * 4));
      add(device, hub, "adjacency", weight("adjacency"));
    }
    if (random() < 0.5) add(vendor, pick(gateways), "trust", weight("trust"));
  }
  // One isolated vendor: its firmware on its own devices only.
  nodes.push(
    { id: "solo", type: "vendor", name: "Isolated vendor" },
    { id: "solo-fw", type: "component", name: "solo firmware" },
  );
  add("solo", "solo-fw", "inheritance", weight("inheritance"));
  for (let d = 0; d < 4; d++) {
    asset(`solo-dev-${d}`, 4);
    add("solo-fw", `solo-dev-${d}`, "inheritance", 0.8);
  }
  return { nodes, linkages };
}
