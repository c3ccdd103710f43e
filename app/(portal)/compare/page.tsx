import type { Metadata } from "next";
import Link from "next/link";

import { buildCompareMetrics, CompareMetricsTable } from "@/components/compare/compare-metrics";
import { ComparePicker } from "@/components/compare/compare-picker";
import { MetricCharts } from "@/components/compare/metric-charts";
import { Alert, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/next-auth/session";
import { getDb } from "@/lib/db/client";
import {
  compareVendors,
  MAX_COMPARED,
  MIN_COMPARED,
  type VendorComparison,
} from "@/lib/domain/portfolio/compare-vendors";
import { listComparableVendors } from "@/lib/domain/portfolio/list-comparable-vendors";
import { vendorDetail } from "@/lib/domain/search/search-vendors";
import { getExposureBands } from "@/lib/domain/settings/exposure-bands";
import { AppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Compare vendors" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ComparePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("readScores");
  const db = getDb();
  const raw = (await searchParams).v;
  const ids = [...new Set((Array.isArray(raw) ? raw : raw ? [raw] : []).filter(Boolean))];
  const pickable = await listComparableVendors(db, user, ids);

  let comparison: VendorComparison | null = null;
  let problem: string | null = null;
  if (ids.length >= MIN_COMPARED) {
    try {
      comparison = await compareVendors(db, user, ids);
    } catch (error) {
      if (!(error instanceof AppError) || (error.code !== "VALIDATION" && error.code !== "NOT_FOUND"))
        throw error;
      problem =
        error.code === "NOT_FOUND"
          ? "One of the chosen vendors no longer exists or was archived. Choose again."
          : error.message;
    }
  } else if (ids.length === 1) {
    problem = `Choose at least ${MIN_COMPARED} vendors to compare.`;
  }
  const metrics = comparison ? buildCompareMetrics(comparison.vendors) : [];

  return (
    <>
      <PageHeader
        title="Compare vendors"
        description={`Two to ${MAX_COMPARED} vendors side by side: what each can reach, how much reaches beyond its own products and services, what they share and where they differ.`}
        actions={
          <Link href="/scores" className="text-sm font-medium text-brand-700 hover:underline">
            ← Portfolio
          </Link>
        }
      />
      {pickable.count < MIN_COMPARED ? (
        <EmptyState
          title="Not enough vendors to compare"
          action={
            <Link href="/vendors" className="text-sm font-medium text-brand-700 underline">
              Go to vendors
            </Link>
          }
        >
          Comparing needs at least two vendors. Register your suppliers and accept their assessments to
          compare their scores.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <Card title="Choose vendors">
            <ComparePicker
              selected={pickable.chosen.map((v) => ({
                id: v.id,
                name: v.name,
                detail: vendorDetail(v.tier, v.exposure),
              }))}
            />
          </Card>
          {problem ? <Alert>{problem}</Alert> : null}
          {comparison ? (
            <>
              <Card title="What differs">
                {comparison.differences.length === 0 ? (
                  <p className="text-sm text-slate-600">These vendors look alike on every measure.</p>
                ) : (
                  <ul
                    className="list-disc space-y-1.5 pl-5 text-sm text-slate-800"
                    data-testid="compare-differences"
                  >
                    {comparison.differences.map((s) => (
                      <li key={s}>{s}</li>
                    ))}
                  </ul>
                )}
              </Card>
              <section aria-labelledby="metrics-heading">
                <h2 id="metrics-heading" className="mb-3 text-base font-semibold text-slate-900">
                  Side by side
                </h2>
                <CompareMetricsTable
                  vendors={comparison.vendors}
                  metrics={metrics}
                  bands={await getExposureBands(db, user)}
                />
                <p className="mt-2 text-xs text-slate-500">
                  Scores are each vendor&apos;s latest snapshot; reach and path hops come from the current
                  linkage graph (best path to every reached asset). Hops out of a vendor&apos;s own nodes are
                  never shared and are not counted.
                </p>
              </section>
              <section aria-labelledby="charts-heading">
                <h2 id="charts-heading" className="mb-3 text-base font-semibold text-slate-900">
                  Per metric
                </h2>
                <MetricCharts metrics={metrics} vendorNames={comparison.vendors.map((v) => v.name)} />
              </section>
            </>
          ) : !problem ? (
            <p className="text-sm text-slate-600">
              Add {MIN_COMPARED} to {MAX_COMPARED} vendors above, or select rows on the{" "}
              <Link href="/scores" className="font-medium text-brand-700 underline">
                portfolio
              </Link>{" "}
              and choose “Compare selected”.
            </p>
          ) : null}
        </div>
      )}
    </>
  );
}
