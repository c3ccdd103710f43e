import { expect, test } from "@playwright/test";

import { DEMO_USERS, signIn } from "./support/auth";
import { chooseFromSearch } from "./support/combobox";

const csvFile = (text: string) => ({
  name: "plant-b.csv",
  mimeType: "text/csv",
  buffer: Buffer.from(text, "utf8"),
});

test.describe("inventory", () => {
  test("an admin imports a CSV: a bad row blocks the import, the fixed file goes in", async ({ page }) => {
    const tag = Date.now().toString(36).toUpperCase();
    const header = "name,type,criticality,safety_impact,site,zone,aliases,description";
    const good = [
      `PLC-${tag}-1,plc,4,no,Plant B,L1 Control,"Helix HC-900; plc-b1",Clarifier PLC`,
      `GW-${tag},gateway,5,no,Plant B,L2 Supervisory,Meridian MG-400,"Modbus to OPC UA, plant B"`,
    ];
    const bad = `HMI-${tag},hmi,7,no,Plant B,L2 Supervisory,,Operator panel`;

    await signIn(page, DEMO_USERS.admin);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Inventory" }).click();
    await expect(page.getByRole("heading", { name: "Inventory" })).toBeVisible();
    await page.getByRole("link", { name: "Import CSV" }).click();

    await page
      .getByLabel("CSV file")
      .setInputFiles(csvFile(`\ufeff${[header, ...good, bad].join("\r\n")}\r\n`));
    const preview = page.getByRole("table", { name: "Import preview" });
    await expect(preview).toBeVisible();
    await expect(page.getByText("1 of 3 rows have errors")).toBeVisible();
    const badRow = page.getByTestId("import-row-4");
    await expect(
      badRow.getByText("Criticality must be a whole number from 1 (low) to 5 (plant-critical)."),
    ).toBeVisible();
    await expect(page.getByTestId("import-row-2").getByText("Create")).toBeVisible();
    await expect(page.getByRole("button", { name: /Import 3 assets/ })).toBeDisabled();
    await page.screenshot({ path: "test-results/screenshots/inventory-import-preview.png", fullPage: true });

    const fixed = bad.replace(",7,", ",3,");
    await page.getByLabel("CSV file").setInputFiles(csvFile([header, ...good, fixed].join("\n")));
    await expect(
      page.getByText("All 3 rows are valid: 3 to create, 0 to update, 0 unchanged."),
    ).toBeVisible();
    await page.getByRole("button", { name: "Import 3 assets" }).click();

    await expect(page).toHaveURL(/\/inventory\?imported=3\.0\.0/);
    await expect(page.getByText("Import finished: 3 created, 0 updated, 0 unchanged.")).toBeVisible();
    await page.getByLabel("Search assets").fill(tag);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByRole("row")).toHaveCount(4);
    await expect(page.getByRole("link", { name: `GW-${tag}` })).toBeVisible();
    await page.getByRole("link", { name: `HMI-${tag}` }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`HMI-${tag}`);
    await expect(page.getByRole("main").getByText("3 · Significant")).toBeVisible();

    // Importing the same file again changes nothing.
    await page.goto("/inventory/import");
    await page.getByLabel("CSV file").setInputFiles(csvFile([header, ...good, fixed].join("\n")));
    await expect(
      page.getByText("All 3 rows are valid: 0 to create, 0 to update, 3 unchanged."),
    ).toBeVisible();
  });

  test("an admin records that a PLC sits behind a gateway; procurement sees it but cannot change it", async ({
    page,
    browser,
  }) => {
    await signIn(page, DEMO_USERS.admin);
    await page.goto("/inventory?q=PLC-3");
    await page.getByRole("link", { name: "PLC-3 Filter Gallery" }).click();
    await expect(page.getByRole("main").getByText("Helix Controls")).toBeVisible();
    await expect(
      page.getByRole("main").getByText("PLC-3 sits behind gateway GW-2 (Modbus TCP writes, no filtering)."),
    ).toBeVisible();
    await page.getByRole("button", { name: "Add connection" }).click();
    const form = page.getByRole("form", { name: "New connection" });
    await form.getByLabel("Direction").selectOption("incoming");
    // The other asset is searched, not listed; the asset itself is never offered.
    await form.getByLabel("Other asset").fill("PLC-3");
    await expect(page.getByRole("listbox").getByText("No matches for “PLC-3”.")).toBeVisible();
    await chooseFromSearch(page, form.getByLabel("Other asset"), "mqtt", /^MQTT-1 Edge Broker/);
    await expect(form.getByLabel("Other asset")).toHaveValue("MQTT-1 Edge Broker");
    await form.getByLabel("Kind").selectOption("TRUST");
    await expect(form.getByLabel("Weight")).toHaveValue("0.85");
    await form.getByRole("button", { name: "Add connection" }).click();
    await expect(form.getByText(/Say why they are connected/)).toBeVisible();
    await form.getByLabel("Reason").fill("The broker's bridge account can write filter setpoints");
    await form.getByRole("button", { name: "Add connection" }).click();
    await expect(
      page.getByRole("main").getByText("The broker's bridge account can write filter setpoints"),
    ).toBeVisible();

    const other = await browser.newPage();
    await signIn(other, DEMO_USERS.procurement);
    await other.goto(page.url());
    await expect(
      other.getByRole("main").getByText("The broker's bridge account can write filter setpoints"),
    ).toBeVisible();
    await expect(other.getByRole("button", { name: "Add connection" })).toHaveCount(0);
    await expect(other.getByRole("button", { name: "Delete" })).toHaveCount(0);
    expect((await other.goto("/inventory/import"))?.status()).toBe(403);
    await other.close();
  });

  test("suppliers and other organisations cannot see the inventory", async ({ page, browser }) => {
    await signIn(page, DEMO_USERS.admin);
    await page.goto("/inventory?q=GW-2");
    await page.getByRole("link", { name: "GW-2 Modbus to OPC UA Gateway" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("GW-2 Modbus to OPC UA Gateway");
    const assetPath = new URL(page.url()).pathname;

    const supplier = await browser.newPage();
    await signIn(supplier, DEMO_USERS.supplier);
    await expect(
      supplier.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Inventory" }),
    ).toHaveCount(0);
    expect((await supplier.goto("/inventory"))?.status()).toBe(403);
    await supplier.close();

    const outsider = await browser.newPage();
    await signIn(outsider, DEMO_USERS.otherOrgAdmin);
    expect(assetPath).toMatch(/^\/inventory\/[a-z0-9]+$/);
    for (const path of [assetPath, `${assetPath}/edit`]) {
      expect((await outsider.goto(path))?.status()).toBe(404);
      await expect(outsider.getByRole("main").getByText("GW-2")).toHaveCount(0);
    }
    await outsider.close();
  });
});
