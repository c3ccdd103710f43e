// The ID-tampering matrix as data (issue 10): for every page, API route and server action of the
// portal, how to aim it at a victim's ids and who may pass its capability check. The suite
// (id-tampering.spec.ts) reads the real lists from app/ and the build, and fails when one of them
// has no entry here or an entry here names something that no longer exists.
//
// `who` lists the roles that pass the capability check (an independent copy of lib/auth/roles.ts:
// the test must not ask the code under test what it should allow).
//   expect "denied":    the request names the victim's ids. Allowed roles must get 404 (pages and
//                       API) or NOT_FOUND (actions); 403 / FORBIDDEN also counts as denied.
//   expect "contained": nothing in the request can name a victim row, or a foreign id must be
//                       ignored: allowed roles succeed on their own data, and the response holds
//                       nothing of the victim and the victim's rows stay unchanged.
// Everyone else gets 403 / FORBIDDEN; a visitor without a session is sent to sign-in (pages),
// gets 401 (API) or UNAUTHENTICATED (actions). `control` is who owns the ids: as that person the
// request must answer 200 and show the victim's marker, which proves the ids are live.
import { getOtSupplierBaselineTemplate } from "../../lib/questionnaire";
import type { VictimKit } from "./support/victims";

export type Role = "ADMIN" | "PROCUREMENT" | "RISK_OFFICER" | "SUPPLIER" | "ANONYMOUS";

const STAFF = ["ADMIN", "PROCUREMENT", "RISK_OFFICER"] as const satisfies readonly Role[];
const SIGNED_IN = [...STAFF, "SUPPLIER"] as const satisfies readonly Role[];
const EVERYONE = [...SIGNED_IN, "ANONYMOUS"] as const satisfies readonly Role[];
const ADMIN = ["ADMIN"] as const satisfies readonly Role[];
const BUYERS = ["ADMIN", "PROCUREMENT"] as const satisfies readonly Role[];
const SCORERS = ["ADMIN", "RISK_OFFICER"] as const satisfies readonly Role[];
const SUPPLIER = ["SUPPLIER"] as const satisfies readonly Role[];

export interface HttpProbe {
  path: string;
  method?: "GET" | "POST";
  /** For POST: built per call (a FormData can be sent once). */
  body?: () => FormData;
}

export interface RequestEntry {
  who: readonly Role[];
  expect: "denied" | "contained";
  probes: (v: VictimKit) => HttpProbe[];
  control?: "ADMIN" | "SUPPLIER";
}

export interface ActionEntry {
  who: readonly Role[];
  expect: "denied" | "contained";
  /** Other answers that also mean "nothing of the victim's": a form's field error on the foreign
   *  id (VALIDATION naming that field, or a field under it: "remove" covers "remove.0"), or a
   *  poll that answers null as for an unknown id. */
  deniedAlso?: { validationOn?: readonly string[]; nullData?: true };
  /** One argument list per attempt. `unique()` gives a fresh suffix for names (never the victim's
   *  marker); `own` is the attacker's own tenant's kit, for mixing own ids with the victim's
   *  (the victim's kit again where the attacker has none: a supplier, a visitor). */
  calls: (v: VictimKit, unique: () => string, own: VictimKit) => unknown[][];
}

const get = (path: string): HttpProbe => ({ path });

/** Pages, keyed by route as app/ spells it (route groups dropped). */
export const PAGES: Record<string, RequestEntry> = {
  "/": { who: SIGNED_IN, expect: "contained", probes: () => [get("/")] },
  "/sign-in": {
    who: EVERYONE,
    expect: "contained",
    probes: (v) => [get(`/sign-in?callbackUrl=%2Fvendors%2F${v.vendorId}`)],
  },
  "/invite/[token]": {
    who: EVERYONE,
    expect: "contained",
    probes: (v) => [get(`/invite/${v.invitationId}`), get(`/invite/${v.assetId}`)],
  },
  "/assessments": {
    who: STAFF,
    expect: "contained",
    probes: (v) => [get(`/assessments?vendorId=${v.vendorId}&filter=all`)],
  },
  "/assessments/[id]": {
    who: STAFF,
    expect: "denied",
    control: "ADMIN",
    probes: (v) => [
      get(`/assessments/${v.submittedAssessmentId}`),
      get(`/assessments/${v.inProgressAssessmentId}?revision=1`),
    ],
  },
  "/assessments/new": {
    who: BUYERS,
    expect: "contained",
    probes: (v) => [get(`/assessments/new?vendorId=${v.vendorId}`)],
  },
  "/audit": {
    who: ADMIN,
    expect: "contained",
    probes: (v) => [get("/audit"), get(`/audit?actor=${v.supplierUserId}`)],
  },
  "/blast-radius": {
    who: STAFF,
    expect: "contained",
    probes: (v) => [
      get(`/blast-radius?node=vendor%3A${v.vendorId}`),
      get(`/blast-radius?node=asset%3A${v.assetId}`),
      get(`/blast-radius?q=${v.probe}`),
    ],
  },
  "/compare": { who: STAFF, expect: "contained", probes: (v) => [get(`/compare?v=${v.vendorId}`)] },
  "/inventory": { who: STAFF, expect: "contained", probes: (v) => [get(`/inventory?q=${v.probe}`)] },
  "/inventory/[id]": {
    who: STAFF,
    expect: "denied",
    control: "ADMIN",
    probes: (v) => [get(`/inventory/${v.assetId}`)],
  },
  "/inventory/[id]/edit": {
    who: ADMIN,
    expect: "denied",
    control: "ADMIN",
    probes: (v) => [get(`/inventory/${v.assetId}/edit`)],
  },
  "/inventory/import": { who: ADMIN, expect: "contained", probes: () => [get("/inventory/import")] },
  "/inventory/new": { who: ADMIN, expect: "contained", probes: () => [get("/inventory/new")] },
  "/outbox": { who: ADMIN, expect: "contained", probes: () => [get("/outbox")] },
  "/outbox/[id]": {
    who: ADMIN,
    expect: "denied",
    control: "ADMIN",
    probes: (v) => [get(`/outbox/${v.mailId}`)],
  },
  "/scores": { who: STAFF, expect: "contained", probes: (v) => [get(`/scores?q=${v.probe}`)] },
  "/settings/scoring": { who: ADMIN, expect: "contained", probes: () => [get("/settings/scoring")] },
  "/supplier/assessments/[id]": {
    who: SUPPLIER,
    expect: "denied",
    control: "SUPPLIER",
    probes: (v) => [
      get(`/supplier/assessments/${v.inProgressAssessmentId}`),
      get(`/supplier/assessments/${v.submittedAssessmentId}`),
    ],
  },
  "/templates": { who: STAFF, expect: "contained", probes: () => [get("/templates")] },
  "/templates/[id]": {
    who: STAFF,
    expect: "denied",
    control: "ADMIN",
    probes: (v) => [get(`/templates/${v.templateId}`)],
  },
  "/vendors": { who: STAFF, expect: "contained", probes: (v) => [get(`/vendors?q=${v.probe}&archived=all`)] },
  "/vendors/[id]": {
    who: STAFF,
    expect: "denied",
    control: "ADMIN",
    probes: (v) => [get(`/vendors/${v.vendorId}`)],
  },
  "/vendors/[id]/edit": {
    who: BUYERS,
    expect: "denied",
    control: "ADMIN",
    probes: (v) => [get(`/vendors/${v.vendorId}/edit`)],
  },
  "/vendors/[id]/score": {
    who: STAFF,
    expect: "denied",
    probes: (v) => [get(`/vendors/${v.vendorId}/score`)],
  },
  "/vendors/new": { who: BUYERS, expect: "contained", probes: () => [get("/vendors/new")] },
  "/what-if": {
    who: STAFF,
    expect: "denied",
    control: "ADMIN",
    probes: (v) => [
      get(`/what-if?vendor=${v.vendorId}`),
      get(`/what-if?vendor=${v.vendorId}&scenario=${v.scenarioId}`),
    ],
  },
};

/** A small but real PDF whose bytes carry no marker (an upload must not plant one in the attacker's tenant). */
const probePdf = () => {
  const form = new FormData();
  form.set("questionId", "net_listening_services_file");
  form.set(
    "file",
    new File(
      [
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
      ],
      "probe.pdf",
      { type: "application/pdf" },
    ),
  );
  return form;
};

/** API routes, keyed by route as app/ spells it. */
export const ROUTES: Record<string, RequestEntry> = {
  "/api/auth/[...nextauth]": {
    who: EVERYONE,
    expect: "contained",
    probes: () => [get("/api/auth/session"), get("/api/auth/providers")],
  },
  "/api/assessments/[id]/evidence": {
    who: SUPPLIER,
    expect: "denied",
    probes: (v) =>
      [v.inProgressAssessmentId, v.submittedAssessmentId].map((id) => ({
        path: `/api/assessments/${id}/evidence`,
        method: "POST" as const,
        body: probePdf,
      })),
  },
  "/api/evidence/[id]": {
    who: SIGNED_IN,
    expect: "denied",
    control: "SUPPLIER",
    probes: (v) => [get(`/api/evidence/${v.evidenceId}`)],
  },
  "/api/exports/portfolio.csv": {
    who: STAFF,
    expect: "contained",
    probes: (v) => [get(`/api/exports/portfolio.csv?q=${v.probe}`)],
  },
  "/api/graph/export": { who: STAFF, expect: "contained", probes: () => [get("/api/graph/export")] },
  "/audit/export.csv": {
    who: ADMIN,
    expect: "contained",
    probes: (v) => [get("/audit/export.csv"), get(`/audit/export.csv?actor=${v.supplierUserId}&entity=User`)],
  },
  "/api/search": {
    who: STAFF,
    expect: "contained",
    probes: (v) => [
      get(`/api/search?type=vendor&q=${v.probe}`),
      get(`/api/search?type=asset&q=${v.probe}`),
      get(`/api/search?type=target&q=${v.probe}`),
      get(`/api/search?type=scored-vendor&q=${v.probe}`),
      get(`/api/search?type=asset&undeployedFor=${v.vendorId}`),
    ],
  },
  "/api/templates/[id]/export": {
    who: STAFF,
    expect: "denied",
    control: "ADMIN",
    probes: (v) => [get(`/api/templates/${v.templateId}/export`)],
  },
  "/api/vendors/[id]/contacts": {
    who: BUYERS,
    expect: "denied",
    control: "ADMIN",
    probes: (v) => [get(`/api/vendors/${v.vendorId}/contacts`)],
  },
  "/api/vendors/[id]/report": {
    who: STAFF,
    expect: "denied",
    probes: (v) => [get(`/api/vendors/${v.vendorId}/report`)],
  },
};

const noChanges = { controls: [], remove: [], reweight: [] };
const asset = (name: string) => ({ name, type: "OTHER", criticality: 1, safetyImpact: false, aliases: [] });
const probeTemplate = (key: string) =>
  JSON.stringify({
    ...getOtSupplierBaselineTemplate(),
    key,
    version: 1,
    title: `Probe questionnaire ${key}`,
  });
/** The default weights (lib/scoring DEFAULT_WEIGHTS), so an allowed save changes no score. */
const DEFAULT_SETTINGS = {
  criticality1: 1,
  criticality2: 2,
  criticality3: 4,
  criticality4: 8,
  criticality5: 16,
  probabilityThreshold: 0.01,
  criticalAssetMinCriticality: 4,
  topPathCount: 3,
};

/** Server actions, keyed by exported name (unique across app/). */
export const ACTIONS: Record<string, ActionEntry> = {
  // vendors and contacts
  createVendorAction: {
    who: BUYERS,
    expect: "contained",
    calls: (v, u) => [[{ name: `Probe vendor ${u()}`, tier: "LOW", organizationId: v.organizationId }]],
  },
  updateVendorAction: {
    who: BUYERS,
    expect: "denied",
    calls: (v, u) => [[v.vendorId, { name: `Probe vendor ${u()}`, tier: "LOW" }]],
  },
  setVendorArchivedAction: { who: BUYERS, expect: "denied", calls: (v) => [[v.vendorId, true]] },
  createContactAction: {
    who: BUYERS,
    expect: "denied",
    calls: (v, u) => [[v.vendorId, { name: "Probe Contact", email: `probe-${u()}@attacker.test` }]],
  },
  updateContactAction: {
    who: BUYERS,
    expect: "denied",
    calls: (v, u) => [[v.spareContactId, { name: "Probe Contact", email: `probe-${u()}@attacker.test` }]],
  },
  deleteContactAction: { who: BUYERS, expect: "denied", calls: (v) => [[v.spareContactId]] },
  addDeploymentAction: {
    who: BUYERS,
    expect: "denied",
    calls: (v, _u, own) => [
      [v.vendorId, { assetId: v.asset2Id, note: "probe" }],
      [own.vendorId, { assetId: v.asset2Id, note: "probe" }],
      [v.vendorId, { assetId: own.asset2Id, note: "probe" }],
    ],
  },
  removeDeploymentAction: { who: BUYERS, expect: "denied", calls: (v) => [[v.deploymentId]] },
  setBuyerControlsAction: {
    who: BUYERS,
    expect: "denied",
    calls: (v) => [
      [v.deploymentId, { controls: ["key_switch_run"] }],
      [v.deploymentId, { controls: [] }],
    ],
  },
  addManualLinkageAction: {
    who: STAFF,
    expect: "denied",
    deniedAlso: { validationOn: ["toKey"] },
    calls: (v, _u, own) => [
      [
        {
          vendorId: v.vendorId,
          toKey: `asset:${v.asset2Id}`,
          kind: "TRUST",
          weight: 0.5,
          reason: "probe reason",
        },
      ],
      [
        {
          vendorId: own.vendorId,
          toKey: `asset:${v.asset2Id}`,
          kind: "TRUST",
          weight: 0.5,
          reason: "probe reason",
        },
      ],
      [
        {
          vendorId: own.vendorId,
          toKey: `vendor:${v.vendorId}`,
          kind: "TRUST",
          weight: 0.5,
          reason: "probe reason",
        },
      ],
    ],
  },
  removeManualLinkageAction: { who: STAFF, expect: "denied", calls: (v) => [[v.manualLinkageId]] },
  // assessments and review
  createAssessmentAction: {
    who: BUYERS,
    expect: "denied",
    deniedAlso: { validationOn: ["vendorId", "contactId", "templateId"] },
    calls: (v, _u, own) => [
      [
        {
          vendorId: v.vendorId,
          contactId: v.contactId,
          templateId: v.templateId,
          dueDate: "2031-01-31",
          send: false,
        },
      ],
      [
        {
          vendorId: own.vendorId,
          contactId: own.contactId,
          templateId: v.templateId,
          dueDate: "2031-01-31",
          send: false,
        },
      ],
      [
        {
          vendorId: own.vendorId,
          contactId: v.contactId,
          templateId: own.templateId,
          dueDate: "2031-01-31",
          send: false,
        },
      ],
    ],
  },
  sendAssessmentAction: { who: BUYERS, expect: "denied", calls: (v) => [[v.draftAssessmentId]] },
  remindAssessmentAction: { who: BUYERS, expect: "denied", calls: (v) => [[v.sentAssessmentId]] },
  revokeInvitationsAction: { who: BUYERS, expect: "denied", calls: (v) => [[v.sentAssessmentId]] },
  cancelAssessmentAction: { who: BUYERS, expect: "denied", calls: (v) => [[v.inProgressAssessmentId]] },
  addCommentAction: {
    who: STAFF,
    expect: "denied",
    calls: (v) => [[v.submittedAssessmentId, { questionId: "scope_product_names", body: "probe comment" }]],
  },
  deleteCommentAction: { who: STAFF, expect: "denied", calls: (v) => [[v.commentId]] },
  requestChangesAction: {
    who: STAFF,
    expect: "denied",
    calls: (v) => [[v.submittedAssessmentId, { message: "probe" }]],
  },
  acceptAssessmentAction: { who: STAFF, expect: "denied", calls: (v) => [[v.submittedAssessmentId]] },
  // suppliers and invitations
  saveDraftAction: {
    who: SUPPLIER,
    expect: "denied",
    calls: (v) => [[v.inProgressAssessmentId, { scope_product_names: "probe" }, v.inProgressVersion]],
  },
  submitResponseAction: {
    who: SUPPLIER,
    expect: "denied",
    calls: (v) => [[v.inProgressAssessmentId, v.inProgressVersion]],
  },
  acceptInvitationAction: {
    who: EVERYONE,
    expect: "denied",
    calls: (v) => [
      [
        v.invitationId,
        { name: "Probe Person", password: "probe-password-1234", confirm: "probe-password-1234" },
      ],
    ],
  },
  acceptInvitationAsUserAction: { who: SUPPLIER, expect: "denied", calls: (v) => [[v.invitationId]] },
  // templates
  importTemplateAction: {
    who: ADMIN,
    expect: "contained",
    calls: (_v, u) => [[probeTemplate(`probe-${u()}`)]],
  },
  // inventory
  createAssetAction: {
    who: ADMIN,
    expect: "contained",
    calls: (_v, u) => [[{ ...asset(`Probe asset ${u()}`), organizationId: _v.organizationId }]],
  },
  updateAssetAction: {
    who: ADMIN,
    expect: "denied",
    calls: (v, u) => [[v.assetId, asset(`Probe asset ${u()}`)]],
  },
  deleteAssetAction: { who: ADMIN, expect: "denied", calls: (v) => [[v.assetId]] },
  previewAssetImportAction: {
    who: ADMIN,
    expect: "contained",
    calls: (_v, u) => [[`name,type,criticality\nProbe asset ${u()},other,1\n`]],
  },
  importAssetsAction: {
    who: ADMIN,
    expect: "contained",
    calls: (_v, u) => [[`name,type,criticality\nProbe asset ${u()},other,1\n`]],
  },
  addConnectionAction: {
    who: ADMIN,
    expect: "denied",
    calls: (v, _u, own) => [
      [
        {
          fromAssetId: v.assetId,
          toAssetId: v.asset2Id,
          kind: "ADJACENCY",
          weight: 0.5,
          reason: "probe reason",
        },
      ],
      [
        {
          fromAssetId: own.assetId,
          toAssetId: v.asset2Id,
          kind: "ADJACENCY",
          weight: 0.5,
          reason: "probe reason",
        },
      ],
    ],
  },
  removeConnectionAction: { who: ADMIN, expect: "denied", calls: (v) => [[v.inventoryLinkageId]] },
  // scores, what-if, settings
  requestFullRecomputeAction: { who: SCORERS, expect: "contained", calls: () => [[]] },
  getScoringRunAction: {
    who: STAFF,
    expect: "denied",
    deniedAlso: { nullData: true },
    calls: (v) => [[v.scoringRunId]],
  },
  saveScoringSettingsAction: { who: ADMIN, expect: "contained", calls: () => [[DEFAULT_SETTINGS]] },
  saveExposureBandsAction: {
    who: ADMIN,
    expect: "contained",
    calls: () => [[{ guarded: 4, elevated: 16, high: 48, severe: 96 }]],
  },
  evaluateWhatIfAction: {
    who: STAFF,
    expect: "denied",
    deniedAlso: { validationOn: ["remove", "reweight"] },
    calls: (v, _u, own) => [
      [{ vendorId: v.vendorId, changes: { ...noChanges, remove: [v.manualLinkageId] } }],
      [
        {
          vendorId: own.vendorId,
          changes: {
            ...noChanges,
            remove: [v.manualLinkageId],
            reweight: [{ linkageId: v.inventoryLinkageId, weight: 0 }],
          },
        },
      ],
    ],
  },
  saveScenarioAction: {
    who: STAFF,
    expect: "denied",
    calls: (v, u) => [[{ name: `Probe scenario ${u()}`, vendorId: v.vendorId, changes: noChanges }]],
  },
  loadScenarioAction: { who: STAFF, expect: "denied", calls: (v) => [[v.scenarioId]] },
  deleteScenarioAction: { who: STAFF, expect: "denied", calls: (v) => [[v.scenarioId]] },
  previewRemediationAction: { who: STAFF, expect: "denied", calls: (v) => [[v.scenarioId]] },
  sendRemediationAction: {
    who: STAFF,
    expect: "denied",
    calls: (v) => [[{ scenarioId: v.scenarioId, message: "probe" }]],
  },
};
