import { Badge } from "@/components/ui/badge";
import { ASSET_TYPE_LABEL, type AssetType } from "@/lib/validation/asset";

export const CRITICALITY_LABEL: Record<number, string> = {
  1: "1 · Low",
  2: "2 · Minor",
  3: "3 · Significant",
  4: "4 · High",
  5: "5 · Plant-critical",
};

const CRITICALITY_TONE = { 1: "slate", 2: "slate", 3: "blue", 4: "amber", 5: "red" } as const;

export function CriticalityBadge({ value }: { value: number }) {
  const tone = CRITICALITY_TONE[value as keyof typeof CRITICALITY_TONE] ?? "slate";
  return (
    <Badge tone={tone}>
      <span className="sr-only">Criticality </span>
      {CRITICALITY_LABEL[value] ?? value}
    </Badge>
  );
}

export function SafetyBadge() {
  return <Badge tone="red">Safety impact</Badge>;
}

export function assetTypeLabel(type: string) {
  return ASSET_TYPE_LABEL[type as AssetType] ?? type;
}
