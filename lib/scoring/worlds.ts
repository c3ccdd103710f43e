/**
 * Sampled worlds: the randomness model 2 propagates over, fixed once per linkage.
 *
 * The model says each linkage is independently "live" with probability = its weight, and an asset is
 * affected when a live route reaches it. The engine evaluates that in N fixed worlds (bit-parallel:
 * one bit per world, N/32 words per linkage). Each linkage's live worlds are the first k entries of a
 * shuffle of 0..N-1 seeded by the linkage's identity, with k = floor(w·N + δ) (δ ∈ [0, 1) from the
 * same seed):
 * - exactly ⌊wN⌋ or ⌈wN⌉ live worlds, E[k] = wN (stratified: no sampling noise on a single hop);
 * - a higher weight keeps every world a lower one had (the first k of the same shuffle), so reach
 *   in every world — and so every exposure — is monotone in weights *exactly*, not up to noise;
 * - the seed depends on (from id, to id, kind, occurrence among parallel same-kind linkages), never
 *   on input order or weight: results are deterministic and a patched graph equals a rebuilt one.
 */

/**
 * Worlds per linkage for a graph of `linkageCount` linkages (a power of two). Accuracy grows with
 * √N and cost with N; small portfolios get many worlds, the million-linkage one few. The count is
 * fixed when a graph is built and kept by every patch of it (see the accuracy/time table in
 * docs/scoring.md).
 */
export function chooseWorldCount(linkageCount: number): number {
  if (linkageCount <= 20_000) return 4096;
  if (linkageCount <= 100_000) return 1024;
  if (linkageCount <= 300_000) return 256;
  return 64;
}

/** FNV-1a over UTF-16 code units: a stable 32-bit hash of a node id. */
export function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3 finaliser: spreads a 32-bit value. */
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** The seed of one linkage's worlds. */
export function linkageSeed(fromHash: number, toHash: number, kind: number, occurrence: number): number {
  return mix32(
    mix32(fromHash ^ 0x9e3779b9) ^
      mix32(toHash + 0x632be5ab) ^
      Math.imul(kind + 1, 0x27d4eb2f) ^
      Math.imul(occurrence + 1, 0x165667b1),
  );
}

const shuffleScratch = new Map<number, Uint16Array>();

/**
 * Writes the live-world bit mask of a linkage with `weight` into `out[at .. at + N/32)`.
 * `lowOut`, when given, receives the mask at `lowWeight` (≤ weight): a subset, same shuffle.
 */
export function writeWorldMask(
  seed: number,
  weight: number,
  worldCount: number,
  out: Uint32Array,
  at: number,
  lowWeight = weight,
  lowOut?: Uint32Array,
): void {
  const words = worldCount >>> 5;
  for (let k = 0; k < words; k++) out[at + k] = 0;
  if (lowOut) for (let k = 0; k < words; k++) lowOut[at + k] = 0;
  // mulberry32 seeded by the linkage.
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const offset = next();
  const live = Math.min(worldCount, Math.floor(weight * worldCount + offset));
  const lowLive = lowOut ? Math.min(live, Math.floor(lowWeight * worldCount + offset)) : 0;
  if (live === 0) return;
  let order = shuffleScratch.get(worldCount);
  if (!order) {
    order = new Uint16Array(worldCount);
    for (let i = 0; i < worldCount; i++) order[i] = i;
    shuffleScratch.set(worldCount, order);
  }
  // Partial Fisher–Yates: the first `live` entries of one fixed shuffle. `order` holds the identity
  // between calls; the swaps are undone afterwards, so each call costs O(live), not O(N).
  const swaps = swapScratch(worldCount);
  for (let i = 0; i < live; i++) {
    const j = i + Math.floor(next() * (worldCount - i));
    swaps[i] = j;
    const world = order[j]!;
    order[j] = order[i]!;
    order[i] = world;
    out[at + (world >>> 5)]! |= 1 << (world & 31);
    if (i < lowLive) lowOut![at + (world >>> 5)]! |= 1 << (world & 31);
  }
  for (let i = live - 1; i >= 0; i--) {
    const j = swaps[i]!;
    const world = order[j]!;
    order[j] = order[i]!;
    order[i] = world;
  }
}

const swapScratchBySize = new Map<number, Uint16Array>();
function swapScratch(worldCount: number): Uint16Array {
  let swaps = swapScratchBySize.get(worldCount);
  if (!swaps) {
    swaps = new Uint16Array(worldCount);
    swapScratchBySize.set(worldCount, swaps);
  }
  return swaps;
}

/** Number of set bits in a 32-bit word. */
export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
