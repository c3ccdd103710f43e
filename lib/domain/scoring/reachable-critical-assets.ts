import "server-only";

import type { CompiledOrganizationGraph } from "@/lib/domain/graph-store/graph-cache";
import { memoOnGraph } from "@/lib/domain/graph-store/graph-memo";
import { computeBlastRadius } from "@/lib/scoring";

export interface CriticalAsset {
  key: string;
  name: string;
  criticality: number;
  probability: number;
  contribution: number;
}

/** Reached assets of criticality at or above the configured minimum, most exposure first. */
export function listReachableCriticalAssets(
  compiled: CompiledOrganizationGraph,
  vendorKey: string,
): CriticalAsset[] {
  return memoOnGraph(compiled.graph, "critical-assets", vendorKey, () =>
    computeBlastRadius(compiled.graph, vendorKey, { config: compiled.config, pathLimit: 0 })
      .assets.filter((a) => a.criticality >= compiled.config.criticalAssetMinCriticality)
      .map((a) => ({
        key: a.id,
        name: a.name,
        criticality: a.criticality,
        probability: a.probability,
        contribution: a.contribution,
      })),
  );
}
