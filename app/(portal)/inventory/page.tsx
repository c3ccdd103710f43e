import type { Metadata } from "next";
import Link from "next/link";

import { assetTypeLabel, CriticalityBadge, SafetyBadge } from "@/components/inventory/asset-badges";
import { buttonClass, ButtonLink } from "@/components/ui/button";
import { Alert, EmptyState, PageHeader } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { SortableHeader } from "@/components/ui/sortable-header";
import { requirePageUser } from "@/lib/auth/next-auth/session";
import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { listAssets } from "@/lib/domain/inventory/list-assets";
import { ASSET_TYPE_LABEL, ASSET_TYPES, type AssetListQuery } from "@/lib/validation/asset";

export const metadata: Metadata = { title: "Inventory" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function hrefWith(query: AssetListQuery, changes: Partial<AssetListQuery>) {
  const merged = { ...query, ...changes };
  const params = new URLSearchParams();
  if (merged.q) params.set("q", merged.q);
  if (merged.type) params.set("type", merged.type);
  if (merged.sort !== "name") params.set("sort", merged.sort);
  if (merged.dir !== "asc") params.set("dir", merged.dir);
  if (merged.page > 1) params.set("page", String(merged.page));
  const s = params.toString();
  return `/inventory${s ? `?${s}` : ""}`;
}

function SortHeader({
  query,
  column,
  children,
}: {
  query: AssetListQuery;
  column: AssetListQuery["sort"];
  children: string;
}) {
  // Criticality reads best highest-first on the first click.
  return (
    <SortableHeader
      active={query.sort === column}
      dir={query.dir}
      firstDir={column === "criticality" ? "desc" : "asc"}
      hrefFor={(dir) => hrefWith(query, { sort: column, dir, page: 1 })}
    >
      {children}
    </SortableHeader>
  );
}

/** "12.3.0" from the import's redirect: created.updated.unchanged. */
function importedCounts(value: string | undefined) {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(value ?? "");
  return m ? { created: Number(m[1]), updated: Number(m[2]), unchanged: Number(m[3]) } : null;
}

export default async function InventoryPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("readInventory");
  const raw = await searchParams;
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const { items, total, query, pageCount } = await listAssets(getDb(), user, flat);
  const canManage = can.manageInventory(user);
  const filtered = Boolean(query.q) || Boolean(query.type);
  const imported = importedCounts(flat.imported);

  return (
    <>
      <PageHeader
        title="Inventory"
        description="Your sites, zones and systems: what a compromised supplier could reach, and how much it would matter."
        actions={
          canManage ? (
            <>
              <ButtonLink variant="secondary" href="/inventory/import">
                Import CSV
              </ButtonLink>
              <ButtonLink href="/inventory/new">New asset</ButtonLink>
            </>
          ) : null
        }
      />
      {imported ? (
        <div className="mb-4">
          <Alert tone="success">
            Import finished: {imported.created} created, {imported.updated} updated, {imported.unchanged}{" "}
            unchanged.
          </Alert>
        </div>
      ) : null}
      <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <label htmlFor="q" className="sr-only">
            Search assets
          </label>
          <Input
            id="q"
            name="q"
            type="search"
            placeholder="Search by name, site, zone or alias"
            defaultValue={query.q ?? ""}
          />
        </div>
        <div>
          <label htmlFor="type" className="sr-only">
            Type
          </label>
          <Select id="type" name="type" defaultValue={query.type ?? ""}>
            <option value="">All types</option>
            {ASSET_TYPES.map((t) => (
              <option key={t} value={t}>
                {ASSET_TYPE_LABEL[t]}
              </option>
            ))}
          </Select>
        </div>
        {query.sort !== "name" ? <input type="hidden" name="sort" value={query.sort} /> : null}
        {query.dir !== "asc" ? <input type="hidden" name="dir" value={query.dir} /> : null}
        <button type="submit" className={buttonClass("secondary")}>
          Search
        </button>
      </form>

      {items.length === 0 ? (
        filtered ? (
          <EmptyState
            title="No assets match"
            action={
              <Link href="/inventory" className="text-sm font-medium text-brand-700 underline">
                Clear the search
              </Link>
            }
          >
            Nothing matches {query.q ? <>“{query.q}”</> : "this type"}
            {query.q && query.type ? " of this type" : ""}. Try a shorter search or another type.
          </EmptyState>
        ) : (
          <EmptyState
            title="No assets yet"
            action={
              canManage ? (
                <span className="flex justify-center gap-2">
                  <ButtonLink href="/inventory/import">Import a CSV</ButtonLink>
                  <ButtonLink variant="secondary" href="/inventory/new">
                    Add one asset
                  </ButtonLink>
                </span>
              ) : null
            }
          >
            Record your controllers, gateways, brokers, HMIs, historians and platforms with their criticality,
            so supplier answers attach to real systems.{canManage ? "" : " An administrator can add them."}
          </EmptyState>
        )
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <SortHeader query={query} column="name">
                  Name
                </SortHeader>
                <SortHeader query={query} column="type">
                  Type
                </SortHeader>
                <SortHeader query={query} column="criticality">
                  Criticality
                </SortHeader>
                <SortHeader query={query} column="site">
                  Site
                </SortHeader>
                <SortHeader query={query} column="zone">
                  Zone
                </SortHeader>
                <th scope="col" className="px-4 py-2.5 text-left font-medium">
                  Vendors
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((a) => (
                <tr key={a.id} className="hover:bg-slate-50">
                  <td className="px-4 py-3">
                    <Link href={`/inventory/${a.id}`} className="font-medium text-brand-700 hover:underline">
                      {a.name}
                    </Link>
                    {a.aliases.length ? (
                      <div className="max-w-64 truncate text-xs text-slate-500" title={a.aliases.join("; ")}>
                        aka {a.aliases.join("; ")}
                      </div>
                    ) : null}
                  </td>
                  <td className="px-4 py-3 text-slate-700">{assetTypeLabel(a.type)}</td>
                  <td className="px-4 py-3">
                    <span className="flex flex-wrap gap-1">
                      <CriticalityBadge value={a.criticality} />
                      {a.safetyImpact ? <SafetyBadge /> : null}
                    </span>
                  </td>
                  <td className="px-4 py-3 text-slate-700">{a.site ?? "—"}</td>
                  <td className="px-4 py-3 text-slate-700">{a.zone ?? "—"}</td>
                  <td className="px-4 py-3 text-slate-600">
                    {a.deploymentCount || <span className="text-slate-400">—</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {total > 0 ? (
        <Pagination
          page={query.page}
          pageCount={pageCount}
          total={total}
          noun="asset"
          hrefFor={(page) => hrefWith(query, { page })}
        />
      ) : null}
    </>
  );
}
