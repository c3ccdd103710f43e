import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { getLatestRun, listOpenMappingRequests, listStructuralAmplifiers, listVendorScores } from "@/lib/domain/scoring/read-scores";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { KindBreakdownBar } from "@/components/scores/kind-breakdown-bar";
import { RecomputeButton } from "@/components/scores/recompute-button";
import { formatPercent, formatScore } from "@/components/scores/score-format";
import { formatDateTime } from "@/components/assessments/status-badge";

export const metadata: Metadata = { title: "Scores" };

export default async function ScoresPage() {
  const user = await requirePageUser("readScores");
  const db = getDb();
  const [vendors, amplifiers, mapping, run] = await Promise.all([listVendorScores(db, user), listStructuralAmplifiers(db, user), listOpenMappingRequests(db, user), getLatestRun(db, user)]);
  const scored = vendors.filter((v) => v.score);
  const vendorName = new Map(vendors.map((v) => [v.id, v.name]));
  return (
    <>
      <PageHeader
        title="Amplification scores"
        description="How much of your plant each vendor can affect if it is compromised (exposure), and how much of that arrives indirectly — through shared components, infrastructure and delegated trust (amplification)."
        actions={can.runScoring(user) ? <RecomputeButton initialRun={run} /> : null}
      />
      {scored.length === 0 ? (
        <EmptyState title="No scores yet" action={<Link href="/assessments" className="text-sm font-medium text-brand-700 underline">Go to assessments</Link>}>
          A vendor is scored once one of its assessments is accepted: its answers become linkages to your assets. Record where each vendor&apos;s products sit (vendor page → deployments) so answers attach to real assets.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Vendors ranked by exposure</caption>
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr><th className="px-4 py-2.5 font-medium">Vendor</th><th className="px-4 py-2.5 text-right font-medium">Exposure</th><th className="px-4 py-2.5 text-right font-medium">Amplification</th><th className="w-64 px-4 py-2.5 font-medium">By linkage kind</th><th className="px-4 py-2.5 text-right font-medium">Critical assets</th><th className="px-4 py-2.5 font-medium">Computed</th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {vendors.map((v) => (
                <tr key={v.id}>
                  <td className="px-4 py-3 font-medium"><Link href={`/vendors/${v.id}#score`} className="text-brand-700 hover:underline">{v.name}</Link></td>
                  {v.score ? (
                    <>
                      <td className="px-4 py-3 text-right tabular-nums">{formatScore(v.score.exposure)}</td>
                      <td className="px-4 py-3 text-right tabular-nums">{formatPercent(v.score.amplification)}</td>
                      <td className="px-4 py-3"><KindBreakdownBar byKind={v.score.byKind} showLegend={false} /></td>
                      <td className="px-4 py-3 text-right tabular-nums">{v.score.criticalAssetsReached}</td>
                      <td className="px-4 py-3 text-slate-500">{formatDateTime(v.score.computedAt)}</td>
                    </>
                  ) : (
                    <td colSpan={5} className="px-4 py-3 text-slate-500">Not scored yet — no accepted assessment</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card title="Structural amplifiers">
          <p className="mb-3 text-sm text-slate-600">Components and assets that carry the most propagated trust across all vendors: protect these first.</p>
          {amplifiers.length === 0 ? <p className="text-sm text-slate-500">Appears once vendors are scored.</p> : (
            <ol className="space-y-2 text-sm">
              {amplifiers.map((a) => (
                <li key={a.id} className="flex justify-between gap-3"><span><span className="font-medium">{a.name}</span> <span className="text-xs text-slate-500">{a.subtype ?? a.type}</span></span><span className="tabular-nums text-slate-700">{formatScore(a.throughput)} <span className="text-xs text-slate-500">via {a.vendorCount} vendor{a.vendorCount === 1 ? "" : "s"}</span></span></li>
              ))}
            </ol>
          )}
        </Card>
        <Card title={`Needs mapping (${mapping.length})`}>
          <p className="mb-3 text-sm text-slate-600">Infrastructure suppliers named that matches none of your assets. Add it to the inventory (or an alias) so the linkage reaches a real asset.</p>
          {mapping.length === 0 ? <p className="text-sm text-slate-500">Nothing waiting.</p> : (
            <ul className="space-y-2 text-sm">
              {mapping.map((m) => (
                <li key={m.id}><span className="font-medium">{m.label}</span> <span className="text-slate-500">— {vendorName.get(m.vendorId) ?? "vendor"}, <Link className="text-brand-700 hover:underline" href={`/assessments/${m.assessmentId}`}>question {m.questionId}</Link></span><span className="block text-xs text-slate-500">{m.reason}</span></li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
