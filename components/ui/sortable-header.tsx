import Link from "next/link";
import type { ReactNode } from "react";

/**
 * A table column header that sorts by following a link (so sorting works without JavaScript and
 * the URL says what is shown). `hrefFor(dir)` builds the link for the direction to switch to.
 */
export function SortableHeader({
  active,
  dir,
  firstDir = "asc",
  hrefFor,
  children,
}: {
  active: boolean;
  dir: "asc" | "desc";
  firstDir?: "asc" | "desc";
  hrefFor: (dir: "asc" | "desc") => string;
  children: ReactNode;
}) {
  const next = active ? (dir === "asc" ? "desc" : "asc") : firstDir;
  return (
    <th
      scope="col"
      aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}
      className="px-4 py-2.5 text-left font-medium"
    >
      <Link href={hrefFor(next)} className="inline-flex items-center gap-1 hover:text-slate-900">
        {children}
        <span aria-hidden className="text-xs">
          {active ? (dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </Link>
    </th>
  );
}
