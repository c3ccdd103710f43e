import { describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/roles";
import { getVendor } from "@/lib/domain/vendor/get-vendor";
import { listVendors } from "@/lib/domain/vendor/list-vendors";
import { createContact, deleteContact, updateContact } from "@/lib/domain/vendor/manage-contacts";
import { createVendor, setVendorArchived, updateVendor } from "@/lib/domain/vendor/save-vendor";
import { summarizeVendors } from "@/lib/domain/vendor/summarize-vendors";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { buildContact, buildOrganization, buildUser, buildVendor } from "@/prisma/seed/factories";

import { testDb } from "./setup";

async function actorFor(organizationId: string, role: Role, vendorId: string | null = null): Promise<Actor> {
  const u = await buildUser(testDb(), { organizationId, role, vendorId });
  return { userId: u.id, organizationId, role, vendorId };
}

async function world() {
  const db = testDb();
  const orgA = await buildOrganization(db, { name: "Org A" });
  const orgB = await buildOrganization(db, { name: "Org B" });
  const vendorA = await buildVendor(db, {
    organizationId: orgA.id,
    name: "Helix Controls",
    tier: "CRITICAL",
  });
  const vendorB = await buildVendor(db, { organizationId: orgB.id, name: "Vantage Valves" });
  const contactB = await buildContact(db, { organizationId: orgB.id, vendorId: vendorB.id });
  return {
    db,
    orgA,
    orgB,
    vendorA,
    vendorB,
    contactB,
    procurementA: await actorFor(orgA.id, "PROCUREMENT"),
    adminA: await actorFor(orgA.id, "ADMIN"),
    riskA: await actorFor(orgA.id, "RISK_OFFICER"),
    supplierA: await actorFor(orgA.id, "SUPPLIER", vendorA.id),
    procurementB: await actorFor(orgB.id, "PROCUREMENT"),
  };
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e as AppError,
  );
const valid = {
  name: "Meridian Gateways",
  tier: "HIGH",
  country: "Netherlands",
  website: "https://meridian.example",
  description: "Gateways",
};

describe("vendors: create and validate", () => {
  it("creates a vendor in the caller's organisation with an audit event", async () => {
    const { db, procurementA, orgA } = await world();
    const v = await createVendor(db, procurementA, valid);
    const row = await db.vendor.findUniqueOrThrow({ where: { id: v.id } });
    expect(row).toMatchObject({
      organizationId: orgA.id,
      name: "Meridian Gateways",
      normalizedName: "meridian gateways",
      tier: "HIGH",
    });
    const audit = await db.auditEvent.findMany({ where: { entityId: v.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "vendor.create",
      actorId: procurementA.userId,
      organizationId: orgA.id,
    });
  });

  it("ignores an organizationId smuggled into the input", async () => {
    const { db, procurementA, orgA, orgB } = await world();
    const v = await createVendor(db, procurementA, { ...valid, organizationId: orgB.id });
    expect((await db.vendor.findUniqueOrThrow({ where: { id: v.id } })).organizationId).toBe(orgA.id);
  });

  it.each([
    [{ ...valid, name: "" }, "name", "Name must be at least 2 characters."],
    [{ ...valid, name: "x".repeat(121) }, "name", "Name must be at most 120 characters."],
    [{ ...valid, tier: "EXTREME" }, "tier", "Choose a tier: critical, high, medium or low."],
    [
      { ...valid, website: "javascript:alert(1)" },
      "website",
      "Website must be a full address starting with http:// or https://.",
    ],
    [
      { ...valid, description: "d".repeat(2001) },
      "description",
      "Description must be at most 2000 characters.",
    ],
    [{ ...valid, name: 12345 }, "name", undefined],
  ])("rejects bad input %#, names the field and writes nothing", async (input, field, message) => {
    const { db, procurementA } = await world();
    const before = await db.vendor.count();
    const error = await failure(createVendor(db, procurementA, input));
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fieldErrors ?? {})).toContain(field);
    if (message) expect(error.fieldErrors?.[field]).toContain(message);
    expect(await db.vendor.count()).toBe(before);
    expect(await db.auditEvent.count({ where: { action: "vendor.create" } })).toBe(0);
  });

  it("refuses a duplicate name in the same organisation (case and spacing ignored) but allows it in another", async () => {
    const { db, procurementA, procurementB } = await world();
    const error = await failure(createVendor(db, procurementA, { ...valid, name: "  helix   CONTROLS " }));
    expect(error.code).toBe("CONFLICT");
    expect(error.fieldErrors?.name?.[0]).toMatch(/already exists/);
    await expect(createVendor(db, procurementB, { ...valid, name: "Helix Controls" })).resolves.toBeTruthy();
  });
});

describe("vendors: roles", () => {
  it("risk officers can read but not change vendors", async () => {
    const { db, riskA, vendorA } = await world();
    expect((await listVendors(db, riskA, {})).total).toBe(1);
    expect((await getVendor(db, riskA, vendorA.id)).name).toBe("Helix Controls");
    expect((await failure(createVendor(db, riskA, valid))).code).toBe("FORBIDDEN");
    expect((await failure(updateVendor(db, riskA, vendorA.id, valid))).code).toBe("FORBIDDEN");
    expect((await failure(setVendorArchived(db, riskA, vendorA.id, true))).code).toBe("FORBIDDEN");
  });

  it("suppliers cannot list, read or change vendors, not even their own", async () => {
    const { db, supplierA, vendorA } = await world();
    expect((await failure(listVendors(db, supplierA, {}))).code).toBe("FORBIDDEN");
    expect((await failure(getVendor(db, supplierA, vendorA.id))).code).toBe("FORBIDDEN");
    expect((await failure(summarizeVendors(db, supplierA))).code).toBe("FORBIDDEN");
    expect((await failure(createVendor(db, supplierA, valid))).code).toBe("FORBIDDEN");
    expect(
      (await failure(createContact(db, supplierA, vendorA.id, { name: "Eve", email: "eve@x.test" }))).code,
    ).toBe("FORBIDDEN");
  });

  it("admins can manage vendors", async () => {
    const { db, adminA } = await world();
    await expect(createVendor(db, adminA, valid)).resolves.toBeTruthy();
  });
});

describe("vendors: organisation isolation", () => {
  it("another organisation's vendor is invisible: not listed, not found by id, not changeable", async () => {
    const { db, procurementA, vendorB, contactB } = await world();
    const listed = await listVendors(db, procurementA, { archived: "all", q: "Vantage" });
    expect(listed.items).toEqual([]);
    // Thunks, so each attempt starts only when awaited (and its rejection is always handled).
    for (const attempt of [
      () => getVendor(db, procurementA, vendorB.id),
      () => updateVendor(db, procurementA, vendorB.id, valid),
      () => setVendorArchived(db, procurementA, vendorB.id, true),
      () => createContact(db, procurementA, vendorB.id, { name: "Mallory", email: "m@x.test" }),
      () => updateContact(db, procurementA, contactB.id, { name: "Mallory", email: "m@x.test" }),
      () => deleteContact(db, procurementA, contactB.id),
    ]) {
      expect((await failure(attempt())).code).toBe("NOT_FOUND");
    }
    const row = await db.vendor.findUniqueOrThrow({ where: { id: vendorB.id } });
    expect(row).toMatchObject({ name: "Vantage Valves", archivedAt: null });
    expect(await db.vendorContact.count({ where: { vendorId: vendorB.id } })).toBe(1);
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("treats malformed and unknown ids as not found", async () => {
    const { db, procurementA } = await world();
    for (const id of [
      "",
      "../../etc/passwd",
      '\'; DROP TABLE "Vendor"; --',
      "c".repeat(500),
      42,
      null,
      "ckz0000000000000000000000",
    ]) {
      expect((await failure(getVendor(db, procurementA, id))).code).toBe("NOT_FOUND");
    }
  });
});

describe("vendors: edit, archive, list", () => {
  it("updates fields, clears optional ones, and audits only what changed", async () => {
    const { db, procurementA, vendorA } = await world();
    await updateVendor(db, procurementA, vendorA.id, {
      name: "Helix Controls GmbH",
      tier: "HIGH",
      country: "",
      website: "",
      description: "",
    });
    const row = await db.vendor.findUniqueOrThrow({ where: { id: vendorA.id } });
    expect(row).toMatchObject({ name: "Helix Controls GmbH", tier: "HIGH", country: null, website: null });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "vendor.update", entityId: vendorA.id },
    });
    const changes = (audit.details as { changes: Record<string, { from: unknown; to: unknown }> }).changes;
    expect(changes.name).toEqual({ from: "Helix Controls", to: "Helix Controls GmbH" });
    expect(changes.tier).toEqual({ from: "CRITICAL", to: "HIGH" });
    expect(changes).not.toHaveProperty("country");
  });

  it("archives and restores, hiding archived vendors from the default list", async () => {
    const { db, procurementA, vendorA } = await world();
    expect((await setVendorArchived(db, procurementA, vendorA.id, true)).changed).toBe(true);
    expect((await setVendorArchived(db, procurementA, vendorA.id, true)).changed).toBe(false);
    expect((await listVendors(db, procurementA, {})).total).toBe(0);
    expect((await listVendors(db, procurementA, { archived: "archived" })).total).toBe(1);
    await setVendorArchived(db, procurementA, vendorA.id, false);
    expect((await listVendors(db, procurementA, {})).total).toBe(1);
    expect(
      (await db.auditEvent.findMany({ where: { entityId: vendorA.id }, orderBy: { createdAt: "asc" } })).map(
        (e) => e.action,
      ),
    ).toEqual(["vendor.archive", "vendor.restore"]);
  });

  it("searches, sorts and paginates without overlap", async () => {
    const { db, procurementA, orgA } = await world();
    for (let i = 0; i < 23; i++)
      await buildVendor(db, {
        organizationId: orgA.id,
        name: `Gateway Maker ${String(i).padStart(2, "0")}`,
        tier: i % 2 ? "LOW" : "HIGH",
      });
    const page1 = await listVendors(db, procurementA, { q: "gateway", pageSize: "10" });
    const page3 = await listVendors(db, procurementA, { q: "gateway", pageSize: "10", page: "3" });
    expect(page1.total).toBe(23);
    expect(page1.pageCount).toBe(3);
    expect(page1.items.map((v) => v.name)[0]).toBe("Gateway Maker 00");
    expect(page3.items).toHaveLength(3);
    const all = [];
    for (const page of [1, 2, 3])
      all.push(
        ...(
          await listVendors(db, procurementA, {
            q: "gateway",
            pageSize: "10",
            page: String(page),
            sort: "tier",
            dir: "desc",
          })
        ).items.map((v) => v.id),
      );
    expect(new Set(all).size).toBe(23);
    // Nonsense query parameters fall back to defaults instead of failing.
    const weird = await listVendors(db, procurementA, {
      sort: "password",
      dir: "sideways",
      page: "-4",
      pageSize: "1e9",
    });
    expect(weird.query).toMatchObject({ sort: "name", dir: "asc", page: 1, pageSize: 20 });
  });
});

describe("vendor contacts", () => {
  it("adds, edits and removes contacts with one primary at a time, audited", async () => {
    const { db, procurementA, vendorA } = await world();
    const a = await createContact(db, procurementA, vendorA.id, {
      name: "Anja Brandt",
      email: "ANJA@helix.test",
      isPrimary: true,
    });
    const b = await createContact(db, procurementA, vendorA.id, {
      name: "Ben Ott",
      email: "ben@helix.test",
      isPrimary: true,
    });
    const contacts = await db.vendorContact.findMany({
      where: { vendorId: vendorA.id },
      orderBy: { name: "asc" },
    });
    expect(contacts.map((c) => [c.email, c.isPrimary])).toEqual([
      ["anja@helix.test", false],
      ["ben@helix.test", true],
    ]);
    await updateContact(db, procurementA, a.id, {
      name: "Anja Brandt",
      email: "anja@helix.test",
      jobTitle: "PSIRT",
      isPrimary: true,
    });
    expect((await db.vendorContact.findUniqueOrThrow({ where: { id: b.id } })).isPrimary).toBe(false);
    await deleteContact(db, procurementA, b.id);
    expect(await db.vendorContact.count({ where: { vendorId: vendorA.id } })).toBe(1);
    expect(
      (await db.auditEvent.findMany({ where: { entityType: "VendorContact" } })).map((e) => e.action).sort(),
    ).toEqual([
      "vendor_contact.create",
      "vendor_contact.create",
      "vendor_contact.delete",
      "vendor_contact.update",
    ]);
  });

  it("rejects a duplicate e-mail for the same vendor and invalid fields, writing nothing", async () => {
    const { db, procurementA, vendorA } = await world();
    await createContact(db, procurementA, vendorA.id, { name: "Anja", email: "anja@helix.test" });
    const dup = await failure(
      createContact(db, procurementA, vendorA.id, { name: "Anja 2", email: "Anja@Helix.test" }),
    );
    expect(dup.code).toBe("CONFLICT");
    expect(dup.fieldErrors?.email).toBeDefined();
    const bad = await failure(
      createContact(db, procurementA, vendorA.id, { name: "A", email: "nope", phone: "call me" }),
    );
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["email", "name", "phone"]);
    expect(await db.vendorContact.count({ where: { vendorId: vendorA.id } })).toBe(1);
  });
});
