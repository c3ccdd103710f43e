import { describe, expect, it } from "vitest";

import { dominantKind } from "./dominant-kind";

describe("dominantKind", () => {
  it.each([
    [{ adjacency: 0.2, inheritance: 0.5, trust: 0.1 }, "inheritance"],
    [{ adjacency: 0.5, inheritance: 0.5, trust: 0.1 }, "adjacency"],
    [{ adjacency: 0.5, inheritance: 0.5, trust: 0.5 }, "trust"],
    [{ adjacency: 0, inheritance: 0, trust: 0 }, null],
    [{ inheritance: 0.1 }, "inheritance"],
    [{}, null],
  ] as const)("%o -> %s", (byKind, kind) => {
    expect(dominantKind(byKind)).toBe(kind);
  });
});
