// Issue 10, findings 8, 12, 17 and 18 (answers): hostile answer keys, unsent reviewer comments,
// idempotent autosave and out-of-range versions — through the real use cases on real PostgreSQL.
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { createAssessment } from "@/lib/domain/assessment/manage-assessments";
import { getSupplierAssessment, saveDraft, submitResponse } from "@/lib/domain/response/supplier-responses";
import { addReviewComment, requestChanges } from "@/lib/domain/review/review-assessment";
import { loadTemplate } from "@/lib/domain/template/template-versions";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { LIMITS, validateAnswers } from "@/lib/questionnaire";
import { buildBuiltInTemplates, buildContact, buildOrganization, buildVendor } from "@/prisma/seed/factories";
import { acmeAnswers } from "@/tests/support/linkage/baseline-answers";

import { actorFor, withMailSink } from "../integration/fixtures";
import { testDb } from "../integration/setup";

withMailSink();

/** A supplier with an assessment in progress on the built-in baseline template (draft version 0). */
async function supplierWithDraft() {
  const db = testDb();
  const org = await buildOrganization(db);
  const [template] = await buildBuiltInTemplates(db, org.id);
  const vendor = await buildVendor(db, { organizationId: org.id, name: "ACME Controls" });
  const contact = await buildContact(db, { organizationId: org.id, vendorId: vendor.id });
  const procurement = await actorFor(org.id, "PROCUREMENT");
  const risk = await actorFor(org.id, "RISK_OFFICER");
  const supplier = await actorFor(org.id, "SUPPLIER", vendor.id);
  const a = await createAssessment(db, procurement, {
    vendorId: vendor.id,
    contactId: contact.id,
    templateId: template!.id,
    dueDate: new Date(Date.now() + 864e6).toISOString().slice(0, 10),
  });
  await db.assessment.update({ where: { id: a.id }, data: { status: "IN_PROGRESS" } });
  return { db, org, a, supplier, risk, template: template! };
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e,
  );

const PROTOTYPE_KEYS = [
  "constructor",
  "__proto__",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "isPrototypeOf",
  "__defineGetter__",
];

describe("answer keys that name Object.prototype members (finding 12)", () => {
  it.each(PROTOTYPE_KEYS)("an answer keyed %s is a field error, not a crash", async (key) => {
    const { db, a, supplier } = await supplierWithDraft();
    const answers = JSON.parse(`{"scope_product_names": "HC-900", ${JSON.stringify(key)}: "x"}`) as unknown;
    const error = await failure(saveDraft(db, supplier, a.id, answers, 0));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("VALIDATION");
    expect(Object.hasOwn((error as AppError).fieldErrors!, key)).toBe(true);
    expect((error as AppError).fieldErrors![key]).toEqual(["is not a question of this template"]);
    const stored = await db.responseRevision.findFirstOrThrow({
      where: { assessmentId: a.id },
      select: { version: true, answers: true },
    });
    expect(stored.version).toBe(0);
  });

  it("any key, through validation and save, gives a result or a validation error (fuzzed)", async () => {
    const { db, a, supplier, template } = await supplierWithDraft();
    const row = await db.questionnaireTemplate.findUniqueOrThrow({
      where: { id: template.id },
      select: { definition: true },
    });
    const definition = loadTemplate(row.definition);
    const key = fc.oneof(
      fc.constantFrom(...PROTOTYPE_KEYS, "scope_product_names", "scope_units"),
      fc.string({ maxLength: 12 }),
    );
    const answerSet = fc.dictionary(
      key,
      fc.oneof(
        fc.string({ maxLength: 8 }),
        fc.integer(),
        fc.constant(null),
        fc.array(fc.string({ maxLength: 4 }), { maxLength: 2 }),
      ),
      { maxKeys: 4 },
    );
    let version = 0;
    await fc.assert(
      fc.asyncProperty(answerSet, async (pairs) => {
        // JSON keeps "__proto__" as an own key, as a request body would.
        const answers = JSON.parse(JSON.stringify(pairs)) as Record<string, unknown>;
        for (const mode of ["draft", "submission"] as const)
          expect(() => validateAnswers(definition, answers, mode)).not.toThrow();
        try {
          const saved = await saveDraft(db, supplier, a.id, answers, version);
          version = saved.version;
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).code).toBe("VALIDATION");
        }
      }),
      { numRuns: 60, seed: 10_12 },
    );
  });
});

describe("reviewers' comments (finding 8)", () => {
  it("the supplier sees only the comments sent with a change request, never drafts", async () => {
    const { db, a, supplier, risk } = await supplierWithDraft();
    // The baseline answers are complete, so the draft can be submitted as it stands.
    const submitCurrent = async () => {
      const revision = await db.responseRevision.findFirstOrThrow({
        where: { assessmentId: a.id, submittedAt: null },
        select: { id: true, version: true },
      });
      await db.responseRevision.update({
        where: { id: revision.id },
        data: { answers: acmeAnswers as Prisma.InputJsonValue },
      });
      await submitResponse(db, supplier, a.id, revision.version);
    };
    await submitCurrent();
    expect(
      (await db.assessment.findUniqueOrThrow({ where: { id: a.id }, select: { status: true } })).status,
    ).toBe("SUBMITTED");

    await addReviewComment(db, risk, a.id, {
      questionId: "scope_product_names",
      body: "Name every model, please.",
    });
    // Still a draft: the reviewer has not sent the change request.
    expect((await getSupplierAssessment(db, supplier, a.id)).comments).toEqual({});

    await requestChanges(db, risk, a.id, { message: "See the comments." });
    const sent = (await getSupplierAssessment(db, supplier, a.id)).comments;
    expect(Object.keys(sent)).toEqual(["scope_product_names"]);

    // Resubmitted, and a new draft comment on the new revision: the supplier still sees only the sent one.
    await submitCurrent();
    await addReviewComment(db, risk, a.id, {
      questionId: "scope_units",
      body: "Draft thought, not sent yet.",
    });
    const after = (await getSupplierAssessment(db, supplier, a.id)).comments;
    expect(Object.keys(after)).toEqual(["scope_product_names"]);
    expect(JSON.stringify(after)).not.toContain("Draft thought");
  });
});

describe("autosave idempotency (finding 17)", () => {
  it("a save replayed after its reply was lost succeeds with the same version, not CONFLICT", async () => {
    const { db, a, supplier } = await supplierWithDraft();
    const answers = { scope_product_names: "HC-900 PLC" };
    const first = await saveDraft(db, supplier, a.id, answers, 0);
    expect(first.version).toBe(1);
    // The reply never arrived; the client sends the very same request again.
    const replay = await saveDraft(db, supplier, a.id, { ...answers }, 0);
    expect(replay.version).toBe(1);
    const stored = await db.responseRevision.findFirstOrThrow({
      where: { assessmentId: a.id },
      select: { version: true, answers: true },
    });
    expect(stored).toMatchObject({ version: 1, answers });
  });

  it("a different save on an old version is still a CONFLICT and changes nothing", async () => {
    const { db, a, supplier } = await supplierWithDraft();
    await saveDraft(db, supplier, a.id, { scope_product_names: "HC-900 PLC" }, 0);
    const error = await failure(saveDraft(db, supplier, a.id, { scope_product_names: "something else" }, 0));
    expect((error as AppError).code).toBe("CONFLICT");
    // Same answers but two versions behind: another save happened in between, so it is a conflict too.
    await saveDraft(db, supplier, a.id, { scope_product_names: "HC-900 PLC v2" }, 1);
    const stale = await failure(saveDraft(db, supplier, a.id, { scope_product_names: "HC-900 PLC" }, 0));
    expect((stale as AppError).code).toBe("CONFLICT");
    const stored = await db.responseRevision.findFirstOrThrow({
      where: { assessmentId: a.id },
      select: { version: true, answers: true },
    });
    expect(stored).toMatchObject({ version: 2, answers: { scope_product_names: "HC-900 PLC v2" } });
  });
});

describe("draft versions (finding 18)", () => {
  it.each([1e20, 2 ** 31, -1, 1.5, Number.NaN, "3", null])(
    "version %s is a field error, not a crash",
    async (version) => {
      const { db, a, supplier } = await supplierWithDraft();
      const error = await failure(saveDraft(db, supplier, a.id, { scope_product_names: "x" }, version));
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("VALIDATION");
      expect((error as AppError).fieldErrors?.version?.length).toBeGreaterThan(0);
    },
  );

  it("answers over the size limit are refused with their own message, and nothing changes", async () => {
    const { db, a, supplier } = await supplierWithDraft();
    const answers = { scope_product_names: "x".repeat(LIMITS.answersJsonBytes) };
    const error = await failure(saveDraft(db, supplier, a.id, answers, 0));
    expect((error as AppError).code).toBe("VALIDATION");
    expect((error as AppError).message).toMatch(/too large to save \(1 MB; at most 1 MB\)/);
    expect(
      (
        await db.responseRevision.findFirstOrThrow({
          where: { assessmentId: a.id },
          select: { version: true },
        })
      ).version,
    ).toBe(0);
  });
});
