/**
 * The extraction contract of docs/questionnaire-format.md, one table of cases per rule type, on
 * small templates written for the case.
 */
import { describe, expect, it } from "vitest";

import { validateTemplate, type Template } from "../questionnaire";
import { extractLinkages } from "./extract-linkages";
import type { Deployment, ExtractionConfig, ExtractionResult, InventoryAsset } from "./types";

function makeTemplate(questions: any[], extraSections: any[] = []): Template {
  const result = validateTemplate({
    key: "linkage-test",
    version: 1,
    title: "Linkage test",
    description: "",
    sections: [{ id: "main", title: "Main", questions }, ...extraSections],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.template;
}

const vendor = { id: "v1", name: "Vendor One" };
const deployments: Deployment[] = [
  { assetId: "plc-1", assetName: "PLC 1", assetType: "controller", zone: "zone-a" },
  { assetId: "plc-2", assetName: "PLC 2", assetType: "controller", zone: "zone-b" },
];
const assets: InventoryAsset[] = [
  { id: "zone-a", name: "Cell A", type: "zone", aliases: ["Level 1"] },
  { id: "zone-b", name: "Supervisory", type: "zone", aliases: ["Level 2"] },
  { id: "gw-1", name: "GW-01", type: "gateway", aliases: ["Kiln gateway"] },
  { id: "plc-1", name: "PLC 1", type: "controller" },
  { id: "plc-2", name: "PLC 2", type: "controller" },
];

function run(
  template: Template,
  answers: Record<string, unknown>,
  overrides: { deployments?: Deployment[]; config?: Partial<ExtractionConfig> } = {},
): ExtractionResult {
  return extractLinkages({
    template,
    answers,
    provenance: { assessmentId: "asm-1", revision: 3 },
    vendor,
    deployments: overrides.deployments ?? deployments,
    assets,
    ...(overrides.config && { config: overrides.config }),
  });
}

/** "from -> to kind weight" lines, weights to 4 places, for compact expectations. */
function lines(result: ExtractionResult, filter: (ruleIds: string[]) => boolean = () => true): string[] {
  return result.linkages
    .filter((l) => filter(l.provenance.map((p) => p.ruleId)))
    .filter((l) => !l.provenance.every((p) => p.custody))
    .map((l) => `${l.fromKey} -> ${l.toKey} ${l.kind} ${Number(l.weight.toFixed(4))}`);
}

// ---------------------------------------------------------------------------------------------

const emitRule = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  effect: "emit",
  kind: "trust",
  from: { kind: "vendor" },
  to: { kind: "product" },
  weight: 0.5,
  unknownWeight: 0.8,
  reason: `Rule ${id}.`,
  ...extra,
});

describe("yes/no question rules (when tests the question)", () => {
  const template = makeTemplate([
    {
      id: "gate",
      type: "yesno",
      label: "Gate?",
      required: true,
      linkages: [emitRule("gate_yes", { when: 'gate = "yes"' })],
    },
  ]);
  it.each([
    ["yes", ["vendor:v1 -> asset:plc-1 trust 0.5", "vendor:v1 -> asset:plc-2 trust 0.5"]],
    ["no", []],
    ["dont_know", ["vendor:v1 -> asset:plc-1 trust 0.8", "vendor:v1 -> asset:plc-2 trust 0.8"]],
    [undefined, ["vendor:v1 -> asset:plc-1 trust 0.8", "vendor:v1 -> asset:plc-2 trust 0.8"]],
  ])("gate = %j", (answer, expected) => {
    expect(lines(run(template, answer === undefined ? {} : { gate: answer }))).toEqual(expected);
  });

  it("a gate whose known weight is 0 emits nothing on yes, the pessimistic linkage on don't know", () => {
    const gate = makeTemplate([
      {
        id: "gate",
        type: "yesno",
        label: "Gate?",
        required: true,
        linkages: [emitRule("gate_zero", { when: 'gate = "yes"', weight: 0, unknownWeight: 0.7 })],
      },
    ]);
    expect(lines(run(gate, { gate: "yes" }))).toEqual([]);
    expect(lines(run(gate, { gate: "yes" }, { config: { dropZeroWeight: false } }))).toHaveLength(2);
    expect(lines(run(gate, { gate: "dont_know" }))).toEqual([
      "vendor:v1 -> asset:plc-1 trust 0.7",
      "vendor:v1 -> asset:plc-2 trust 0.7",
    ]);
  });
});

describe("single-choice rules", () => {
  const template = makeTemplate([
    {
      id: "cloud",
      type: "single_choice",
      label: "Cloud?",
      required: true,
      choices: [
        { id: "none", label: "No" },
        {
          id: "optional",
          label: "Optional",
          linkages: [
            emitRule("c_opt", {
              kind: "inheritance",
              from: { kind: "platform" },
              weight: 0.4,
              unknownWeight: 0.8,
            }),
          ],
        },
        {
          id: "required",
          label: "Required",
          linkages: [
            emitRule("c_req", {
              kind: "inheritance",
              from: { kind: "platform" },
              weight: 0.8,
              unknownWeight: 0.9,
            }),
          ],
        },
        { id: "dont_know", label: "Don't know", unknown: true },
      ],
    },
  ]);
  it.each([
    ["none", []],
    [
      "optional",
      [
        "vendor:v1/platform -> asset:plc-1 inheritance 0.4",
        "vendor:v1/platform -> asset:plc-2 inheritance 0.4",
      ],
    ],
    [
      "required",
      [
        "vendor:v1/platform -> asset:plc-1 inheritance 0.8",
        "vendor:v1/platform -> asset:plc-2 inheritance 0.8",
      ],
    ],
    // every choice rule fires at its unknownWeight; same (from, to, kind) merge to the highest
    [
      "dont_know",
      [
        "vendor:v1/platform -> asset:plc-1 inheritance 0.9",
        "vendor:v1/platform -> asset:plc-2 inheritance 0.9",
      ],
    ],
  ])("cloud = %j", (answer, expected) => {
    expect(lines(run(template, { cloud: answer }))).toEqual(expected);
  });

  it("records the choice in provenance and links the vendor to the platform it operates (custody)", () => {
    const result = run(template, { cloud: "required" });
    const toPlc = result.linkages.find((l) => l.toKey === "asset:plc-1")!;
    expect(toPlc.provenance).toEqual([
      {
        assessmentId: "asm-1",
        revision: 3,
        questionId: "cloud",
        ruleId: "c_req",
        choiceId: "required",
        unknown: false,
        weight: 0.8,
        reason: "Rule c_req.",
        modifiers: [],
      },
    ]);
    const custody = result.linkages.find((l) => l.fromKey === "vendor:v1")!;
    expect(custody).toMatchObject({ toKey: "vendor:v1/platform", kind: "inheritance", weight: 1 });
    expect(custody.provenance[0]).toMatchObject({ questionId: "cloud", ruleId: "c_req", custody: true });
    expect(
      run(template, { cloud: "required" }, { config: { custodyWeight: 0.6 } }).linkages.find(
        (l) => l.fromKey === "vendor:v1",
      )!.weight,
    ).toBe(0.6);
  });
});

describe("multiple-choice rules: each choice qualifies the implicit node", () => {
  const template = makeTemplate([
    {
      id: "paths",
      type: "multiple_choice",
      label: "Update paths",
      required: true,
      choices: [
        {
          id: "cloud_push",
          label: "Cloud push",
          linkages: [
            emitRule("p_cloud", {
              kind: "inheritance",
              from: { kind: "update_service" },
              weight: 0.8,
              unknownWeight: 0.8,
            }),
          ],
        },
        {
          id: "media",
          label: "USB stick",
          linkages: [
            emitRule("p_media", {
              kind: "inheritance",
              from: { kind: "update_service" },
              weight: 0.5,
              unknownWeight: 0.8,
            }),
          ],
        },
        { id: "dont_know", label: "Don't know", unknown: true, exclusive: true },
      ],
    },
  ]);
  it.each([
    [
      ["media"],
      [
        "vendor:v1/update_service/media -> asset:plc-1 inheritance 0.5",
        "vendor:v1/update_service/media -> asset:plc-2 inheritance 0.5",
      ],
    ],
    [
      // Unknown: one placeholder at the worst weight, not one node per choice (which would compound by noisy-OR).
      ["dont_know"],
      [
        "vendor:v1/update_service/unknown/paths -> asset:plc-1 inheritance 0.8",
        "vendor:v1/update_service/unknown/paths -> asset:plc-2 inheritance 0.8",
      ],
    ],
  ])("paths = %j", (answer, expected) => {
    expect(lines(run(template, { paths: answer }))).toEqual(expected);
  });
});

describe("modifiers", () => {
  const paths = {
    id: "paths",
    type: "multiple_choice",
    label: "Update paths",
    required: true,
    choices: [
      {
        id: "cloud_push",
        label: "Cloud push",
        linkages: [
          emitRule("p_cloud", {
            kind: "inheritance",
            from: { kind: "update_service" },
            weight: 0.8,
            unknownWeight: 0.9,
          }),
        ],
      },
      { id: "media", label: "USB stick" },
    ],
  };
  const signature = {
    id: "sig",
    type: "single_choice",
    label: "Signature verification",
    required: true,
    choices: [
      {
        id: "bootloader",
        label: "Bootloader",
        linkages: [
          {
            id: "m_boot",
            effect: "modify",
            targets: ["p_cloud"],
            op: "multiply",
            value: 0.2,
            unknownValue: 1,
            reason: "Verified in the bootloader.",
          },
        ],
      },
      {
        id: "checksum",
        label: "Checksum",
        linkages: [
          {
            id: "m_sum",
            effect: "modify",
            targets: ["p_cloud"],
            op: "multiply",
            value: 0.9,
            unknownValue: 1,
            reason: "Checksum only.",
          },
        ],
      },
      { id: "dont_know", label: "Don't know", unknown: true },
    ],
  };
  const fanout = {
    id: "fanout",
    type: "yesno",
    label: "Whole fleet at once?",
    required: true,
    linkages: [
      {
        id: "m_fan",
        effect: "modify",
        targets: ["p_cloud"],
        op: "multiply",
        value: 1.5,
        unknownValue: 1.5,
        when: 'fanout = "yes"',
        reason: "One push reaches the fleet.",
      },
    ],
  };
  const fixDays = {
    id: "fix_days",
    type: "number",
    label: "Days to fix",
    required: true,
    allowDontKnow: true,
    linkages: [
      {
        id: "m_fast",
        effect: "modify",
        targets: ["p_cloud"],
        op: "multiply",
        value: 0.8,
        unknownValue: 1.25,
        when: "fix_days <= 30",
        reason: "Fixed fast.",
      },
      {
        id: "m_slow",
        effect: "modify",
        targets: ["p_cloud"],
        op: "multiply",
        value: 1.25,
        unknownValue: 1.25,
        when: "fix_days > 180",
        reason: "Fixed slowly.",
      },
    ],
  };
  const override = {
    id: "airgap",
    type: "yesno",
    label: "Air-gapped?",
    required: true,
    linkages: [
      {
        id: "m_set",
        effect: "modify",
        targets: ["p_cloud"],
        op: "set",
        value: 0.1,
        unknownValue: 0.3,
        when: 'airgap = "yes"',
        reason: "Air-gapped.",
      },
    ],
  };
  const template = makeTemplate([paths, signature, fanout, fixDays, override]);
  const base = { paths: ["cloud_push"], sig: "checksum", fanout: "no", fix_days: 60, airgap: "no" };
  const weight = (answers: Record<string, unknown>) =>
    run(template, answers).linkages.find((l) => l.toKey === "asset:plc-1")!.weight;

  it.each([
    ["no modifier fires", {}, 0.8 * 0.9],
    ["bootloader", { sig: "bootloader" }, 0.8 * 0.2],
    ["fan-out multiplies above 1", { sig: "bootloader", fanout: "yes" }, 0.8 * 0.2 * 1.5],
    ["clamped to 1", { sig: "dont_know", fanout: "yes", fix_days: 365 }, 1],
    ["number bands: fast", { fix_days: 10 }, 0.8 * 0.9 * 0.8],
    ["number bands: slow", { fix_days: 200 }, 0.8 * 0.9 * 1.25],
    ["unknown number applies one band only (the worst)", { fix_days: "dont_know" }, 0.8 * 0.9 * 1.25],
    ["unknown choice applies its worst modifier at unknownValue", { sig: "dont_know" }, 0.8 * 1],
    ["set first, then multipliers", { airgap: "yes", fanout: "yes" }, 0.1 * 0.9 * 1.5],
    ["unknown set uses unknownValue", { airgap: "dont_know" }, 0.3 * 0.9],
    ["several known modifiers multiply", { sig: "bootloader", fix_days: 10 }, 0.8 * 0.2 * 0.8],
    ["emit unknown (unanswered), modifiers known", { paths: undefined }, 0.9 * 0.9],
  ])("%s", (_name, change, expected) => {
    expect(weight({ ...base, ...change })).toBeCloseTo(expected, 12);
  });

  it("explains the weight in words, in the order applied, and lists the modifiers in provenance", () => {
    const linkage = run(template, { ...base, fanout: "yes", fix_days: "dont_know" }).linkages.find(
      (l) => l.toKey === "asset:plc-1",
    )!;
    expect(linkage.reason).toBe(
      'Rule p_cloud. Checksum only. One push reaches the fleet. "Days to fix" is not known, so the least favourable adjustment is assumed.',
    );
    expect(linkage.provenance[0]!.modifiers).toEqual([
      { ruleId: "m_sum", questionId: "sig", op: "multiply", value: 0.9, unknown: false },
      { ruleId: "m_fan", questionId: "fanout", op: "multiply", value: 1.5, unknown: false },
      { ruleId: "m_fast", questionId: "fix_days", op: "multiply", value: 1.25, unknown: true },
    ]);
  });
});

describe("visibility: hidden questions neither emit nor modify", () => {
  const template = makeTemplate([
    {
      id: "zones",
      type: "multiple_choice",
      label: "Zones",
      required: true,
      choices: [
        { id: "level_1", label: "Level 1 — basic control" },
        { id: "level_2", label: "Level 2 — supervisory" },
        { id: "dont_know", label: "Don't know", unknown: true, exclusive: true },
      ],
    },
    {
      id: "remote",
      type: "single_choice",
      label: "Remote access",
      required: true,
      choices: [
        { id: "none", label: "None" },
        {
          id: "always_on",
          label: "Always on",
          linkages: [
            emitRule("ra_on", { to: { kind: "zone", answerOf: "zones" }, weight: 0.8, unknownWeight: 0.9 }),
          ],
        },
      ],
    },
    {
      id: "mfa",
      type: "yesno",
      label: "MFA?",
      required: true,
      condition: 'remote != "none"',
      linkages: [
        {
          id: "mfa_on",
          effect: "modify",
          targets: ["ra_on"],
          op: "multiply",
          value: 0.4,
          unknownValue: 1,
          when: 'mfa = "yes"',
          reason: "MFA.",
        },
        emitRule("mfa_missing", { when: 'mfa = "no"', weight: 0.6, unknownWeight: 0.6 }),
      ],
    },
  ]);

  it("answers to a hidden question are ignored", () => {
    // remote = none hides mfa; its stale "no" must not emit mfa_missing.
    expect(run(template, { remote: "none", zones: ["level_1"], mfa: "no" }).linkages).toEqual([]);
  });

  it("answerOf zones: selected zones map to inventory zones by alias", () => {
    expect(lines(run(template, { remote: "always_on", zones: ["level_1"], mfa: "yes" }))).toEqual([
      "vendor:v1 -> asset:zone-a trust 0.32",
    ]);
  });

  it("answerOf zones whose source is unknown expand to every zone in the inventory", () => {
    expect(lines(run(template, { remote: "always_on", zones: ["dont_know"], mfa: "yes" }))).toEqual([
      "vendor:v1 -> asset:zone-a trust 0.32",
      "vendor:v1 -> asset:zone-b trust 0.32",
    ]);
  });

  it("a zone missing from the inventory falls back to the deployments recorded there, else a placeholder to map", () => {
    const onlyLevel1 = [{ assetId: "plc-9", assetName: "PLC 9", assetType: "controller", zone: "level_1" }];
    const noZones = extractLinkages({
      template,
      answers: { remote: "always_on", zones: ["level_1", "level_2"], mfa: "no" },
      provenance: { assessmentId: "a", revision: 1 },
      vendor,
      deployments: onlyLevel1,
      assets: [],
    });
    expect(lines(noZones, (ids) => ids.includes("ra_on"))).toEqual([
      "vendor:v1 -> asset:plc-9 trust 0.8",
      "vendor:v1 -> vendor:v1/zone/level_2 trust 0.8",
    ]);
    expect(noZones.needsMapping).toEqual([
      {
        questionId: "remote",
        label: "Level 2 — supervisory",
        reason:
          'no zone in the inventory matches "Level 2 — supervisory" and no deployment of this vendor is recorded there; add the zone or record the deployment',
        nodeKey: "vendor:v1/zone/level_2",
      },
    ]);
    expect(noZones.nodes.find((n) => n.key === "vendor:v1/zone/level_2")).toMatchObject({
      type: "asset",
      placeholder: true,
    });
    expect(noZones.warnings).toEqual([
      'zone "Level 1 — basic control" (remote) matches no zone asset in the inventory; linked to the vendor\'s deployed assets there instead',
    ]);
  });

  it("a hidden follow-up stands in pessimistically only for an unknown emission", () => {
    // remote unanswered: its rules fire at unknownWeight; mfa is hidden ("!=" is false while unanswered),
    // and its modifier (unknownValue 1) cannot raise the weight, so it stands in for nothing.
    const result = run(template, { zones: ["level_1"], mfa: "yes" });
    expect(lines(result)).toEqual(["vendor:v1 -> asset:zone-a trust 0.9"]);
  });
});

describe("groups: per-row emission, row-scoped field modifiers, component identity", () => {
  const template = makeTemplate([
    {
      id: "components",
      type: "group",
      label: "Components",
      required: true,
      itemLabel: "Component",
      maxItems: 50,
      fields: [
        { id: "name", type: "text", label: "Name", required: true, maxLength: 200 },
        { id: "version", type: "text", label: "Version", required: false, maxLength: 50 },
        { id: "purl", type: "text", label: "purl", required: false, maxLength: 500 },
        { id: "cpe", type: "text", label: "CPE", required: false, maxLength: 500 },
        {
          id: "source",
          type: "single_choice",
          label: "Source",
          required: false,
          choices: [
            {
              id: "source",
              label: "Source",
              linkages: [
                {
                  id: "m_src",
                  effect: "modify",
                  targets: ["c_in"],
                  op: "multiply",
                  value: 0.8,
                  unknownValue: 1.4,
                  reason: "Built from source.",
                },
              ],
            },
            {
              id: "binary",
              label: "Binary",
              linkages: [
                {
                  id: "m_bin",
                  effect: "modify",
                  targets: ["c_in"],
                  op: "multiply",
                  value: 1.4,
                  unknownValue: 1.4,
                  reason: "Binary only.",
                },
              ],
            },
            { id: "dont_know", label: "Don't know", unknown: true },
          ],
        },
      ],
      linkages: [
        emitRule("c_in", {
          kind: "inheritance",
          perRow: true,
          from: { kind: "component", identifyBy: ["purl", "cpe", "name"] },
          weight: 0.5,
          unknownWeight: 0.7,
        }),
        emitRule("c_any", {
          kind: "inheritance",
          from: { kind: "component", name: "all_components" },
          weight: 0.2,
          unknownWeight: 0.3,
        }),
      ],
    },
  ]);
  const one = [{ assetId: "plc-1", assetName: "PLC 1", assetType: "controller" }];

  it.each([
    [
      "one linkage per row, each row modified by its own field",
      [
        { name: "FreeRTOS-Plus-TCP", version: "10.4.3", source: "source" },
        { name: "Blob", purl: "pkg:generic/blob@1", source: "binary" },
        { name: "mbed TLS", cpe: "cpe:/a:arm:mbed_tls:2.28.1" },
      ],
      [
        "component:cpe:cpe:2.3:a:arm:mbed_tls:2.28.1:*:*:*:*:*:*:* -> asset:plc-1 inheritance 0.7",
        "component:name:freertos plus tcp@10.4.3 -> asset:plc-1 inheritance 0.4",
        "component:purl:pkg:generic/blob@1 -> asset:plc-1 inheritance 0.7",
        "vendor:v1/component/all_components -> asset:plc-1 inheritance 0.2",
      ],
    ],
    [
      "an unknown list emits once to a placeholder, field modifiers at their unknown value",
      [],
      [
        "vendor:v1/component/all_components -> asset:plc-1 inheritance 0.3",
        "vendor:v1/component/unknown/components -> asset:plc-1 inheritance 0.98",
      ],
    ],
  ])("%s", (_name, rows, expected) => {
    expect(lines(run(template, { components: rows }, { deployments: one }))).toEqual(expected);
  });

  it("records the row index and names the component node by its identity", () => {
    const result = run(
      template,
      { components: [{ name: "x" }, { name: "FreeRTOS-Plus-TCP", version: "v10.4.3", source: "source" }] },
      { deployments: one },
    );
    const linkage = result.linkages.find((l) => l.fromKey === "component:name:freertos plus tcp@10.4.3")!;
    expect(linkage.provenance[0]).toMatchObject({ questionId: "components", ruleId: "c_in", rowIndex: 1 });
    expect(linkage.provenance[0]!.modifiers).toEqual([
      { ruleId: "m_src", questionId: "components", op: "multiply", value: 0.8, unknown: false, rowIndex: 1 },
    ]);
    expect(result.nodes.find((n) => n.key === linkage.fromKey)).toEqual({
      key: "component:name:freertos plus tcp@10.4.3",
      type: "component",
      name: "FreeRTOS-Plus-TCP 10.4.3",
      subtype: "component",
      identity: { normalizedName: "freertos plus tcp", version: "10.4.3" },
    });
  });

  it("warns about an unparseable purl and falls back to the name", () => {
    const result = run(
      template,
      { components: [{ name: "Foo", purl: "github.com/foo" }] },
      { deployments: one },
    );
    expect(result.linkages.map((l) => l.fromKey)).toContain("component:name:foo");
    expect(result.warnings).toEqual([
      'purl "github.com/foo" (components, row 1) is not a valid package URL; identified the component by the next identifier instead',
    ]);
  });
});

describe("named infrastructure → inventory assets", () => {
  const template = makeTemplate([
    {
      id: "hubs",
      type: "group",
      label: "Gateways and brokers",
      required: true,
      maxItems: 20,
      fields: [{ id: "name", type: "text", label: "Name", required: true, maxLength: 200 }],
      linkages: [
        emitRule("hub", {
          kind: "adjacency",
          perRow: true,
          from: { kind: "product" },
          to: { kind: "asset", identifyBy: ["name"] },
          weight: 0.5,
          unknownWeight: 0.7,
        }),
      ],
    },
  ]);
  const one = [{ assetId: "plc-1", assetName: "PLC 1", assetType: "controller" }];

  it.each([
    ["exact name", "GW-01", "asset:gw-1"],
    ["case-insensitive", "gw-01", "asset:gw-1"],
    ["alias", "KILN GATEWAY", "asset:gw-1"],
    ["punctuation-insensitive fallback", "GW 01", "asset:gw-1"],
  ])("%s: %j", (_name, label, key) => {
    const result = run(template, { hubs: [{ name: label }] }, { deployments: one });
    expect(result.linkages.map((l) => l.toKey)).toEqual([key]);
    expect(result.needsMapping).toEqual([]);
  });

  it("unmatched infrastructure is linked to a placeholder and listed for mapping, never dropped", () => {
    const result = run(template, { hubs: [{ name: "GW-01" }, { name: "Edge Box 7" }] }, { deployments: one });
    expect(lines(result)).toEqual([
      "asset:plc-1 -> asset:gw-1 adjacency 0.5",
      "asset:plc-1 -> asset:unmapped:edge box 7 adjacency 0.5",
    ]);
    expect(result.needsMapping).toEqual([
      {
        questionId: "hubs",
        rowIndex: 1,
        label: "Edge Box 7",
        reason:
          'no asset in the inventory is named or aliased "Edge Box 7"; map it to the asset the supplier means',
        nodeKey: "asset:unmapped:edge box 7",
      },
    ]);
  });
});

describe("deployments", () => {
  const template = makeTemplate([
    {
      id: "gate",
      type: "yesno",
      label: "Gate?",
      required: true,
      linkages: [emitRule("g", { when: 'gate = "yes"' })],
    },
  ]);

  it("product endpoints become one linkage per deployed asset (duplicates once)", () => {
    const twice = [...deployments, deployments[0]!];
    expect(lines(run(template, { gate: "yes" }, { deployments: twice }))).toEqual([
      "vendor:v1 -> asset:plc-1 trust 0.5",
      "vendor:v1 -> asset:plc-2 trust 0.5",
    ]);
  });

  it("without deployments: a placeholder product node and a request to record them", () => {
    const result = run(template, { gate: "yes" }, { deployments: [] });
    expect(lines(result)).toEqual(["vendor:v1 -> vendor:v1/product trust 0.5"]);
    expect(result.needsMapping).toEqual([
      {
        questionId: "gate",
        label: "Vendor One products",
        reason: "record where this vendor's products are deployed",
        nodeKey: "vendor:v1/product",
      },
    ]);
  });
});

describe("merging", () => {
  const template = makeTemplate([
    {
      id: "q1",
      type: "yesno",
      label: "Q1",
      required: true,
      linkages: [
        emitRule("r1", {
          kind: "inheritance",
          from: { kind: "platform" },
          when: 'q1 = "yes"',
          weight: 0.4,
          unknownWeight: 0.4,
        }),
      ],
    },
    {
      id: "q2",
      type: "yesno",
      label: "Q2",
      required: true,
      linkages: [
        emitRule("r2", {
          kind: "inheritance",
          from: { kind: "platform" },
          when: 'q2 = "yes"',
          weight: 0.3,
          unknownWeight: 0.3,
        }),
      ],
    },
  ]);
  const one = [{ assetId: "plc-1", assetName: "PLC 1", assetType: "controller" }];

  it("same (from, to, kind) from several questions: highest weight, every source in provenance", () => {
    const result = run(template, { q1: "yes", q2: "yes" }, { deployments: one });
    const merged = result.linkages.filter((l) => l.fromKey === "vendor:v1/platform");
    expect(merged).toHaveLength(1);
    expect(merged[0]!.weight).toBe(0.4);
    expect(merged[0]!.reason).toBe("Rule r1.");
    expect(merged[0]!.provenance.map((p) => [p.ruleId, p.weight])).toEqual([
      ["r1", 0.4],
      ["r2", 0.3],
    ]);
  });

  it("mergeAcrossQuestions: false keeps one linkage per question (contract rule 5), for noisy-OR in scoring", () => {
    const result = run(
      template,
      { q1: "yes", q2: "yes" },
      { deployments: one, config: { mergeAcrossQuestions: false } },
    );
    expect(lines(result)).toEqual([
      "vendor:v1/platform -> asset:plc-1 inheritance 0.4",
      "vendor:v1/platform -> asset:plc-1 inheritance 0.3",
    ]);
  });
});

describe("the example of docs/questionnaire-format.md", () => {
  const template = makeTemplate(
    [
      {
        id: "zones",
        type: "multiple_choice",
        label: "In which zones is the product deployed?",
        required: true,
        choices: [
          { id: "level_1", label: "Level 1" },
          { id: "level_2", label: "Level 2" },
          { id: "dont_know", label: "Don't know", unknown: true, exclusive: true },
        ],
      },
      {
        id: "ra_model",
        type: "single_choice",
        label: "How do your staff reach our systems?",
        required: true,
        choices: [
          { id: "none", label: "They never do" },
          {
            id: "always_on",
            label: "Always-on connection",
            linkages: [
              {
                id: "ra_always_on",
                effect: "emit",
                kind: "trust",
                from: { kind: "vendor" },
                to: { kind: "zone", answerOf: "zones" },
                weight: 0.8,
                unknownWeight: 0.9,
                reason: "Vendor staff can reach these zones at any time.",
              },
            ],
          },
          { id: "dont_know", label: "Don't know", unknown: true },
        ],
      },
    ],
    [
      {
        id: "details",
        title: "Remote access details",
        condition: 'ra_model != "none"',
        questions: [
          {
            id: "ra_mfa",
            type: "yesno",
            label: "Is phishing-resistant MFA enforced?",
            required: true,
            linkages: [
              {
                id: "ra_mfa_strong",
                effect: "modify",
                targets: ["ra_always_on"],
                op: "multiply",
                value: 0.4,
                unknownValue: 1,
                when: 'ra_mfa = "yes"',
                reason: "Phishing-resistant MFA protects every vendor login.",
              },
            ],
          },
          {
            id: "credentials",
            type: "group",
            label: "List the credentials you hold",
            required: false,
            itemLabel: "Credential",
            maxItems: 50,
            fields: [
              { id: "name", type: "text", label: "Name", required: true, maxLength: 200 },
              {
                id: "lifetime",
                type: "single_choice",
                label: "Lifetime",
                required: true,
                choices: [
                  {
                    id: "short",
                    label: "Under a day",
                    linkages: [
                      {
                        id: "cred_short",
                        effect: "modify",
                        targets: ["cred_trust"],
                        op: "multiply",
                        value: 0.3,
                        unknownValue: 1.5,
                        reason: "Expires quickly.",
                      },
                    ],
                  },
                  {
                    id: "never",
                    label: "Never expires",
                    linkages: [
                      {
                        id: "cred_never",
                        effect: "modify",
                        targets: ["cred_trust"],
                        op: "multiply",
                        value: 1.5,
                        unknownValue: 1.5,
                        reason: "Useful forever once copied.",
                      },
                    ],
                  },
                ],
              },
            ],
            linkages: [
              {
                id: "cred_trust",
                effect: "emit",
                kind: "trust",
                perRow: true,
                from: { kind: "credential", identifyBy: ["name"] },
                to: { kind: "product" },
                weight: 0.5,
                unknownWeight: 0.9,
                reason: "Whoever holds this credential can act on the units.",
              },
            ],
          },
        ],
      },
    ],
  );
  const zoneAnswer = {
    zones: ["level_2"],
    ra_model: "always_on",
    credentials: [{ name: "svc-backup", lifetime: "never" }],
  };
  const vendorToZone = (answers: Record<string, unknown>) =>
    run(template, answers).linkages.find((l) => l.fromKey === "vendor:v1" && l.toKey === "asset:zone-b")!
      .weight;

  it("0.8 × 0.4 = 0.32 to zone level_2, min(1, 0.5 × 1.5) = 0.75 for the credential", () => {
    const result = run(template, { ...zoneAnswer, ra_mfa: "yes" });
    expect(vendorToZone({ ...zoneAnswer, ra_mfa: "yes" })).toBeCloseTo(0.32, 12);
    const cred = result.linkages.filter((l) => l.fromKey === "vendor:v1/credential/row:svc backup");
    expect(cred.map((l) => [l.toKey, l.weight])).toEqual([
      ["asset:plc-1", 0.75],
      ["asset:plc-2", 0.75],
    ]);
  });

  it('"dont_know" MFA keeps 0.8; "dont_know" access model gives 0.9', () => {
    expect(vendorToZone({ ...zoneAnswer, ra_mfa: "dont_know" })).toBeCloseTo(0.8, 12);
    expect(vendorToZone({ ...zoneAnswer, ra_model: "dont_know", ra_mfa: "yes" })).toBeCloseTo(0.9 * 0.4, 12);
    expect(vendorToZone({ ...zoneAnswer, ra_model: "dont_know", ra_mfa: "dont_know" })).toBeCloseTo(0.9, 12);
  });
});

describe("configuration", () => {
  const template = makeTemplate([
    {
      id: "gate",
      type: "yesno",
      label: "Gate?",
      required: true,
      linkages: [emitRule("g", { when: 'gate = "yes"', weight: 0.5, unknownWeight: 0.6 })],
    },
  ]);

  it("unknownWeightFloor lifts unknown emissions only (e.g. to scoring's resolveUnknownWeight)", () => {
    const floor = { unknownWeightFloor: { trust: 0.95 } };
    expect(run(template, { gate: "dont_know" }, { config: floor }).linkages[0]!.weight).toBe(0.95);
    expect(run(template, { gate: "yes" }, { config: floor }).linkages[0]!.weight).toBe(0.5);
  });

  it("rejects values out of range", () => {
    expect(() => run(template, {}, { config: { custodyWeight: 2 } })).toThrow(/custodyWeight/);
    expect(() => run(template, {}, { config: { unknownWeightFloor: { trust: -1 } } })).toThrow(
      /unknownWeightFloor.trust/,
    );
  });
});
