/**
 * The two reference vendors of the sensitivity report (issue 12): a PLC maker with a 40-unit fleet
 * behind a shared gateway (signed-but-not-verified cloud pushes, an always-on VPN with individual
 * accounts, an RTOS from a sub-supplier) and an HMI maker with one unit (bootloader-verified signed
 * updates, on-demand MFA with session approval, SBOM + VEX monitored). Every asset has the same
 * criticality, so a per-unit ratio between them reflects the answers only.
 *
 * Answers name the strongest wording a template offers: `prefer(a, b)` takes the first choice the
 * template knows, so the same vendor answers version 1 (no "signed, not verified") and version 2.
 */
import type { GraphLinkageInput } from "../../scoring";
import { assetKey } from "../keys";
import type { Deployment, InventoryAsset } from "../types";

export const PREFER = Symbol("prefer");
/** A choice answer with fallbacks, resolved against the template by adaptAnswers. */
export interface Preferred {
  readonly [PREFER]: readonly string[];
}
export const prefer = (...choices: string[]): Preferred => ({ [PREFER]: choices });

export type ReferenceAnswers = Readonly<Record<string, unknown>>;

export interface ReferenceVendor {
  readonly id: "plc" | "hmi";
  readonly vendor: { readonly id: string; readonly name: string };
  readonly units: number;
  readonly deployments: readonly Deployment[];
  readonly answers: ReferenceAnswers;
}

const CRITICALITY = 4;
const PLC_COUNT = 40;
const pdf = (fileId: string, name: string) => ({ fileId, name, kind: "pdf", bytes: 120_000 });

const plcIds = Array.from({ length: PLC_COUNT }, (_, i) => `plc-${String(i + 1).padStart(2, "0")}`);

export const REFERENCE_INVENTORY: ReadonlyArray<InventoryAsset & { criticality: number }> = [
  {
    id: "zone-cell",
    name: "Line control cell",
    type: "zone",
    aliases: ["Level 1"],
    criticality: CRITICALITY,
  },
  {
    id: "zone-supervisory",
    name: "Supervisory network",
    type: "zone",
    aliases: ["Level 2"],
    criticality: CRITICALITY,
  },
  {
    id: "gw-shared",
    name: "GW-SHARED",
    type: "gateway",
    aliases: ["Cell gateway"],
    criticality: CRITICALITY,
  },
  ...plcIds.map((id, i) => ({ id, name: `Line PLC ${i + 1}`, type: "controller", criticality: CRITICALITY })),
  { id: "hmi-1", name: "Operator HMI", type: "hmi", criticality: CRITICALITY },
];

/** The buyer's own adjacency: zone membership and the gateway in front of the PLCs. */
export const REFERENCE_BUYER_LINKAGES: readonly GraphLinkageInput[] = [
  ...plcIds.flatMap((id): GraphLinkageInput[] => [
    {
      from: "asset:zone-cell",
      to: assetKey(id),
      kind: "adjacency",
      weight: 0.3,
      reason: "Member of the line control cell",
    },
    {
      from: "asset:gw-shared",
      to: assetKey(id),
      kind: "adjacency",
      weight: 0.5,
      reason: "The shared gateway writes to every PLC",
    },
  ]),
  {
    from: "asset:zone-supervisory",
    to: "asset:hmi-1",
    kind: "adjacency",
    weight: 0.3,
    reason: "Member of the supervisory network",
  },
];

const common = {
  scope_sites: 1,
  scope_device_identity: "software",
  vuln_psirt: "yes",
  vuln_disclosure_policy: "Coordinated disclosure, advisories within 90 days.",
  vuln_threat_model: "yes",
  ops_security_logs: ["authentication", "configuration"],
  ops_log_format: "syslog",
  ops_siem_direct: "yes",
  ops_backup_restore: "yes",
  ops_secure_reset: "yes",
  ops_config_export: "yes",
  dev_background_checks: "yes",
  dev_incident_notification_hours: 24,
  dev_security_training: "yes",
} as const;

export const PLC_REFERENCE: ReferenceVendor = {
  id: "plc",
  vendor: { id: "ref-plc", name: "Reference PLC vendor" },
  units: PLC_COUNT,
  deployments: plcIds.map((id, i) => ({
    assetId: id,
    assetName: `Line PLC ${i + 1}`,
    assetType: "controller",
    zone: "zone-cell",
  })),
  answers: {
    ...common,
    scope_product_classes: ["controller"],
    scope_product_names: "Reference L-40 PLC",
    scope_units: PLC_COUNT,
    scope_zones: ["level_1"],
    scope_cloud_dependency: "optional",
    fw_sbom_available: "yes",
    fw_sbom_depth: "top_level",
    fw_components: [
      {
        type: "os_rtos",
        name: "Embedded RTOS",
        version: "5.2",
        supplier: "RTOS Works",
        source: "binary_only",
      },
      { type: "network_stack", name: "lwIP", version: "2.1.3", source: "source_available" },
    ],
    fw_binary_blobs: "no",
    fw_fix_days: 120,
    fw_upstream_monitoring: "no",
    fw_end_of_life_components: "no",
    sub_sdks_present: "yes",
    sub_sdks: [
      {
        name: "RTOS Works BSP",
        supplier: "RTOS Works",
        version: "5.2",
        purpose: "other",
        talks_externally: "no",
      },
    ],
    sub_product_origin: "own_design",
    sub_build_access: "no",
    sub_notification_hours: 120,
    upd_paths: ["cloud_push"],
    upd_signature: prefer("signed_not_verified", "checksum"),
    // Hidden while the signature is not verified; they count when the report tries stronger signatures.
    upd_verification_disableable: "no",
    upd_anti_rollback: "no",
    upd_key_custody: "hsm_single",
    upd_key_holders: 4,
    upd_patch_qualification_days: 60,
    upd_key_rotation: "on_compromise",
    upd_customer_control: ["stage"],
    upd_fleet_fanout: "yes",
    upd_end_of_support: "2030-12-31",
    ra_model: "always_on",
    ra_mechanisms: ["vpn"],
    ra_accounts: "individual",
    ra_platform_admin_auth: "other_mfa",
    ra_site_media: "scanned_managed",
    ra_session_approval: "no",
    ra_session_recording: "no",
    ra_kill_switch: "no",
    ra_mfa: "other_mfa",
    ra_people: 12,
    ra_subcontractors: "no",
    ra_shared_platform: "no",
    cred_defaults: "unique_forced",
    cred_embedded_secrets: "per_unit",
    cred_shared_across_customers: "no",
    cred_long_lived: "yes",
    cred_list: [
      {
        name: "support VPN certificate",
        kind: "certificate",
        holder: "support desk",
        lifetime: "under_1_year",
        scope: "single_site",
      },
    ],
    cred_rotation_days: 180,
    cred_delegated_push: "no",
    cred_federation: "no",
    net_uses_hubs: "yes",
    net_hubs: [{ name: "GW-SHARED", role: "gateway", provided_by: "customer" }],
    net_protocols: ["modbus"],
    net_product_auth: "authenticated",
    net_secure_defaults: "no",
    net_debug_ports: "locked",
    net_bridges_zones: "no",
    net_unauthenticated_writes: "yes",
    net_outbound_internet: "yes",
    vuln_advisory_formats: ["web_pdf"],
    vuln_fix_days: 90,
    vuln_pentest: "no",
    vuln_customer_notification: "on_request",
    ops_cloud_outage: "degraded",
    ops_integrity_events: "no",
    dev_certifications: ["none"],
    dev_build_provenance: "internal_records",
    dev_sub_supplier_assessed: 60,
  },
};

export const HMI_REFERENCE: ReferenceVendor = {
  id: "hmi",
  vendor: { id: "ref-hmi", name: "Reference HMI vendor" },
  units: 1,
  deployments: [{ assetId: "hmi-1", assetName: "Operator HMI", assetType: "hmi", zone: "zone-supervisory" }],
  answers: {
    ...common,
    scope_product_classes: ["hmi"],
    scope_product_names: "Reference H-1 operator panel",
    scope_units: 1,
    scope_zones: ["level_2"],
    scope_cloud_dependency: "none",
    fw_sbom_available: "yes",
    fw_sbom_file: [{ fileId: "file-ref-sbom", name: "h1.cdx.json", kind: "cyclonedx_json", bytes: 40_000 }],
    fw_sbom_depth: "full_transitive",
    fw_components: [
      {
        type: "os_rtos",
        name: "Zephyr RTOS",
        version: "3.5.0",
        purl: "pkg:github/zephyrproject-rtos/zephyr@v3.5.0",
        source: "source_available",
      },
      { type: "crypto_library", name: "Mbed TLS", version: "3.5.2", source: "source_available" },
    ],
    fw_binary_blobs: "no",
    fw_fix_days: 20,
    fw_upstream_monitoring: "yes",
    fw_end_of_life_components: "no",
    sub_sdks_present: "no",
    sub_product_origin: "own_design",
    sub_build_access: "no",
    sub_notification_hours: 48,
    upd_paths: ["portal_pull"],
    upd_signature: "bootloader",
    upd_verification_disableable: "no",
    upd_verification_evidence: [pdf("file-ref-boot", "secure-boot-test-report.pdf")],
    upd_anti_rollback: "yes",
    upd_patch_qualification_days: 21,
    upd_key_custody: "hsm_dual_control",
    upd_key_holders: 3,
    upd_key_rotation: "scheduled",
    upd_customer_control: ["stage", "approve", "rollback"],
    upd_fleet_fanout: "no",
    upd_end_of_support: "2033-06-30",
    ra_model: "on_demand",
    ra_mechanisms: ["jump_host"],
    ra_accounts: "individual",
    ra_platform_admin_auth: "phishing_resistant",
    ra_site_media: "none",
    ra_session_approval: "yes",
    ra_session_recording: "yes",
    ra_kill_switch: "yes",
    ra_mfa: "phishing_resistant",
    ra_people: 4,
    ra_subcontractors: "no",
    ra_shared_platform: "no",
    cred_defaults: "unique_forced",
    cred_embedded_secrets: "secure_element",
    cred_shared_across_customers: "no",
    cred_long_lived: "no",
    cred_rotation_days: 90,
    cred_delegated_push: "no",
    cred_federation: "yes",
    net_uses_hubs: "no",
    net_protocols: ["opcua_secure"],
    net_product_auth: "role_based",
    net_secure_defaults: "yes",
    net_debug_ports: "disabled",
    net_bridges_zones: "no",
    net_unauthenticated_writes: "no",
    net_outbound_internet: "no",
    vuln_advisory_formats: ["csaf", "vex"],
    vuln_advisory_sample: [pdf("file-ref-adv", "advisory.pdf")],
    vuln_fix_days: 25,
    vuln_pentest: "yes",
    vuln_pentest_report: [pdf("file-ref-pentest", "pentest.pdf")],
    vuln_pentest_date: "2026-03-01",
    vuln_customer_notification: "proactive",
    ops_cloud_outage: "full",
    ops_integrity_events: "yes",
    dev_certifications: ["iec_62443_4_1"],
    dev_certification_level: "level_2",
    dev_certificates: [pdf("file-ref-cert", "62443-4-1.pdf")],
    dev_build_provenance: "signed_attestation",
    dev_sub_supplier_assessed: 95,
  },
};

export const REFERENCE_VENDORS: readonly ReferenceVendor[] = [PLC_REFERENCE, HMI_REFERENCE];
