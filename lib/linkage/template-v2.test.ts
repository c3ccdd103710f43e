/**
 * Template 2 of the built-in "OT supplier baseline" and linkage rules 2 (issue 12): the file is a
 * valid successor of version 1 that existing answers still satisfy, and each rule change holds —
 * every firmware/SDK answer reaches the score, controls sit in series with the paths they guard,
 * fan-out is counted once, unknowns are one placeholder at the worst weight, gates are at least as
 * pessimistic as their rows, and the strongest controls need evidence for full credit.
 */
import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import * as demo from "@/prisma/seed/northwind-demo-answers";
import { acmeAnswers, nordgateAnswers } from "@/tests/support/linkage/baseline-answers";

import {
  checkTemplateSuccession,
  exportTemplateJson,
  getOtSupplierBaselineTemplate,
  parseTemplateJson,
  validateAnswers,
  type Question,
} from "../questionnaire";
import { extractLinkages } from "./extract-linkages";
import { HMI_REFERENCE, PLC_REFERENCE, REFERENCE_INVENTORY } from "./sensitivity/reference-vendors";
import {
  adaptAnswers,
  referenceExposure,
  referenceInheritedExposure,
} from "./sensitivity/sensitivity-report";
import type { ExtractionResult } from "./types";

const v1 = getOtSupplierBaselineTemplate(1);
const v2 = getOtSupplierBaselineTemplate(2);
const FILE = new URL("../questionnaire/templates/ot-supplier-baseline-v2.json", import.meta.url);
const questions = (t = v2) => t.sections.flatMap((s) => s.questions);

const extract = (answers: Record<string, unknown>, ref = PLC_REFERENCE): ExtractionResult =>
  extractLinkages({
    template: v2,
    answers,
    provenance: { assessmentId: "a", revision: 1 },
    vendor: ref.vendor,
    deployments: ref.deployments,
    assets: REFERENCE_INVENTORY,
  });
const plc = adaptAnswers(v2, PLC_REFERENCE.answers);
const hmi = adaptAnswers(v2, HMI_REFERENCE.answers);
const exposure = (answers: Record<string, unknown>, ref = PLC_REFERENCE) =>
  referenceExposure(v2, ref, answers);
const vendorKey = (ref = PLC_REFERENCE) => `vendor:${ref.vendor.id}`;
const rulesOf = (r: ExtractionResult) =>
  new Set(r.linkages.flatMap((l) => l.provenance.map((p) => p.ruleId)));
/** The weight a rule gave its linkage into a deployed unit (custody linkages carry the rule id too). */
const unitWeight = (r: ExtractionResult, ruleId: string) =>
  r.linkages.find(
    (l) => l.toKey.startsWith("asset:") && l.provenance.some((p) => p.ruleId === ruleId && !p.custody),
  )!.weight;

/** An update path's weight: its channel (the hop the fleet shares) times its hop into a unit. */
const pathWeight = (r: ExtractionResult, path: string) =>
  r.linkages.find((l) => l.provenance.some((p) => p.ruleId === `upd_channel_${path}`))!.weight *
  unitWeight(r, `upd_path_${path}`);

describe("template 2 file", () => {
  it("is valid, canonical, and a proper successor of version 1", () => {
    const parsed = parseTemplateJson(readFileSync(FILE, "utf8"));
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    expect(parsed.ok && exportTemplateJson(parsed.template)).toBe(readFileSync(FILE, "utf8"));
    expect(v2.key).toBe(v1.key);
    expect(checkTemplateSuccession(v1, v2)).toEqual([]);
  });

  it("keeps every version-1 answer set a valid submission (new questions are optional)", () => {
    const sets = {
      acmeAnswers,
      nordgateAnswers,
      ...Object.fromEntries(
        Object.entries(demo).filter(([k]) => k.endsWith("Answers") && k !== "vireoDraftAnswers"),
      ),
    };
    for (const [name, answers] of Object.entries(sets)) {
      const result = validateAnswers(v2, answers as Record<string, unknown>, "submission");
      expect(result.ok ? [] : result.errors, name).toEqual([]);
    }
    const added = questions().filter((q) => !questions(v1).some((o) => o.id === q.id));
    expect(added.length).toBeGreaterThanOrEqual(12);
    expect(added.every((q) => !q.required)).toBe(true);
  });

  it("cites SP 800-213A / 800-82r3 instead of the consumer profile IR 8425, and 62443-4-2 clauses", () => {
    const standards = new Set(questions().flatMap((q) => (q.references ?? []).map((r) => r.standard)));
    expect(standards.has("NIST IR 8425")).toBe(false);
    for (const s of [
      "NIST SP 800-213A",
      "NIST SP 800-82r3",
      "IEC 62443-4-2",
      "IEC 62443-2-4",
      "IEC 62443-4-1",
    ])
      expect(standards.has(s), s).toBe(true);
    const clauses = new Set(
      questions().flatMap((q) => (q.references ?? []).map((r) => `${r.standard} ${r.clause}`)),
    );
    for (const c of [
      "IEC 62443-4-2 CR 1.1",
      "IEC 62443-4-2 CR 1.5",
      "IEC 62443-4-2 EDR 3.10",
      "IEC 62443-4-2 EDR 2.13",
      "IEC 62443-4-1 SUM-3",
      "IEC 62443-2-4 SP.10",
      "NIST SP 800-161r1 MA-4",
      "NIST SP 800-161r1 MA-5",
      "IEC 62443-4-2 CR 7.7",
      "IEC 62443-4-2 CR 6.2",
    ]) {
      expect(clauses.has(c), c).toBe(true);
    }
  });

  it("offers the answers version 1 could not give: signed but not verified, individual named accounts", () => {
    const choices = (id: string) =>
      (questions().find((q) => q.id === id) as Question & { choices: { id: string }[] }).choices.map(
        (c) => c.id,
      );
    expect(choices("upd_signature")).toContain("signed_not_verified");
    expect(choices("ra_accounts")).toEqual(
      expect.arrayContaining(["individual", "individual_jit", "shared"]),
    );
  });
});

describe("linkage rules 2", () => {
  it("firmware and SDK answers reach the vendor: vendor → firmware → every deployed unit", () => {
    const r = extract(plc);
    const fw = `${vendorKey()}/component/firmware`;
    expect(r.linkages.some((l) => l.fromKey === vendorKey() && l.toKey === fw)).toBe(true);
    expect(r.linkages.filter((l) => l.fromKey === fw && l.toKey.startsWith("asset:plc-")).length).toBe(40);
    for (const [q, worse] of [
      ["fw_upstream_monitoring", "no"],
      ["fw_binary_blobs", "yes"],
      ["sub_sdks_present", "yes"],
      ["sub_product_origin", "white_label"],
      ["dev_security_training", "no"],
    ] as const) {
      const better = {
        ...hmi,
        [q]:
          q === "fw_upstream_monitoring" || q === "dev_security_training"
            ? "yes"
            : q === "sub_product_origin"
              ? "own_design"
              : "no",
      };
      expect(exposure({ ...hmi, [q]: worse }, HMI_REFERENCE), q).toBeGreaterThan(
        exposure(better, HMI_REFERENCE),
      );
    }
  });

  it("shows an inherited exposure: what arrives through the firmware, in (0, exposure], and it follows the firmware answers", () => {
    const inherited = (answers: Record<string, unknown>) =>
      referenceInheritedExposure(v2, HMI_REFERENCE, answers);
    expect(inherited(hmi)).toBeGreaterThan(0);
    expect(inherited(hmi)).toBeLessThanOrEqual(exposure(hmi, HMI_REFERENCE));
    expect(inherited({ ...hmi, fw_sbom_available: "no", fw_upstream_monitoring: "no" })).toBeGreaterThan(
      inherited(hmi),
    );
    // version 1 has no firmware node: nothing inherited reaches the vendor's score
    expect(referenceInheritedExposure(v1, HMI_REFERENCE, adaptAnswers(v1, HMI_REFERENCE.answers))).toBe(0);
  });

  it("key custody is a factor on the update path, not a parallel trust edge", () => {
    const r = extract({ ...plc, upd_signature: "bootloader" });
    expect(
      [...rulesOf(r)].some(
        (id) => id.startsWith("upd_key_") && r.linkages.some((l) => l.fromKey.includes("update_signing_key")),
      ),
    ).toBe(false);
    const path = (custody: string) =>
      pathWeight(extract({ ...plc, upd_signature: "application", upd_key_custody: custody }), "cloud_push");
    expect(path("hsm_dual_control")).toBeLessThan(path("hsm_single"));
    expect(path("hsm_single")).toBeLessThan(path("software"));
    // a key file never makes signing worse than not signing
    expect(path("software")).toBeLessThanOrEqual(
      pathWeight(extract({ ...plc, upd_signature: "none" }), "cloud_push"),
    );
  });

  it("remote access is one chain: MFA matters through a cloud relay too, and no custody shortcut bypasses it", () => {
    const relay = { ...plc, ra_mechanisms: ["cloud_relay"] };
    const r = extract(relay);
    const mech = `${vendorKey()}/remote_access/cloud_relay`;
    expect(r.linkages.some((l) => l.fromKey === vendorKey() && l.toKey === mech)).toBe(false);
    expect(
      r.linkages.some((l) => l.fromKey === `${vendorKey()}/remote_access/staff_accounts` && l.toKey === mech),
    ).toBe(true);
    const zoneHop = (answers: Record<string, unknown>) => {
      const res = extract(answers);
      const w = (id: string) =>
        res.linkages.find((l) => l.provenance.some((p) => p.ruleId === id))?.weight ?? 0;
      return w("ra_staff_accounts") * w("ra_via_cloud_relay") * w("ra_path_cloud_relay");
    };
    expect(zoneHop({ ...relay, ra_mfa: "phishing_resistant" })).toBeLessThan(
      zoneHop({ ...relay, ra_mfa: "password" }),
    );
    expect(zoneHop({ ...relay, ra_session_approval: "yes" })).toBeLessThan(zoneHop(relay));
  });

  it("the customer's jump host is a customer asset with no vendor custody", () => {
    const r = extract({ ...plc, ra_mechanisms: ["jump_host"] });
    const jump = r.nodes.find((n) => n.key.endsWith("/asset/customer_jump_host"))!;
    expect(jump.type).toBe("asset");
    expect(r.linkages.some((l) => l.toKey === jump.key && l.fromKey === vendorKey())).toBe(false);
    expect(r.needsMapping.some((m) => m.nodeKey === jump.key)).toBe(true);
  });

  it("a shared platform is its own source node; a third-party service sits in the chain, with no custody shortcut", () => {
    const r = extract({ ...plc, ra_model: "third_party", ra_shared_platform: "yes" });
    const shared = `${vendorKey()}/sub_supplier/shared_remote_access_platform`;
    expect(r.linkages.some((l) => l.fromKey === shared)).toBe(true);
    expect(r.linkages.some((l) => l.toKey === shared)).toBe(false);
    const service = `${vendorKey()}/remote_access/third_party_service`;
    expect(r.linkages.filter((l) => l.toKey === service).map((l) => l.fromKey)).toEqual([
      `${vendorKey()}/remote_access/staff_accounts`,
    ]);
    expect(
      r.linkages.some((l) => l.fromKey === service && l.toKey === `${vendorKey()}/remote_access/vpn`),
    ).toBe(true);
  });

  it("fan-out is counted once: no multiplier for 'one push updates every unit'", () => {
    const weight = (fanout: string) =>
      pathWeight(extract({ ...plc, upd_fleet_fanout: fanout }), "cloud_push");
    expect(weight("yes")).toBe(weight("no"));
  });

  it("an unknown multiple choice is one placeholder at the worst weight, never one node per choice", () => {
    const r = extract({ ...plc, upd_paths: ["dont_know"], ra_mechanisms: ["dont_know"] });
    const updateSources = new Set(
      r.linkages
        .filter((l) => l.provenance.some((p) => p.ruleId.startsWith("upd_path_") && !p.custody))
        .map((l) => l.fromKey),
    );
    expect([...updateSources]).toEqual([`${vendorKey()}/update_service/unknown/upd_paths`]);
    const mechanisms = new Set(
      r.linkages
        .filter((l) => l.fromKey === `${vendorKey()}/remote_access/staff_accounts`)
        .map((l) => l.toKey),
    );
    expect(mechanisms.size).toBeLessThanOrEqual(2); // the unknown vendor-run mechanism, and the customer's jump host
    expect(exposure({ ...plc, upd_paths: ["dont_know"] })).toBeGreaterThanOrEqual(
      exposure({ ...plc, upd_paths: ["cloud_push"] }) - 1e-9,
    );
  });

  it("gates are at least as pessimistic as the rows they stand for", () => {
    const byId = new Map(questions().map((q) => [q.id, q]));
    for (const [gate, rowQuestion] of [
      ["sub_sdks_present", "sub_sdks"],
      ["sub_build_access", "sub_build_access_list"],
      ["cred_long_lived", "cred_list"],
      ["net_uses_hubs", "net_hubs"],
    ] as const) {
      const gateRule = byId.get(gate)!.linkages!.find((r) => r.effect === "emit")!;
      const rows = byId.get(rowQuestion)!;
      if (rows.type !== "group" || gateRule.effect !== "emit") throw new Error("unexpected shape");
      for (const rule of (rows.linkages ?? []).filter((r) => r.effect === "emit" && r.perRow)) {
        if (rule.effect !== "emit") continue;
        let worst = Math.max(rule.weight, rule.unknownWeight);
        for (const field of rows.fields) {
          if (field.type !== "single_choice") continue;
          const factors = field.choices.flatMap((c) =>
            (c.linkages ?? [])
              .filter((m) => m.effect === "modify" && m.targets.includes(rule.id))
              .map((m) => (m.effect === "modify" ? Math.max(m.value, m.unknownValue) : 1)),
          );
          if (factors.length > 0) worst *= Math.max(1, ...factors);
        }
        if (gateRule.to.kind === rule.to.kind)
          expect(gateRule.unknownWeight, `${gate} vs ${rule.id}`).toBeGreaterThanOrEqual(
            Math.min(1, worst) - 1e-9,
          );
      }
    }
  });

  it("bootloader verification earns full credit only with evidence attached", () => {
    const w = (answers: Record<string, unknown>) =>
      pathWeight(extract(answers, HMI_REFERENCE), "portal_pull");
    const { upd_verification_evidence: _evidence, ...claimed } = hmi;
    expect(w(hmi)).toBeLessThan(w(claimed));
    // without evidence, bootloader verification is credited as verification on install
    expect(w({ ...claimed, upd_anti_rollback: "no" })).toBeCloseTo(
      w({ ...hmi, upd_signature: "application" }),
      9,
    );
    const { dev_certificates: _certificate, ...uncertified } = hmi;
    expect(exposure(hmi, HMI_REFERENCE)).toBeLessThan(exposure(uncertified, HMI_REFERENCE));
  });

  it("each control sits on the one hop the fleet shares; the hops into the units are structural (1)", () => {
    const r = extract(plc);
    const units = new Set(PLC_REFERENCE.deployments.map((d) => `asset:${d.assetId}`));
    const fromVendorSide = r.linkages.filter(
      (l) => units.has(l.toKey) && l.fromKey.startsWith(`${vendorKey()}/`) && !l.fromKey.includes("/asset/"),
    );
    expect(new Set(fromVendorSide.map((l) => l.fromKey)).size).toBeGreaterThanOrEqual(6);
    expect(fromVendorSide.filter((l) => l.weight !== 1)).toEqual([]);
    // the controls act on the shared hop: the signature on the update channel, SBOM on the firmware
    const hop = (answers: Record<string, unknown>, ruleId: string) =>
      extract(answers).linkages.find((l) => l.provenance.some((p) => p.ruleId === ruleId && !p.custody))!
        .weight;
    expect(hop({ ...plc, upd_signature: "bootloader" }, "upd_channel_cloud_push")).toBeLessThan(
      hop(plc, "upd_channel_cloud_push"),
    );
    expect(hop({ ...plc, fw_sbom_depth: "full_transitive" }, "fw_vendor_builds_firmware")).toBeLessThan(
      hop(plc, "fw_vendor_builds_firmware"),
    );
    expect(hop({ ...plc, ops_cloud_outage: "full" }, "scope_platform_optional_capability")).toBeLessThan(
      hop(plc, "scope_platform_optional_capability"),
    );
    expect(
      hop(
        { ...plc, cred_list: [{ ...(plc.cred_list as object[])[0], lifetime: "under_1_day" }] },
        "cred_row_trust_held",
      ),
    ).toBeLessThan(hop(plc, "cred_row_trust_held"));
  });

  it("the units reach their zone and shared gateway through one fleet hop, counted once", () => {
    const r = extract(plc);
    const fleet = `${vendorKey()}/component/fleet`;
    expect(r.linkages.filter((l) => l.toKey === fleet)).toHaveLength(PLC_REFERENCE.deployments.length);
    expect(r.linkages.filter((l) => l.toKey === "asset:gw-shared").map((l) => l.fromKey)).toEqual([fleet]);
    expect(
      r.linkages
        .filter(
          (l) =>
            l.toKey === "asset:zone-cell" && l.provenance.some((p) => p.ruleId === "scope_located_in_zone"),
        )
        .map((l) => l.fromKey),
    ).toEqual([fleet]);
    // one compromised unit or forty: the gateway is reached with the same weight
    const one = { ...PLC_REFERENCE, deployments: PLC_REFERENCE.deployments.slice(0, 1) };
    expect(extract(plc, one).linkages.find((l) => l.toKey === "asset:gw-shared")!.weight).toBe(
      r.linkages.find((l) => l.toKey === "asset:gw-shared")!.weight,
    );
  });

  it("a vendor-run remote session reaches the zone and, through the units' authentication, the units; the customer's jump host only the zone", () => {
    const r = extract(plc);
    const session = `${vendorKey()}/remote_access/session`;
    const logins = `${vendorKey()}/remote_access/unit_logins`;
    expect(r.linkages.filter((l) => l.toKey === session).map((l) => l.fromKey)).toEqual([
      `${vendorKey()}/remote_access/vpn`,
    ]);
    expect(r.linkages.some((l) => l.fromKey === session && l.toKey === "asset:zone-cell")).toBe(true);
    const loginHop = (auth: string) =>
      extract({ ...plc, net_product_auth: auth }).linkages.find(
        (l) => l.fromKey === session && l.toKey === logins,
      )!.weight;
    expect(loginHop("role_based")).toBeLessThan(loginHop("authenticated"));
    expect(loginHop("authenticated")).toBeLessThan(loginHop("none"));
    const jump = extract({ ...plc, ra_mechanisms: ["jump_host"] });
    expect(jump.linkages.some((l) => l.fromKey === session || l.toKey === session)).toBe(false);
    expect(jump.linkages.some((l) => l.toKey === logins || l.fromKey === logins)).toBe(false);
  });

  it('"don\'t know" on the remote-access model keeps the third-party service in the chain', () => {
    const service = `${vendorKey()}/remote_access/third_party_service`;
    const r = extract({ ...plc, ra_model: "dont_know" });
    expect(r.linkages.some((l) => l.fromKey === service)).toBe(true);
  });
});
