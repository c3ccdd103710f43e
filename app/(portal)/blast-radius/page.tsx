import type { Metadata } from "next";
import Link from "next/link";

import { NodePicker } from "@/components/blast-radius/node-picker";
import { PathChain } from "@/components/blast-radius/path-chain";
import { formatPercent, formatScore } from "@/components/scores/score-format";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/next-auth/session";
import { getDb } from "@/lib/db/client";
import { getBlastRadius, searchGraphNodes } from "@/lib/domain/blast-radius/get-blast-radius";
import { idOfKey } from "@/lib/linkage/keys";

export const metadata: Metadata = { title: "Blast radius" };

export default async function BlastRadiusPage({
  searchParams,
}: {
  searchParams: Promise<{ node?: string; q?: string }>;
}) {
  const user = await requirePageUser("readScores");
  const sp = await searchParams;
  const db = getDb();
  const query = typeof sp.q === "string" ? sp.q : "";
  const [view, matches] = await Promise.all([
    sp.node ? getBlastRadius(db, user, sp.node) : Promise.resolve(null),
    query ? searchGraphNodes(db, user, query) : Promise.resolve(null),
  ]);
  const vendorId = view?.node.type === "vendor" ? idOfKey(view.node.key) : null;

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
        <Link href="/scores" className="hover:underline">
          Scores
        </Link>{" "}
        / Blast radius
      </nav>
      <PageHeader
        title={view ? `Blast radius: ${view.node.name}` : "Blast radius"}
        description="What changes if this fails or is compromised: every asset it can affect, with the probability and the most probable path."
        actions={
          vendorId ? (
            <Link
              href={`/vendors/${vendorId}/score`}
              className="text-sm font-medium text-brand-700 hover:underline"
            >
              Score details
            </Link>
          ) : null
        }
      />
      <div className="mb-6">
        <NodePicker query={query} matches={matches} current={view ? view.node.key : null} />
      </div>
      {sp.node && !view ? (
        <EmptyState title="Not in your graph">
          There is no vendor, component or asset with that key in your organisation&apos;s linkage graph. It
          may have been removed when an assessment was accepted again. Search for it by name above.
        </EmptyState>
      ) : !view ? (
        <EmptyState title="Pick a node">
          Search for a vendor, a component (an RTOS, an SDK, a gateway&apos;s firmware) or one of your assets,
          or open one from a vendor&apos;s linkage graph.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <Card>
            <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
              <div>
                <dt className="text-xs text-slate-500">Kind</dt>
                <dd className="text-base font-semibold">
                  {view.node.type}
                  {view.node.subtype ? (
                    <span className="block text-xs font-normal text-slate-500">{view.node.subtype}</span>
                  ) : null}
                </dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">Exposure if it fails</dt>
                <dd className="text-2xl font-semibold tabular-nums">{formatScore(view.exposure)}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">Assets affected</dt>
                <dd className="text-2xl font-semibold tabular-nums">{view.assetCount}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">Critical assets affected</dt>
                <dd className="text-2xl font-semibold tabular-nums">{view.criticalAssetCount}</dd>
              </div>
            </dl>
          </Card>
          {view.groups.length === 0 ? (
            <EmptyState title="Nothing downstream">
              No asset is reachable from {view.node.name} above the 1 % threshold: if it fails, nothing you
              track is affected through recorded linkages.
            </EmptyState>
          ) : (
            view.groups.map((g) => (
              <Card
                key={g.site}
                title={
                  <span>
                    {g.site}{" "}
                    <span className="text-sm font-normal text-slate-500">
                      · {g.assetCount} asset{g.assetCount === 1 ? "" : "s"} · exposure{" "}
                      {formatScore(g.exposure)}
                    </span>
                  </span>
                }
              >
                <div className="space-y-5">
                  {g.zones.map((z) => (
                    <section key={z.zone} aria-label={`${g.site}, ${z.zone}`}>
                      <h3 className="mb-1.5 text-sm font-semibold text-slate-800">
                        {z.zone}{" "}
                        <span className="font-normal text-slate-500">
                          · exposure {formatScore(z.exposure)}
                        </span>
                      </h3>
                      <table className="min-w-full table-fixed text-left text-sm">
                        <caption className="sr-only">
                          Affected assets in {g.site}, {z.zone}
                        </caption>
                        <thead className="text-xs text-slate-500">
                          <tr>
                            <th className="w-[38%] pb-1 font-medium">Asset</th>
                            <th className="pb-1 text-right font-medium">Criticality</th>
                            <th className="pb-1 text-right font-medium">P(affected)</th>
                            <th className="pb-1 text-right font-medium">Directly</th>
                            <th className="pb-1 text-right font-medium">Adds</th>
                            <th className="w-[30%] pb-1 pl-4 font-medium">Path</th>
                          </tr>
                        </thead>
                        <tbody className="divide-y divide-slate-100 align-top">
                          {z.assets.map((a) => (
                            <tr key={a.key} data-testid="blast-asset">
                              <td className="py-2 pr-2 font-medium">
                                {a.assetId ? (
                                  <Link
                                    href={`/inventory/${a.assetId}`}
                                    className="text-brand-700 hover:underline"
                                  >
                                    {a.name}
                                  </Link>
                                ) : (
                                  a.name
                                )}
                              </td>
                              <td className="py-2 text-right tabular-nums">{a.criticality}</td>
                              <td className="py-2 text-right tabular-nums">{formatPercent(a.probability)}</td>
                              <td className="py-2 text-right text-slate-500 tabular-nums">
                                {formatPercent(a.directProbability)}
                              </td>
                              <td className="py-2 text-right tabular-nums">{formatScore(a.contribution)}</td>
                              <td className="py-2 pl-4">
                                {a.path ? (
                                  <details>
                                    <summary className="cursor-pointer text-xs text-brand-700">
                                      {a.path.length} hop{a.path.length === 1 ? "" : "s"}
                                    </summary>
                                    <div className="mt-1.5">
                                      <PathChain hops={a.path} names={view.names} />
                                    </div>
                                  </details>
                                ) : (
                                  <span className="text-xs text-slate-400">—</span>
                                )}
                              </td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </section>
                  ))}
                </div>
              </Card>
            ))
          )}
        </div>
      )}
    </>
  );
}
