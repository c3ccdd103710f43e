// Next.js calls register() once when a server process starts: the place to start the background
// worker that runs queued scoring recomputes (pg-boss) next to the web server, and to stamp
// requests with their client's socket address (lib/auth/peer-address.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Stamps each request with its socket's peer address, which sign-in throttling keys on.
  (await import("@/lib/auth/peer-address")).installPeerAddressStamp();
  if (process.env.TRUSTMAP_DISABLE_WORKER === "1" || !process.env.DATABASE_URL) return;
  const [{ startScoringWorker }, { getDb }] = await Promise.all([import("@/lib/jobs/scoring-queue"), import("@/lib/db/client")]);
  try {
    await startScoringWorker(getDb());
  } catch (error) {
    console.error("[trustmap] the scoring worker did not start; recomputes will wait in the queue:", (error as Error).message);
  }
}
