// The printable vendor report as plain data: filled by lib/domain/report/load-vendor-report.ts (server),
// rendered by vendor-report.tsx.
import type { VendorTier } from "@/lib/generated/prisma/enums";
import type { LinkageKind } from "@/lib/scoring";
import type { ScoreModel2Parts, ScoreSummary } from "@/lib/scoring/score-summary";

/** One hop of a top path, with names resolved and its provenance spelt out. */
export interface ReportHop {
  from: string;
  to: string;
  kind: LinkageKind;
  weight: number;
  reason: string | null;
  provenance: string;
}

export interface ReportPath {
  assetName: string;
  criticality: number;
  probability: number;
  contribution: number;
  hops: ReportHop[];
}

export interface ReportAnswer {
  section: string;
  questionId: string;
  label: string;
  answer: string;
  provenance: string;
}

/** Everything the printable vendor report shows; plain data, rendered by lib/reports/vendor-report.tsx. */
export interface VendorReport {
  organizationName: string;
  generatedAt: Date;
  vendor: { id: string; name: string; tier: VendorTier };
  score:
    | null
    | (ScoreSummary & {
        /** Scoring model 2; null on a model 1 snapshot (awaiting its recompute). */
        model2: Omit<ScoreModel2Parts, "amplificationMultiplier"> | null;
        modelVersion: string;
        computedAt: Date;
        explanation: string;
      });
  /** Critical assets the vendor reaches in the current graph, most exposed first (at most 20). */
  criticalAssets: { name: string; criticality: number; probability: number }[];
  criticalAssetsTotal: number;
  paths: ReportPath[];
  /** Display names of every node key on the paths. */
  names: Record<string, string>;
  assessment: null | {
    id: string;
    revision: number;
    templateTitle: string;
    templateVersion: number;
    acceptedAt: Date | null;
    answers: ReportAnswer[];
  };
}
