/**
 * One weight table (issue 12 item 7): the scoring defaults, the built-in template's rules, the what-if
 * controls and the table in docs/linkage-extraction.md agree.
 */
import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { getLatestOtSupplierBaselineTemplate } from "../questionnaire";
import { DEFAULT_WEIGHTS, LINKAGE_KINDS } from "../scoring";
import { WHAT_IF_CONTROLS } from "../what-if/controls";
import { extractLinkages } from "./extract-linkages";
import { CONTROL_LEVELS, controlLevelWeight, renderWeightTable, type ControlLevel } from "./weight-table";

/** Answers that fire no modifier on the rules of a realisation chain (numbers between their bands). */
const NEUTRAL: Record<string, unknown> = {
  scope_product_classes: ["controller"],
  scope_units: 1,
  scope_zones: ["level_1"],
  scope_cloud_dependency: "none",
  fw_sbom_available: "no",
  fw_binary_blobs: "no",
  fw_fix_days: 60,
  fw_upstream_monitoring: "no",
  fw_end_of_life_components: "no",
  sub_sdks_present: "no",
  sub_product_origin: "own_design",
  sub_build_access: "no",
  sub_notification_hours: 100,
  upd_paths: ["cloud_push"],
  upd_signature: "none",
  upd_customer_control: ["nothing"],
  upd_fleet_fanout: "no",
  upd_patch_qualification_days: 60,
  ra_model: "none",
  ra_people: 10,
  ra_subcontractors: "no",
  ra_session_approval: "no",
  ra_session_recording: "no",
  ra_kill_switch: "no",
  ra_shared_platform: "no",
  ra_platform_admin_auth: "phishing_resistant",
  ra_site_media: "none",
  cred_defaults: "unique_forced",
  cred_embedded_secrets: "secure_element",
  cred_shared_across_customers: "no",
  cred_long_lived: "no",
  cred_rotation_days: 180,
  cred_delegated_push: "no",
  cred_federation: "no",
  net_uses_hubs: "no",
  net_protocols: ["opcua_secure"],
  net_product_auth: "role_based",
  net_secure_defaults: "yes",
  net_debug_ports: "disabled",
  net_bridges_zones: "no",
  net_unauthenticated_writes: "no",
  net_outbound_internet: "no",
  vuln_fix_days: 60,
  vuln_threat_model: "no",
  vuln_pentest: "no",
  ops_siem_direct: "yes",
  ops_integrity_events: "no",
  ops_backup_restore: "yes",
  dev_certifications: ["none"],
  dev_background_checks: "no",
  dev_build_provenance: "none",
  dev_sub_supplier_assessed: 60,
  dev_security_training: "no",
};

describe("the control weight table", () => {
  it("lists exactly the scoring engine's default levels, per kind", () => {
    for (const kind of LINKAGE_KINDS) {
      const listed = CONTROL_LEVELS.filter((l) => l.kind === kind)
        .map((l) => l.level)
        .sort();
      expect(listed, kind).toEqual(Object.keys(DEFAULT_WEIGHTS.controlWeights[kind]).sort());
    }
  });

  it("every what-if control names a level of its kind in the table", () => {
    for (const control of WHAT_IF_CONTROLS) {
      expect(
        CONTROL_LEVELS.some((l) => l.kind === control.kind && l.level === control.level),
        control.id,
      ).toBe(true);
      expect(controlLevelWeight(control.kind, control.level), control.id).toBeDefined();
    }
  });

  it("docs/linkage-extraction.md carries the generated table", () => {
    expect(readFileSync(new URL("../../docs/linkage-extraction.md", import.meta.url), "utf8")).toContain(
      renderWeightTable(),
    );
  });

  const template = getLatestOtSupplierBaselineTemplate();
  for (const level of CONTROL_LEVELS as readonly ControlLevel[]) {
    if (!level.realisedBy) continue;
    const { answers, chain } = level.realisedBy;
    it(`template ${template.version} gives ${level.kind} "${level.level}" exactly its weight (${chain.join(" × ") || "no linkage"})`, () => {
      const result = extractLinkages({
        template,
        answers: { ...NEUTRAL, ...answers },
        provenance: { assessmentId: "a", revision: 1 },
        vendor: { id: "v", name: "V" },
        deployments: [{ assetId: "unit-1", assetName: "Unit 1", assetType: "controller", zone: "zone-1" }],
        assets: [{ id: "zone-1", name: "Cell", type: "zone", aliases: ["Level 1"] }],
      });
      expect(result.warnings).toEqual([]);
      const weightOf = (ruleId: string) =>
        Math.max(
          0,
          ...result.linkages.flatMap((l) =>
            l.provenance.filter((p) => p.ruleId === ruleId && !p.custody).map((p) => p.weight),
          ),
        );
      const expected = controlLevelWeight(level.kind, level.level)!;
      if (chain.length === 0) {
        expect(
          result.linkages.some(
            (l) => l.kind === level.kind && l.provenance.some((p) => p.questionId.startsWith("ra_")),
          ),
        ).toBe(false);
        expect(expected).toBe(0);
        return;
      }
      expect(chain.reduce((product, ruleId) => product * weightOf(ruleId), 1)).toBeCloseTo(expected, 9);
    });
  }
});
