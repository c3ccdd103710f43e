import { describe, expect, it } from "vitest";

import { listVendorAssessments } from "@/lib/domain/assessment/read-assessments";
import { getVendorScore, resolveNodeNames } from "@/lib/domain/scoring/read-scores";
import { loadTemplate } from "@/lib/domain/template/load-template";
import { questionLabelsFor } from "@/lib/domain/template/question-labels";
import { buildOrganization, buildVendor } from "@/prisma/seed/factories";

import { acmeOnASmallPlant, actorFor, withMailSink } from "./fixtures";

withMailSink();

type Db = Awaited<ReturnType<typeof acmeOnASmallPlant>>["db"];

/** The same client, recording `Model.operation` for every query it makes. */
function counting(db: Db) {
  const reads: string[] = [];
  const client = db.$extends({
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          reads.push(`${model}.${operation}`);
          return query(args);
        },
      },
    },
  }) as unknown as Db;
  return { client, reads };
}

describe("the reads behind the vendor, score and what-if pages", () => {
  it("labels questions by section, validates each template once per process, and only for the organisation", async () => {
    const { db, org, a } = await acmeOnASmallPlant({ accept: false });
    const stored = await db.questionnaireTemplate.findFirstOrThrow({
      where: { assessments: { some: { id: a.id } } },
      select: { definition: true },
    });
    const template = loadTemplate(stored.definition);
    const first = template.sections[0]!.questions[0]!;

    const cold = counting(db);
    const labels = await questionLabelsFor(cold.client, org.id, [a.id, a.id]);
    expect(labels.get(`${a.id}\u0000${first.id}`)).toEqual({
      label: `${template.sections[0]!.title}: ${first.label}`,
      order: 0,
      number: "1.1",
      text: first.label,
    });
    expect(labels.size).toBe(template.sections.reduce((n, s) => n + s.questions.length, 0));
    expect(cold.reads).toEqual(["Assessment.findMany", "QuestionnaireTemplate.findMany"]);

    // The second page view reads which template each assessment uses, not the template itself.
    const warm = counting(db);
    expect(await questionLabelsFor(warm.client, org.id, [a.id])).toEqual(labels);
    expect(warm.reads).toEqual(["Assessment.findMany"]);

    // Another organisation's assessment ids give nothing.
    const other = await buildOrganization(db, { name: "Other Org" });
    expect((await questionLabelsFor(db, other.id, [a.id])).size).toBe(0);
    expect((await questionLabelsFor(db, org.id, [])).size).toBe(0);
  });

  it("lists a vendor's newest assessments in one query and says when there are more", async () => {
    const { db, org, vendor, a, risk } = await acmeOnASmallPlant({ accept: false });
    const { client, reads } = counting(db);
    const list = await listVendorAssessments(client, risk, vendor.id);
    expect(reads).toEqual(["Assessment.findMany"]);
    expect(list.more).toBe(false);
    expect(list.items.map((i) => i.id)).toEqual([a.id]);
    expect(list.items[0]!.template.title).toMatch(/OT supplier baseline/i);

    expect(await listVendorAssessments(db, risk, vendor.id, 0)).toMatchObject({ items: [], more: true });
    // Scoped to the caller's organisation: a risk officer elsewhere sees nothing of this vendor.
    const elsewhere = await actorFor((await buildOrganization(db, { name: "Elsewhere" })).id, "RISK_OFFICER");
    expect(await listVendorAssessments(db, elsewhere, vendor.id)).toEqual({ items: [], more: false });
    await expect(
      listVendorAssessments(db, await actorFor(org.id, "SUPPLIER", vendor.id), vendor.id),
    ).rejects.toThrow();
  });

  it("reads the current and previous score whole, and the history only when asked", async () => {
    const { db, org, vendor, risk } = await acmeOnASmallPlant();
    const base = await db.scoreSnapshot.findFirstOrThrow({ where: { vendorId: vendor.id } });
    const { id: _id, ...copy } = base;
    for (let i = 1; i <= 3; i++) {
      await db.scoreSnapshot.create({
        data: {
          ...copy,
          byKind: copy.byKind!,
          topPaths: copy.topPaths!,
          exposure: base.exposure + i,
          computedAt: new Date(base.computedAt.getTime() + i * 1000),
        },
      });
    }
    const plain = await getVendorScore(db, risk, vendor.id);
    expect(plain.current!.exposure).toBeCloseTo(base.exposure + 3);
    expect(plain.previous!.exposure).toBeCloseTo(base.exposure + 2);
    expect(plain.history).toEqual([]);
    const withHistory = await getVendorScore(db, risk, vendor.id, { history: true });
    expect(withHistory.history.map((h) => h.exposure - base.exposure).map((d) => Math.round(d))).toEqual([
      0, 1, 2, 3,
    ]);

    // Names for path keys come from one query, vendors and assets by their own names, scoped to the organisation.
    const asset = await db.asset.findFirstOrThrow({ where: { organizationId: org.id } });
    const stranger = await buildVendor(db, {
      organizationId: (await buildOrganization(db, { name: "Stranger Org" })).id,
      name: "Stranger Vendor",
    });
    const names = await resolveNodeNames(db, org.id, [
      `vendor:${vendor.id}`,
      `asset:${asset.id}`,
      `vendor:${stranger.id}`,
      "component:unknown",
    ]);
    expect(names).toEqual({ [`vendor:${vendor.id}`]: "ACME Controls", [`asset:${asset.id}`]: asset.name });
    expect(await resolveNodeNames(db, org.id, [])).toEqual({});
  });
});
