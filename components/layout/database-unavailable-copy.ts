// The words of the "cannot reach its database" page, for the React page (database-unavailable.tsx)
// and for the 503 response proxy.ts sends before any page renders (plain HTML: no app bundle needed).
export const DATABASE_UNAVAILABLE = {
  title: "Trustmap cannot reach its database",
  body:
    "The portal is running but its database is not answering. Nothing you entered has been lost. Try again in a " +
    "moment; if this persists, ask your administrator to check the database server.",
  retry: "Try again",
} as const;

/** A complete, self-contained HTML page (inline styles: the app's stylesheet may not be reachable). */
export function databaseUnavailableHtml(): string {
  const { title, body, retry } = DATABASE_UNAVAILABLE;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · Trustmap</title></head>
<body style="margin:0;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#0f172a">
<main style="max-width:32rem;margin:0 auto;padding:6rem 1rem;text-align:center">
<h1 style="font-size:1.5rem;font-weight:600;margin:0">${title}</h1>
<p style="margin-top:.75rem;color:#475569;line-height:1.5">${body}</p>
<a href="" style="display:inline-block;margin-top:1.5rem;font-size:.875rem;font-weight:500;color:#1d4ed8">${retry}</a>
</main></body></html>`;
}
