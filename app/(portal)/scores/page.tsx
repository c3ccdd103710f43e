import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";

import { RecomputeButton } from "@/app/(portal)/scores/_components/recompute-button";
import { CompareSelectionForm } from "@/components/portfolio/compare-selection-form";
import { ConcentrationPanel } from "@/components/portfolio/concentration-panel";
import { PortfolioFilters } from "@/components/portfolio/portfolio-filters";
import { PortfolioTable } from "@/components/portfolio/portfolio-table";
import { RankSwitch } from "@/components/portfolio/rank-switch";
import { ScoreDistribution } from "@/components/portfolio/score-distribution";
import { ExposureBandLegend } from "@/components/scores/exposure-band";
import { buttonClass, ButtonLink } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { requirePageUser, type CurrentUser } from "@/lib/auth/next-auth/session";
import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { listConcentration } from "@/lib/domain/portfolio/list-concentration";
import { listMappingRequestsWithVendors } from "@/lib/domain/portfolio/list-mapping-requests";
import { listPortfolio } from "@/lib/domain/portfolio/list-portfolio";
import {
  parsePortfolioQuery,
  portfolioSearchParams,
  type PortfolioQuery,
} from "@/lib/domain/portfolio/portfolio-query";
import { summarizePortfolio } from "@/lib/domain/portfolio/summarize-portfolio";
import { getLatestRun } from "@/lib/domain/scoring/read-scores";
import { getExposureBands } from "@/lib/domain/settings/exposure-bands";

export const metadata: Metadata = { title: "Scores" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const hrefWith = (query: PortfolioQuery, changes: Partial<PortfolioQuery> = {}) => {
  const s = portfolioSearchParams(query, changes).toString();
  return `/scores${s ? `?${s}` : ""}`;
};

// Ranking amplifiers walks the whole graph once per graph version: streamed, so the table never waits.
async function Concentration({ user }: { user: CurrentUser }) {
  return <ConcentrationPanel amplifiers={await listConcentration(getDb(), user, 8)} />;
}

export default async function ScoresPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("readScores");
  const db = getDb();
  const params = await searchParams;
  const metric = parsePortfolioQuery(params).sort === "amplification" ? "amplification" : "exposure";
  const [page, summary, mapping, run, bands] = await Promise.all([
    listPortfolio(db, user, params),
    summarizePortfolio(db, user, metric),
    listMappingRequestsWithVendors(db, user),
    getLatestRun(db, user),
    getExposureBands(db, user),
  ]);
  const { query, items, total, pageCount } = page;
  const filtered = Boolean(
    query.q ||
    query.status ||
    query.tier ||
    query.kind ||
    query.critical ||
    query.band ||
    query.scored ||
    query.minAmplification ||
    query.minBeyond ||
    query.minGap,
  );
  const exportParams = portfolioSearchParams(query, { page: 1 });
  exportParams.delete("page");
  exportParams.delete("pageSize");
  const exportHref = `/api/exports/portfolio.csv${exportParams.size ? `?${exportParams}` : ""}`;

  return (
    <>
      <PageHeader
        title="Portfolio"
        description="How much of your plant each vendor can affect (exposure), and how much of it reaches beyond the vendor's own products and services (amplification)."
        actions={can.runScoring(user) ? <RecomputeButton initialRun={run} /> : null}
      />

      {summary.vendorCount === 0 ? (
        <EmptyState
          title="No vendors yet"
          action={
            can.manageVendors(user) ? (
              <ButtonLink href="/vendors/new">Add your first vendor</ButtonLink>
            ) : (
              <Link href="/vendors" className="text-sm font-medium text-brand-700 underline">
                Go to vendors
              </Link>
            )
          }
        >
          Register the suppliers whose products and people reach into your plants, send them a questionnaire,
          and accept their answers: each accepted assessment puts a vendor on this ranking.
        </EmptyState>
      ) : (
        <>
          <dl className="mb-5 grid grid-cols-2 gap-3 sm:grid-cols-4">
            {[
              ["Vendors", summary.vendorCount],
              ["Scored", summary.scoredCount],
              ["Reach critical assets", summary.withCriticalCount],
              ["Never assessed", summary.vendorCount - summary.assessedCount],
            ].map(([label, value]) => (
              <div key={label} className="rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200">
                <dt className="text-xs text-slate-500">{label}</dt>
                <dd className="text-xl font-semibold text-slate-900 tabular-nums">{value}</dd>
              </div>
            ))}
          </dl>

          {summary.scoredCount === 0 ? (
            <div className="mb-5 rounded-lg border-2 border-dashed border-slate-300 bg-white px-5 py-4 text-sm text-slate-700">
              <p className="font-semibold text-slate-900">No scores yet</p>
              <p className="mt-1">
                A vendor is scored once one of its assessments is accepted: its answers become linkages to
                your assets. Record where each vendor&apos;s products sit (vendor page → deployments) so
                answers attach to real assets, then{" "}
                <Link href="/assessments" className="font-medium text-brand-700 underline">
                  review submitted assessments
                </Link>
                .
              </p>
            </div>
          ) : null}

          <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
            <RankSwitch
              metric={query.sort === "exposure" || query.sort === "amplification" ? query.sort : null}
              hrefFor={(m) => hrefWith(query, { sort: m, dir: "desc", page: 1 })}
            />
            <a href={exportHref} download className={buttonClass("secondary")}>
              Download CSV
            </a>
          </div>
          <PortfolioFilters query={query} filtered={filtered} />
          <div className="mb-3">
            <ExposureBandLegend bands={bands} />
          </div>

          {items.length === 0 ? (
            <EmptyState
              title="No vendors match"
              action={
                <Link href="/scores" className="text-sm font-medium text-brand-700 underline">
                  Clear the filters
                </Link>
              }
            >
              Nothing matches {query.q ? <>“{query.q}” with </> : null}these filters. Try another status or
              tier, or include vendors that do not reach critical assets.
            </EmptyState>
          ) : (
            <CompareSelectionForm>
              <PortfolioTable
                items={items}
                query={query}
                offset={(query.page - 1) * query.pageSize}
                metric={metric}
                bands={bands}
                hrefFor={(changes) => hrefWith(query, changes)}
              />
            </CompareSelectionForm>
          )}
          {total > 0 ? (
            <Pagination
              page={query.page}
              pageCount={pageCount}
              total={total}
              noun="vendor"
              hrefFor={(p) => hrefWith(query, { page: p })}
            />
          ) : null}

          <div className="mt-6 grid gap-6 lg:grid-cols-2">
            <ScoreDistribution summary={summary} />
            <Suspense
              fallback={
                <Card title="Concentration">
                  <div
                    className="h-52 animate-pulse rounded bg-slate-100"
                    aria-label="Loading concentration"
                  />
                </Card>
              }
            >
              <Concentration user={user} />
            </Suspense>
          </div>
        </>
      )}

      <div className="mt-6">
        <Card title={`Needs mapping (${mapping.length})`}>
          <p className="mb-3 text-sm text-slate-600">
            Infrastructure suppliers named that matches none of your assets. Add it to the inventory (or an
            alias) so the linkage reaches a real asset.
          </p>
          {mapping.length === 0 ? (
            <p className="text-sm text-slate-500">Nothing waiting.</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {mapping.map((m) => (
                <li key={m.id}>
                  <span className="font-medium">{m.label}</span>{" "}
                  <span className="text-slate-500">
                    — {m.vendorName ?? "vendor"},{" "}
                    <Link className="text-brand-700 hover:underline" href={`/assessments/${m.assessmentId}`}>
                      {m.questionNumber ? `question ${m.questionNumber}` : "the answer"}
                    </Link>
                  </span>
                  <span className="block text-xs text-slate-500">{m.reason}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
