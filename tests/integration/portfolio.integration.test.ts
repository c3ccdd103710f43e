import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";

import { createAssessment } from "@/lib/domain/assessment/manage-assessments";
import { compareVendors, countDontKnow } from "@/lib/domain/portfolio/compare-vendors";
import { exportPortfolioCsv, PORTFOLIO_CSV_COLUMNS } from "@/lib/domain/portfolio/export-portfolio-csv";
import { listConcentration } from "@/lib/domain/portfolio/list-concentration";
import { listPortfolio } from "@/lib/domain/portfolio/list-portfolio";
import { binScores, summarizePortfolio } from "@/lib/domain/portfolio/summarize-portfolio";
import { submitResponse } from "@/lib/domain/response/supplier-responses";
import { acceptAssessment } from "@/lib/domain/review/review-assessment";
import { storeSnapshots } from "@/lib/domain/scoring/recompute-scores";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AssessmentStatus, VendorTier } from "@/lib/generated/prisma/enums";
import { buildBuiltInTemplates, buildContact, buildOrganization, buildVendor } from "@/prisma/seed/factories";
import { acmeAnswers, nordgateAnswers } from "@/tests/support/linkage/baseline-answers";

import { actorFor, withMailSink } from "./fixtures";
import { testDb } from "./setup";

withMailSink();

type Kinds = { adjacency: number; inheritance: number; trust: number };

async function snapshot(
  organizationId: string,
  vendorId: string,
  data: {
    exposure: number;
    amplification: number;
    byKind: Kinds;
    critical: number;
    assets?: number;
    at: Date;
  },
) {
  // Stored as recomputeScores stores them, so the vendor's current score follows.
  await testDb().$transaction((tx) =>
    storeSnapshots(tx, [
      {
        organizationId,
        vendorId,
        modelVersion: "test/1",
        exposure: data.exposure,
        directExposure: data.exposure * (1 - data.amplification),
        amplification: data.amplification,
        byKind: data.byKind,
        assetsReached: data.assets ?? data.critical + 1,
        criticalAssetsReached: data.critical,
        topPaths: [],
        computedAt: data.at,
      },
    ]),
  );
}

/** An org with scored and unscored vendors in several assessment states. */
async function portfolioOrg() {
  const db = testDb();
  const org = await buildOrganization(db);
  const [template] = await buildBuiltInTemplates(db, org.id);
  const risk = await actorFor(org.id, "RISK_OFFICER");
  const day = (n: number) => new Date(Date.UTC(2026, 0, n));
  const make = async (name: string, tier: VendorTier, status: AssessmentStatus | null, archived = false) => {
    const v = await buildVendor(db, { organizationId: org.id, name, tier, archived });
    if (status) {
      const contact = await buildContact(db, { organizationId: org.id, vendorId: v.id });
      await db.assessment.create({
        data: {
          organizationId: org.id,
          vendorId: v.id,
          templateId: template!.id,
          contactId: contact.id,
          status,
          dueDate: day(28),
          sentAt: day(2),
          submittedAt: status === "SUBMITTED" ? day(5) : null,
          acceptedAt: status === "ACCEPTED" ? day(9) : null,
        },
      });
    }
    return v;
  };
  const alpha = await make("Alpha Automation", "CRITICAL", "ACCEPTED");
  const bravo = await make("Bravo Brokers", "HIGH", "SUBMITTED");
  const charlie = await make("Charlie Cloud", "HIGH", "ACCEPTED");
  const delta = await make("Delta Drives", "LOW", null);
  const echo = await make("Echo Edge", "MEDIUM", "SENT");
  const foxtrot = await make("Foxtrot Firmware", "MEDIUM", null);
  const golf = await make("Golf Gateways", "LOW", "IN_PROGRESS");
  const archived = await make("Zulu Archived", "CRITICAL", "ACCEPTED", true);
  await snapshot(org.id, alpha.id, {
    exposure: 10,
    amplification: 0.2,
    byKind: { adjacency: 1, inheritance: 2, trust: 7 },
    critical: 2,
    at: day(10),
  });
  await snapshot(org.id, bravo.id, {
    exposure: 30,
    amplification: 0.9,
    byKind: { adjacency: 20, inheritance: 5, trust: 5 },
    critical: 0,
    at: day(10),
  });
  // Stored out of order (two runs finishing late): the newer one stays current.
  await snapshot(org.id, charlie.id, {
    exposure: 20,
    amplification: 0.5,
    byKind: { adjacency: 2, inheritance: 14, trust: 4 },
    critical: 1,
    at: day(10),
  });
  await snapshot(org.id, charlie.id, {
    exposure: 15,
    amplification: 0.4,
    byKind: { adjacency: 1, inheritance: 10, trust: 4 },
    critical: 1,
    at: day(3),
  });
  await snapshot(org.id, archived.id, {
    exposure: 99,
    amplification: 1,
    byKind: { adjacency: 0, inheritance: 0, trust: 99 },
    critical: 5,
    at: day(10),
  });
  return { db, org, risk, alpha, bravo, charlie, delta, echo, foxtrot, golf, archived };
}

const names = (page: { items: { name: string }[] }) => page.items.map((i) => i.name);

describe("portfolio ranking", () => {
  it("ranks active vendors by exposure or amplification, unscored last, with history and latest assessment", async () => {
    const { db, risk } = await portfolioOrg();
    const byExposure = await listPortfolio(db, risk, {});
    expect(byExposure.total).toBe(7);
    expect(names(byExposure)).toEqual([
      "Bravo Brokers",
      "Charlie Cloud",
      "Alpha Automation",
      "Delta Drives",
      "Echo Edge",
      "Foxtrot Firmware",
      "Golf Gateways",
    ]);
    const charlie = byExposure.items[1]!;
    expect(charlie.score).toMatchObject({
      exposure: 20,
      amplification: 0.5,
      dominantKind: "inheritance",
      criticalAssetsReached: 1,
    });
    expect(charlie.history.map((h) => h.exposure)).toEqual([15, 20]);
    expect(charlie.assessment).toMatchObject({ status: "ACCEPTED", at: new Date(Date.UTC(2026, 0, 9)) });
    expect(byExposure.items[3]).toMatchObject({
      name: "Delta Drives",
      score: null,
      assessment: null,
      history: [],
    });

    expect(names(await listPortfolio(db, risk, { sort: "amplification" })).slice(0, 3)).toEqual([
      "Bravo Brokers",
      "Charlie Cloud",
      "Alpha Automation",
    ]);
    expect(names(await listPortfolio(db, risk, { sort: "exposure", dir: "asc" })).slice(0, 3)).toEqual([
      "Alpha Automation",
      "Charlie Cloud",
      "Bravo Brokers",
    ]);
    expect(names(await listPortfolio(db, risk, { sort: "name" }))[0]).toBe("Alpha Automation");
    expect(names(await listPortfolio(db, risk, { sort: "tier" })).slice(0, 3)).toEqual([
      "Alpha Automation",
      "Bravo Brokers",
      "Charlie Cloud",
    ]);
    // Bad parameters fall back to defaults rather than failing.
    expect(
      (await listPortfolio(db, risk, { sort: "DROP TABLE", page: "x", pageSize: "9999" })).query,
    ).toMatchObject({ sort: "exposure", page: 1, pageSize: 25 });
  });

  it("filters by assessment status, tier, dominant kind, critical assets and name", async () => {
    const { db, risk } = await portfolioOrg();
    expect(names(await listPortfolio(db, risk, { status: "ACCEPTED" }))).toEqual([
      "Charlie Cloud",
      "Alpha Automation",
    ]);
    expect(names(await listPortfolio(db, risk, { status: "NONE" }))).toEqual([
      "Delta Drives",
      "Foxtrot Firmware",
    ]);
    expect(names(await listPortfolio(db, risk, { tier: "HIGH" }))).toEqual([
      "Bravo Brokers",
      "Charlie Cloud",
    ]);
    expect(names(await listPortfolio(db, risk, { kind: "trust" }))).toEqual(["Alpha Automation"]);
    expect(names(await listPortfolio(db, risk, { kind: "adjacency" }))).toEqual(["Bravo Brokers"]);
    expect(names(await listPortfolio(db, risk, { critical: "yes" }))).toEqual([
      "Charlie Cloud",
      "Alpha Automation",
    ]);
    expect(names(await listPortfolio(db, risk, { q: "GATE" }))).toEqual(["Golf Gateways"]);
    expect(names(await listPortfolio(db, risk, { q: "%" }))).toEqual([]);
    expect(names(await listPortfolio(db, risk, { tier: "HIGH", critical: "yes" }))).toEqual([
      "Charlie Cloud",
    ]);
  });

  it("pages without overlap and clamps a page past the end", async () => {
    const { db, risk } = await portfolioOrg();
    const first = await listPortfolio(db, risk, { pageSize: "5" });
    const second = await listPortfolio(db, risk, { pageSize: "5", page: "2" });
    expect(first.items).toHaveLength(5);
    expect(second.items).toHaveLength(2);
    expect(first.pageCount).toBe(2);
    expect(new Set([...names(first), ...names(second)]).size).toBe(7);
    const beyond = await listPortfolio(db, risk, { pageSize: "5", page: "40" });
    expect(beyond.query.page).toBe(2);
    expect(names(beyond)).toEqual(names(second));
  });

  it("summarises the distribution of current scores", async () => {
    const { db, risk } = await portfolioOrg();
    const exposure = await summarizePortfolio(db, risk, "exposure");
    expect(exposure).toMatchObject({
      vendorCount: 7,
      assessedCount: 5,
      scoredCount: 3,
      withCriticalCount: 2,
    });
    expect(exposure.bins.reduce((n, b) => n + b.count, 0)).toBe(3);
    const amplification = await summarizePortfolio(db, risk, "amplification");
    expect(amplification.bins).toHaveLength(10);
    expect(amplification.bins[9]!.count).toBe(1);
    // The bars are counted in SQL: the same bins as binScores over the current scores.
    const active = await db.vendor.findMany({
      where: { organizationId: risk.organizationId, archivedAt: null },
      select: { id: true },
    });
    const current = await db.currentScore.findMany({
      where: { vendorId: { in: active.map((v) => v.id) } },
      select: { exposure: true, amplification: true },
    });
    expect(exposure.bins).toEqual(
      binScores(
        current.map((c) => c.exposure),
        "exposure",
      ),
    );
    expect(amplification.bins).toEqual(
      binScores(
        current.map((c) => c.amplification),
        "amplification",
      ),
    );
    // An organisation with nothing scored has no bars.
    const empty = await actorFor((await buildOrganization(db)).id, "RISK_OFFICER");
    expect(await summarizePortfolio(db, empty, "exposure")).toMatchObject({
      vendorCount: 0,
      scoredCount: 0,
      withCriticalCount: 0,
      bins: [],
    });
  });

  it("never shows another organisation's vendors, and suppliers see no scores", async () => {
    const { db, org, alpha } = await portfolioOrg();
    const other = await buildOrganization(db);
    const otherRisk = await actorFor(other.id, "RISK_OFFICER");
    const lone = await buildVendor(db, { organizationId: other.id, name: "Other Org Vendor" });
    await snapshot(other.id, lone.id, {
      exposure: 5,
      amplification: 0,
      byKind: { adjacency: 5, inheritance: 0, trust: 0 },
      critical: 0,
      at: new Date(),
    });
    expect(names(await listPortfolio(db, otherRisk, {}))).toEqual(["Other Org Vendor"]);
    expect(await summarizePortfolio(db, otherRisk, "exposure")).toMatchObject({
      vendorCount: 1,
      scoredCount: 1,
    });
    await expect(compareVendors(db, otherRisk, [lone.id, alpha.id])).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await exportPortfolioCsv(db, otherRisk, {})).not.toContain("Alpha");

    const supplier = await actorFor(org.id, "SUPPLIER", alpha.id);
    await expect(listPortfolio(db, supplier, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(summarizePortfolio(db, supplier, "exposure")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listConcentration(db, supplier)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(compareVendors(db, supplier, [alpha.id, lone.id])).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(exportPortfolioCsv(db, supplier, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("portfolio CSV", () => {
  it("exports every matching vendor with quoted names, neutralised formulas and empty cells when unscored", async () => {
    const { db, org, risk, bravo } = await portfolioOrg();
    await db.vendor.update({ where: { id: bravo.id }, data: { name: 'Bravo "Brokers", Ltd.\nEU' } });
    await buildVendor(db, { organizationId: org.id, name: '=HYPERLINK("x")', tier: "LOW" });
    const text = await exportPortfolioCsv(db, risk, {});
    const rows = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...PORTFOLIO_CSV_COLUMNS]);
    expect(rows).toHaveLength(8);
    expect(rows[0]).toMatchObject({
      vendor: 'Bravo "Brokers", Ltd.\nEU',
      tier: "high",
      exposure: "30",
      amplification: "0.9",
      adjacency: "20",
      inheritance: "5",
      trust: "5",
      "critical assets reached": "0",
      "model version": "test/1",
      // A model 1 score awaiting its recompute: no footprint split, no range.
      "footprint exposure": "",
      "beyond-footprint exposure": "",
      "evidence gap": "",
    });
    expect(rows[0]!.explanation).toMatch(/scoring model 1/);
    expect(rows[0]!["computed at"]).toBe("2026-01-10T00:00:00.000Z");
    expect(rows.find((r) => r.vendor === "Delta Drives")).toMatchObject({
      exposure: "",
      amplification: "",
      "computed at": "",
    });
    expect(rows.some((r) => r.vendor === '\'=HYPERLINK("x")')).toBe(true);
    expect(text).not.toContain("Zulu Archived");
    // The same filters as the page.
    const accepted = parse(await exportPortfolioCsv(db, risk, { status: "ACCEPTED", sort: "name" }), {
      columns: true,
    }) as Record<string, string>[];
    expect(accepted.map((r) => r.vendor)).toEqual(["Alpha Automation", "Charlie Cloud"]);
  });
});

describe("portfolio CSV under scoring model 2", () => {
  it("carries footprint, beyond-footprint, multiplier, range and evidence gap, explained without keys or ids", async () => {
    const { db, risk, acme, nordgate } = await twoAcceptedVendors();
    const rows = parse(await exportPortfolioCsv(db, risk, { sort: "name" }), {
      columns: true,
      skip_empty_lines: true,
    }) as Record<string, string>[];
    const stored = await db.currentScore.findMany({
      where: { vendorId: { in: [acme.id, nordgate.id] } },
      select: { vendorId: true, exposure: true, footprintExposure: true, beyondFootprintExposure: true },
    });
    for (const vendor of [acme, nordgate]) {
      const row = rows.find((r) => r.vendor === vendor.name)!;
      const score = stored.find((s) => s.vendorId === vendor.id)!;
      expect(row["model version"]).toMatch(/^trustmap-propagation\/2\./);
      const [exposure, footprint, beyond] = [
        row.exposure,
        row["footprint exposure"],
        row["beyond-footprint exposure"],
      ].map(Number);
      expect(footprint).toBeCloseTo(score.footprintExposure, 3);
      expect(beyond).toBeCloseTo(score.beyondFootprintExposure, 3);
      expect(footprint! + beyond!).toBeCloseTo(exposure!, 2);
      expect(Number(row.amplification)).toBeCloseTo(beyond! / exposure!, 3);
      expect(Number(row["exposure low"])).toBeLessThanOrEqual(Number(row["exposure high"]));
      expect(Number(row["evidence gap"])).toBeCloseTo(
        Number(row["exposure high"]) - Number(row["exposure low"]),
        3,
      );
      // Plain words: the vendor's name and numbers, never a node key, a database id or a question key.
      expect(row.explanation).toContain(vendor.name);
      expect(row.explanation).toMatch(/exposure/);
      expect(row.explanation).not.toMatch(/vendor:|asset:|component:|sub_supplier:/);
      expect(row.explanation).not.toContain(vendor.id);
      expect(row.explanation).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
    }
    const quiet = rows.find((r) => r.vendor === "Quiet Vendor")!;
    expect(quiet.explanation).toBe("");
    expect(quiet["footprint exposure"]).toBe("");
  });
});

/** Two vendors accepted through the real flow, sharing components (FreeRTOS-Plus-TCP, MCUboot, Mbed TLS). */
async function twoAcceptedVendors() {
  const db = testDb();
  const org = await buildOrganization(db);
  const [template] = await buildBuiltInTemplates(db, org.id);
  const assets = await Promise.all(
    [
      { name: "Kiln PLC 1", type: "CONTROLLER", criticality: 5, zone: "Level 1" },
      { name: "Kiln PLC 2", type: "CONTROLLER", criticality: 5, zone: "Level 1" },
      {
        name: "GW-01",
        type: "GATEWAY",
        criticality: 4,
        zone: "Level 2",
        aliases: ["Kiln Modbus/OPC UA gateway"],
      },
      { name: "GW-02", type: "GATEWAY", criticality: 3, zone: "DMZ" },
      { name: "Plant historian", type: "HISTORIAN", criticality: 2, zone: "Level 3" },
    ].map((a) =>
      db.asset.create({
        data: {
          organizationId: org.id,
          normalizedName: a.name.toLowerCase(),
          aliases: [],
          ...a,
        } as Prisma.AssetUncheckedCreateInput,
      }),
    ),
  );
  for (const plc of assets.slice(0, 2)) {
    await db.linkage.create({
      data: {
        organizationId: org.id,
        fromKey: `asset:${assets[2]!.id}`,
        toKey: `asset:${plc.id}`,
        kind: "ADJACENCY",
        weight: 0.6,
        reason: "PLC behind GW-01",
        source: "INVENTORY",
      },
    });
  }
  const procurement = await actorFor(org.id, "PROCUREMENT");
  const risk = await actorFor(org.id, "RISK_OFFICER");
  const accept = async (name: string, answers: Record<string, unknown>, deployedOn: typeof assets) => {
    const vendor = await buildVendor(db, { organizationId: org.id, name });
    const contact = await buildContact(db, { organizationId: org.id, vendorId: vendor.id });
    for (const a of deployedOn)
      await db.deployment.create({ data: { organizationId: org.id, vendorId: vendor.id, assetId: a.id } });
    const supplier = await actorFor(org.id, "SUPPLIER", vendor.id);
    const a = await createAssessment(db, procurement, {
      vendorId: vendor.id,
      contactId: contact.id,
      templateId: template!.id,
      dueDate: new Date(Date.now() + 864e6).toISOString().slice(0, 10),
    });
    await db.assessment.update({ where: { id: a.id }, data: { status: "IN_PROGRESS" } });
    await db.responseRevision.update({
      where: { assessmentId_revision: { assessmentId: a.id, revision: 1 } },
      data: { answers: answers as Prisma.InputJsonValue, version: 1 },
    });
    await submitResponse(db, supplier, a.id, 1);
    await acceptAssessment(db, risk, a.id);
    return vendor;
  };
  const acme = await accept("ACME Controls", acmeAnswers, assets.slice(0, 2));
  const nordgate = await accept("Nordgate Industrial", nordgateAnswers, assets.slice(2, 4));
  const unscored = await buildVendor(db, { organizationId: org.id, name: "Quiet Vendor" });
  return { db, org, risk, acme, nordgate, unscored };
}

describe("comparing vendors", () => {
  it("puts scores, reach, shared path hops and unknown answers side by side, and spells out the differences", async () => {
    const { db, risk, acme, nordgate } = await twoAcceptedVendors();
    const { vendors, differences } = await compareVendors(db, risk, [nordgate.id, acme.id]);
    expect(vendors.map((v) => v.name)).toEqual(["Nordgate Industrial", "ACME Controls"]);
    const [n, a] = vendors;
    expect(a!.score!.exposure).toBeGreaterThan(0);
    expect(n!.score!.exposure).toBeGreaterThan(0);
    expect(a!.unknownAnswers).toBe(countDontKnow(acmeAnswers));
    expect(n!.unknownAnswers).toBe(countDontKnow(nordgateAnswers));
    expect(a!.unknownAnswers).toBe(2);
    for (const v of vendors) {
      expect(v.reachedAssets.shared + v.reachedAssets.unique).toBe(v.score!.assetsReached);
      expect(v.pathHops.shared).toBeGreaterThanOrEqual(0);
    }
    // ACME's PLCs sit behind GW-01, which Nordgate deploys on: both reach the PLCs.
    expect(a!.reachedAssets.shared).toBeGreaterThan(0);
    const pair = differences.find((s) => s.startsWith("ACME Controls inherits the same component"));
    expect(pair, differences.join("\n")).toBeDefined();
    expect(pair).toMatch(/freertos.plus.tcp/i);
    expect(pair).toMatch(/as Nordgate Industrial/);
    expect(differences.some((s) => s.includes("has the highest exposure"))).toBe(true);
    expect(differences.some((s) => s.includes("answered “don't know” 2 times"))).toBe(true);

    // Viewed again on the same graph: the same comparison, without re-reading answers or linkages.
    const reads: string[] = [];
    const counting = db.$extends({
      query: {
        $allModels: {
          async $allOperations({ model, operation, args, query }) {
            reads.push(`${model}.${operation}`);
            return query(args);
          },
        },
      },
    }) as unknown as typeof db;
    expect(await compareVendors(counting, risk, [nordgate.id, acme.id])).toEqual({ vendors, differences });
    expect(reads).not.toContain("Linkage.findMany");
    expect(reads.filter((r) => r === "ResponseRevision.findMany")).toHaveLength(1); // which revision, not its answers
    // A renamed vendor is not served from the remembered comparison.
    await db.vendor.update({ where: { id: acme.id }, data: { name: "ACME Automation" } });
    const renamed = await compareVendors(db, risk, [nordgate.id, acme.id]);
    expect(renamed.vendors[1]!.name).toBe("ACME Automation");
    expect(renamed.differences.some((s) => s.startsWith("ACME Automation inherits the same component"))).toBe(
      true,
    );
  });

  it("compares an unscored vendor without inventing a score, and insists on 2 to 4 vendors", async () => {
    const { db, risk, acme, unscored, nordgate } = await twoAcceptedVendors();
    const { vendors, differences } = await compareVendors(db, risk, [acme.id, unscored.id]);
    expect(vendors[1]).toMatchObject({ name: "Quiet Vendor", score: null, unknownAnswers: null });
    expect(differences[0]).toBe(
      "Quiet Vendor is not scored yet (no accepted assessment), so only its answers can be compared.",
    );
    await expect(compareVendors(db, risk, [acme.id])).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(compareVendors(db, risk, [acme.id, acme.id])).rejects.toMatchObject({ code: "VALIDATION" });
    const extra = await Promise.all(
      [1, 2, 3].map(() => buildVendor(db, { organizationId: acme.organizationId })),
    );
    await expect(
      compareVendors(db, risk, [acme.id, nordgate.id, ...extra.map((v) => v.id)]),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(compareVendors(db, risk, [acme.id, "not-an-id"])).rejects.toMatchObject({
      code: "VALIDATION",
    });
  });

  it("lists the structural amplifiers many vendors route through", async () => {
    const { db, risk } = await twoAcceptedVendors();
    const amplifiers = await listConcentration(db, risk, 5);
    expect(amplifiers.length).toBeGreaterThan(0);
    expect(amplifiers[0]!.throughput).toBeGreaterThanOrEqual(amplifiers[amplifiers.length - 1]!.throughput);
    // GW-01 carries ACME's exposure to the PLCs and sits on Nordgate's paths.
    expect(amplifiers.some((a) => a.name === "GW-01")).toBe(true);
  });
});
