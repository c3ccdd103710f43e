import { describe, expect, it } from "vitest";

import type { ExplainingPath } from "@/lib/scoring";

import { describePathReason, type ReasonQuestion } from "./describe-path-reason";

const V = "vendor:cmx7vendor0001";
const hop = (
  from: string,
  to: string,
  provenance: unknown,
  kind: "trust" | "inheritance" | "adjacency" = "trust",
) => ({
  from,
  to,
  kind,
  weight: 0.9,
  reason: "",
  provenance,
});
const answer = (questionId: string, assessmentId = "cmx7assess0001") => ({
  source: "ASSESSMENT",
  assessmentId,
  revision: 1,
  sources: [{ questionId, assessmentId }],
});
const path = (hops: ReturnType<typeof hop>[], assetName = "SCADA-MP Management Platform"): ExplainingPath =>
  ({
    asset: "asset:cmx7asset0001",
    assetName,
    criticality: 5,
    probability: 1,
    pathProbability: 1,
    contribution: 16,
    hops,
  }) as unknown as ExplainingPath;

const questions = new Map<string, ReasonQuestion>([
  ["cmx7assess0001\u0000upd_paths", { number: "4.1", text: "How do updates reach the units?" }],
  [
    "cmx7assess0001\u0000ra_creds",
    {
      number: "5.3",
      text: "Which credentials does your remote-maintenance service use to log in to our systems, and who holds them?",
    },
  ],
]);
const names = {
  [V]: "Orbital SCADA Cloud",
  [`${V}/update_service/cloud_push`]: "Orbital SCADA Cloud update service (cloud push)",
  "component:purl:pkg/generic/lumen-rtos@4.2": "Lumen RTOS 4.2",
  "asset:cmx7gw": "GW-2 Modbus gateway",
};

describe("describePathReason", () => {
  it("names the route through the vendor's own service, the asset and the question", () =>
    expect(
      describePathReason(
        path([
          hop(V, `${V}/update_service/cloud_push`, answer("upd_paths"), "inheritance"),
          hop(`${V}/update_service/cloud_push`, "asset:cmx7asset0001", answer("upd_paths"), "inheritance"),
        ]),
        "Orbital SCADA Cloud",
        names,
        questions,
      ),
    ).toBe(
      "Via its update service (cloud push) to SCADA-MP Management Platform (criticality 5), from question 4.1 “How do updates reach the units?”",
    ));

  it("a one-hop path reads 'directly', a long question is cut at a word", () =>
    expect(
      describePathReason(
        path([hop(V, "asset:cmx7asset0001", answer("ra_creds"))]),
        "Orbital SCADA Cloud",
        names,
        questions,
      ),
    ).toBe(
      "Directly to SCADA-MP Management Platform (criticality 5), from question 5.3 “Which credentials does your remote-maintenance service use to log in…”",
    ));

  it("long routes keep the first and last step; unknown nodes are named by kind, never by key", () => {
    const reason = describePathReason(
      path([
        hop(V, "component:purl:pkg/generic/lumen-rtos@4.2", { source: "MANUAL" }),
        hop("component:purl:pkg/generic/lumen-rtos@4.2", "component:cpe:unknown", { source: "MANUAL" }),
        hop("component:cpe:unknown", "asset:cmx7gw", { source: "INVENTORY" }),
        hop("asset:cmx7gw", "asset:cmx7asset0001", { source: "INVENTORY" }),
      ]),
      "Orbital SCADA Cloud",
      names,
      questions,
    );
    expect(reason).toBe(
      "Via Lumen RTOS 4.2 → … → GW-2 Modbus gateway to SCADA-MP Management Platform (criticality 5), from a linkage recorded by hand",
    );
    const unnamed = describePathReason(
      path([
        hop(V, "component:cpe:unknown", answer("nope")),
        hop("component:cpe:unknown", "asset:cmx7asset0001", answer("nope")),
      ]),
      "Orbital SCADA Cloud",
      {},
      questions,
    )!;
    expect(unnamed).toBe("Via a shared component to SCADA-MP Management Platform (criticality 5)");
    expect(unnamed).not.toMatch(/cmx7|component:|vendor:|asset:/);
  });

  it("says nothing without a path", () => {
    expect(describePathReason(undefined, "X", names, questions)).toBeNull();
    expect(describePathReason(path([]), "X", names, questions)).toBeNull();
  });
});
