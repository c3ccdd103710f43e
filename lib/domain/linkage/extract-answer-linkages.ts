import "server-only";

import type { Db } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { extractLinkages, type ExtractionResult } from "@/lib/linkage";
import { BUYER_CONTROLS, type BuyerControl } from "@/lib/linkage/buyer-controls";
import type { Template } from "@/lib/questionnaire";

/** Stored buyer controls, keeping only names this version knows (a column of text, not an enum). */
const knownBuyerControls = (stored: readonly string[] | null): BuyerControl[] =>
  (stored ?? []).filter((c): c is BuyerControl => (BUYER_CONTROLS as readonly string[]).includes(c));

/** What extraction needs to know about the answers being turned into linkages. */
export interface AnswerLinkageSource {
  organizationId: string;
  assessmentId: string;
  revision: number;
  vendor: { id: string; name: string };
  template: Template;
  answers: Record<string, unknown>;
}

/**
 * Runs linkage extraction on one revision's answers against the organisation's inventory and the
 * vendor's deployments, as an acceptance does (the buyer-side controls stored on the
 * vendor's deployments lower the linkages into them) — and nothing else: the same function serves the
 * acceptance (which then stores the result), the review page's flags and the acceptance preview
 * (which store nothing). Both queries name the organisation (and the vendor) in their where clause.
 */
export async function extractAnswerLinkages(
  db: Db | Prisma.TransactionClient,
  source: AnswerLinkageSource,
): Promise<{ result: ExtractionResult; assetIds: string[] }> {
  const { organizationId } = source;
  const [assets, deployments] = await Promise.all([
    db.asset.findMany({
      where: { organizationId },
      select: { id: true, name: true, type: true, aliases: true },
    }),
    db.deployment.findMany({
      where: { organizationId, vendorId: source.vendor.id },
      select: {
        buyerControls: true,
        asset: { select: { id: true, name: true, type: true, zone: true } },
      },
    }),
  ]);
  const result = extractLinkages({
    template: source.template,
    answers: source.answers,
    provenance: { assessmentId: source.assessmentId, revision: source.revision },
    vendor: source.vendor,
    deployments: deployments.map((d) => ({
      assetId: d.asset.id,
      assetName: d.asset.name,
      assetType: d.asset.type.toLowerCase(),
      zone: d.asset.zone,
      buyerControls: knownBuyerControls(d.buyerControls),
    })),
    assets: assets.map((x) => ({ id: x.id, name: x.name, type: x.type.toLowerCase(), aliases: x.aliases })),
  });
  return { result, assetIds: assets.map((x) => x.id) };
}
