"use client";

export default function GlobalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", textAlign: "center", padding: "6rem 1rem" }}>
        <h1>Trustmap is having trouble</h1>
        <p>
          The problem has been logged{error.digest ? ` (reference ${error.digest})` : ""}. Please try again in
          a moment.
        </p>
        <button onClick={reset}>Try again</button>
      </body>
    </html>
  );
}
