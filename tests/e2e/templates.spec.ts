import { expect, test, type Page } from "@playwright/test";

import { DEMO_USERS, signIn } from "./support/auth";

const main = (page: Page) => page.getByRole("main");
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });

test.describe("questionnaire templates", () => {
  test("a risk officer opens the built-in template and reads its sensitivity report", async ({ page }) => {
    // The first view of a version scores two reference vendors for every answer (seconds of CPU).
    test.setTimeout(240_000);
    await signIn(page, DEMO_USERS.risk);
    await page.goto("/templates");
    const latest = main(page)
      .getByRole("row")
      .filter({ hasText: "v2" })
      .filter({ hasText: "ot-supplier-baseline" });
    await latest.getByRole("link", { name: "OT supplier baseline" }).click();
    await expect(main(page).getByRole("heading", { level: 1 })).toHaveText("OT supplier baseline · v2");

    const table = main(page).getByRole("table", { name: "Questions by effect on the reference vendors" });
    await expect(table).toBeVisible({ timeout: 200_000 });
    const summary = main(page).getByRole("definition");
    await expect(main(page).getByLabel("Summary")).toContainText("Reversals0");
    await expect(summary).not.toHaveCount(0);
    // A question that moves the PLC vendor, and the deliberate no-effect rows explained in place.
    const signature = table.getByRole("row").filter({ hasText: "upd_signature" });
    await expect(signature).toBeVisible();
    await expect(signature.getByText("Reversed")).toHaveCount(0);
    await expect(table.getByText("No effect · explained").first()).toBeVisible();
    await expect(table.getByText(/^Why: /).first()).toBeVisible();
    await expect(table.getByText("No effect", { exact: true })).toHaveCount(0);

    await page.setViewportSize({ width: 1440, height: 900 });
    await shot(page, "template-sensitivity-1440");
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, "template-sensitivity-390");

    // A cached version answers at once on the next view.
    const started = Date.now();
    await page.reload();
    await expect(table).toBeVisible({ timeout: 30_000 });
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  test("an unknown template id is a 404", async ({ page }) => {
    await signIn(page, DEMO_USERS.procurement);
    const response = await page.request.get("/templates/cl0000000000000000000000z", { maxRedirects: 0 });
    expect(response.status()).toBe(404);
  });
});
