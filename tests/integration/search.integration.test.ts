import { beforeEach, describe, expect, it, vi } from "vitest";

import type { Actor } from "@/lib/auth/roles";
import { getAssessmentFormOptions, listAssessmentContacts } from "@/lib/domain/assessment/read-assessments";
import { addManualLinkage } from "@/lib/domain/linkage/manual-linkages";
import { listComparableVendors } from "@/lib/domain/portfolio/list-comparable-vendors";
import { searchOptions } from "@/lib/domain/search/search-options";
import { searchScoredVendors } from "@/lib/domain/search/search-scored-vendors";
import { getWhatIfWorkspace } from "@/lib/domain/what-if/get-what-if-workspace";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { buildContact, buildOrganization, buildVendor } from "@/prisma/seed/factories";

import { acmeOnASmallPlant, actorFor, withMailSink } from "./fixtures";
import { testDb } from "./setup";

// The route handler runs as in production, with the session and the database client swapped for
// the test's actor and database.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/next-auth/session", async () => {
  const { AppError: Err } = await import("@/lib/errors");
  return {
    requireActor: async () => {
      if (!session.actor) throw new Err("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
      return session.actor;
    },
  };
});
vi.mock("@/lib/db/client", async () => ({ getDb: (await import("./setup")).testDb }));
const { GET } = await import("@/app/api/search/route");

withMailSink();
beforeEach(() => {
  session.actor = null;
});

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e as AppError,
  );

async function asset(
  organizationId: string,
  name: string,
  extra: Partial<Prisma.AssetUncheckedCreateInput> = {},
) {
  return testDb().asset.create({
    data: {
      organizationId,
      name,
      normalizedName: name.trim().replace(/\s+/g, " ").toLowerCase(),
      type: "CONTROLLER",
      criticality: 3,
      aliases: [],
      ...extra,
    },
  });
}

/** Two organisations with look-alike assets and vendors. */
async function twoPlants() {
  const db = testDb();
  const org = await buildOrganization(db);
  const other = await buildOrganization(db);
  const assets = {
    kilnPlc: await asset(org.id, "Kiln PLC", { site: "Kiln plant", zone: "Level 1" }),
    oldKiln: await asset(org.id, "Old kiln gateway", { type: "GATEWAY" }),
    boiler: await asset(org.id, "Boiler HMI", { type: "HMI" }),
    underscore: await asset(org.id, "GW_2"),
    lookalike: await asset(org.id, "GWX2"),
    foreign: await asset(other.id, "Kiln PLC (other org)"),
  };
  const vendors = {
    kestrel: await buildVendor(db, { organizationId: org.id, name: "Kestrel Remote Access" }),
    acme: await buildVendor(db, { organizationId: org.id, name: "ACME Kestrel reseller" }),
    archived: await buildVendor(db, { organizationId: org.id, name: "Kestrel Legacy", archived: true }),
    foreign: await buildVendor(db, { organizationId: other.id, name: "Kestrel Abroad" }),
  };
  await db.graphNode.create({
    data: {
      organizationId: org.id,
      key: "component:name:kiln-rtos",
      type: "COMPONENT",
      name: "KilnOS RTOS",
      subtype: "rtos",
    },
  });
  await db.graphNode.create({
    data: {
      organizationId: other.id,
      key: "component:name:kiln-sdk",
      type: "COMPONENT",
      name: "Kiln SDK",
      subtype: "sdk",
    },
  });
  return {
    db,
    org,
    other,
    assets,
    vendors,
    admin: await actorFor(org.id, "ADMIN"),
    risk: await actorFor(org.id, "RISK_OFFICER"),
    procurement: await actorFor(org.id, "PROCUREMENT"),
    supplier: await actorFor(org.id, "SUPPLIER", vendors.kestrel.id),
    outsider: await actorFor(other.id, "ADMIN"),
  };
}

const labels = (items: { label: string }[]) => items.map((i) => i.label);

async function get(actor: Actor | null, query: string) {
  session.actor = actor;
  const response = await GET(new Request(`http://localhost/api/search?${query}`));
  return {
    status: response.status,
    cacheControl: response.headers.get("cache-control"),
    body: await response.json(),
  };
}

describe("search for pickers", () => {
  it("finds the organisation's assets case-insensitively, names starting with the text first, never another organisation's", async () => {
    const w = await twoPlants();
    const kiln = await searchOptions(w.db, w.admin, { type: "asset", q: "  KILN " });
    expect(labels(kiln)).toEqual(["Kiln PLC", "Old kiln gateway"]);
    expect(kiln[0]).toEqual({
      id: w.assets.kilnPlc.id,
      label: "Kiln PLC",
      detail: "Controller (PLC / RTU / DCS) · Kiln plant · Level 1",
    });
    // The other organisation sees only its own look-alike.
    expect(labels(await searchOptions(w.db, w.outsider, { type: "asset", q: "kiln" }))).toEqual([
      "Kiln PLC (other org)",
    ]);
    // "_" is a character, not a LIKE wildcard.
    expect(labels(await searchOptions(w.db, w.admin, { type: "asset", q: "gw_" }))).toEqual(["GW_2"]);
    // An empty query suggests the first names alphabetically.
    expect(labels(await searchOptions(w.db, w.admin, { type: "asset", q: "", limit: "3" }))).toEqual([
      "Boiler HMI",
      "GW_2",
      "GWX2",
    ]);
  });

  it("leaves out assets the vendor is already deployed on, and excluded ids", async () => {
    const w = await twoPlants();
    await w.db.deployment.create({
      data: { organizationId: w.org.id, vendorId: w.vendors.kestrel.id, assetId: w.assets.kilnPlc.id },
    });
    expect(
      labels(
        await searchOptions(w.db, w.procurement, {
          type: "asset",
          q: "kiln",
          undeployedFor: w.vendors.kestrel.id,
        }),
      ),
    ).toEqual(["Old kiln gateway"]);
    expect(
      labels(
        await searchOptions(w.db, w.procurement, {
          type: "asset",
          q: "kiln",
          undeployedFor: w.vendors.acme.id,
        }),
      ),
    ).toEqual(["Kiln PLC", "Old kiln gateway"]);
    expect(
      labels(
        await searchOptions(w.db, w.procurement, {
          type: "asset",
          q: "kiln",
          exclude: [w.assets.oldKiln.id],
        }),
      ),
    ).toEqual(["Kiln PLC"]);
  });

  it("returns at most `limit` matches, and never more than 20", async () => {
    const w = await twoPlants();
    for (let i = 0; i < 25; i++) await asset(w.org.id, `Pump ${String(i).padStart(2, "0")}`);
    const five = await searchOptions(w.db, w.admin, { type: "asset", q: "pump", limit: 5 });
    expect(labels(five)).toEqual(["Pump 00", "Pump 01", "Pump 02", "Pump 03", "Pump 04"]);
    expect(await searchOptions(w.db, w.admin, { type: "asset", q: "pump" })).toHaveLength(8);
    expect(await searchOptions(w.db, w.admin, { type: "asset", q: "pump", limit: 20 })).toHaveLength(20);
    const tooMany = await failure(searchOptions(w.db, w.admin, { type: "asset", q: "pump", limit: 21 }));
    expect(tooMany.code).toBe("VALIDATION");
    expect(tooMany.message).toBe("The limit must be at most 20.");
  });

  it("finds link targets among assets and components of the organisation, as graph keys", async () => {
    const w = await twoPlants();
    const targets = await searchOptions(w.db, w.risk, { type: "target", q: "kiln" });
    expect(targets).toEqual([
      {
        id: `asset:${w.assets.kilnPlc.id}`,
        label: "Kiln PLC",
        detail: "Controller (PLC / RTU / DCS) · Kiln plant · Level 1",
      },
      { id: "component:name:kiln-rtos", label: "KilnOS RTOS", detail: "Component · rtos" },
      {
        id: `asset:${w.assets.oldKiln.id}`,
        label: "Old kiln gateway",
        detail: "Gateway / protocol translator",
      },
    ]);
    expect(labels(await searchOptions(w.db, w.outsider, { type: "target", q: "kiln" }))).toEqual([
      "Kiln PLC (other org)",
      "Kiln SDK",
    ]);
    expect(labels(await searchOptions(w.db, w.risk, { type: "target", q: "kiln", limit: 2 }))).toEqual([
      "Kiln PLC",
      "KilnOS RTOS",
    ]);
  });

  it("finds active vendors of the organisation, prefix matches first, with their exposure", async () => {
    const w = await twoPlants();
    const found = await searchOptions(w.db, w.procurement, { type: "vendor", q: "kestrel" });
    expect(found).toEqual([
      { id: w.vendors.kestrel.id, label: "Kestrel Remote Access", detail: "Medium tier · not scored" },
      { id: w.vendors.acme.id, label: "ACME Kestrel reseller", detail: "Medium tier · not scored" },
    ]);
    expect(
      labels(
        await searchOptions(w.db, w.procurement, {
          type: "vendor",
          q: "kestrel",
          exclude: [w.vendors.kestrel.id],
        }),
      ),
    ).toEqual(["ACME Kestrel reseller"]);
  });

  it("finds only scored vendors for the what-if, highest exposure first without a query", async () => {
    const plant = await acmeOnASmallPlant();
    const unscored = await buildVendor(plant.db, { organizationId: plant.org.id, name: "ACME Unscored" });
    // Scored through a weak linkage recorded by hand: alphabetically first, but less exposure than ACME.
    const aardvark = await buildVendor(plant.db, { organizationId: plant.org.id, name: "Aardvark Sensors" });
    await addManualLinkage(plant.db, plant.risk, {
      vendorId: aardvark.id,
      toKey: `asset:${plant.assets[3]!.id}`,
      kind: "ADJACENCY",
      weight: 0.1,
      reason: "shares the historian's network",
    });
    const found = await searchScoredVendors(plant.db, plant.risk, { q: "acme", limit: 8, exclude: [] });
    expect(found.map((v) => v.id)).toEqual([plant.vendor.id]);
    expect(found[0]!.exposure).toBeGreaterThan(0);
    expect(found[0]!.detail).toMatch(/^exposure \d/);
    expect(labels(await searchOptions(plant.db, plant.risk, { type: "scored-vendor", q: "" }))).toEqual([
      "ACME Controls",
      "Aardvark Sensors",
    ]);
    expect(
      labels(await searchOptions(plant.db, plant.risk, { type: "scored-vendor", q: "", limit: 1 })),
    ).toEqual(["ACME Controls"]);
    expect(labels(await searchOptions(plant.db, plant.risk, { type: "scored-vendor", q: "a" }))).toEqual([
      "Aardvark Sensors",
      "ACME Controls",
    ]);
    expect(labels(await searchOptions(plant.db, plant.risk, { type: "vendor", q: "acme" }))).toEqual([
      "ACME Controls",
      "ACME Unscored",
    ]);
    expect(unscored.id).not.toBe(plant.vendor.id);
    const outsider = await actorFor((await buildOrganization(plant.db)).id, "RISK_OFFICER");
    expect(await searchOptions(plant.db, outsider, { type: "scored-vendor", q: "acme" })).toEqual([]);
  });

  it("the what-if workspace counts scored vendors and offers the highest-exposure ones only in portfolio mode", async () => {
    const plant = await acmeOnASmallPlant();
    const portfolio = await getWhatIfWorkspace(plant.db, plant.risk, undefined);
    expect(portfolio.scoredVendorCount).toBe(1);
    expect(portfolio.topVendors.map((v) => v.label)).toEqual(["ACME Controls"]);
    expect("scoredVendors" in portfolio).toBe(false);
    const one = await getWhatIfWorkspace(plant.db, plant.risk, plant.vendor.id);
    expect(one.topVendors).toEqual([]);
    expect(one.scoredVendorCount).toBe(1);
  });

  it("the compare picker gets the chosen vendors of the organisation only, in order, and a count", async () => {
    const w = await twoPlants();
    const picked = await listComparableVendors(w.db, w.risk, [
      w.vendors.acme.id,
      "not-an-id",
      w.vendors.foreign.id,
      w.vendors.archived.id,
      w.vendors.kestrel.id,
      w.vendors.acme.id,
    ]);
    expect(picked).toEqual({
      count: 2,
      chosen: [
        { id: w.vendors.acme.id, name: "ACME Kestrel reseller", tier: "MEDIUM", exposure: null },
        { id: w.vendors.kestrel.id, name: "Kestrel Remote Access", tier: "MEDIUM", exposure: null },
      ],
    });
    expect((await failure(listComparableVendors(w.db, w.supplier, []))).code).toBe("FORBIDDEN");
  });

  it("the new-assessment form gets the linked vendor with its contacts, never another organisation's", async () => {
    const w = await twoPlants();
    await buildContact(w.db, {
      organizationId: w.org.id,
      vendorId: w.vendors.kestrel.id,
      name: "Zoe",
      email: "zoe@kestrel.test",
    });
    await buildContact(w.db, {
      organizationId: w.org.id,
      vendorId: w.vendors.kestrel.id,
      name: "Ann",
      email: "ann@kestrel.test",
      isPrimary: true,
    });
    const options = await getAssessmentFormOptions(w.db, w.procurement, w.vendors.kestrel.id);
    expect(options.vendorCount).toBe(2);
    expect(options.vendor).toMatchObject({ id: w.vendors.kestrel.id, name: "Kestrel Remote Access" });
    expect(options.vendor!.contacts.map((c) => c.name)).toEqual(["Ann", "Zoe"]);
    for (const stale of [w.vendors.foreign.id, w.vendors.archived.id, "nonsense", undefined]) {
      expect((await getAssessmentFormOptions(w.db, w.procurement, stale)).vendor).toBeNull();
    }
    expect((await failure(listAssessmentContacts(w.db, w.outsider, w.vendors.kestrel.id))).code).toBe(
      "NOT_FOUND",
    );
    expect((await failure(listAssessmentContacts(w.db, w.risk, w.vendors.kestrel.id))).code).toBe(
      "FORBIDDEN",
    );
  });

  it("refuses suppliers every type", async () => {
    const w = await twoPlants();
    for (const type of ["asset", "target", "vendor", "scored-vendor"]) {
      expect((await failure(searchOptions(w.db, w.supplier, { type, q: "kiln" }))).code, type).toBe(
        "FORBIDDEN",
      );
    }
  });
});

describe("GET /api/search", () => {
  it("answers staff with JSON that no cache keeps", async () => {
    const w = await twoPlants();
    const { status, cacheControl, body } = await get(w.admin, "type=asset&q=kiln&limit=1");
    expect(status).toBe(200);
    expect(cacheControl).toBe("private, no-store");
    expect(body).toEqual({
      items: [
        {
          id: w.assets.kilnPlc.id,
          label: "Kiln PLC",
          detail: "Controller (PLC / RTU / DCS) · Kiln plant · Level 1",
        },
      ],
    });
    const repeated = await get(
      w.procurement,
      `type=vendor&q=kestrel&exclude=${w.vendors.kestrel.id}&exclude=${w.vendors.archived.id}`,
    );
    expect(repeated.body.items.map((i: { label: string }) => i.label)).toEqual(["ACME Kestrel reseller"]);
  });

  it("refuses suppliers (403) and signed-out callers (401) without data", async () => {
    const w = await twoPlants();
    for (const type of ["asset", "target", "vendor", "scored-vendor"]) {
      const { status, body, cacheControl } = await get(w.supplier, `type=${type}&q=kiln`);
      expect(status, type).toBe(403);
      expect(cacheControl).toBe("private, no-store");
      expect(body).toEqual({
        ok: false,
        code: "FORBIDDEN",
        message: "You do not have permission to do that.",
      });
    }
    expect((await get(null, "type=asset&q=kiln")).status).toBe(401);
  });

  it("answers bad parameters with 400 and a message saying what is wrong", async () => {
    const w = await twoPlants();
    const cases: [string, string, string][] = [
      ["q=kiln", "type", "Unknown search type: use one of asset, target, vendor, scored-vendor."],
      [
        "type=contact&q=kiln",
        "type",
        "Unknown search type: use one of asset, target, vendor, scored-vendor.",
      ],
      ["type=asset&q=kiln&limit=abc", "limit", "The limit must be a whole number."],
      ["type=asset&q=kiln&limit=0", "limit", "The limit must be at least 1."],
      ["type=asset&q=kiln&limit=500", "limit", "The limit must be at most 20."],
      [`type=asset&q=${"x".repeat(101)}`, "q", "The search text must be at most 100 characters."],
      ["type=asset&q=kiln&undeployedFor=not-an-id", "undeployedFor", "Unknown record."],
    ];
    for (const [query, field, message] of cases) {
      const { status, body } = await get(w.admin, query);
      expect(status, query).toBe(400);
      expect(body, query).toMatchObject({
        ok: false,
        code: "VALIDATION",
        message,
        fieldErrors: { [field]: [message] },
      });
    }
  });
});
