// Issue 10, finding 14: a loading.tsx wraps its page in a Suspense boundary, so the response (200)
// is on its way before the page's own requirePageUser(...) can call forbidden(). A segment with a
// loading.tsx must check the page's capability in a layout, which renders above the boundary.
// (tests/e2e/status-codes.spec.ts checks the status codes themselves on a production server.)
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

const APP = path.resolve("app");

function segmentsWithLoading(dir = APP): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) found.push(...segmentsWithLoading(full));
    else if (name === "loading.tsx") found.push(dir);
  }
  return found;
}

/** The capabilities checked by requirePageUser("…") or capabilityLayout("…") in a file. */
function capabilitiesIn(file: string): string[] {
  if (!existsSync(file)) return [];
  return [...readFileSync(file, "utf8").matchAll(/(?:requirePageUser|capabilityLayout)\("(\w+)"\)/g)].map(
    (m) => m[1]!,
  );
}

describe("pages with a loading.tsx check their capability before the loading boundary", () => {
  const segments = segmentsWithLoading();
  it("finds the segments", () => expect(segments.length).toBeGreaterThan(0));
  for (const dir of segments) {
    it(path.relative(APP, dir), () => {
      const needed = capabilitiesIn(path.join(dir, "page.tsx"));
      expect(capabilitiesIn(path.join(dir, "layout.tsx"))).toEqual(expect.arrayContaining(needed));
    });
  }
});
