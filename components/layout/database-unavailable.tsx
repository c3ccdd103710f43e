export function DatabaseUnavailable() {
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">Trustmap cannot reach its database</h1>
      <p className="mt-3 text-slate-600">
        The portal is running but its database is not answering. Nothing you entered has been lost. Try again in a
        moment; if this persists, ask your administrator to check the database server.
      </p>
      <a href="" className="mt-6 inline-block text-sm font-medium text-brand-700 underline">Try again</a>
    </main>
  );
}
