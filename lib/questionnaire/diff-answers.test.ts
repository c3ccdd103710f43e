import { describe, expect, it } from "vitest";

import { diffAnswers } from "./diff-answers";

describe("diffAnswers", () => {
  it.each([
    ["identical answers", { a: "yes", n: 3 }, { a: "yes", n: 3 }, []],
    ["a changed scalar", { a: "yes" }, { a: "no" }, ["a"]],
    ["a number vs the same digits as text", { n: 3 }, { n: "3" }, ["n"]],
    ["an added answer", {}, { a: "yes" }, ["a"]],
    ["a removed answer", { a: "yes" }, {}, ["a"]],
    [
      "unanswered in both (missing, null, blank, empty list)",
      { a: null, b: "", c: [] },
      { b: "  ", d: [] },
      [],
    ],
    ["multiple choice selection", { m: ["x", "y"] }, { m: ["x"] }, ["m"]],
    [
      "group rows reordered",
      { g: [{ name: "a" }, { name: "b" }] },
      { g: [{ name: "b" }, { name: "a" }] },
      ["g"],
    ],
    ["object key order ignored", { g: [{ name: "a", v: 1 }] }, { g: [{ v: 1, name: "a" }] }, []],
    ["a changed cell", { g: [{ name: "a", v: 1 }] }, { g: [{ name: "a", v: 2 }] }, ["g"]],
    ["a cell added to a row", { g: [{ name: "a" }] }, { g: [{ name: "a", v: 2 }] }, ["g"]],
    [
      "evidence files",
      { e: [{ fileId: "f1", name: "sbom.json", kind: "cyclonedx_json", bytes: 10 }] },
      { e: [{ fileId: "f2", name: "sbom.json", kind: "cyclonedx_json", bytes: 10 }] },
      ["e"],
    ],
  ] as const)("%s", (_name, prev, next, expected) => {
    expect(diffAnswers(prev, next)).toEqual(expected);
  });

  it("lists ids in the order of next, then ids only in prev", () => {
    expect(diffAnswers({ z: 1, a: 1 }, { b: 2, a: 2 })).toEqual(["b", "a", "z"]);
  });

  it("does not read inherited properties", () => {
    expect(diffAnswers({}, JSON.parse('{"__proto__": "x"}'))).toEqual(["__proto__"]);
    expect(diffAnswers({ constructor: "x" }, {})).toEqual(["constructor"]);
  });
});
