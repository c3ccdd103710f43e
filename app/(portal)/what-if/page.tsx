import type { Metadata } from "next";
import Link from "next/link";

import { EmptyState, PageHeader } from "@/components/ui/card";
import { orNotFound } from "@/lib/actions/or-not-found";
import { requirePageUser } from "@/lib/auth/next-auth/session";
import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { getWhatIfWorkspace } from "@/lib/domain/what-if/get-what-if-workspace";

import { WhatIfWorkbench } from "./_components/what-if-workbench/what-if-workbench";

export const metadata: Metadata = { title: "What-if" };

export default async function WhatIfPage({
  searchParams,
}: {
  searchParams: Promise<{ vendor?: string; scenario?: string }>;
}) {
  const user = await requirePageUser("readScores");
  const sp = await searchParams;
  const workspace = await orNotFound(getWhatIfWorkspace(getDb(), user, sp.vendor));
  const initial = sp.scenario
    ? (workspace.scenarios.find((s) => s.id === sp.scenario)?.changes ?? null)
    : null;
  const { vendor } = workspace;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
        {vendor ? (
          <>
            <Link href="/vendors" className="hover:underline">
              Vendors
            </Link>{" "}
            /{" "}
            <Link href={`/vendors/${vendor.id}/score`} className="hover:underline">
              {vendor.name}
            </Link>{" "}
            / What-if
          </>
        ) : (
          <>
            <Link href="/scores" className="hover:underline">
              Scores
            </Link>{" "}
            / What-if
          </>
        )}
      </nav>
      <PageHeader
        title={vendor ? `What-if: ${vendor.name}` : "What-if: whole portfolio"}
        description={
          vendor
            ? "Try controls and changes to this vendor's linkages and see how its score would move. Nothing changes until the supplier's answers do."
            : "Apply a control to every supplier at once and see which vendors' scores would move."
        }
        actions={
          vendor ? (
            <Link href="/what-if" className="text-sm font-medium text-brand-700 hover:underline">
              Whole portfolio
            </Link>
          ) : null
        }
      />
      {workspace.unscoredReason ? (
        <EmptyState
          title="Nothing to simulate yet"
          action={
            <Link href={`/vendors/${vendor!.id}`} className="text-sm font-medium text-brand-700 underline">
              Back to {vendor!.name}
            </Link>
          }
        >
          {workspace.unscoredReason}
        </EmptyState>
      ) : !vendor && workspace.scoredVendorCount === 0 ? (
        <EmptyState
          title="No scores yet"
          action={
            <Link href="/assessments" className="text-sm font-medium text-brand-700 underline">
              Go to assessments
            </Link>
          }
        >
          A what-if works on scored vendors: accept an assessment first, and its answers become linkages you
          can experiment with.
        </EmptyState>
      ) : (
        <WhatIfWorkbench
          key={`${vendor?.id ?? "portfolio"}-${sp.scenario ?? ""}`}
          workspace={workspace}
          canRemediate={can.reviewAssessments(user)}
          initialChanges={initial}
        />
      )}
    </>
  );
}
