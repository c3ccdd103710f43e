// Demo data for `npm start`: one buyer organisation with a user per role and a realistic set of
// OT suppliers, plus a second organisation that exists to prove tenant isolation.
import type { Db } from "../../lib/db/create-client";
import { buildBuiltInTemplates, buildContact, buildOrganization, buildUser, buildVendor } from "./factories";

export const DEMO_PASSWORD = "trustmap-demo";

export const DEMO_USERS = {
  admin: "admin@northwind.test",
  procurement: "procurement@northwind.test",
  risk: "risk@northwind.test",
  supplier: "supplier@helix-controls.test",
  otherOrgAdmin: "admin@southbridge.test",
} as const;

const NORTHWIND_VENDORS = [
  { name: "Helix Controls", tier: "CRITICAL", country: "Germany", website: "https://helix-controls.example", description: "PLCs and safety controllers for water treatment lines.", contact: ["Anja Brandt", "anja.brandt@helix-controls.test", "Product security lead"] },
  { name: "Meridian Gateways", tier: "CRITICAL", country: "Netherlands", website: "https://meridian-gw.example", description: "Modbus-to-OPC UA protocol gateways and edge brokers.", contact: ["Joost de Vries", "joost@meridian-gw.test", "PSIRT manager"] },
  { name: "Orbital SCADA Cloud", tier: "HIGH", country: "United States", website: "https://orbital-scada.example", description: "Cloud SCADA platform with remote configuration push.", contact: ["Maya Chen", "maya.chen@orbital-scada.test", "Customer security"] },
  { name: "Kestrel Remote Access", tier: "HIGH", country: "United Kingdom", website: "https://kestrel-ra.example", description: "Vendor remote-maintenance relay used by several integrators.", contact: ["Tom Hale", "tom.hale@kestrel-ra.test", "Head of operations"] },
  { name: "Lumen RTOS", tier: "MEDIUM", country: "Finland", website: "https://lumen-rtos.example", description: "Real-time OS and network stack licensed to device makers.", contact: ["Eero Laine", "eero@lumen-rtos.test", "Licensing"] },
  { name: "Brightline HMI", tier: "MEDIUM", country: "Italy", description: "Operator panels and engineering software.", contact: ["Giulia Rossi", "giulia.rossi@brightline.test", "Key account"] },
  { name: "Cobalt Historian", tier: "MEDIUM", country: "Canada", description: "Process historian with a vendor-hosted analytics add-on.", contact: ["Liam Martin", "liam@cobalt-historian.test", "Support lead"] },
  { name: "Atlas Field Sensors", tier: "LOW", country: "Japan", description: "Wireless pressure and flow sensors.", contact: ["Kenji Sato", "kenji.sato@atlas-sensors.test", "Sales engineer"] },
] as const;

/** Seeds the demo organisations unless any organisation exists already. Returns whether it wrote. */
export async function seedDemo(db: Db): Promise<boolean> {
  if ((await db.organization.count()) > 0) return false;

  const northwind = await buildOrganization(db, { name: "Northwind Water & Power", slug: "northwind" });
  const vendors: Record<string, string> = {};
  for (const v of NORTHWIND_VENDORS) {
    const vendor = await buildVendor(db, { organizationId: northwind.id, name: v.name, tier: v.tier, country: v.country, website: "website" in v ? v.website : undefined, description: v.description });
    vendors[v.name] = vendor.id;
    await buildContact(db, { organizationId: northwind.id, vendorId: vendor.id, name: v.contact[0], email: v.contact[1], jobTitle: v.contact[2], isPrimary: true });
  }
  await buildUser(db, { organizationId: northwind.id, role: "ADMIN", email: DEMO_USERS.admin, name: "Ada Admin", password: DEMO_PASSWORD });
  await buildUser(db, { organizationId: northwind.id, role: "PROCUREMENT", email: DEMO_USERS.procurement, name: "Priya Procurement", password: DEMO_PASSWORD });
  await buildUser(db, { organizationId: northwind.id, role: "RISK_OFFICER", email: DEMO_USERS.risk, name: "Rafael Risk", password: DEMO_PASSWORD });
  await buildUser(db, { organizationId: northwind.id, role: "SUPPLIER", email: DEMO_USERS.supplier, name: "Anja Brandt", password: DEMO_PASSWORD, vendorId: vendors["Helix Controls"] });

  await buildBuiltInTemplates(db, northwind.id);

  const southbridge = await buildOrganization(db, { name: "Southbridge Chemicals", slug: "southbridge" });
  await buildBuiltInTemplates(db, southbridge.id);
  await buildUser(db, { organizationId: southbridge.id, role: "ADMIN", email: DEMO_USERS.otherOrgAdmin, name: "Sam Southbridge", password: DEMO_PASSWORD });
  const sv = await buildVendor(db, { organizationId: southbridge.id, name: "Vantage Valves", tier: "HIGH", country: "France", description: "Smart valve positioners." });
  await buildContact(db, { organizationId: southbridge.id, vendorId: sv.id, name: "Claire Dubois", email: "claire@vantage-valves.test", isPrimary: true });
  return true;
}
