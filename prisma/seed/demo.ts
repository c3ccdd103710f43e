// Demo data for `npm start`: one buyer organisation with a user per role and a realistic set of
// OT suppliers, plus a second organisation that exists to prove tenant isolation.
import type { Db } from "../../lib/db/create-client";
import { seedDemoAssessments } from "./demo-assessments";
import { DEMO_PASSWORD, DEMO_USERS } from "./demo-users";
import {
  buildAsset,
  buildBuiltInTemplates,
  buildContact,
  buildDeployment,
  buildInventoryLinkage,
  buildOrganization,
  buildUser,
  buildVendor,
} from "./factories";

export { DEMO_PASSWORD, DEMO_USERS } from "./demo-users";

const NORTHWIND_VENDORS = [
  {
    name: "Helix Controls",
    tier: "CRITICAL",
    country: "Germany",
    website: "https://helix-controls.example",
    description: "PLCs and safety controllers for water treatment lines.",
    contact: ["Anja Brandt", "anja.brandt@helix-controls.test", "Product security lead"],
  },
  {
    name: "Meridian Gateways",
    tier: "CRITICAL",
    country: "Netherlands",
    website: "https://meridian-gw.example",
    description: "Modbus-to-OPC UA protocol gateways and edge brokers.",
    contact: ["Joost de Vries", "joost@meridian-gw.test", "PSIRT manager"],
  },
  {
    name: "Orbital SCADA Cloud",
    tier: "HIGH",
    country: "United States",
    website: "https://orbital-scada.example",
    description: "Cloud SCADA platform with remote configuration push.",
    contact: ["Maya Chen", "maya.chen@orbital-scada.test", "Customer security"],
  },
  {
    name: "Kestrel Remote Access",
    tier: "HIGH",
    country: "United Kingdom",
    website: "https://kestrel-ra.example",
    description: "Vendor remote-maintenance relay used by several integrators.",
    contact: ["Tom Hale", "tom.hale@kestrel-ra.test", "Head of operations"],
  },
  {
    name: "Lumen RTOS",
    tier: "MEDIUM",
    country: "Finland",
    website: "https://lumen-rtos.example",
    description: "Real-time OS and network stack licensed to device makers.",
    contact: ["Eero Laine", "eero@lumen-rtos.test", "Licensing"],
  },
  {
    name: "Brightline HMI",
    tier: "MEDIUM",
    country: "Italy",
    description: "Operator panels and engineering software.",
    contact: ["Giulia Rossi", "giulia.rossi@brightline.test", "Key account"],
  },
  {
    name: "Cobalt Historian",
    tier: "MEDIUM",
    country: "Canada",
    description: "Process historian with a vendor-hosted analytics add-on.",
    contact: ["Liam Martin", "liam@cobalt-historian.test", "Support lead"],
  },
  {
    name: "Atlas Field Sensors",
    tier: "LOW",
    country: "Japan",
    description:
      "Wireless flow, pressure, level and water-quality sensors and the station RTUs they report to.",
    contact: ["Kenji Sato", "kenji.sato@atlas-sensors.test", "Sales engineer"],
  },
  {
    name: "Tern Networks",
    tier: "MEDIUM",
    country: "Sweden",
    website: "https://tern-networks.example",
    description: "Industrial LTE routers for unmanned stations.",
    contact: ["Sofia Lind", "sofia.lind@tern-networks.test", "Account manager"],
  },
  {
    name: "Vireo Drives",
    tier: "MEDIUM",
    country: "Spain",
    description: "Variable-frequency drives for the high-lift pumps.",
    contact: ["Pablo Ortega", "pablo.ortega@vireo-drives.test", "Service manager"],
  },
] as const;

const NORTH = "North Treatment Plant";
const RIVERSIDE = "Riverside Pump Station";

/**
 * Northwind's OT inventory: a water treatment plant and a remote pump station, zoned by Purdue level.
 * [name, type, criticality, safety impact, site, zone, aliases, description]
 */
const NORTHWIND_ASSETS = [
  [
    "North Treatment Plant",
    "SITE",
    5,
    true,
    NORTH,
    null,
    ["WTP", "Northwind WTP"],
    "Surface-water treatment plant serving 180,000 people.",
  ],
  [
    "Riverside Pump Station",
    "SITE",
    4,
    false,
    RIVERSIDE,
    null,
    ["PS-R"],
    "Unmanned booster station feeding the east distribution zone.",
  ],
  [
    "WTP L1 Control Network",
    "ZONE",
    5,
    true,
    NORTH,
    "L1 Control",
    ["VLAN 110", "Level 1", "Level 1 — basic control", "L1 Control"],
    "Controllers and I/O of the treatment process.",
  ],
  [
    "WTP L2 Supervisory Network",
    "ZONE",
    4,
    false,
    NORTH,
    "L2 Supervisory",
    ["VLAN 120", "Level 2", "Level 2 — area supervisory control", "L2 Supervisory"],
    "Gateways, HMIs, broker and engineering workstations.",
  ],
  [
    "OT DMZ",
    "ZONE",
    4,
    false,
    NORTH,
    "L3.5 DMZ",
    ["VLAN 350", "DMZ", "Industrial DMZ", "L3.5 DMZ"],
    "Between the plant network and the corporate network; historian mirror and remote-access relay.",
  ],
  [
    "Plant Operations Network",
    "ZONE",
    4,
    false,
    NORTH,
    "L3 Operations",
    ["VLAN 300", "Level 3", "L3 Operations"],
    "Site operations: historian, SCADA agent and the domain controllers.",
  ],
  [
    "Riverside Station Network",
    "ZONE",
    4,
    false,
    RIVERSIDE,
    "L1-L2 Station",
    ["Level 1", "Level 2", "L1-L2 Station"],
    "Flat station network: RTU, panel and cellular router.",
  ],
  [
    "ISA100 Field Wireless",
    "NETWORK_SEGMENT",
    2,
    false,
    NORTH,
    "L0 Field",
    ["Level 0", "L0 Field"],
    "Wireless field instruments and their access points; instruments report only to their RTU or gateway.",
  ],
  [
    "PLC-1 Chemical Dosing",
    "CONTROLLER",
    5,
    true,
    NORTH,
    "L1 Control",
    ["Helix HC-900 dosing", "plc-1"],
    "Chlorine and coagulant dosing; wrong setpoints endanger the public.",
  ],
  [
    "PLC-3 Filter Gallery",
    "CONTROLLER",
    4,
    false,
    NORTH,
    "L1 Control",
    ["Helix HC-900 filters", "plc-3"],
    "Backwash sequencing of the eight rapid-gravity filters.",
  ],
  [
    "PLC-7 High-Lift Pumps",
    "CONTROLLER",
    5,
    false,
    NORTH,
    "L1 Control",
    ["Helix HC-700", "plc-7"],
    "Treated-water pumps into the distribution network.",
  ],
  [
    "SIS-1 Chlorine Safety Controller",
    "CONTROLLER",
    5,
    true,
    NORTH,
    "L1 Safety",
    ["Helix SafeLine S2"],
    "Trips chlorine feed on leak detection.",
  ],
  [
    "RTU-11 Riverside Pumps",
    "CONTROLLER",
    4,
    false,
    RIVERSIDE,
    "L1-L2 Station",
    ["Atlas RT-20", "rtu-11"],
    "Runs the booster pumps and reports over radio.",
  ],
  [
    "RTU-12 East Reservoir",
    "CONTROLLER",
    3,
    false,
    RIVERSIDE,
    "L1-L2 Station",
    ["Atlas RT-10", "rtu-12"],
    "Reservoir level and inlet valve.",
  ],
  [
    "GW-2 Modbus to OPC UA Gateway",
    "GATEWAY",
    5,
    false,
    NORTH,
    "L2 Supervisory",
    ["GW-2", "Meridian MG-400", "gw-2.ot.northwind"],
    "Translates the PLCs' Modbus TCP to OPC UA for SCADA and the broker.",
  ],
  [
    "MQTT-1 Edge Broker",
    "BROKER",
    4,
    false,
    NORTH,
    "L2 Supervisory",
    ["mosquitto-ot", "mqtt-1"],
    "Plant-wide MQTT broker; tag data for the historian and dashboards.",
  ],
  [
    "HMI-1 Filter Operator Panel",
    "HMI",
    3,
    false,
    NORTH,
    "L2 Supervisory",
    ["Brightline BP-15"],
    "Filter gallery operator panel.",
  ],
  [
    "HMI-2 Dosing Operator Panel",
    "HMI",
    4,
    true,
    NORTH,
    "L2 Supervisory",
    ["Brightline BP-21"],
    "Sets dosing setpoints.",
  ],
  [
    "HMI-R1 Riverside Station Panel",
    "HMI",
    3,
    false,
    RIVERSIDE,
    "L1-L2 Station",
    ["Brightline BP-10"],
    "Local panel at the pump station.",
  ],
  [
    "HIST-1 Process Historian",
    "HISTORIAN",
    3,
    false,
    NORTH,
    "L3 Operations",
    ["Cobalt PH", "hist-1"],
    "Ten years of process data; compliance reports to the regulator.",
  ],
  [
    "EWS-1 Controls Engineering Workstation",
    "ENGINEERING_WORKSTATION",
    5,
    true,
    NORTH,
    "L2 Supervisory",
    ["ews-1"],
    "Holds the PLC and SIS projects and the programming software.",
  ],
  [
    "EWS-2 Riverside Maintenance Laptop",
    "ENGINEERING_WORKSTATION",
    4,
    false,
    RIVERSIDE,
    "L1-L2 Station",
    ["ews-2"],
    "Taken to the station for RTU changes.",
  ],
  [
    "SCADA-MP Orbital Management Platform",
    "MANAGEMENT_PLATFORM",
    5,
    false,
    NORTH,
    "L3 Operations",
    ["Orbital SCADA Cloud tenant", "scada-mp"],
    "Cloud SCADA: screens, alarms and configuration push to gateways and panels.",
  ],
  [
    "OT Core Switching",
    "NETWORK_SEGMENT",
    4,
    false,
    NORTH,
    "L2 Supervisory",
    ["core-sw-ot"],
    "Layer-3 core between L1 and L2; the only path from L2 to the controllers.",
  ],
  [
    "Telemetry Radio Network",
    "NETWORK_SEGMENT",
    3,
    false,
    RIVERSIDE,
    "L1-L2 Station",
    ["UHF telemetry"],
    "Licensed UHF radio linking the station RTUs to the plant.",
  ],
  [
    "FT-101 Raw Water Flow",
    "OTHER",
    3,
    false,
    NORTH,
    "L0 Field",
    ["Atlas WF-3"],
    "Wireless raw-water flow transmitter.",
  ],
  [
    "PT-204 Distribution Pressure",
    "OTHER",
    3,
    false,
    RIVERSIDE,
    "L0 Field",
    ["Atlas WP-2"],
    "Wireless pressure sensor on the east main.",
  ],
  [
    "LT-301 Reservoir Level",
    "OTHER",
    2,
    false,
    RIVERSIDE,
    "L0 Field",
    ["Atlas WL-1"],
    "Wireless level sensor in the east reservoir.",
  ],
  [
    "FT-102 Filtered Water Flow",
    "OTHER",
    3,
    false,
    NORTH,
    "L0 Field",
    ["Atlas WF-3 filters"],
    "Wireless flow transmitter after the filter gallery.",
  ],
  [
    "AT-110 Chlorine Residual Analyser",
    "OTHER",
    4,
    false,
    NORTH,
    "L0 Field",
    ["Atlas WQ-4 chlorine"],
    "Free-chlorine residual at the clearwell outlet; reported to the regulator.",
  ],
  [
    "AT-111 Turbidity Analyser",
    "OTHER",
    3,
    false,
    NORTH,
    "L0 Field",
    ["Atlas WQ-4 turbidity"],
    "Filtered-water turbidity.",
  ],
  [
    "LT-120 Clearwell Level",
    "OTHER",
    3,
    false,
    NORTH,
    "L0 Field",
    ["Atlas WL-1 clearwell"],
    "Clearwell level for the high-lift pumps.",
  ],
  [
    "PT-130 High-Lift Discharge Pressure",
    "OTHER",
    3,
    false,
    NORTH,
    "L0 Field",
    ["Atlas WP-2 high-lift"],
    "Discharge header pressure.",
  ],
  [
    "TT-205 Station Temperature",
    "OTHER",
    1,
    false,
    RIVERSIDE,
    "L0 Field",
    ["Atlas WT-1"],
    "Pump-room temperature.",
  ],
  [
    "PT-206 Station Suction Pressure",
    "OTHER",
    3,
    false,
    RIVERSIDE,
    "L0 Field",
    ["Atlas WP-2 suction"],
    "Booster suction pressure.",
  ],
  [
    "FT-207 Station Outflow",
    "OTHER",
    3,
    false,
    RIVERSIDE,
    "L0 Field",
    ["Atlas WF-3 outflow"],
    "Flow into the east main.",
  ],
  [
    "RTR-R1 Riverside Cellular Router",
    "GATEWAY",
    4,
    false,
    RIVERSIDE,
    "L1-L2 Station",
    ["Tern TR-4", "rtr-r1"],
    "LTE backhaul of the station to the plant; also carries vendors' remote sessions.",
  ],
  [
    "VFD-7A High-Lift Pump Drive",
    "CONTROLLER",
    4,
    false,
    NORTH,
    "L1 Control",
    ["Vireo VX-55 A"],
    "Drive of high-lift pump A.",
  ],
  [
    "VFD-7B High-Lift Pump Drive",
    "CONTROLLER",
    4,
    false,
    NORTH,
    "L1 Control",
    ["Vireo VX-55 B"],
    "Drive of high-lift pump B.",
  ],
] as const;

/** The buyer's own adjacency: [from, to, kind, weight, reason] — "if from is compromised, to is affected". */
const NORTHWIND_CONNECTIONS = [
  [
    "GW-2 Modbus to OPC UA Gateway",
    "PLC-1 Chemical Dosing",
    "ADJACENCY",
    0.8,
    "PLC-1 sits behind gateway GW-2 (Modbus TCP writes, no filtering).",
  ],
  [
    "GW-2 Modbus to OPC UA Gateway",
    "PLC-3 Filter Gallery",
    "ADJACENCY",
    0.8,
    "PLC-3 sits behind gateway GW-2 (Modbus TCP writes, no filtering).",
  ],
  [
    "GW-2 Modbus to OPC UA Gateway",
    "PLC-7 High-Lift Pumps",
    "ADJACENCY",
    0.8,
    "PLC-7 sits behind gateway GW-2 (Modbus TCP writes, no filtering).",
  ],
  [
    "GW-2 Modbus to OPC UA Gateway",
    "SIS-1 Chlorine Safety Controller",
    "ADJACENCY",
    0.25,
    "SIS-1 is reachable from GW-2 only through the safety firewall (read-only rules).",
  ],
  [
    "GW-2 Modbus to OPC UA Gateway",
    "MQTT-1 Edge Broker",
    "ADJACENCY",
    0.6,
    "GW-2 publishes every tag to MQTT-1 with one shared client certificate.",
  ],
  [
    "MQTT-1 Edge Broker",
    "HIST-1 Process Historian",
    "ADJACENCY",
    0.7,
    "HIST-1 subscribes to all topics on MQTT-1; the broker has no topic ACLs.",
  ],
  [
    "EWS-1 Controls Engineering Workstation",
    "PLC-1 Chemical Dosing",
    "TRUST",
    0.85,
    "EWS-1 holds the PLC-1 project and can download logic without a key switch.",
  ],
  [
    "EWS-1 Controls Engineering Workstation",
    "SIS-1 Chlorine Safety Controller",
    "TRUST",
    0.3,
    "SIS-1 changes need the physical key in PROGRAM position.",
  ],
  [
    "SCADA-MP Orbital Management Platform",
    "GW-2 Modbus to OPC UA Gateway",
    "TRUST",
    0.6,
    "Orbital pushes gateway configuration through its cloud agent.",
  ],
  [
    "SCADA-MP Orbital Management Platform",
    "HMI-2 Dosing Operator Panel",
    "TRUST",
    0.85,
    "Orbital pushes screens and setpoint limits to the dosing panel.",
  ],
  [
    "HMI-2 Dosing Operator Panel",
    "PLC-1 Chemical Dosing",
    "ADJACENCY",
    0.8,
    "HMI-2 writes dosing setpoints to PLC-1.",
  ],
  [
    "Telemetry Radio Network",
    "RTU-11 Riverside Pumps",
    "ADJACENCY",
    0.9,
    "RTU-11 sits on the flat telemetry radio network (no link encryption).",
  ],
  [
    "Telemetry Radio Network",
    "RTU-12 East Reservoir",
    "ADJACENCY",
    0.9,
    "RTU-12 sits on the flat telemetry radio network (no link encryption).",
  ],
  [
    "EWS-2 Riverside Maintenance Laptop",
    "RTU-11 Riverside Pumps",
    "TRUST",
    0.7,
    "EWS-2 holds the RTU-11 configuration and writes it over the station network.",
  ],
  [
    "EWS-2 Riverside Maintenance Laptop",
    "HMI-R1 Riverside Station Panel",
    "TRUST",
    0.6,
    "EWS-2 loads the panel project onto HMI-R1.",
  ],
  [
    "PLC-7 High-Lift Pumps",
    "VFD-7A High-Lift Pump Drive",
    "ADJACENCY",
    0.8,
    "PLC-7 starts the drive and sets its speed over Modbus TCP.",
  ],
  [
    "PLC-7 High-Lift Pumps",
    "VFD-7B High-Lift Pump Drive",
    "ADJACENCY",
    0.8,
    "PLC-7 starts the drive and sets its speed over Modbus TCP.",
  ],
  [
    "RTR-R1 Riverside Cellular Router",
    "Riverside Station Network",
    "ADJACENCY",
    0.7,
    "RTR-R1 routes straight onto the flat station network (no firewall rules).",
  ],
] as const;

/** Where the demo vendors' products sit; Lumen RTOS is a sub-supplier inside others' products. */
const NORTHWIND_DEPLOYMENTS: Record<string, readonly (readonly [string, string])[]> = {
  "Helix Controls": [
    ["PLC-1 Chemical Dosing", "HC-900, firmware 4.2"],
    ["PLC-3 Filter Gallery", "HC-900, firmware 4.2"],
    ["PLC-7 High-Lift Pumps", "HC-700, firmware 3.9"],
    ["SIS-1 Chlorine Safety Controller", "SafeLine S2"],
  ],
  "Meridian Gateways": [["GW-2 Modbus to OPC UA Gateway", "MG-400, firmware 2.8"]],
  "Orbital SCADA Cloud": [
    ["SCADA-MP Orbital Management Platform", "Tenant northwind-prod with on-site agent"],
  ],
  "Kestrel Remote Access": [
    ["EWS-1 Controls Engineering Workstation", "Remote-maintenance agent"],
    ["EWS-2 Riverside Maintenance Laptop", "Remote-maintenance agent"],
  ],
  "Brightline HMI": [
    ["HMI-1 Filter Operator Panel", "BP-15"],
    ["HMI-2 Dosing Operator Panel", "BP-21"],
    ["HMI-R1 Riverside Station Panel", "BP-10"],
  ],
  "Cobalt Historian": [["HIST-1 Process Historian", "PH 8 with hosted analytics add-on"]],
  "Atlas Field Sensors": [
    ["FT-101 Raw Water Flow", "WF-3"],
    ["PT-204 Distribution Pressure", "WP-2"],
    ["LT-301 Reservoir Level", "WL-1"],
    ["RTU-11 Riverside Pumps", "RT-20"],
    ["RTU-12 East Reservoir", "RT-10"],
    ["FT-102 Filtered Water Flow", "WF-3"],
    ["AT-110 Chlorine Residual Analyser", "WQ-4"],
    ["AT-111 Turbidity Analyser", "WQ-4"],
    ["LT-120 Clearwell Level", "WL-1"],
    ["PT-130 High-Lift Discharge Pressure", "WP-2"],
    ["TT-205 Station Temperature", "WT-1"],
    ["PT-206 Station Suction Pressure", "WP-2"],
    ["FT-207 Station Outflow", "WF-3"],
  ],
  "Tern Networks": [["RTR-R1 Riverside Cellular Router", "TR-4 LTE router"]],
  "Vireo Drives": [
    ["VFD-7A High-Lift Pump Drive", "VX-55 with VX-Link card"],
    ["VFD-7B High-Lift Pump Drive", "VX-55 with VX-Link card"],
  ],
};

/** Northwind's assets, its own adjacency between them, and where each demo vendor is deployed. */
export async function seedNorthwindInventory(
  db: Db,
  organizationId: string,
  vendorIds: Record<string, string>,
) {
  const assets: Record<string, string> = {};
  for (const [name, type, criticality, safetyImpact, site, zone, aliases, description] of NORTHWIND_ASSETS) {
    const asset = await buildAsset(db, {
      organizationId,
      name,
      type,
      criticality,
      safetyImpact,
      site,
      zone: zone ?? undefined,
      aliases: [...aliases],
      description,
    });
    assets[name] = asset.id;
  }
  const id = (name: string) => {
    const assetId = assets[name];
    if (!assetId) throw new Error(`demo seed: no asset named ${name}`);
    return assetId;
  };
  for (const [from, to, kind, weight, reason] of NORTHWIND_CONNECTIONS) {
    await buildInventoryLinkage(db, {
      organizationId,
      fromAssetId: id(from),
      toAssetId: id(to),
      kind,
      weight,
      reason,
    });
  }
  for (const [vendorName, deployments] of Object.entries(NORTHWIND_DEPLOYMENTS)) {
    const vendorId = vendorIds[vendorName];
    if (!vendorId) throw new Error(`demo seed: no vendor named ${vendorName}`);
    for (const [assetName, note] of deployments)
      await buildDeployment(db, { organizationId, vendorId, assetId: id(assetName), note });
  }
  return assets;
}

const DAY = 86_400_000;
/** Northwind set up Trustmap (users, vendors, inventory) this many days before the seed ran. */
const SETUP_DAYS_AGO = 200;

/** The organisation's setup rows are dated to when it started using Trustmap, before any assessment. */
async function backdateSetup(db: Db, organizationId: string, at: Date) {
  const stamp = { createdAt: at, updatedAt: at };
  await db.$transaction([
    db.organization.update({ where: { id: organizationId }, data: { createdAt: at } }),
    db.user.updateMany({ where: { organizationId }, data: stamp }),
    db.vendor.updateMany({ where: { organizationId }, data: stamp }),
    db.vendorContact.updateMany({ where: { organizationId }, data: stamp }),
    db.questionnaireTemplate.updateMany({ where: { organizationId }, data: { createdAt: at } }),
    db.asset.updateMany({ where: { organizationId }, data: stamp }),
    db.deployment.updateMany({ where: { organizationId }, data: { createdAt: at } }),
    db.linkage.updateMany({ where: { organizationId, source: "INVENTORY" }, data: { createdAt: at } }),
  ]);
}

/** Seeds the demo organisations unless any organisation exists already. Returns whether it wrote. */
export async function seedDemo(db: Db): Promise<boolean> {
  if ((await db.organization.count()) > 0) return false;
  try {
    await writeDemo(db);
  } catch (error) {
    // Leave no half-written demo behind: the next start would otherwise skip seeding for good.
    const orgs = await db.organization.findMany({
      where: { slug: { in: ["northwind", "southbridge"] } },
      select: { id: true },
    });
    const organizationId = { in: orgs.map((o) => o.id) };
    await db.$transaction([
      db.linkage.deleteMany({ where: { organizationId } }),
      db.graphNode.deleteMany({ where: { organizationId } }),
      db.mappingRequest.deleteMany({ where: { organizationId } }),
      db.scoreSnapshot.deleteMany({ where: { organizationId } }),
      db.currentScore.deleteMany({ where: { organizationId } }),
      db.scoringRun.deleteMany({ where: { organizationId } }),
      db.organization.deleteMany({ where: { id: organizationId } }),
    ]);
    throw error;
  }
  return true;
}

async function writeDemo(db: Db): Promise<void> {
  const northwind = await buildOrganization(db, { name: "Northwind Water & Power", slug: "northwind" });
  const vendors: Record<string, string> = {};
  for (const v of NORTHWIND_VENDORS) {
    const vendor = await buildVendor(db, {
      organizationId: northwind.id,
      name: v.name,
      tier: v.tier,
      country: v.country,
      website: "website" in v ? v.website : undefined,
      description: v.description,
    });
    vendors[v.name] = vendor.id;
    await buildContact(db, {
      organizationId: northwind.id,
      vendorId: vendor.id,
      name: v.contact[0],
      email: v.contact[1],
      jobTitle: v.contact[2],
      isPrimary: true,
    });
  }
  await buildUser(db, {
    organizationId: northwind.id,
    role: "ADMIN",
    email: DEMO_USERS.admin,
    name: "Ada Admin",
    password: DEMO_PASSWORD,
  });
  const procurement = await buildUser(db, {
    organizationId: northwind.id,
    role: "PROCUREMENT",
    email: DEMO_USERS.procurement,
    name: "Priya Procurement",
    password: DEMO_PASSWORD,
  });
  const risk = await buildUser(db, {
    organizationId: northwind.id,
    role: "RISK_OFFICER",
    email: DEMO_USERS.risk,
    name: "Rafael Risk",
    password: DEMO_PASSWORD,
  });
  const supplier = await buildUser(db, {
    organizationId: northwind.id,
    role: "SUPPLIER",
    email: DEMO_USERS.supplier,
    name: "Anja Brandt",
    password: DEMO_PASSWORD,
    vendorId: vendors["Helix Controls"],
  });

  await buildBuiltInTemplates(db, northwind.id);
  await seedNorthwindInventory(db, northwind.id, vendors);
  await backdateSetup(db, northwind.id, new Date(Date.now() - SETUP_DAYS_AGO * DAY));
  await seedDemoAssessments(db, northwind.id, {
    procurementId: procurement.id,
    riskId: risk.id,
    supplierUserId: supplier.id,
    supplierVendor: "Helix Controls",
  });
  // Anja's account was created when she first opened Helix's invitation.
  const helixOpened = await db.assessment.findFirstOrThrow({
    where: { organizationId: northwind.id, vendorId: vendors["Helix Controls"] },
    select: { openedAt: true },
  });
  if (helixOpened.openedAt)
    await db.user.update({
      where: { id: supplier.id },
      data: { createdAt: helixOpened.openedAt, updatedAt: helixOpened.openedAt },
    });

  const southbridge = await buildOrganization(db, { name: "Southbridge Chemicals", slug: "southbridge" });
  await buildBuiltInTemplates(db, southbridge.id);
  await buildUser(db, {
    organizationId: southbridge.id,
    role: "ADMIN",
    email: DEMO_USERS.otherOrgAdmin,
    name: "Sam Southbridge",
    password: DEMO_PASSWORD,
  });
  const sv = await buildVendor(db, {
    organizationId: southbridge.id,
    name: "Vantage Valves",
    tier: "HIGH",
    country: "France",
    description: "Smart valve positioners.",
  });
  await buildContact(db, {
    organizationId: southbridge.id,
    vendorId: sv.id,
    name: "Claire Dubois",
    email: "claire@vantage-valves.test",
    isPrimary: true,
  });
}
