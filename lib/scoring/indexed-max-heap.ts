/**
 * Binary max-heap of node indices keyed by an external Float64Array, with decrease-key (here:
 * raise-key) through a position table. Keeping keys outside the heap avoids allocating an entry
 * object per push; the rank tie-break keeps pop order — and therefore every result — independent of
 * the order nodes were pushed in.
 *
 * Each slot keeps a copy of its node's key and rank next to it, so sifting compares neighbouring
 * array entries instead of looking every node up in graph-sized tables (the search's hottest loop).
 */
export class IndexedMaxHeap {
  private readonly items: Int32Array;
  private readonly itemKey: Float64Array;
  private readonly itemRank: Int32Array;
  private readonly position: Int32Array;
  size = 0;

  constructor(
    capacity: number,
    private readonly key: Float64Array,
    private readonly rank: Int32Array,
  ) {
    this.items = new Int32Array(capacity);
    this.itemKey = new Float64Array(capacity);
    this.itemRank = new Int32Array(capacity);
    this.position = new Int32Array(capacity).fill(-1);
  }

  /** Inserts `node`, or restores heap order after its key was raised. */
  pushOrRaise(node: number): void {
    let at = this.position[node]!;
    if (at < 0) at = this.size++;
    const items = this.items;
    const itemKey = this.itemKey;
    const itemRank = this.itemRank;
    const position = this.position;
    const key = this.key[node]!;
    const rank = this.rank[node]!;
    while (at > 0) {
      const parentAt = (at - 1) >> 1;
      const parentKey = itemKey[parentAt]!;
      if (parentKey > key || (parentKey === key && itemRank[parentAt]! < rank)) break;
      const parent = items[parentAt]!;
      items[at] = parent;
      itemKey[at] = parentKey;
      itemRank[at] = itemRank[parentAt]!;
      position[parent] = at;
      at = parentAt;
    }
    items[at] = node;
    itemKey[at] = key;
    itemRank[at] = rank;
    position[node] = at;
  }

  pop(): number {
    const items = this.items;
    const itemKey = this.itemKey;
    const itemRank = this.itemRank;
    const position = this.position;
    const top = items[0]!;
    position[top] = -1;
    const size = --this.size;
    if (size === 0) return top;
    // Sift the last slot down from the root.
    const node = items[size]!;
    const key = itemKey[size]!;
    const rank = itemRank[size]!;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      let childKey = itemKey[child]!;
      if (child + 1 < size) {
        const otherKey = itemKey[child + 1]!;
        if (otherKey > childKey || (otherKey === childKey && itemRank[child + 1]! < itemRank[child]!)) {
          child++;
          childKey = otherKey;
        }
      }
      if (key > childKey || (key === childKey && rank < itemRank[child]!)) break;
      const moved = items[child]!;
      items[at] = moved;
      itemKey[at] = childKey;
      itemRank[at] = itemRank[child]!;
      position[moved] = at;
      at = child;
    }
    items[at] = node;
    itemKey[at] = key;
    itemRank[at] = rank;
    position[node] = at;
    return top;
  }
}
