import Link from "next/link";

import { buttonClass } from "@/components/ui/button";

/** Newer/older links: the log is paged without a total, which would mean reading all of it. */
export function AuditPager({
  page,
  hasNext,
  hrefFor,
}: {
  page: number;
  hasNext: boolean;
  hrefFor: (page: number) => string;
}) {
  const off = "rounded-md px-3 py-1.5 text-sm text-slate-400 ring-1 ring-slate-200";
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm text-slate-600">
      <span>Page {page}</span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link className={buttonClass("secondary")} href={hrefFor(page - 1)} rel="prev">
            Newer
          </Link>
        ) : (
          <span className={off}>Newer</span>
        )}
        {hasNext ? (
          <Link className={buttonClass("secondary")} href={hrefFor(page + 1)} rel="next">
            Older
          </Link>
        ) : (
          <span className={off}>Older</span>
        )}
      </span>
    </nav>
  );
}
