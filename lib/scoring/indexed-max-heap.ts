/**
 * Binary max-heap of node indices keyed by an external Float64Array, with decrease-key (here:
 * raise-key) through a position table. Keeping keys outside the heap avoids allocating an entry
 * object per push; the rank tie-break keeps pop order — and therefore every result — independent of
 * the order nodes were pushed in.
 */
export class IndexedMaxHeap {
  private readonly items: Int32Array;
  private readonly position: Int32Array;
  size = 0;

  constructor(
    capacity: number,
    private readonly key: Float64Array,
    private readonly rank: Int32Array,
  ) {
    this.items = new Int32Array(capacity);
    this.position = new Int32Array(capacity).fill(-1);
  }

  /** Inserts `node`, or restores heap order after its key was raised. */
  pushOrRaise(node: number): void {
    let at = this.position[node]!;
    if (at < 0) {
      at = this.size++;
      this.items[at] = node;
      this.position[node] = at;
    }
    this.siftUp(at);
  }

  pop(): number {
    const items = this.items;
    const top = items[0]!;
    this.position[top] = -1;
    const last = items[--this.size]!;
    if (this.size > 0) {
      items[0] = last;
      this.position[last] = 0;
      this.siftDown(0);
    }
    return top;
  }

  private before(a: number, b: number): boolean {
    const ka = this.key[a]!;
    const kb = this.key[b]!;
    return ka > kb || (ka === kb && this.rank[a]! < this.rank[b]!);
  }

  private siftUp(at: number): void {
    const items = this.items;
    const node = items[at]!;
    while (at > 0) {
      const parentAt = (at - 1) >> 1;
      const parent = items[parentAt]!;
      if (!this.before(node, parent)) break;
      items[at] = parent;
      this.position[parent] = at;
      at = parentAt;
    }
    items[at] = node;
    this.position[node] = at;
  }

  private siftDown(at: number): void {
    const items = this.items;
    const size = this.size;
    const node = items[at]!;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && this.before(items[child + 1]!, items[child]!)) child++;
      const candidate = items[child]!;
      if (!this.before(candidate, node)) break;
      items[at] = candidate;
      this.position[candidate] = at;
      at = child;
    }
    items[at] = node;
    this.position[node] = at;
  }
}
