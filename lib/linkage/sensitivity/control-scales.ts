/**
 * Ordered control scales of the built-in template: for each question whose answers are controls of
 * one kind, its answers from the strongest to the weakest. The sensitivity report and the
 * monotonicity property test read them: a stronger answer must never raise a vendor's exposure.
 *
 * - choices (single choice, yes/no): choice ids, strongest first;
 * - numbers: `{ lowerIsStronger }` (fix days, people with access) — the sample values come from the
 *   thresholds in the template's conditions;
 * - group fields: `"<question>.<field>"`, choice ids strongest first.
 * Questions that describe the footprint rather than a control (product classes, zones, update paths,
 * mechanisms) have no scale: the report still measures them, without a direction.
 */
export type ControlScale = { readonly order: readonly string[] } | { readonly lowerIsStronger: boolean };

export const CONTROL_SCALES: Readonly<Record<string, ControlScale>> = {
  scope_cloud_dependency: { order: ["none", "optional", "required"] },
  scope_device_identity: { order: ["hardware_rooted", "software", "shared", "none"] },
  fw_sbom_available: { order: ["yes", "no"] },
  fw_sbom_depth: { order: ["full_transitive", "top_level"] },
  "fw_components.source": { order: ["source_available", "binary_only"] },
  fw_binary_blobs: { order: ["no", "yes"] },
  fw_fix_days: { lowerIsStronger: true },
  fw_upstream_monitoring: { order: ["yes", "no"] },
  fw_end_of_life_components: { order: ["no", "yes"] },
  sub_product_origin: { order: ["own_design", "odm_customised", "white_label"] },
  sub_build_access: { order: ["no", "yes"] },
  "sub_build_access_list.access": {
    order: ["source_code", "build_system", "release_pipeline", "signing_keys"],
  },
  sub_notification_hours: { lowerIsStronger: true },
  upd_signature: {
    order: ["bootloader", "application", "tool_verified", "signed_not_verified", "checksum", "none"],
  },
  upd_verification_disableable: { order: ["no", "yes"] },
  upd_anti_rollback: { order: ["yes", "no"] },
  upd_key_custody: { order: ["hsm_dual_control", "hsm_single", "software"] },
  upd_key_holders: { lowerIsStronger: true },
  upd_key_rotation: { order: ["scheduled", "on_compromise", "never"] },
  upd_fleet_fanout: { order: ["no", "yes"] },
  upd_patch_qualification_days: { lowerIsStronger: true },
  ra_model: { order: ["none", "on_demand", "always_on", "third_party"] },
  ra_accounts: { order: ["individual_jit", "individual", "shared"] },
  ra_session_approval: { order: ["yes", "no"] },
  ra_session_recording: { order: ["yes", "no"] },
  ra_kill_switch: { order: ["yes", "no"] },
  ra_mfa: { order: ["phishing_resistant", "other_mfa", "password"] },
  ra_people: { lowerIsStronger: true },
  ra_subcontractors: { order: ["no", "yes"] },
  ra_shared_platform: { order: ["no", "yes"] },
  ra_platform_admin_auth: { order: ["phishing_resistant", "other_mfa", "password"] },
  ra_tenant_isolation: { order: ["dedicated", "logical", "none"] },
  ra_site_media: { order: ["none", "scanned_managed", "unmanaged"] },
  cred_defaults: { order: ["unique_forced", "shared_default", "hard_coded"] },
  cred_shared_across_customers: { order: ["no", "yes"] },
  cred_long_lived: { order: ["no", "yes"] },
  "cred_list.lifetime": { order: ["under_1_day", "under_90_days", "under_1_year", "over_1_year", "never"] },
  "cred_list.scope": { order: ["single_unit", "single_site", "all_sites", "many_customers"] },
  cred_rotation_days: { lowerIsStronger: true },
  cred_delegated_push: { order: ["no", "yes"] },
  cred_push_approval: { order: ["yes", "no"] },
  cred_platform_admins: { lowerIsStronger: true },
  cred_federation: { order: ["yes", "no"] },
  cred_embedded_secrets: { order: ["secure_element", "per_unit", "shared"] },
  net_product_auth: { order: ["role_based", "authenticated", "none"] },
  net_bridges_zones: { order: ["no", "yes"] },
  net_unauthenticated_writes: { order: ["no", "yes"] },
  net_outbound_internet: { order: ["no", "yes"] },
  net_debug_ports: { order: ["disabled", "locked", "open"] },
  vuln_fix_days: { lowerIsStronger: true },
  vuln_threat_model: { order: ["yes", "no"] },
  vuln_pentest: { order: ["yes", "no"] },
  ops_siem_direct: { order: ["yes", "no"] },
  ops_backup_restore: { order: ["yes", "no"] },
  ops_cloud_outage: { order: ["full", "degraded", "stops"] },
  ops_integrity_events: { order: ["yes", "no"] },
  dev_background_checks: { order: ["yes", "no"] },
  dev_build_provenance: { order: ["signed_attestation", "internal_records", "none"] },
  dev_sub_supplier_assessed: { lowerIsStronger: false },
  dev_security_training: { order: ["yes", "no"] },
};
