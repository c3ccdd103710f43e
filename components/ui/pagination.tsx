import Link from "next/link";

/** Previous/next links that keep the rest of the query string. */
export function Pagination({
  page,
  pageCount,
  total,
  hrefFor,
  noun,
}: {
  page: number;
  pageCount: number;
  total: number;
  hrefFor: (page: number) => string;
  noun: string;
}) {
  const link = "rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-slate-300 bg-white hover:bg-slate-50";
  const disabled = "rounded-md px-3 py-1.5 text-sm text-slate-400 ring-1 ring-slate-200";
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm text-slate-600">
      <span>
        {total} {noun}
        {total === 1 ? "" : "s"} · page {page} of {pageCount}
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link className={link} href={hrefFor(page - 1)} rel="prev">
            Previous
          </Link>
        ) : (
          <span className={disabled}>Previous</span>
        )}
        {page < pageCount ? (
          <Link className={link} href={hrefFor(page + 1)} rel="next">
            Next
          </Link>
        ) : (
          <span className={disabled}>Next</span>
        )}
      </span>
    </nav>
  );
}
