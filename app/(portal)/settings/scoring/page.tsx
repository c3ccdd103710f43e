import type { Metadata } from "next";

import { ExposureBandsForm } from "@/app/(portal)/settings/scoring/_components/exposure-bands-form";
import { ScoringSettingsForm } from "@/app/(portal)/settings/scoring/_components/scoring-settings-form";
import { PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/next-auth/session";
import { getDb } from "@/lib/db/client";
import { getExposureBandSettings } from "@/lib/domain/settings/exposure-bands";
import { getScoringSettings } from "@/lib/domain/settings/scoring-settings";

export const metadata: Metadata = { title: "Scoring settings" };

export default async function ScoringSettingsPage() {
  const user = await requirePageUser("manageScoringSettings");
  const [{ config, defaults, customised }, bands] = await Promise.all([
    getScoringSettings(getDb(), user),
    getExposureBandSettings(getDb(), user),
  ]);
  const w = config.criticalityWeights;
  return (
    <>
      <PageHeader
        title="Scoring settings"
        description="How much each asset counts, and which paths are worth following. Saving recomputes every vendor's score; docs/scoring.md explains each setting."
      />
      <ScoringSettingsForm
        customised={customised}
        values={{
          criticality1: w[1],
          criticality2: w[2],
          criticality3: w[3],
          criticality4: w[4],
          criticality5: w[5],
          probabilityThreshold: config.probabilityThreshold,
          criticalAssetMinCriticality: config.criticalAssetMinCriticality,
          topPathCount: config.topPathCount,
        }}
        defaults={{
          criticality1: defaults.criticalityWeights[1],
          criticality2: defaults.criticalityWeights[2],
          criticality3: defaults.criticalityWeights[3],
          criticality4: defaults.criticalityWeights[4],
          criticality5: defaults.criticalityWeights[5],
          probabilityThreshold: defaults.probabilityThreshold,
          criticalAssetMinCriticality: defaults.criticalAssetMinCriticality,
          topPathCount: defaults.topPathCount,
        }}
      />
      <div className="mt-8">
        <ExposureBandsForm
          values={bands.thresholds}
          defaults={bands.defaults}
          customised={bands.customised}
        />
      </div>
    </>
  );
}
