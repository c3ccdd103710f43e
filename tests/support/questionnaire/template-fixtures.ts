import type { Template } from "@/lib/questionnaire/template-schema";
import { validateTemplate } from "@/lib/questionnaire/validate-template";

/**
 * A small template touching every question type, condition form and linkage feature. Tests clone
 * it and break one thing at a time, so each invalid case differs from a known-good template by
 * exactly the change under test.
 */
export function makeRawTemplate(): Record<string, any> {
  return {
    key: "test-template",
    version: 1,
    title: "Test template",
    description: "Used by unit tests.",
    sections: [
      {
        id: "general",
        title: "General",
        questions: [
          {
            id: "has_remote",
            type: "yesno",
            label: "Remote access?",
            required: true,
            references: [{ standard: "IEC 62443-2-4", clause: "SP.07" }],
            linkages: [
              {
                id: "remote_gate",
                effect: "emit",
                kind: "trust",
                from: { kind: "vendor" },
                to: { kind: "product" },
                weight: 0.5,
                unknownWeight: 0.8,
                reason: "Vendor can reach the product.",
                when: 'has_remote = "yes"',
              },
            ],
          },
          {
            id: "zones",
            type: "multiple_choice",
            label: "Zones",
            required: false,
            choices: [
              { id: "level_1", label: "Level 1" },
              { id: "level_2", label: "Level 2" },
              { id: "unknown", label: "Don't know", unknown: true, exclusive: true },
            ],
            maxSelected: 2,
          },
          {
            id: "ra_model",
            type: "single_choice",
            label: "Access model",
            required: true,
            choices: [
              { id: "none", label: "None" },
              {
                id: "always_on",
                label: "Always on",
                linkages: [
                  {
                    id: "always_on_trust",
                    effect: "emit",
                    kind: "trust",
                    from: { kind: "vendor" },
                    to: { kind: "zone", answerOf: "zones" },
                    weight: 0.8,
                    unknownWeight: 0.9,
                    reason: "Always-on access.",
                  },
                ],
              },
              { id: "on_demand", label: "On demand" },
              { id: "dont_know", label: "Don't know", unknown: true },
            ],
          },
          {
            id: "fix_days",
            type: "number",
            label: "Days to fix",
            required: false,
            unit: "days",
            min: 0,
            max: 365,
            integer: true,
            allowDontKnow: true,
            linkages: [
              {
                id: "slow_fixes",
                effect: "modify",
                targets: ["always_on_trust"],
                op: "multiply",
                value: 1.2,
                unknownValue: 1.2,
                reason: "Slow fixes.",
                when: "fix_days > 90",
              },
            ],
          },
          {
            id: "eos",
            type: "date",
            label: "End of support",
            required: false,
            min: "2020-01-01",
            max: "2040-12-31",
          },
          { id: "notes", type: "text", label: "Notes", required: false, maxLength: 20 },
        ],
      },
      {
        id: "details",
        title: "Remote details",
        condition: 'ra_model != "none"',
        questions: [
          {
            id: "ra_mfa",
            type: "yesno",
            label: "MFA?",
            required: true,
            condition: 'has_remote = "yes"',
          },
          {
            id: "components",
            type: "group",
            label: "Components",
            required: true,
            itemLabel: "Component",
            minItems: 1,
            maxItems: 3,
            fields: [
              { id: "name", type: "text", label: "Name", required: true, maxLength: 50 },
              { id: "version", type: "text", label: "Version", required: false, maxLength: 20 },
              {
                id: "source",
                type: "single_choice",
                label: "Source",
                required: false,
                choices: [
                  {
                    id: "binary",
                    label: "Binary only",
                    linkages: [
                      {
                        id: "binary_only",
                        effect: "modify",
                        targets: ["component_in_product"],
                        op: "multiply",
                        value: 1.4,
                        unknownValue: 1.4,
                        reason: "Opaque.",
                      },
                    ],
                  },
                  { id: "source", label: "Source" },
                ],
              },
              { id: "count", type: "number", label: "Count", required: false, min: 0, integer: true },
              { id: "released", type: "date", label: "Released", required: false },
              { id: "critical", type: "yesno", label: "Critical", required: false },
            ],
            linkages: [
              {
                id: "component_in_product",
                effect: "emit",
                kind: "inheritance",
                from: { kind: "component", identifyBy: ["name"] },
                to: { kind: "product" },
                weight: 0.5,
                unknownWeight: 0.7,
                reason: "Product contains component.",
                perRow: true,
              },
            ],
          },
          {
            id: "sbom",
            type: "evidence",
            label: "SBOM",
            required: true,
            condition: "count(components) > 1",
            accept: ["cyclonedx_json", "spdx_json"],
            maxBytes: 1000,
            maxFiles: 2,
          },
        ],
      },
    ],
  };
}

export function makeTemplate(): Template {
  const result = validateTemplate(makeRawTemplate());
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.template;
}
