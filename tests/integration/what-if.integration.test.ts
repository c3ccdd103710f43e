import { describe, expect, it } from "vitest";

import { getBlastRadius, searchGraphNodes } from "@/lib/domain/blast-radius/get-blast-radius";
import { getVendorScoreDetails, NEIGHBOURHOOD_NODE_CAP } from "@/lib/domain/scoring/get-vendor-score-details";
import { evaluateScenario } from "@/lib/domain/what-if/evaluate-scenario";
import { getWhatIfWorkspace } from "@/lib/domain/what-if/get-what-if-workspace";
import {
  deleteScenario,
  getScenario,
  listScenarios,
  saveScenario,
} from "@/lib/domain/what-if/manage-scenarios";
import {
  previewRemediationRequest,
  sendRemediationRequest,
} from "@/lib/domain/what-if/send-remediation-request";
import { WHAT_IF_CONTROL_IDS } from "@/lib/what-if/controls";

import { acmeOnASmallPlant, withMailSink } from "./fixtures";

withMailSink();

/** An organisation with a small plant and ACME's baseline answers accepted and scored. */
const scoredAcme = () => acmeOnASmallPlant();

const noChanges = { controls: [], remove: [], reweight: [] };

describe("what-if on a vendor", () => {
  it("removing a linkage never raises exposure, removing more never raises it further, and controls only lower it", async () => {
    const { db, vendor, risk } = await scoredAcme();
    const workspace = await getWhatIfWorkspace(db, risk, vendor.id);
    expect(workspace.linkages.length).toBeGreaterThan(10);
    expect(workspace.baseline!.exposure).toBeGreaterThan(0);

    let someDrop = false;
    const drops: number[] = [];
    for (const l of workspace.linkages) {
      const result = await evaluateScenario(db, risk, {
        vendorId: vendor.id,
        changes: { ...noChanges, remove: [l.id] },
      });
      const delta = result.vendors[0]!.exposureDelta;
      expect(delta).toBeLessThanOrEqual(1e-9);
      if (delta < -1e-9) someDrop = true;
      drops.push(delta);
    }
    expect(someDrop).toBe(true);

    // Monotone in the set removed: each prefix of the list removes at least as much as the one before.
    const ids = workspace.linkages.map((l) => l.id);
    let previous = 0;
    for (const n of [1, 3, 6, 10, ids.length]) {
      const result = await evaluateScenario(db, risk, {
        vendorId: vendor.id,
        changes: { ...noChanges, remove: ids.slice(0, n) },
      });
      expect(result.vendors[0]!.exposureDelta).toBeLessThanOrEqual(previous + 1e-9);
      previous = result.vendors[0]!.exposureDelta;
    }
    // Without every answer-made linkage nothing the vendor reaches is left.
    expect(previous).toBeCloseTo(-workspace.baseline!.exposure, 6);

    for (const control of WHAT_IF_CONTROL_IDS) {
      const result = await evaluateScenario(db, risk, {
        vendorId: vendor.id,
        changes: { ...noChanges, controls: [control] },
      });
      expect(result.vendors[0]!.exposureDelta).toBeLessThanOrEqual(1e-9);
    }
    const mfa = await evaluateScenario(db, risk, {
      vendorId: vendor.id,
      changes: { ...noChanges, controls: ["remote-access-on-demand-mfa"] },
    });
    expect(mfa.changedLinkages).toBeGreaterThan(0);
    expect(mfa.vendors[0]!.exposureDelta).toBeLessThan(0);

    // A higher slider value can raise it; nothing was saved by any of this.
    const raised = await evaluateScenario(db, risk, {
      vendorId: vendor.id,
      changes: {
        ...noChanges,
        reweight: workspace.linkages.filter((l) => l.weight < 1).map((l) => ({ linkageId: l.id, weight: 1 })),
      },
    });
    expect(raised.vendors[0]!.exposureDelta).toBeGreaterThan(0);
    expect(await db.whatIfScenario.count()).toBe(0);
  });

  it("rejects bad slider values and unknown linkages with clear messages", async () => {
    const { db, vendor, risk } = await scoredAcme();
    const [first] = (await getWhatIfWorkspace(db, risk, vendor.id)).linkages;
    await expect(
      evaluateScenario(db, risk, {
        vendorId: vendor.id,
        changes: { reweight: [{ linkageId: first!.id, weight: 1.5 }] },
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { "changes.reweight.0.weight": ["Weight must be at most 1 (always propagates)."] },
    });
    await expect(
      evaluateScenario(db, risk, {
        vendorId: vendor.id,
        changes: { reweight: [{ linkageId: first!.id, weight: -0.1 }] },
      }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(
      evaluateScenario(db, risk, {
        vendorId: vendor.id,
        changes: { reweight: [{ linkageId: first!.id, weight: "0.5" }] },
      }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(
      evaluateScenario(db, risk, { vendorId: vendor.id, changes: { remove: ["cl0000000000000000000000"] } }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { "remove.0": [expect.stringContaining("not one of this vendor's answers")] },
    });
    await expect(
      evaluateScenario(db, risk, { vendorId: vendor.id, changes: { controls: ["magic"] } }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("portfolio-wide controls report every affected vendor", async () => {
    const { db, vendor, risk } = await scoredAcme();
    const result = await evaluateScenario(db, risk, {
      vendorId: null,
      changes: { ...noChanges, controls: ["remote-access-on-demand-mfa", "signed-updates-bootloader"] },
    });
    expect(result.vendors.map((v) => v.vendorId)).toEqual([vendor.id]);
    expect(result.totalExposureDelta).toBeLessThan(0);
    await expect(
      evaluateScenario(db, risk, { vendorId: null, changes: { remove: ["x"] } }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
  });
});

describe("saved scenarios", () => {
  it("are saved with their deltas and audited, listed, loaded and deleted only within the organisation", async () => {
    const { db, vendor, risk, supplier } = await scoredAcme();
    const other = await scoredAcme();
    const saved = await saveScenario(db, risk, {
      vendorId: vendor.id,
      name: "  MFA everywhere  ",
      changes: { ...noChanges, controls: ["remote-access-on-demand-mfa"] },
    });
    expect(saved).toMatchObject({ name: "MFA everywhere", vendorId: vendor.id });
    expect(saved.result!.totalExposureDelta).toBeLessThan(0);
    expect(
      await db.auditEvent.count({
        where: { organizationId: risk.organizationId, action: "what_if.save", entityId: saved.id },
      }),
    ).toBe(1);

    expect((await listScenarios(db, risk, vendor.id)).map((s) => s.id)).toEqual([saved.id]);
    expect(await listScenarios(db, risk, null)).toEqual([]);
    expect(await listScenarios(db, other.risk, vendor.id)).toEqual([]);
    await expect(getScenario(db, other.risk, saved.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteScenario(db, other.risk, saved.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Another organisation's vendor cannot be simulated or saved against.
    await expect(
      saveScenario(db, other.risk, { vendorId: vendor.id, name: "x", changes: noChanges }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      evaluateScenario(db, other.risk, { vendorId: vendor.id, changes: noChanges }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      saveScenario(db, risk, { vendorId: vendor.id, name: " ", changes: noChanges }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { name: ["Give the scenario a name."] } });

    for (const call of [
      () => listScenarios(db, supplier, vendor.id),
      () => getScenario(db, supplier, saved.id),
      () => evaluateScenario(db, supplier, { vendorId: vendor.id, changes: noChanges }),
      () => getWhatIfWorkspace(db, supplier, vendor.id),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }

    await deleteScenario(db, risk, saved.id);
    expect(await listScenarios(db, risk, vendor.id)).toEqual([]);
    expect(await db.auditEvent.count({ where: { action: "what_if.delete", entityId: saved.id } })).toBe(1);
  });
});

describe("remediation request from a scenario", () => {
  it("shows what will be sent, then comments on the related questions and reopens the accepted assessment", async () => {
    const { db, vendor, a, risk, supplier } = await scoredAcme();
    const scenario = await saveScenario(db, risk, {
      vendorId: vendor.id,
      name: "MFA and signed updates",
      changes: { ...noChanges, controls: ["remote-access-on-demand-mfa", "signed-updates-bootloader"] },
    });
    await expect(previewRemediationRequest(db, supplier, scenario.id)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    const preview = await previewRemediationRequest(db, risk, scenario.id);
    expect(preview).toMatchObject({ assessmentId: a.id, revision: 1, vendorName: "ACME Controls" });
    const questions = preview.comments.map((c) => c.questionId).sort();
    expect(questions).toEqual(expect.arrayContaining(["ra_model", "upd_signature"]));
    expect(preview.comments.find((c) => c.questionId === "upd_signature")!.body).toContain(
      "Signed updates verified in bootloader",
    );
    expect(preview.message).toContain("MFA and signed updates");
    // Previewing sends nothing.
    expect(await db.reviewComment.count({ where: { assessmentId: a.id } })).toBe(0);
    expect((await db.assessment.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("ACCEPTED");

    const sent = await sendRemediationRequest(db, risk, {
      scenarioId: scenario.id,
      message: "Please look at remote access and update signing.",
    });
    expect(sent).toMatchObject({ assessmentId: a.id, comments: preview.comments.length, revision: 2 });
    const after = await db.assessment.findUniqueOrThrow({
      where: { id: a.id },
      select: { status: true, currentRevision: true },
    });
    expect(after).toEqual({ status: "CHANGES_REQUESTED", currentRevision: 2 });
    const comments = await db.reviewComment.findMany({
      where: { assessmentId: a.id },
      orderBy: { questionId: "asc" },
    });
    expect(comments.map((c) => c.questionId).sort()).toEqual(questions);
    expect(comments.every((c) => c.revision === 1 && c.authorId === risk.userId)).toBe(true);
    expect(
      await db.auditEvent.count({ where: { action: "assessment.request_changes", entityId: a.id } }),
    ).toBe(1);
    expect(
      await db.auditEvent.count({ where: { action: "what_if.remediation_request", entityId: scenario.id } }),
    ).toBe(1);

    // A second request cannot reopen it again.
    await expect(sendRemediationRequest(db, risk, { scenarioId: scenario.id })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await db.reviewComment.count({ where: { assessmentId: a.id } })).toBe(comments.length);
  });
});

describe("blast radius", () => {
  it("lists affected assets by site and zone with paths, only for nodes of the caller's organisation", async () => {
    const { db, vendor, assets, risk, supplier } = await scoredAcme();
    const other = await scoredAcme();
    const gateway = `asset:${assets[2]!.id}`;
    const view = await getBlastRadius(db, risk, gateway);
    expect(view).not.toBeNull();
    expect(view!.node).toMatchObject({ key: gateway, name: "GW-01", type: "asset" });
    const kiln = view!.groups.find((g) => g.site === "Kiln plant")!;
    const level1 = kiln.zones.find((z) => z.zone === "Level 1")!;
    expect(level1.assets.map((x) => x.name).sort()).toEqual(["Kiln PLC 1", "Kiln PLC 2"]);
    for (const x of level1.assets) {
      expect(x.probability).toBeGreaterThan(0);
      expect(x.path!.at(-1)!.to).toBe(x.key);
    }
    const fromVendor = await getBlastRadius(db, risk, `vendor:${vendor.id}`);
    expect(fromVendor!.assetCount).toBeGreaterThan(0);

    // Another organisation's keys, unknown and malformed keys are simply not found.
    expect(await getBlastRadius(db, other.risk, gateway)).toBeNull();
    expect(await getBlastRadius(db, other.risk, `vendor:${vendor.id}`)).toBeNull();
    expect(await getBlastRadius(db, risk, "component:purl:pkg:none/nothing@0")).toBeNull();
    expect(await getBlastRadius(db, risk, "not a key")).toBeNull();
    expect(await getBlastRadius(db, risk, ["asset:x"])).toBeNull();
    await expect(getBlastRadius(db, supplier, gateway)).rejects.toMatchObject({ code: "FORBIDDEN" });

    expect((await searchGraphNodes(db, risk, "gw-01")).map((m) => m.key)).toContain(gateway);
    const found = (await searchGraphNodes(db, other.risk, "acme controls")).map((m) => m.key);
    expect(found).toContain(`vendor:${other.vendor.id}`);
    expect(found.some((key) => key.includes(vendor.id))).toBe(false);
  });
});

describe("vendor score details", () => {
  it("ranks the answers that moved the score by the exposure their linkages carry, and draws a capped neighbourhood", async () => {
    const { db, vendor, risk, supplier } = await scoredAcme();
    const details = await getVendorScoreDetails(db, risk, vendor.id);
    const { neighbourhood, movingAnswers } = details;
    expect(movingAnswers.length).toBeGreaterThan(0);
    expect(movingAnswers.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < movingAnswers.length; i++)
      expect(movingAnswers[i]!.drop).toBeLessThanOrEqual(movingAnswers[i - 1]!.drop);

    const workspace = await getWhatIfWorkspace(db, risk, vendor.id);
    for (const m of movingAnswers) {
      expect(m.drop).toBeGreaterThan(0);
      expect(m.questionLabel).not.toBe(m.questionId);
      const ids = workspace.linkages
        .filter((l) => l.questionId === m.questionId && l.assessmentId === m.assessmentId)
        .map((l) => l.id);
      expect(ids).toHaveLength(m.linkageCount);
      const result = await evaluateScenario(db, risk, {
        vendorId: vendor.id,
        changes: { ...noChanges, remove: ids },
      });
      expect(-result.vendors[0]!.exposureDelta).toBeCloseTo(m.drop, 9);
    }

    expect(neighbourhood!.nodes.length).toBeLessThanOrEqual(NEIGHBOURHOOD_NODE_CAP);
    expect(neighbourhood!.nodes[0]).toMatchObject({ key: `vendor:${vendor.id}`, hop: 0 });
    const keys = new Set(neighbourhood!.nodes.map((n) => n.key));
    for (const e of neighbourhood!.edges) expect(keys.has(e.from) && keys.has(e.to)).toBe(true);
    expect(neighbourhood!.edges.some((e) => e.onBestPath && e.source === "ASSESSMENT" && e.questionId)).toBe(
      true,
    );
    expect(details.criticalAssets.every((x) => x.criticality >= 4)).toBe(true);

    await expect(getVendorScoreDetails(db, supplier, vendor.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const other = await scoredAcme();
    await expect(getVendorScoreDetails(db, other.risk, vendor.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
