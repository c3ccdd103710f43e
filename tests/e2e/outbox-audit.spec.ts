// Issue 10, findings 1 and 13 end to end: each administrator's Outbox shows only its own
// organisation's mail with invitation links masked (the real link is only in the recipient's mail,
// read here from the SMTP sink); exports are recorded in the audit log, which filters, groups
// repeated sign-ins and downloads as CSV.
import { readFileSync } from "node:fs";

import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";

import { DEMO_USERS, signIn } from "./support/auth";
import { linkPath, waitForMail } from "./support/mail";

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
const main = (page: Page) => page.getByRole("main");
const SOUTHBRIDGE_CONTACT = "claire@vantage-valves.test";

test.describe("outbox and audit log", () => {
  test.describe.configure({ mode: "serial" });
  let southbridgeMailPath = "";
  let invitePath = "";

  test("Southbridge's admin sends a questionnaire; its Outbox shows the invitation with the link masked", async ({
    page,
  }) => {
    await signIn(page, DEMO_USERS.otherOrgAdmin);
    await page.goto("/vendors");
    await main(page).getByRole("link", { name: "Vantage Valves" }).click();
    await main(page).getByRole("link", { name: "Send questionnaire" }).click();
    const form = page.getByRole("form", { name: "New assessment" });
    await expect(form.getByLabel("Send to").locator("option:checked")).toContainText(SOUTHBRIDGE_CONTACT);
    await form.getByRole("button", { name: "Send invitation" }).click();
    await page.waitForURL((url) => /^\/assessments\/(?!new$)[^/]+$/.test(url.pathname));

    // The recipient's copy (the sink's file) holds the working link.
    const delivered = await waitForMail({ to: SOUTHBRIDGE_CONTACT, subject: /security assessment/ });
    invitePath = linkPath(delivered, "/invite/");
    const token = invitePath.split("/").pop()!;

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Outbox" }).click();
    await expect(main(page).getByRole("link").filter({ hasText: SOUTHBRIDGE_CONTACT })).toHaveCount(1);
    await shot(page, "outbox-list");
    await main(page).getByRole("link").filter({ hasText: SOUTHBRIDGE_CONTACT }).click();
    await page.waitForURL(/\/outbox\/\w+$/);
    southbridgeMailPath = new URL(page.url()).pathname;
    await expect(page.getByTestId("mail-text")).toContainText("/invite/••••••••");
    expect(await page.content()).not.toContain(token);
    await expect(
      page.frameLocator('iframe[title="E-mail preview"]').getByRole("link", { name: "Start the assessment" }),
    ).toBeVisible();
    await shot(page, "outbox-message-masked");
  });

  test("Northwind's admin sees none of it: not in the list, and the message's address is a 404", async ({
    page,
  }) => {
    expect(southbridgeMailPath).toMatch(/^\/outbox\/\w+$/);
    await signIn(page, DEMO_USERS.admin);
    await page.goto("/outbox");
    await expect(main(page).getByText(SOUTHBRIDGE_CONTACT)).toHaveCount(0);
    const response = await page.request.get(southbridgeMailPath, { maxRedirects: 0 });
    expect(response.status()).toBe(404);
    expect(await response.text()).not.toContain(SOUTHBRIDGE_CONTACT);
    // The recipient's link itself still works (not consumed here).
    await page.goto(invitePath);
    await expect(main(page).getByRole("heading", { level: 1 })).toContainText("Vantage Valves");
  });

  test("exports are recorded; the log filters, groups repeated sign-ins and downloads as CSV", async ({
    page,
  }) => {
    for (let i = 0; i < 3; i++) {
      await page.context().clearCookies();
      await signIn(page, DEMO_USERS.admin);
    }
    // Every export route, as the admin.
    expect((await page.request.get("/api/exports/portfolio.csv?sort=exposure")).status()).toBe(200);
    expect((await page.request.get("/api/graph/export")).status()).toBe(200);
    await page.goto("/templates");
    const templateExport = await main(page)
      .getByRole("link", { name: "Export JSON" })
      .first()
      .getAttribute("href");
    expect((await page.request.get(templateExport!)).status()).toBe(200);
    await page.goto("/scores");
    await page
      .getByRole("table", { name: /Vendors ranked/ })
      .getByRole("link", { name: "Meridian Gateways", exact: true })
      .click();
    const reportHref = await main(page)
      .getByRole("link", { name: "Download PDF report" })
      .getAttribute("href");
    expect((await page.request.get(reportHref!)).status()).toBe(200);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
    const log = main(page).getByRole("table");
    for (const label of [
      "Portfolio exported (CSV)",
      "Graph exported (JSON)",
      "Questionnaire exported",
      "Vendor report exported (PDF)",
    ]) {
      await expect(log.getByText(label, { exact: true })).toBeVisible();
    }
    await shot(page, "audit-log");

    // Only this admin's sign-ins: consecutive, so one row with a count.
    const filters = page.getByRole("search", { name: "Filter the audit log" });
    await filters.getByLabel("Action").selectOption("user.sign_in");
    await filters.getByLabel("Person").selectOption({ label: `Ada Admin (${DEMO_USERS.admin})` });
    await filters.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/action=user.sign_in/);
    await expect(log.getByRole("row")).toHaveCount(2);
    const count = Number((await log.getByText(/^× \d+/).innerText()).replace(/\D/g, ""));
    expect(count).toBeGreaterThanOrEqual(4);
    await shot(page, "audit-log-sign-ins-grouped");

    // The CSV has every one of them, one row each.
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download CSV" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^trustmap-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parse(readFileSync((await download.path())!, "utf8"), {
      columns: true,
      bom: true,
    }) as Record<string, string>[];
    expect(rows).toHaveLength(count);
    expect(rows.every((r) => r.action === "user.sign_in" && r["actor e-mail"] === DEMO_USERS.admin)).toBe(
      true,
    );

    // A bad date range is explained next to the field and shows no results.
    await page.goto("/audit?from=2026-03-10&to=2026-03-01");
    await expect(page.getByText("The end date is before the start date.").first()).toBeVisible();
    await expect(log).toHaveCount(0);
  });
});
