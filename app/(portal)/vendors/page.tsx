import type { Metadata } from "next";
import Link from "next/link";

import { Badge, TIER_LABEL, TIER_TONE } from "@/components/ui/badge";
import { buttonClass, ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { SortableHeader } from "@/components/ui/sortable-header";
import { requirePageUser } from "@/lib/auth/next-auth/session";
import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { listVendors } from "@/lib/domain/vendor/list-vendors";
import type { VendorListQuery } from "@/lib/validation/vendor";

export const metadata: Metadata = { title: "Vendors" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function hrefWith(query: VendorListQuery, changes: Partial<VendorListQuery>) {
  const merged = { ...query, ...changes };
  const params = new URLSearchParams();
  if (merged.q) params.set("q", merged.q);
  if (merged.sort !== "name") params.set("sort", merged.sort);
  if (merged.dir !== "asc") params.set("dir", merged.dir);
  if (merged.archived !== "active") params.set("archived", merged.archived);
  if (merged.page > 1) params.set("page", String(merged.page));
  const s = params.toString();
  return `/vendors${s ? `?${s}` : ""}`;
}

function SortHeader({
  query,
  column,
  children,
}: {
  query: VendorListQuery;
  column: VendorListQuery["sort"];
  children: string;
}) {
  return (
    <SortableHeader
      active={query.sort === column}
      dir={query.dir}
      hrefFor={(dir) => hrefWith(query, { sort: column, dir, page: 1 })}
    >
      {children}
    </SortableHeader>
  );
}

export default async function VendorsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("readVendors");
  const raw = await searchParams;
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const { items, total, query, pageCount } = await listVendors(getDb(), user, flat);
  const canManage = can.manageVendors(user);
  const filtered = Boolean(query.q) || query.archived !== "active";

  return (
    <>
      <PageHeader
        title="Vendors"
        description="The suppliers whose products, platforms and people reach into your plants."
        actions={canManage ? <ButtonLink href="/vendors/new">New vendor</ButtonLink> : null}
      />
      <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <label htmlFor="q" className="sr-only">
            Search vendors
          </label>
          <Input
            id="q"
            name="q"
            type="search"
            placeholder="Search by name, country or contact e-mail"
            defaultValue={query.q ?? ""}
          />
        </div>
        <div>
          <label htmlFor="archived" className="sr-only">
            Show
          </label>
          <Select id="archived" name="archived" defaultValue={query.archived}>
            <option value="active">Active vendors</option>
            <option value="archived">Archived vendors</option>
            <option value="all">All vendors</option>
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
            title="No vendors match"
            action={
              <Link href="/vendors" className="text-sm font-medium text-brand-700 underline">
                Clear the search
              </Link>
            }
          >
            Nothing matches {query.q ? <>“{query.q}”</> : "these filters"}. Try a shorter search or include
            archived vendors.
          </EmptyState>
        ) : (
          <EmptyState
            title="No vendors yet"
            action={canManage ? <ButtonLink href="/vendors/new">Add your first vendor</ButtonLink> : null}
          >
            Register the suppliers of your controllers, gateways, firmware and remote-access tools, then send
            them a security questionnaire.{canManage ? "" : " Procurement or an administrator can add them."}
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
                <SortHeader query={query} column="tier">
                  Tier
                </SortHeader>
                <th scope="col" className="px-4 py-2.5 text-left font-medium">
                  Country
                </th>
                <th scope="col" className="px-4 py-2.5 text-left font-medium">
                  Primary contact
                </th>
                <SortHeader query={query} column="updatedAt">
                  Updated
                </SortHeader>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((v) => (
                <tr key={v.id} className="hover:bg-slate-50">
                  <td className="px-4 py-3 font-medium">
                    <Link href={`/vendors/${v.id}`} className="text-brand-700 hover:underline">
                      {v.name}
                    </Link>
                    {v.archivedAt ? (
                      <span className="ml-2">
                        <Badge>Archived</Badge>
                      </span>
                    ) : null}
                  </td>
                  <td className="px-4 py-3">
                    <Badge tone={TIER_TONE[v.tier]}>{TIER_LABEL[v.tier]}</Badge>
                  </td>
                  <td className="px-4 py-3 text-slate-700">{v.country ?? "—"}</td>
                  <td className="px-4 py-3 text-slate-700">
                    {v.primaryContact ? (
                      <>
                        {v.primaryContact.name}{" "}
                        <span className="text-slate-500">· {v.primaryContact.email}</span>
                      </>
                    ) : (
                      <span className="text-slate-400">
                        {v.contactCount ? `${v.contactCount} contact(s)` : "No contact yet"}
                      </span>
                    )}
                  </td>
                  <td className="px-4 py-3 text-slate-600">
                    <time dateTime={v.updatedAt.toISOString()}>{v.updatedAt.toISOString().slice(0, 10)}</time>
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
          noun="vendor"
          hrefFor={(page) => hrefWith(query, { page })}
        />
      ) : null}
    </>
  );
}
