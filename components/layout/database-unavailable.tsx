import { DATABASE_UNAVAILABLE } from "./database-unavailable-copy";

/**
 * Rendered by the portal layout when the database fails under a page. The HTTP status of that
 * response is already sent as 200 by then; later requests get the same words with a real 503 from
 * proxy.ts, which the layout tells about the failure (noteDatabaseUnavailable).
 */
export function DatabaseUnavailable() {
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">{DATABASE_UNAVAILABLE.title}</h1>
      <p className="mt-3 text-slate-600">{DATABASE_UNAVAILABLE.body}</p>
      <a href="" className="mt-6 inline-block text-sm font-medium text-brand-700 underline">
        {DATABASE_UNAVAILABLE.retry}
      </a>
    </main>
  );
}
