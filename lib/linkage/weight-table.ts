/**
 * The one control weight table (issue 12 item 7): the levels of `DEFAULT_WEIGHTS.controlWeights`
 * (lib/scoring, which the what-if reads through the organisation's config), what each level means,
 * and the answers of the built-in template (version 2) that produce exactly that weight. A unit test
 * (weight-table.test.ts) checks that the three agree: the scoring defaults, these realisations
 * extracted from the template, the what-if controls, and the generated table in
 * docs/linkage-extraction.md.
 *
 * Pure and client-safe (the what-if controls import the level names).
 */
import { DEFAULT_WEIGHTS, type LinkageKind } from "../scoring";

export interface ControlLevel {
  readonly kind: LinkageKind;
  readonly level: string;
  readonly meaning: string;
  /**
   * How template 2 produces this weight: answers (on top of neutral ones) and the chain of rule ids
   * whose linkage weights multiply to the level, from the vendor (or its operated node) to the
   * product or zone. Absent: a buyer-side level no supplier answer can set (network design).
   */
  readonly realisedBy?: {
    readonly answers: Readonly<Record<string, unknown>>;
    readonly chain: readonly string[];
    readonly summary: string;
  };
}

export const CONTROL_LEVELS = [
  {
    kind: "adjacency",
    level: "flat-network",
    meaning: "the product shares a flat network with what it can reach",
  },
  {
    kind: "adjacency",
    level: "shared-gateway-no-filtering",
    meaning: "a shared gateway forwards everything",
  },
  { kind: "adjacency", level: "shared-broker-no-acl", meaning: "a shared broker without topic ACLs" },
  { kind: "adjacency", level: "shared-gateway-filtered", meaning: "a shared gateway that filters" },
  { kind: "adjacency", level: "segmented-firewall", meaning: "segmented behind a filtering firewall" },
  { kind: "adjacency", level: "unidirectional-gateway", meaning: "a unidirectional gateway (data diode)" },
  {
    kind: "inheritance",
    level: "unsigned-update",
    meaning: "updates are not authenticated (none or checksum only)",
    realisedBy: {
      answers: { upd_paths: ["cloud_push"], upd_signature: "none" },
      chain: ["upd_channel_cloud_push", "upd_path_cloud_push"],
      summary: "cloud push, signature not checked",
    },
  },
  {
    kind: "inheritance",
    level: "signed-not-verified",
    meaning: "signed, but the unit does not verify (or verification can be switched off)",
    realisedBy: {
      answers: { upd_paths: ["cloud_push"], upd_signature: "signed_not_verified" },
      chain: ["upd_channel_cloud_push", "upd_path_cloud_push"],
      summary: "cloud push, signed but not verified on the unit",
    },
  },
  {
    kind: "inheritance",
    level: "shared-sdk-unpatched",
    meaning: "firmware whose components nobody tracks",
    realisedBy: {
      answers: { fw_sbom_available: "no", fw_upstream_monitoring: "no" },
      chain: ["fw_vendor_builds_firmware", "fw_firmware_in_product"],
      summary: "no SBOM, advisories not monitored",
    },
  },
  {
    kind: "inheritance",
    level: "signed-verified-on-install",
    meaning: "the updater verifies the signature (or bootloader verification without evidence)",
    realisedBy: {
      answers: {
        upd_paths: ["cloud_push"],
        upd_signature: "application",
        upd_verification_disableable: "no",
        upd_key_custody: "hsm_dual_control",
        upd_key_holders: 2,
      },
      chain: ["upd_channel_cloud_push", "upd_path_cloud_push"],
      summary: "cloud push, verified by the updater, key in an HSM with dual control",
    },
  },
  {
    kind: "inheritance",
    level: "sbom-and-vex-monitored",
    meaning: "a full SBOM whose components' advisories are monitored",
    realisedBy: {
      answers: { fw_sbom_available: "yes", fw_sbom_depth: "full_transitive", fw_upstream_monitoring: "yes" },
      chain: ["fw_vendor_builds_firmware", "fw_firmware_in_product"],
      summary: "full transitive SBOM, advisories monitored (VEX)",
    },
  },
  {
    kind: "inheritance",
    level: "signed-verified-in-bootloader",
    meaning: "the bootloader verifies the signature, with evidence attached",
    realisedBy: {
      answers: {
        upd_paths: ["cloud_push"],
        upd_signature: "bootloader",
        upd_verification_disableable: "no",
        upd_verification_evidence: [
          { fileId: "f-boot", name: "secure-boot-test.pdf", kind: "pdf", bytes: 1000 },
        ],
        upd_anti_rollback: "no",
        upd_key_custody: "hsm_dual_control",
        upd_key_holders: 2,
      },
      chain: ["upd_channel_cloud_push", "upd_path_cloud_push"],
      summary: "cloud push, bootloader verification with a test report, key in an HSM with dual control",
    },
  },
  {
    kind: "trust",
    level: "always-on-shared-credentials",
    meaning: "always-on remote access with shared accounts",
    realisedBy: {
      answers: {
        ra_model: "always_on",
        ra_mechanisms: ["cellular_modem"],
        ra_accounts: "shared",
        ra_mfa: "other_mfa",
      },
      chain: ["ra_staff_accounts", "ra_via_cellular_modem", "ra_path_cellular", "ra_session_zone"],
      summary: "always on, shared accounts, MFA, through a cellular modem",
    },
  },
  {
    kind: "trust",
    level: "long-lived-service-account",
    meaning: "a long-lived service account shared between customers or sites",
    realisedBy: {
      answers: { cred_shared_across_customers: "yes", cred_rotation_days: 180 },
      chain: ["cred_shared_service_account_held", "cred_shared_service_account"],
      summary: "a service account shared across customers, rotated twice a year",
    },
  },
  {
    kind: "trust",
    level: "always-on-individual-accounts",
    meaning: "always-on remote access with individual accounts",
    realisedBy: {
      answers: {
        ra_model: "always_on",
        ra_mechanisms: ["cellular_modem"],
        ra_accounts: "individual",
        ra_mfa: "other_mfa",
      },
      chain: ["ra_staff_accounts", "ra_via_cellular_modem", "ra_path_cellular", "ra_session_zone"],
      summary: "always on, individual accounts, MFA, through a cellular modem",
    },
  },
  {
    kind: "trust",
    level: "on-demand-with-mfa",
    meaning: "sessions opened on demand, with MFA",
    realisedBy: {
      answers: {
        ra_model: "on_demand",
        ra_mechanisms: ["cellular_modem"],
        ra_accounts: "individual",
        ra_mfa: "other_mfa",
      },
      chain: ["ra_staff_accounts", "ra_via_cellular_modem", "ra_path_cellular", "ra_session_zone"],
      summary: "on demand, individual accounts, MFA",
    },
  },
  {
    kind: "trust",
    level: "on-demand-mfa-and-session-approval",
    meaning: "on demand, with MFA, each session approved by the buyer",
    realisedBy: {
      answers: {
        ra_model: "on_demand",
        ra_mechanisms: ["cellular_modem"],
        ra_accounts: "individual",
        ra_mfa: "other_mfa",
        ra_session_approval: "yes",
      },
      chain: ["ra_staff_accounts", "ra_via_cellular_modem", "ra_path_cellular", "ra_session_zone"],
      summary: "on demand, individual accounts, MFA, each session approved",
    },
  },
  {
    kind: "trust",
    level: "no-remote-access",
    meaning: "no remote access: nothing is emitted",
    realisedBy: { answers: { ra_model: "none" }, chain: [], summary: "no remote access" },
  },
] as const satisfies readonly ControlLevel[];

export type ControlLevelName = (typeof CONTROL_LEVELS)[number]["level"];

/** The weight of a level: the scoring engine's default table is the single source of the numbers. */
export function controlLevelWeight(kind: LinkageKind, level: string): number | undefined {
  const table = DEFAULT_WEIGHTS.controlWeights[kind];
  return Object.hasOwn(table, level) ? table[level] : undefined;
}

export const WEIGHT_TABLE_BEGIN =
  "<!-- weight-table:begin (generated from lib/linkage/weight-table.ts; weight-table.test.ts checks it) -->";
export const WEIGHT_TABLE_END = "<!-- weight-table:end -->";

/** The table as Markdown, for docs/linkage-extraction.md. */
export function renderWeightTable(): string {
  const rows = CONTROL_LEVELS.map((l: ControlLevel) => {
    const weight = controlLevelWeight(l.kind, l.level);
    const how = l.realisedBy
      ? `${l.realisedBy.summary} (\`${l.realisedBy.chain.join("` × `") || "no linkage"}\`)`
      : "buyer-side: set by the network, not by a supplier answer";
    return `| ${l.kind} | \`${l.level}\` | ${weight} | ${l.meaning} | ${how} |`;
  });
  return [
    WEIGHT_TABLE_BEGIN,
    "| kind | level | weight | meaning | template 2 answers that give it |",
    "|---|---|---|---|---|",
    ...rows,
    WEIGHT_TABLE_END,
  ].join("\n");
}
