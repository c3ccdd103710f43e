// Buyer-side controls stored per deployment (issue 12 item 6): saved with an audit event, scoped to
// the organisation, re-extracting the vendor's linkages and rescoring it in the same request; the
// what-if supposes the same controls without storing them and lands on the same score.
import { describe, expect, it } from "vitest";

import { listDeploymentsForVendor } from "@/lib/domain/inventory/deployments";
import { setBuyerControls } from "@/lib/domain/inventory/set-buyer-controls";
import { requestChanges } from "@/lib/domain/review/review-assessment";
import { getVendorScore } from "@/lib/domain/scoring/read-scores";
import { evaluateScenario } from "@/lib/domain/what-if/evaluate-scenario";
import { getWhatIfWorkspace } from "@/lib/domain/what-if/get-what-if-workspace";
import { saveScenario } from "@/lib/domain/what-if/manage-scenarios";
import { previewRemediationRequest } from "@/lib/domain/what-if/send-remediation-request";
import type { AppError } from "@/lib/errors";
import { acmeAnswers } from "@/tests/support/linkage/baseline-answers";

import { acmeOnASmallPlant, actorFor, withMailSink } from "./fixtures";

withMailSink();

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e as AppError,
  );

// ACME without its never-expiring all-sites password, shared remote-access platform and
// subcontractors: with those, each PLC is reached at probability 1 whatever the buyer has around it
// (measured: 49.748 with and without every control), so no control could show in the score.
const answers = {
  ...acmeAnswers,
  cred_list: (acmeAnswers.cred_list as unknown[]).slice(1),
  ra_shared_platform: "no",
  ra_subcontractors: "no",
};

const exposureOf = async (...args: Parameters<typeof getVendorScore>) =>
  (await getVendorScore(...args)).current!.exposure;

describe("buyer-side controls on a deployment", () => {
  it("are stored, audited, applied to the vendor's linkages into that deployment, and rescore it", async () => {
    const { db, vendor, assets, procurement, risk } = await acmeOnASmallPlant({ answers });
    const [plc1, plc2] = assets;
    const deployments = await listDeploymentsForVendor(db, risk, vendor.id);
    const d1 = deployments.find((d) => d.asset.id === plc1!.id)!;
    expect(d1.buyerControls).toEqual([]);
    const before = await exposureOf(db, risk, vendor.id);
    const snapshotsBefore = await db.scoreSnapshot.count({ where: { vendorId: vendor.id } });

    const result = await setBuyerControls(db, procurement, d1.id, {
      controls: ["pam_with_approval", "key_switch_run"],
    });
    // Stored in one order, whatever order the boxes were ticked in.
    expect(result).toMatchObject({
      changed: true,
      controls: ["pam_with_approval", "key_switch_run"],
      assessmentsRebuilt: 1,
    });
    expect(result.vendorsRescored).toBeGreaterThan(0);
    expect((await db.deployment.findUniqueOrThrow({ where: { id: d1.id } })).buyerControls).toEqual([
      "pam_with_approval",
      "key_switch_run",
    ]);

    // The linkages into PLC 1 carry the control in words and in provenance; PLC 2's do not.
    const into = (assetId: string) =>
      db.linkage.findMany({
        where: { organizationId: vendor.organizationId, toKey: `asset:${assetId}`, source: "ASSESSMENT" },
      });
    const controlled = (await into(plc1!.id)).filter((l) => l.reason.includes("key switch stays in RUN"));
    expect(controlled.length).toBeGreaterThan(0);
    expect(JSON.stringify(controlled[0]!.provenance)).toContain('"control":"key_switch_run"');
    expect((await into(plc2!.id)).some((l) => l.reason.includes("key switch"))).toBe(false);

    // Rescored now: a new snapshot with a lower exposure, from a run that names the change.
    const after = await exposureOf(db, risk, vendor.id);
    expect(after).toBeLessThan(before);
    expect(await db.scoreSnapshot.count({ where: { vendorId: vendor.id } })).toBe(snapshotsBefore + 1);
    const run = await db.scoringRun.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    expect([run.status, run.trigger]).toEqual([
      "SUCCEEDED",
      `buyer-side controls on deployment ${d1.id} changed`,
    ]);

    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "deployment.buyer_controls" } });
    expect(audit).toMatchObject({ entityType: "Deployment", entityId: d1.id, actorId: procurement.userId });
    expect(audit.details).toMatchObject({ before: [], after: ["pam_with_approval", "key_switch_run"] });

    // The same set again changes nothing: no audit event, no rescore.
    const again = await setBuyerControls(db, procurement, d1.id, {
      controls: ["key_switch_run", "pam_with_approval"],
    });
    expect(again).toMatchObject({ changed: false, vendorsRescored: 0 });
    expect(await db.auditEvent.count({ where: { action: "deployment.buyer_controls" } })).toBe(1);
    expect(await db.scoreSnapshot.count({ where: { vendorId: vendor.id } })).toBe(snapshotsBefore + 1);

    // Clearing them brings the score back where it was.
    await setBuyerControls(db, procurement, d1.id, { controls: [] });
    expect(await exposureOf(db, risk, vendor.id)).toBeCloseTo(before, 9);
  });

  it("refuses other organisations, read-only roles and unknown controls, and changes nothing", async () => {
    const { db, vendor, procurement, risk } = await acmeOnASmallPlant();
    const other = await acmeOnASmallPlant({ orgName: "Other plant" });
    const [d] = await listDeploymentsForVendor(db, risk, vendor.id);
    const otherAdmin = await actorFor(other.org.id, "ADMIN");
    const supplier = await actorFor(vendor.organizationId, "SUPPLIER", vendor.id);
    const runs = await db.scoringRun.count();

    expect(
      (await failure(setBuyerControls(db, otherAdmin, d!.id, { controls: ["key_switch_run"] }))).code,
    ).toBe("NOT_FOUND");
    expect((await failure(setBuyerControls(db, risk, d!.id, { controls: ["key_switch_run"] }))).code).toBe(
      "FORBIDDEN",
    );
    expect(
      (await failure(setBuyerControls(db, supplier, d!.id, { controls: ["key_switch_run"] }))).code,
    ).toBe("FORBIDDEN");
    const bad = await failure(setBuyerControls(db, procurement, d!.id, { controls: ["firewall_of_hope"] }));
    expect([bad.code, bad.fieldErrors?.["controls.0"]?.[0]]).toEqual([
      "VALIDATION",
      "Unknown buyer-side control.",
    ]);
    expect((await failure(setBuyerControls(db, procurement, "not an id", { controls: [] }))).code).toBe(
      "NOT_FOUND",
    );

    expect((await db.deployment.findUniqueOrThrow({ where: { id: d!.id } })).buyerControls).toEqual([]);
    expect(await db.scoringRun.count()).toBe(runs);
    expect(await db.auditEvent.count({ where: { action: "deployment.buyer_controls" } })).toBe(0);
  });

  it("re-extracts a reopened assessment from the revision that was accepted, not the supplier's newer answers", async () => {
    const { db, vendor, a, procurement, risk } = await acmeOnASmallPlant();
    await requestChanges(db, risk, a.id, { message: "Please attach the test report." });
    // The supplier's next revision, submitted but not accepted: all of its answers cleared.
    await db.responseRevision.update({
      where: { assessmentId_revision: { assessmentId: a.id, revision: 2 } },
      data: { answers: {}, submittedAt: new Date() },
    });
    const [d] = await listDeploymentsForVendor(db, risk, vendor.id);
    const result = await setBuyerControls(db, procurement, d!.id, { controls: ["key_switch_run"] });
    expect(result.assessmentsRebuilt).toBe(1);
    const revisions = await db.linkage.groupBy({
      by: ["revision"],
      where: { assessmentId: a.id },
      _count: true,
    });
    expect(revisions.map((r) => r.revision)).toEqual([1]);
  });
});

describe("buyer-side controls in the what-if", () => {
  it("appear as toggles, are evaluated without storing, and match the score once stored", async () => {
    const { db, vendor, procurement, risk } = await acmeOnASmallPlant({ answers });
    const workspace = await getWhatIfWorkspace(db, risk, vendor.id);
    const keySwitch = workspace.buyerControls.find((c) => c.id === "key_switch_run")!;
    expect(keySwitch.matches).toBeGreaterThan(0);
    expect(workspace.linkages.some((l) => l.buyer)).toBe(true);

    const before = await exposureOf(db, risk, vendor.id);
    const supposed = await evaluateScenario(db, risk, {
      vendorId: vendor.id,
      changes: { controls: [], buyerControls: ["key_switch_run"], remove: [], reweight: [] },
    });
    expect(supposed.vendors[0]!.exposureDelta).toBeLessThan(0);
    // Nothing stored by evaluating.
    expect(
      await db.deployment.count({ where: { vendorId: vendor.id, buyerControls: { isEmpty: false } } }),
    ).toBe(0);
    expect(await exposureOf(db, risk, vendor.id)).toBe(before);

    // A scenario of the buyer's own controls is saved with them, and asks the supplier nothing.
    const scenario = await saveScenario(db, risk, {
      vendorId: vendor.id,
      name: "Key switches in RUN",
      changes: { controls: [], buyerControls: ["key_switch_run"], remove: [], reweight: [] },
    });
    expect(scenario.changes.buyerControls).toEqual(["key_switch_run"]);
    await expect(previewRemediationRequest(db, risk, scenario.id)).rejects.toMatchObject({
      code: "VALIDATION",
      message: "This scenario only supposes controls of your own, so there is nothing to ask the supplier.",
    });

    // Portfolio mode supposes it at every vendor's deployments.
    const portfolio = await evaluateScenario(db, risk, {
      vendorId: null,
      changes: { controls: [], buyerControls: ["key_switch_run"], remove: [], reweight: [] },
    });
    expect(portfolio.vendors.find((v) => v.vendorId === vendor.id)!.exposureDelta).toBeCloseTo(
      supposed.vendors[0]!.exposureDelta,
      9,
    );

    // Storing it on every deployment gives the score the what-if predicted.
    for (const d of await listDeploymentsForVendor(db, risk, vendor.id))
      await setBuyerControls(db, procurement, d.id, { controls: ["key_switch_run"] });
    expect(await exposureOf(db, risk, vendor.id)).toBeCloseTo(supposed.vendors[0]!.after!.exposure, 6);
    // Once stored, supposing it again changes nothing.
    const stored = await getWhatIfWorkspace(db, risk, vendor.id);
    expect(stored.buyerControls.find((c) => c.id === "key_switch_run")!.matches).toBe(0);
  });
});
