/**
 * Node.js options for every `next start` we run (npm start, the end-to-end server, bench:web).
 *
 * A server holding a large compiled graph (a million linkages is ~1 GB of live objects) spends much
 * of its time in garbage collection when the young generation is small: every page render allocates
 * and survivors are promoted into the big old generation, whose collections then walk the graph.
 * A 64 MB semi-space (Node's default is 16 MB) cut the portfolio page's server CPU per request from
 * 80 to 60 ms and its p95 under 20 users from 3.1 to 1.9 s at full scale (docs/benchmarks.md).
 * `npm run serve` (package.json) passes it too; deployments that start Next.js themselves should
 * pass the same option (README).
 */
export const NEXT_SERVER_NODE_ARGS: readonly string[] = ["--max-semi-space-size=64"];
