import Link from "next/link";

import { formatDate, StatusBadge } from "@/components/assessments/status-badge";
import { ConcentrationPanel } from "@/components/portfolio/concentration-panel";
import { ExposureBandLegend, ExposureValue } from "@/components/scores/exposure-band";
import { formatPercent, formatScore } from "@/components/scores/score-format";
import { Badge, TIER_LABEL, TIER_TONE } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { RiskOfficerHome as Data, ScoreChange } from "@/lib/domain/home/load-risk-officer-home";

const linkClass = "font-medium text-brand-700 hover:underline";
const viewAll = (href: string, label = "View all") => (
  <Link href={href} className="text-sm font-medium whitespace-nowrap text-brand-700 hover:underline">
    {label}
  </Link>
);

/** The answer to "which vendor propagates the most trust into my plant, and why", one click from its paths. */
function MostPropagating({ data }: { data: Data }) {
  const v = data.mostPropagating;
  if (!v)
    return (
      <Card title="Who propagates the most trust into your plant">
        <p className="text-sm text-slate-600">
          No vendor reaches beyond its own products and services yet. Scores appear once assessments are
          accepted; record where each vendor&apos;s products sit so answers attach to your assets.
        </p>
      </Card>
    );
  return (
    <section
      className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200"
      aria-labelledby="most-propagating-title"
      data-testid="most-propagating"
    >
      <h2 id="most-propagating-title" className="text-sm font-medium text-slate-600">
        Propagates the most trust into your plant
      </h2>
      <p className="mt-1 flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <Link
          href={`/vendors/${v.id}/score`}
          className="text-xl font-semibold text-brand-700 hover:underline"
        >
          {v.name}
        </Link>
        <Badge tone={TIER_TONE[v.tier]}>{TIER_LABEL[v.tier]} tier</Badge>
      </p>
      <dl className="mt-3 flex flex-wrap gap-x-8 gap-y-2 text-sm">
        <div>
          <dt className="text-xs text-slate-500">Exposure</dt>
          <dd className="text-lg font-semibold">
            <ExposureValue exposure={v.exposure} bands={data.bands} />
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Beyond its own products and services</dt>
          <dd className="text-lg font-semibold tabular-nums">
            {formatScore(v.beyondFootprintExposure)}{" "}
            <span className="text-sm font-normal text-slate-600">
              ({formatPercent(v.amplification)} amplification)
            </span>
          </dd>
        </div>
      </dl>
      {v.reason ? (
        <p className="mt-3 text-sm text-slate-700" data-testid="most-propagating-reason">
          <span className="font-medium">Why: </span>
          {v.reason}.
        </p>
      ) : null}
      <p className="mt-3">
        <Link href={`/vendors/${v.id}/score`} className={linkClass}>
          See every path behind {v.name}&apos;s score →
        </Link>
      </p>
    </section>
  );
}

function TopVendors({ data }: { data: Data }) {
  return (
    <Card title="Top vendors by exposure" actions={viewAll("/scores")}>
      {data.top.length === 0 ? (
        <p className="text-sm text-slate-600">No vendor is scored yet.</p>
      ) : (
        <ol className="space-y-4" data-testid="top-vendors">
          {data.top.map((v, i) => (
            <li key={v.id} className="flex gap-3">
              <span className="w-5 shrink-0 pt-0.5 text-right text-sm text-slate-400 tabular-nums">
                {i + 1}
              </span>
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                  <Link href={`/vendors/${v.id}/score`} className={linkClass}>
                    {v.name}
                  </Link>
                  <span className="flex items-center gap-3 text-sm">
                    <ExposureValue exposure={v.exposure} bands={data.bands} />
                    <span
                      className="text-slate-600 tabular-nums"
                      title="Share of exposure beyond its own footprint"
                    >
                      {formatPercent(v.amplification)} ampl.
                    </span>
                  </span>
                </div>
                {v.reason ? <p className="mt-0.5 text-sm text-slate-600">{v.reason}</p> : null}
              </div>
            </li>
          ))}
        </ol>
      )}
      <div className="mt-4 border-t border-slate-100 pt-3">
        <ExposureBandLegend bands={data.bands} />
      </div>
    </Card>
  );
}

function ReviewQueue({ data }: { data: Data }) {
  const { items, total } = data.queue;
  return (
    <Card
      title={`Review queue (${total})`}
      actions={total > items.length ? viewAll("/assessments?filter=awaiting_review") : null}
    >
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing waits for review.</p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="review-queue">
          {items.map((a) => (
            <li
              key={a.id}
              className="flex flex-wrap items-center justify-between gap-2 py-2 first:pt-0 last:pb-0"
            >
              <span className="min-w-0">
                <Link href={`/assessments/${a.id}`} className={linkClass}>
                  {a.vendor.name}
                </Link>
                <span className="block text-xs text-slate-500">
                  {a.template.title}
                  {a.currentRevision > 1 ? ` · revision ${a.currentRevision}` : ""}
                  {a.submittedAt ? ` · submitted ${formatDate(a.submittedAt)}` : ""}
                </span>
              </span>
              <StatusBadge status={a.status} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function UnknownRisk({ data }: { data: Data }) {
  const { items, total } = data.unknown;
  return (
    <Card title={`Unknown risk (${total})`} actions={viewAll("/scores?scored=no", "All unscored")}>
      <p className="mb-3 text-sm text-slate-600">
        Critical-tier or overdue vendors with no accepted assessment: their exposure is unknown, not low.
      </p>
      {items.length === 0 ? (
        <p className="text-sm text-slate-500">Every critical or overdue vendor is scored.</p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="unknown-risk">
          {items.map((v) => (
            <li
              key={v.id}
              className="flex flex-wrap items-center justify-between gap-2 py-2 first:pt-0 last:pb-0"
            >
              <span className="min-w-0">
                <Link href={`/vendors/${v.id}`} className={linkClass}>
                  {v.name}
                </Link>{" "}
                <Badge tone={TIER_TONE[v.tier]}>{TIER_LABEL[v.tier]}</Badge>
                <span className="block text-xs text-slate-500">
                  Unknown risk — {v.assessment ? `due ${formatDate(v.assessment.dueDate)}` : "never assessed"}
                </span>
              </span>
              {v.assessment ? (
                <Link href={`/assessments/${v.assessment.id}`} className="hover:opacity-80">
                  <StatusBadge status={v.assessment.status} overdue={v.overdue} />
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function delta(now: number, before: number | null, fmt: (n: number) => string) {
  if (before === null) return null;
  const d = now - before;
  const sign = d > 0 ? "▲" : d < 0 ? "▼" : "=";
  return `${sign} ${fmt(Math.abs(d))}`;
}

function ChangeLine({ c, data }: { c: ScoreChange; data: Data }) {
  const exposureDelta = delta(c.exposure, c.previousExposure, formatScore);
  const up = c.previousExposure !== null && c.exposure > c.previousExposure;
  return (
    <li className="py-2 first:pt-0 last:pb-0">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <Link href={`/vendors/${c.vendorId}/score`} className={linkClass}>
          {c.vendorName}
        </Link>
        <span className="flex items-center gap-2 text-sm">
          {exposureDelta ? (
            <span className={`tabular-nums ${up ? "text-red-700" : "text-emerald-700"}`}>
              {exposureDelta}
            </span>
          ) : (
            <span className="text-slate-500">first score</span>
          )}
          <ExposureValue exposure={c.exposure} bands={data.bands} />
        </span>
      </div>
      <p className="text-xs text-slate-500">
        {formatDate(c.computedAt)} · after {c.cause}
        {c.previousAmplification !== null && Math.abs(c.amplification - c.previousAmplification) >= 0.005
          ? ` · amplification ${formatPercent(c.previousAmplification)} → ${formatPercent(c.amplification)}`
          : ""}
      </p>
    </li>
  );
}

function Changes({ data }: { data: Data }) {
  return (
    <Card title="What changed this week">
      {data.changes.length === 0 ? (
        <p className="text-sm text-slate-600">No score moved in the last seven days.</p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="score-changes">
          {data.changes.map((c) => (
            <ChangeLine key={`${c.vendorId}-${c.computedAt.toISOString()}`} c={c} data={data} />
          ))}
        </ul>
      )}
    </Card>
  );
}

/** The risk officer's start page: who matters most and why, what waits, what is unknown, what moved. */
export function RiskOfficerHome({ data }: { data: Data }) {
  return (
    <div className="space-y-6">
      <MostPropagating data={data} />
      <div className="grid gap-6 lg:grid-cols-2">
        <TopVendors data={data} />
        <div className="space-y-6">
          <ReviewQueue data={data} />
          <UnknownRisk data={data} />
        </div>
        <ConcentrationPanel amplifiers={data.amplifiers} title="Top 5 structural amplifiers" />
        <Changes data={data} />
      </div>
    </div>
  );
}
