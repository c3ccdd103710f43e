// Next.js calls register() once when a server process starts: the place to start the scoring
// worker (lib/jobs/scoring-queue.ts) next to the web server (it never fails to start: while the
// database is unreachable it retries with backoff by itself), and to stamp requests with their
// client's socket address (lib/auth/peer-address.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Stamps each request with its socket's peer address, which sign-in throttling keys on.
  (await import("@/lib/auth/peer-address")).installPeerAddressStamp();
  if (process.env.TRUSTMAP_DISABLE_WORKER === "1" || !process.env.DATABASE_URL) return;
  const [{ startScoringWorker }, { getDb }] = await Promise.all([
    import("@/lib/jobs/scoring-queue"),
    import("@/lib/db/client"),
  ]);
  startScoringWorker(getDb());
}
