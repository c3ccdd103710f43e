import { describe, expect, it } from "vitest";

import { listPortfolio } from "@/lib/domain/portfolio/list-portfolio";
import { storeSnapshots } from "@/lib/domain/scoring/recompute-scores";
import { saveExposureBands } from "@/lib/domain/settings/exposure-bands";
import type { VendorTier } from "@/lib/generated/prisma/enums";
import { buildOrganization, buildVendor } from "@/prisma/seed/factories";

import { actorFor } from "./fixtures";
import { testDb } from "./setup";

type Score = {
  exposure: number;
  amplification: number;
  beyond: number;
  gap: number;
  byKind: { adjacency: number; inheritance: number; trust: number };
};

async function scored(organizationId: string, name: string, tier: VendorTier, s: Score | null) {
  const v = await buildVendor(testDb(), { organizationId, name, tier });
  if (s)
    await testDb().$transaction((tx) =>
      storeSnapshots(tx, [
        {
          organizationId,
          vendorId: v.id,
          modelVersion: "2.0.0",
          exposure: s.exposure,
          directExposure: 0,
          amplification: s.amplification,
          beyondFootprintExposure: s.beyond,
          footprintExposure: s.exposure - s.beyond,
          exposureLow: s.exposure - s.gap,
          exposureHigh: s.exposure,
          evidenceGap: s.gap,
          byKind: s.byKind,
          assetsReached: 3,
          criticalAssetsReached: 1,
          topPaths: [],
          computedAt: new Date(),
        },
      ]),
    );
  return v;
}

async function org() {
  const o = await buildOrganization(testDb());
  const risk = await actorFor(o.id, "RISK_OFFICER");
  // Trust-heavy, inheritance-heavy and adjacency-heavy vendors, one unscored critical one.
  await scored(o.id, "Trusty", "HIGH", {
    exposure: 100,
    amplification: 0.9,
    beyond: 90,
    gap: 1,
    byKind: { adjacency: 10, inheritance: 10, trust: 80 },
  });
  await scored(o.id, "Inherit", "MEDIUM", {
    exposure: 40,
    amplification: 0.5,
    beyond: 20,
    gap: 15,
    byKind: { adjacency: 5, inheritance: 30, trust: 5 },
  });
  await scored(o.id, "Adjacent", "LOW", {
    exposure: 10,
    amplification: 0.1,
    beyond: 1,
    gap: 5,
    byKind: { adjacency: 9, inheritance: 0.5, trust: 0.5 },
  });
  await scored(o.id, "Unknown Crit", "CRITICAL", null);
  const other = await buildOrganization(testDb());
  await scored(other.id, "Other Tenant", "HIGH", {
    exposure: 500,
    amplification: 1,
    beyond: 500,
    gap: 100,
    byKind: { adjacency: 0, inheritance: 0, trust: 500 },
  });
  return { o, risk };
}

const names = async (actor: Awaited<ReturnType<typeof org>>["risk"], query: Record<string, string>) =>
  (await listPortfolio(testDb(), actor, query)).items.map((i) => i.name);

describe("portfolio readability: sorting and filtering by model 2's numbers", () => {
  it("sorts by beyond-footprint exposure, each kind's share and the evidence gap; unscored last", async () => {
    const { risk } = await org();
    expect(await names(risk, { sort: "beyond" })).toEqual(["Trusty", "Inherit", "Adjacent", "Unknown Crit"]);
    expect(await names(risk, { sort: "trust" })).toEqual(["Trusty", "Inherit", "Adjacent", "Unknown Crit"]);
    expect(await names(risk, { sort: "inheritance" })).toEqual([
      "Inherit",
      "Trusty",
      "Adjacent",
      "Unknown Crit",
    ]);
    expect(await names(risk, { sort: "adjacency" })).toEqual([
      "Adjacent",
      "Inherit",
      "Trusty",
      "Unknown Crit",
    ]);
    expect(await names(risk, { sort: "gap" })).toEqual(["Inherit", "Adjacent", "Trusty", "Unknown Crit"]);
    expect(await names(risk, { sort: "gap", dir: "asc" })).toEqual([
      "Trusty",
      "Adjacent",
      "Inherit",
      "Unknown Crit",
    ]);
  });

  it("filters by band (the organisation's thresholds), known or unknown score and lower bounds", async () => {
    const { o, risk } = await org();
    expect(await names(risk, { band: "severe" })).toEqual(["Trusty"]);
    expect(await names(risk, { band: "elevated" })).toEqual(["Inherit"]);
    expect(await names(risk, { band: "guarded" })).toEqual(["Adjacent"]);
    expect(await names(risk, { scored: "no" })).toEqual(["Unknown Crit"]);
    expect(await names(risk, { scored: "yes" })).toEqual(["Trusty", "Inherit", "Adjacent"]);
    expect(await names(risk, { minAmplification: "50" })).toEqual(["Trusty", "Inherit"]);
    expect(await names(risk, { minBeyond: "20" })).toEqual(["Trusty", "Inherit"]);
    expect(await names(risk, { minGap: "5" })).toEqual(["Inherit", "Adjacent"]);
    // Moving the thresholds moves the filter.
    await saveExposureBands(testDb(), await actorFor(o.id, "ADMIN"), {
      guarded: 5,
      elevated: 20,
      high: 30,
      severe: 200,
    });
    expect(await names(risk, { band: "high" })).toEqual(["Trusty", "Inherit"]);
    expect(await names(risk, { band: "severe" })).toEqual([]);
    // Junk falls back to no filter, never to an error.
    expect(await names(risk, { band: "purple", minGap: "lots" })).toHaveLength(4);
  });
});
