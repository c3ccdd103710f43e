// Issue 10, finding 14: a page a role may not see answers HTTP 403 — not a 200 whose body happens to
// be the 403 page (what /scores and /compare did for a supplier: their loading.tsx streamed a 200
// before the page's forbidden() ran). Every portal page is requested over HTTP, without following
// redirects, as each role. The page list comes from the file system, so a new page without an
// entry in PAGE_CAPABILITY fails here until someone says who may see it.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

import { expect, test } from "@playwright/test";

import { can, type Actor, type Capability } from "../../lib/auth/roles";
import { DEMO_USERS, signIn } from "./support/auth";

const PORTAL = path.resolve("app/(portal)");
/** An id of the right shape that names nothing: allowed roles get 404, others 403. */
const UNKNOWN_ID = "cl0000000000000000000000z";

/** Who may open each portal page (the capability its page or layout requires); null: anyone signed in. */
const PAGE_CAPABILITY: Record<string, Capability | null> = {
  "/": null,
  "/assessments": "readAssessments",
  "/assessments/[id]": "readAssessments",
  "/assessments/new": "manageAssessments",
  "/audit": "readAudit",
  "/blast-radius": "readScores",
  "/compare": "readScores",
  "/inventory": "readInventory",
  "/inventory/[id]": "readInventory",
  "/inventory/[id]/edit": "manageInventory",
  "/inventory/import": "manageInventory",
  "/inventory/new": "manageInventory",
  "/outbox": "viewOutbox",
  "/outbox/[id]": "viewOutbox",
  "/scores": "readScores",
  "/settings/review": "manageReviewSettings",
  "/settings/scoring": "manageScoringSettings",
  "/supplier/assessments/[id]": "answerAssessments",
  "/templates": "readTemplates",
  "/templates/[id]": "readTemplates",
  "/vendors": "readVendors",
  "/vendors/[id]": "readVendors",
  "/vendors/[id]/edit": "manageVendors",
  "/vendors/[id]/score": "readScores",
  "/vendors/new": "manageVendors",
  "/what-if": "readScores",
};

function portalPages(dir = PORTAL): string[] {
  const pages: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (!name.startsWith("_")) pages.push(...portalPages(full));
    } else if (name === "page.tsx") {
      const route = path
        .relative(PORTAL, dir)
        .split(path.sep)
        .filter((s) => s && !/^\(.*\)$/.test(s))
        .join("/");
      pages.push(`/${route}`);
    }
  }
  return pages.sort();
}

const ROLES: { email: string; actor: Pick<Actor, "role" | "vendorId"> }[] = [
  { email: DEMO_USERS.admin, actor: { role: "ADMIN", vendorId: null } },
  { email: DEMO_USERS.supplier, actor: { role: "SUPPLIER", vendorId: "a-vendor" } },
  { email: DEMO_USERS.procurement, actor: { role: "PROCUREMENT", vendorId: null } },
  { email: DEMO_USERS.risk, actor: { role: "RISK_OFFICER", vendorId: null } },
];

test("every portal page has an entry in the status-code table", () => {
  expect(portalPages()).toEqual(Object.keys(PAGE_CAPABILITY).sort());
});

for (const { email, actor } of ROLES) {
  test(`pages answer 403 to a ${actor.role.toLowerCase()} who may not see them`, async ({ page }) => {
    await signIn(page, email);
    const results: string[] = [];
    const expected: string[] = [];
    for (const [route, capability] of Object.entries(PAGE_CAPABILITY)) {
      const allowed = capability === null || can[capability]({ ...actor, userId: "u", organizationId: "o" });
      const dynamic = route.includes("[id]");
      const url = route.replaceAll("[id]", UNKNOWN_ID);
      const response = await page.request.get(url, { maxRedirects: 0 });
      results.push(`${route} ${response.status()}`);
      expected.push(`${route} ${allowed ? (dynamic ? 404 : 200) : 403}`);
    }
    console.log(
      `${actor.role}: ${results.filter((r) => r.endsWith(" 403")).length} of ${results.length} pages answered 403`,
    );
    expect(results).toEqual(expected);
  });
}
