"use client";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-3 text-slate-600">
        This page could not be shown. The problem has been logged
        {error.digest ? ` (reference ${error.digest})` : ""}. Nothing you entered has been lost.
      </p>
      <button onClick={reset} className="mt-6 text-sm font-medium text-brand-700 underline">
        Try again
      </button>
    </main>
  );
}
