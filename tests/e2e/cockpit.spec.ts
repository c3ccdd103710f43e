import { expect, test, type Page } from "@playwright/test";

import { DEMO_USERS, signIn } from "./support/auth";

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screenshots/cockpit-${name}.png`, fullPage: true });

// Internal keys and record ids must never reach what a person reads on the start page.
const INTERNAL = /\bc[a-z0-9]{20,}\b|vendor:|asset:|component:|sub_supplier:/;

for (const width of [1440, 390]) {
  test.describe(`start page at ${width} px`, () => {
    test.use({ viewport: { width, height: width > 500 ? 900 : 844 } });

    test("risk officer answers which vendor propagates the most trust and why from the start page in one click", async ({
      page,
    }) => {
      await signIn(page, DEMO_USERS.risk);
      await expect(page).toHaveURL(/\/$/);

      // The answer is on the start page: the vendor, its exposure with band, and why in words.
      const answer = page.getByTestId("most-propagating");
      await expect(answer).toContainText("Propagates the most trust into your plant");
      await expect(answer.getByRole("link", { name: "Orbital SCADA Cloud", exact: true })).toBeVisible();
      await expect(answer.getByTestId("exposure-band")).toHaveText("Severe");
      const reason = answer.getByTestId("most-propagating-reason");
      await expect(reason).toContainText(
        /Why: (Via|Directly to) .+\(criticality \d\), from question \d+\.\d+ “/,
      );
      expect(await reason.innerText()).not.toMatch(INTERNAL);

      // The rest of the cockpit: ranked vendors with reasons, the queue, unknown risk, amplifiers.
      const top = page.getByTestId("top-vendors");
      await expect(top.getByRole("listitem")).toHaveCount(5);
      expect(await top.innerText()).not.toMatch(INTERNAL);
      await expect(page.getByTestId("review-queue")).toContainText("Helix Controls");
      const unknown = page.getByTestId("unknown-risk");
      await expect(unknown).toContainText("Helix Controls");
      await expect(unknown).toContainText("Tern Networks");
      await expect(page.getByRole("heading", { name: "Top 5 structural amplifiers" })).toBeVisible();
      await expect(page.getByRole("heading", { name: "What changed this week" })).toBeVisible();
      await shot(page, `risk-home-${width}`);

      // One click: every path behind the answer.
      await answer.getByRole("link", { name: /See every path behind Orbital SCADA Cloud/ }).click();
      await expect(page).toHaveURL(/\/vendors\/[^/]+\/score$/);
      await expect(
        page.getByRole("heading", { level: 1, name: "Orbital SCADA Cloud: score details" }),
      ).toBeVisible();
      await expect(page.getByRole("heading", { name: "Top paths" })).toBeVisible();
      await expect(page.getByTestId("exposure-value").first()).toContainText("Severe");
      await shot(page, `risk-answer-${width}`);
    });

    test("procurement, supplier and admin each start on their own work", async ({ page }) => {
      await signIn(page, DEMO_USERS.procurement);
      await expect(page.getByTestId("overdue")).toContainText("Tern Networks");
      await expect(
        page.getByTestId("overdue").getByRole("button", { name: "Send Tern Networks a reminder" }),
      ).toBeVisible();
      await expect(page.getByTestId("without-assessment")).toContainText("Vantage Valves");
      await shot(page, `procurement-home-${width}`);
      await page.getByRole("button", { name: "Sign out" }).click();

      await signIn(page, DEMO_USERS.supplier);
      await expect(page.getByRole("heading", { level: 1, name: "My assessments" })).toBeVisible();
      await expect(page.getByRole("heading", { name: "Messages from reviewers" })).toBeVisible();
      await shot(page, `supplier-home-${width}`);
      await page.getByRole("button", { name: "Sign out" }).click();

      await signIn(page, DEMO_USERS.admin);
      await expect(page.getByTestId("users-by-role")).toContainText("Risk officer");
      await expect(page.getByTestId("recent-audit")).toBeVisible();
      await shot(page, `admin-home-${width}`);
    });
  });
}

test("a reminder from the procurement start page is sent in one click", async ({ page }) => {
  await signIn(page, DEMO_USERS.procurement);
  const overdue = page.getByTestId("overdue");
  await overdue.getByRole("button", { name: "Send Tern Networks a reminder" }).click();
  await expect(overdue.getByRole("status")).toHaveText("Reminder sent.");
  await page.reload();
  await expect(page.getByTestId("overdue")).toContainText(/reminded/);
});

test("the portfolio shows bands, sorts by trust share and filters unknown-risk vendors", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, DEMO_USERS.risk);
  await page.goto("/scores");
  const table = page.getByRole("table", { name: /Vendors ranked by/ });
  await expect(table.getByTestId("exposure-band").first()).toBeVisible();
  await expect(
    table.getByRole("columnheader", { name: /By linkage kind/ }).getByRole("list", { name: "Linkage kinds" }),
  ).toBeVisible();
  await page.getByLabel("Sort by").selectOption("trust");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/sort=trust/);
  await expect(page.getByRole("table", { name: "Vendors ranked by trust share" })).toBeVisible();
  await page.getByLabel("Score", { exact: true }).selectOption("no");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/scored=no/);
  const rows = page.getByTestId("portfolio-row");
  await expect(rows.first()).toContainText("Unknown — no accepted assessment");
  await expect(rows.filter({ hasText: "Orbital SCADA Cloud" })).toHaveCount(0);
  await expect(rows.filter({ hasText: "Helix Controls" })).toContainText("Critical");
  await shot(page, "portfolio-unknown-1440");
});
