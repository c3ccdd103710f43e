/**
 * `CurrentScore.dominantKind` is computed in SQL — by storeSnapshots for every new score, and once
 * by the backfill in migration 20261127042757_current_score — while the portfolio's comparison
 * computes it in TypeScript. dominantKind() (lib/scoring/dominant-kind.ts) is the definition;
 * this checks both SQL copies agree with it on PostgreSQL, ties and missing kinds included.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { storeSnapshots } from "@/lib/domain/scoring/recompute-scores";
import { dominantKind } from "@/lib/scoring/dominant-kind";
import type { KindBreakdown } from "@/lib/scoring/types";
import { buildOrganization, buildVendor } from "@/prisma/seed/factories";

import { testDb } from "./setup";

// Every combination of three levels per kind (zero, and two values that tie with one another
// across kinds), plus breakdowns with kinds missing or negative.
const levels = [0, 0.25, 0.5];
const cases: Partial<KindBreakdown>[] = [
  ...levels.flatMap((adjacency) =>
    levels.flatMap((inheritance) => levels.map((trust) => ({ adjacency, inheritance, trust }))),
  ),
  {},
  { trust: 0.1 },
  { inheritance: 0.3 },
  { adjacency: 0.2, inheritance: 0.2 },
  { adjacency: -0.5, inheritance: 0 },
  { adjacency: 1e-12, inheritance: 0, trust: 0 },
];

describe("dominantKind: one definition, the SQL copies agree with it", () => {
  it("storeSnapshots writes the dominant kind dominantKind() gives", async () => {
    const db = testDb();
    const org = await buildOrganization(db);
    const vendors = await Promise.all(
      cases.map((_, i) => buildVendor(db, { organizationId: org.id, name: `Vendor ${i}` })),
    );
    await db.$transaction((tx) =>
      storeSnapshots(
        tx,
        cases.map((byKind, i) => ({
          organizationId: org.id,
          vendorId: vendors[i]!.id,
          modelVersion: "test/1",
          exposure: 1,
          directExposure: 1,
          amplification: 0,
          byKind,
          assetsReached: 1,
          criticalAssetsReached: 0,
          topPaths: [],
          computedAt: new Date(),
        })),
      ),
    );
    const stored = await db.currentScore.findMany({
      where: { organizationId: org.id },
      select: { vendorId: true, dominantKind: true },
    });
    const byVendor = new Map(stored.map((s) => [s.vendorId, s.dominantKind]));
    const rows = cases.map((byKind, i) => ({
      byKind,
      sql: byVendor.get(vendors[i]!.id),
      ts: dominantKind(byKind),
    }));
    expect(rows.filter((r) => r.sql !== r.ts)).toEqual([]);
    // The cases do exercise every answer, ties included.
    expect(new Set(rows.map((r) => r.ts))).toEqual(new Set(["trust", "adjacency", "inheritance", null]));
  });

  it("the CurrentScore backfill migration computed it the same way", async () => {
    const migration = readFileSync(
      path.resolve("prisma/migrations/20261127042757_current_score/migration.sql"),
      "utf8",
    );
    // Its expression and the lateral join it reads, run as they are on a table of the cases.
    const expression = /CASE WHEN GREATEST[\s\S]*?END/.exec(migration)?.[0];
    const lateral = /CROSS JOIN LATERAL \([\s\S]*?\) k/.exec(migration)?.[0];
    expect(expression).toBeDefined();
    expect(lateral).toBeDefined();
    const result = await testDb().$queryRawUnsafe<{ i: number; kind: string | null }[]>(
      `SELECT sn.i, ${expression} AS kind
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS sn("byKind", i)
       ${lateral}
       ORDER BY sn.i`,
      JSON.stringify(cases),
    );
    expect(result.map((r) => r.kind)).toEqual(cases.map(dominantKind));
  });
});
