/**
 * Inherited exposure (issue 12 item 1): the part of a vendor's exposure that arrives through its
 * firmware — the node template 2 feeds with the firmware, SDK, sub-supplier and assurance answers
 * (`vendor:<id>/component/firmware`). Measured as the exposure the vendor would lose if its firmware
 * linkages were cut: E − E(without firmware), so it is in [0, E] and needs no change to the engine.
 */
import { buildScoringGraph, scoreVendor, type GraphDocument, type ScoreOptions } from "../scoring";

/** The vendor's firmware node key, as template 2's rules name it. */
export function firmwareNodeKey(vendorKey: string): string {
  return `${vendorKey}/component/firmware`;
}

export interface InheritedExposure {
  readonly exposure: number;
  /** Exposure that disappears without the vendor's firmware linkages. */
  readonly inherited: number;
}

/** Exposure and inherited exposure of one vendor (`vendor:<id>`) in a parsed graph document. */
export function computeInheritedExposure(
  document: GraphDocument,
  vendorKey: string,
  options: ScoreOptions = {},
): InheritedExposure {
  const exposure = scoreVendor(buildScoringGraph(document), vendorKey, options).exposure;
  const firmware = firmwareNodeKey(vendorKey);
  if (!document.nodes.some((n) => n.id === firmware)) return { exposure, inherited: 0 };
  const without: GraphDocument = {
    ...document,
    linkages: document.linkages.filter((l) => l.from !== firmware && l.to !== firmware),
  };
  const rest = scoreVendor(buildScoringGraph(without), vendorKey, options).exposure;
  return { exposure, inherited: Math.max(0, exposure - rest) };
}
