"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";

import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { SearchCombobox } from "@/components/ui/search-combobox";
import type { WhatIfWorkspace } from "@/lib/domain/what-if/get-what-if-workspace";

import { score } from "./format";

/** Portfolio mode: search any scored vendor, or open one of the highest-exposure ones. */
export function VendorPicker({
  topVendors,
  total,
}: {
  topVendors: WhatIfWorkspace["topVendors"];
  total: number;
}) {
  const router = useRouter();
  return (
    <Card title="One vendor at a time">
      <p className="mb-3 text-sm text-slate-600">
        To toggle single linkages or drag their weights, open the what-if of one vendor:
      </p>
      {total === 0 ? (
        <p className="text-sm text-slate-500">No vendor is scored yet: accept an assessment first.</p>
      ) : (
        <div className="space-y-4">
          <Field id="what-if-vendor" label="Find a scored vendor">
            <SearchCombobox
              id="what-if-vendor"
              type="scored-vendor"
              value={null}
              placeholder={`Search ${total} scored vendor${total === 1 ? "" : "s"}…`}
              onChange={(v) => {
                if (v) router.push(`/what-if?vendor=${v.id}`);
              }}
            />
          </Field>
          {topVendors.length ? (
            <div>
              <h3 className="mb-2 text-xs font-medium text-slate-600">Highest exposure</h3>
              <ul className="flex flex-wrap gap-2">
                {topVendors.map((v) => (
                  <li key={v.id}>
                    <Link
                      href={`/what-if?vendor=${v.id}`}
                      className="inline-block rounded-md px-3 py-1.5 text-sm text-brand-700 ring-1 ring-slate-200 hover:bg-slate-50"
                    >
                      {v.label}
                      {v.exposure !== null ? (
                        <span className="ml-1.5 text-xs text-slate-500 tabular-nums">
                          {score(v.exposure)}
                        </span>
                      ) : null}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      )}
    </Card>
  );
}
