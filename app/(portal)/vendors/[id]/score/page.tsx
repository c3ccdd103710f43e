import type { Metadata } from "next";
import Link from "next/link";

import { answerHref, blastRadiusHref } from "@/components/graph/answer-link";
import { LinkageGraph } from "@/components/graph/linkage-graph";
import { ScoreHistoryChart } from "@/components/graph/score-history-chart";
import { formatPercent, formatScore } from "@/components/scores/score-format";
import { VendorScoreCard } from "@/components/scores/vendor-score-card";
import { ButtonLink } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { orNotFound } from "@/lib/actions/or-not-found";
import { requirePageUser } from "@/lib/auth/next-auth/session";
import { getDb } from "@/lib/db/client";
import { getVendorScoreDetails } from "@/lib/domain/scoring/get-vendor-score-details";
import { getExposureBands } from "@/lib/domain/settings/exposure-bands";
import { vendorKey } from "@/lib/linkage/keys";

export const metadata: Metadata = { title: "Score details" };

export default async function VendorScorePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("readScores");
  const { id } = await params;
  const [details, bands] = await Promise.all([
    orNotFound(getVendorScoreDetails(getDb(), user, id)),
    getExposureBands(getDb(), user),
  ]);
  const { vendor, score, names, questions, neighbourhood, movingAnswers, criticalAssets } = details;
  const key = vendorKey(vendor.id);

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
        <Link href="/vendors" className="hover:underline">
          Vendors
        </Link>{" "}
        /{" "}
        <Link href={`/vendors/${vendor.id}`} className="hover:underline">
          {vendor.name}
        </Link>{" "}
        / Score details
      </nav>
      <PageHeader
        title={`${vendor.name}: score details`}
        description="Why this vendor scores what it does: the paths, the linkage graph and the answers behind them."
        actions={
          neighbourhood ? (
            <>
              <ButtonLink variant="secondary" href={blastRadiusHref(key)}>
                Blast radius
              </ButtonLink>
              <ButtonLink href={`/what-if?vendor=${vendor.id}`}>What-if</ButtonLink>
            </>
          ) : null
        }
      />
      {!score.current || !neighbourhood ? (
        <EmptyState
          title="Not scored yet"
          action={
            <Link href={`/vendors/${vendor.id}`} className="text-sm font-medium text-brand-700 underline">
              Back to {vendor.name}
            </Link>
          }
        >
          {vendor.name} is scored once one of its assessments is accepted: its answers become linkages to your
          assets. Record where its products sit (deployments on the vendor page) so the answers attach to real
          assets.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <VendorScoreCard
            vendorName={vendor.name}
            current={score.current}
            previous={score.previous}
            names={names}
            bands={bands}
            questions={questions}
          />
          <Card title="Linkage graph">
            <LinkageGraph neighbourhood={neighbourhood} vendorKey={key} />
          </Card>
          <div className="grid gap-6 lg:grid-cols-2">
            <Card title="Answers that moved the score most">
              <p className="mb-3 text-sm text-slate-600">
                How much exposure would disappear if an answer had created none of its linkages.
              </p>
              {movingAnswers.length === 0 ? (
                <p className="text-sm text-slate-500">No single answer carries exposure on its own.</p>
              ) : (
                <ol className="space-y-3 text-sm" data-testid="moving-answers">
                  {movingAnswers.map((m) => (
                    <li key={`${m.assessmentId}-${m.questionId}`}>
                      <div className="flex items-baseline justify-between gap-3">
                        <Link
                          className="font-medium text-brand-700 hover:underline"
                          href={answerHref(m.assessmentId, m.revision, m.questionId)}
                        >
                          {m.questionLabel}
                        </Link>
                        <span className="shrink-0 text-emerald-700 tabular-nums">−{formatScore(m.drop)}</span>
                      </div>
                      <div className="mt-1 h-1.5 overflow-hidden rounded-full bg-slate-100">
                        <div
                          className="h-full bg-brand-600"
                          style={{ width: `${Math.min(100, m.share * 100)}%` }}
                        />
                      </div>
                      <p className="mt-0.5 text-xs text-slate-500">
                        {formatPercent(m.share)} of exposure · {m.linkageCount} linkage
                        {m.linkageCount === 1 ? "" : "s"} · question {m.questionId}
                      </p>
                    </li>
                  ))}
                </ol>
              )}
            </Card>
            <Card title={`Critical assets reachable (${criticalAssets.length})`}>
              {criticalAssets.length === 0 ? (
                <p className="text-sm text-slate-500">No asset of criticality 4 or 5 is reachable.</p>
              ) : (
                <table className="min-w-full text-left text-sm">
                  <caption className="sr-only">Critical assets this vendor can reach</caption>
                  <thead className="text-xs text-slate-500">
                    <tr>
                      <th className="pb-1.5 font-medium">Asset</th>
                      <th className="pb-1.5 text-right font-medium">Criticality</th>
                      <th className="pb-1.5 text-right font-medium">P(affected)</th>
                      <th className="pb-1.5 text-right font-medium">Adds</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {criticalAssets.slice(0, 12).map((a) => (
                      <tr key={a.key}>
                        <td className="py-1.5 pr-2">
                          <Link href={blastRadiusHref(a.key)} className="text-brand-700 hover:underline">
                            {a.name}
                          </Link>
                        </td>
                        <td className="py-1.5 text-right tabular-nums">{a.criticality}</td>
                        <td className="py-1.5 text-right tabular-nums">{formatPercent(a.probability)}</td>
                        <td className="py-1.5 text-right tabular-nums">{formatScore(a.contribution)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {criticalAssets.length > 12 ? (
                <p className="mt-2 text-xs text-slate-500">and {criticalAssets.length - 12} more.</p>
              ) : null}
            </Card>
          </div>
          <Card title="Score history">
            <ScoreHistoryChart
              history={score.history.map((h) => ({
                computedAt: h.computedAt.toISOString(),
                exposure: h.exposure,
                amplification: h.amplification,
                modelVersion: h.modelVersion,
              }))}
            />
          </Card>
        </div>
      )}
    </>
  );
}
