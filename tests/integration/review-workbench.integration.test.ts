// The review workbench (issue 14) on real PostgreSQL: the acceptance preview stores nothing and
// predicts the stored score; separation of duties holds in the use case; decision messages and
// supplier replies are kept in the portal and scoped to the organisation and the vendor.
import { describe, expect, it } from "vitest";

import { getAssessmentForStaff } from "@/lib/domain/assessment/read-assessments";
import {
  getSupplierAssessment,
  replyToComment,
  submitResponse,
} from "@/lib/domain/response/supplier-responses";
import { previewAcceptance } from "@/lib/domain/review/preview-acceptance";
import { acceptAssessment, addReviewComment, requestChanges } from "@/lib/domain/review/review-assessment";
import { getReviewSettings, saveReviewSettings } from "@/lib/domain/settings/review-settings";
import type { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { buildVendor } from "@/prisma/seed/factories";
import { acmeAnswers } from "@/tests/support/linkage/baseline-answers";

import { acmeOnASmallPlant, actorFor, withJobsDatabase, withMailSink } from "./fixtures";

withMailSink();
withJobsDatabase();

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e as AppError,
  );

/** Row counts of everything an acceptance writes, plus the graph version: a dry run must change none. */
async function footprint(db: Awaited<ReturnType<typeof acmeOnASmallPlant>>["db"], organizationId: string) {
  const where = { organizationId };
  const [linkages, nodes, mapping, snapshots, current, runs, audit, messages, org] = await Promise.all([
    db.linkage.count({ where }),
    db.graphNode.count({ where }),
    db.mappingRequest.count({ where }),
    db.scoreSnapshot.count({ where }),
    db.currentScore.count({ where }),
    db.scoringRun.count({ where }),
    db.auditEvent.count({ where }),
    db.reviewMessage.count({ where }),
    db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { graphVersion: true } }),
  ]);
  return {
    linkages,
    nodes,
    mapping,
    snapshots,
    current,
    runs,
    audit,
    messages,
    graphVersion: org.graphVersion,
  };
}

describe("previewAcceptance", () => {
  it("shows the linkages and the score the acceptance would produce, and stores nothing", async () => {
    const { db, org, vendor, a, risk } = await acmeOnASmallPlant({ accept: false });
    const before = await footprint(db, org.id);

    const preview = await previewAcceptance(db, risk, a.id);
    expect(preview).toMatchObject({ assessmentId: a.id, vendorId: vendor.id, revision: 1, replacedCount: 0 });
    expect(preview.before).toBeNull(); // never accepted: unscored, not zero
    expect(preview.linkageCount).toBeGreaterThan(10);
    expect(preview.linkages.length).toBe(Math.min(preview.linkageCount, 40));
    expect(new Set(preview.linkages.map((l) => l.kind))).toEqual(
      new Set(["adjacency", "inheritance", "trust"]),
    );
    expect(preview.linkages.map((l) => l.weight)).toEqual(
      [...preview.linkages.map((l) => l.weight)].sort((x, y) => y - x),
    );
    expect(preview.after!.exposure).toBeGreaterThan(0);
    expect(preview.after!.exposureLow).toBeLessThanOrEqual(preview.after!.exposureHigh);

    expect(await footprint(db, org.id)).toEqual(before);
    expect(await db.assessment.findUniqueOrThrow({ where: { id: a.id }, select: { status: true } })).toEqual({
      status: "SUBMITTED",
    });

    // The prediction is what the acceptance then stores.
    const accepted = await acceptAssessment(db, risk, a.id);
    expect(accepted.linkages).toBe(preview.linkageCount);
    const stored = await db.currentScore.findFirstOrThrow({
      where: { organizationId: org.id, vendorId: vendor.id },
    });
    expect(stored.exposure).toBeCloseTo(preview.after!.exposure, 6);
    expect(stored.amplification).toBeCloseTo(preview.after!.amplification, 6);
    expect(stored.exposureLow).toBeCloseTo(preview.after!.exposureLow, 6);
    expect(stored.exposureHigh).toBeCloseTo(preview.after!.exposureHigh, 6);
  });

  it("on a resubmission, swaps the earlier acceptance's linkages for the new ones", async () => {
    const { db, org, vendor, a, risk, supplier } = await acmeOnASmallPlant();
    const first = await db.linkage.count({ where: { organizationId: org.id, assessmentId: a.id } });
    await requestChanges(db, risk, a.id, { message: "Please confirm the update path." });
    // The supplier now does not know its remote-access model (written as the fixture writes drafts:
    // autosave and its evidence checks are tested elsewhere).
    await db.responseRevision.update({
      where: { assessmentId_revision: { assessmentId: a.id, revision: 2 } },
      data: { answers: { ...acmeAnswers, ra_model: "dont_know" } as Prisma.InputJsonValue, version: 1 },
    });
    await submitResponse(db, supplier, a.id, 1);
    const before = await footprint(db, org.id);

    const preview = await previewAcceptance(db, risk, a.id);
    expect(preview.replacedCount).toBe(first);
    expect(preview.revision).toBe(2);
    expect(preview.before).not.toBeNull();
    expect(preview.after!.exposureHigh).toBeGreaterThanOrEqual(preview.after!.exposureLow);
    expect(await footprint(db, org.id)).toEqual(before);

    await acceptAssessment(db, risk, a.id);
    const stored = await db.currentScore.findFirstOrThrow({
      where: { organizationId: org.id, vendorId: vendor.id },
    });
    expect(stored.exposure).toBeCloseTo(preview.after!.exposure, 6);
    expect(stored.exposureLow).toBeCloseTo(preview.after!.exposureLow, 6);
  });

  it("is scoped: another organisation's assessment is not found, a supplier is refused, an accepted one is a conflict", async () => {
    const mine = await acmeOnASmallPlant({ orgName: "Mine" });
    const theirs = await acmeOnASmallPlant({ orgName: "Theirs", accept: false });
    expect((await failure(previewAcceptance(mine.db, mine.risk, theirs.a.id))).code).toBe("NOT_FOUND");
    expect((await failure(previewAcceptance(theirs.db, theirs.supplier, theirs.a.id))).code).toBe(
      "FORBIDDEN",
    );
    expect((await failure(previewAcceptance(mine.db, mine.risk, mine.a.id))).code).toBe("CONFLICT");
    expect((await failure(previewAcceptance(mine.db, mine.risk, "not an id"))).code).toBe("NOT_FOUND");
  });
});

describe("separation of duties", () => {
  it("is on by default: procurement cannot accept, in the use case; a risk officer can", async () => {
    const { db, org, a, risk, procurement } = await acmeOnASmallPlant({ accept: false });
    const admin = await actorFor(org.id, "ADMIN");
    expect(await getReviewSettings(db, admin)).toEqual({ separateReviewDuties: true });

    const refused = await failure(acceptAssessment(db, procurement, a.id, { message: "ok" }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toMatch(/separates duties/);
    expect(await db.assessment.findUniqueOrThrow({ where: { id: a.id }, select: { status: true } })).toEqual({
      status: "SUBMITTED",
    });
    expect(await db.linkage.count({ where: { organizationId: org.id, assessmentId: a.id } })).toBe(0);
    expect(await db.reviewMessage.count({ where: { organizationId: org.id } })).toBe(0);

    // Procurement may still ask for changes; only acceptance is separated.
    await acceptAssessment(db, risk, a.id);
    expect(await db.assessment.findUniqueOrThrow({ where: { id: a.id }, select: { status: true } })).toEqual({
      status: "ACCEPTED",
    });
  });

  it("an administrator can turn it off for their organisation only; only administrators may change it", async () => {
    const one = await acmeOnASmallPlant({ orgName: "One", accept: false });
    const two = await acmeOnASmallPlant({ orgName: "Two", accept: false });
    const admin = await actorFor(one.org.id, "ADMIN");
    expect(
      (await failure(saveReviewSettings(one.db, one.procurement, { separateReviewDuties: false }))).code,
    ).toBe("FORBIDDEN");
    expect((await failure(saveReviewSettings(one.db, one.risk, { separateReviewDuties: false }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await failure(saveReviewSettings(one.db, admin, { separateReviewDuties: "no" }))).code).toBe(
      "VALIDATION",
    );

    await saveReviewSettings(one.db, admin, { separateReviewDuties: false });
    expect(
      await one.db.auditEvent.count({ where: { organizationId: one.org.id, action: "review.settings" } }),
    ).toBe(1);
    await acceptAssessment(one.db, one.procurement, one.a.id);
    // The other organisation still separates duties.
    expect((await failure(acceptAssessment(two.db, two.procurement, two.a.id))).code).toBe("FORBIDDEN");
  });
});

describe("decision messages and supplier replies", () => {
  it("keeps the reviewer's message in the portal for the supplier of that vendor only, and threads the reply", async () => {
    const { db, org, a, risk, supplier } = await acmeOnASmallPlant({ accept: false });
    const otherVendor = await buildVendor(db, { organizationId: org.id, name: "Other Vendor" });
    const otherSupplier = await actorFor(org.id, "SUPPLIER", otherVendor.id);
    const stranger = await acmeOnASmallPlant({ orgName: "Elsewhere", accept: false });

    const comment = await addReviewComment(db, risk, a.id, {
      questionId: "scope_product_names",
      body: "Which firmware version?",
    });
    await requestChanges(db, risk, a.id, { message: "Two answers need evidence." });

    const seen = await getSupplierAssessment(db, supplier, a.id);
    expect(seen.messages).toEqual([
      expect.objectContaining({ kind: "CHANGES_REQUESTED", revision: 1, body: "Two answers need evidence." }),
    ]);
    expect(seen.comments.scope_product_names).toEqual([
      expect.objectContaining({ id: comment.id, body: "Which firmware version?", replies: [] }),
    ]);

    // Another vendor's supplier and another organisation's people reach nothing of it.
    expect((await failure(getSupplierAssessment(db, otherSupplier, a.id))).code).toBe("NOT_FOUND");
    expect(
      (await failure(replyToComment(db, otherSupplier, a.id, { commentId: comment.id, body: "mine now" })))
        .code,
    ).toBe("NOT_FOUND");
    expect(
      (await failure(replyToComment(db, stranger.supplier, a.id, { commentId: comment.id, body: "x" }))).code,
    ).toBe("NOT_FOUND");
    // A comment id of another assessment, named with one's own assessment id, is not found either.
    expect(
      (
        await failure(
          replyToComment(stranger.db, stranger.supplier, stranger.a.id, { commentId: comment.id, body: "x" }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect((await failure(getAssessmentForStaff(db, stranger.risk, a.id))).code).toBe("NOT_FOUND");
    expect(await db.reviewMessage.count({ where: { kind: "SUPPLIER_REPLY" } })).toBe(0);

    expect(
      (await failure(replyToComment(db, supplier, a.id, { commentId: comment.id, body: "  " }))).code,
    ).toBe("VALIDATION");
    await replyToComment(db, supplier, a.id, { commentId: comment.id, body: "Version 4.2.1, see the SBOM." });
    const staff = await getAssessmentForStaff(db, risk, a.id);
    const onPage = staff.comments.find((c) => c.id === comment.id)!;
    expect(onPage.replies.map((r) => r.body)).toEqual(["Version 4.2.1, see the SBOM."]);
    expect(staff.messages.map((m) => m.body)).toEqual(["Two answers need evidence."]);

    // Once resubmitted the change request is closed: no more replies to it.
    await submitResponse(
      db,
      supplier,
      a.id,
      (await getSupplierAssessment(db, supplier, a.id)).revision.version,
    );
    expect(
      (await failure(replyToComment(db, supplier, a.id, { commentId: comment.id, body: "and another" })))
        .code,
    ).toBe("CONFLICT");

    // The acceptance's message is kept too, newest first.
    await acceptAssessment(db, risk, a.id, { message: "Thank you, all clear." });
    expect((await getSupplierAssessment(db, supplier, a.id)).messages.map((m) => [m.kind, m.body])).toEqual([
      ["ACCEPTED", "Thank you, all clear."],
      ["CHANGES_REQUESTED", "Two answers need evidence."],
    ]);
  });
});
