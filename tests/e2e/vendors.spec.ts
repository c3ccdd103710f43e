import { expect, test } from "@playwright/test";

import { DEMO_USERS, signIn } from "./support/auth";
import { chooseFromSearch } from "./support/combobox";

test.describe("vendors", () => {
  test("procurement creates a vendor after fixing a validation error, adds a contact, edits and archives it", async ({
    page,
  }) => {
    const name = `Quartz Telemetry ${Date.now()}`;
    await signIn(page, DEMO_USERS.procurement);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Vendors" }).click();
    await page.getByRole("link", { name: "New vendor" }).click();

    await page.getByLabel("Name").fill("Q");
    await page.getByLabel("Website").fill("quartz.example");
    await page.getByRole("button", { name: "Create vendor" }).click();
    await expect(page.getByText("Name must be at least 2 characters.")).toBeVisible();
    await expect(
      page.getByText("Website must be a full address starting with http:// or https://."),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/vendors\/new$/);
    // What the person typed is still there.
    await expect(page.getByLabel("Website")).toHaveValue("quartz.example");

    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Website").fill("https://quartz.example");
    await page.getByLabel("Tier").selectOption("HIGH");
    await page.getByLabel("Country").fill("Norway");
    await page.getByRole("button", { name: "Create vendor" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
    await expect(page.getByRole("main").getByText("High tier")).toBeVisible();
    await page.screenshot({ path: "test-results/screenshots/vendor-created.png", fullPage: true });

    await page.getByRole("button", { name: "Add contact" }).click();
    const form = page.getByRole("form", { name: "New contact" });
    await form.getByLabel("Name").fill("Ola Nordmann");
    await form.getByLabel("E-mail").fill("not-an-email");
    await form.getByRole("button", { name: "Add contact" }).click();
    await expect(form.getByText("Enter a valid e-mail address.")).toBeVisible();
    await form.getByLabel("E-mail").fill("ola@quartz.test");
    await form.getByLabel(/Primary contact/).check();
    await form.getByRole("button", { name: "Add contact" }).click();
    await expect(page.getByRole("main").getByText("ola@quartz.test")).toBeVisible();
    await expect(page.getByRole("main").getByText("Primary", { exact: true })).toBeVisible();

    // Where its products sit: the asset is searched, not listed; once deployed it is not offered again.
    await page.getByRole("button", { name: "Add deployment" }).click();
    const deployment = page.getByRole("form", { name: "New deployment" });
    await deployment.getByRole("button", { name: "Add deployment" }).click();
    await expect(deployment.getByText("Choose an asset.")).toBeVisible();
    await expect(deployment.getByLabel("Asset")).toHaveAttribute(
      "aria-describedby",
      "deployment-asset-error",
    );
    await deployment.getByLabel("Asset").fill("hist");
    await expect(page.getByRole("option", { name: /^HIST-1 Process Historian/ })).toBeVisible();
    await page.screenshot({ path: "test-results/combobox-vendor-page.png" });
    await chooseFromSearch(page, deployment.getByLabel("Asset"), "hist", /^HIST-1 Process Historian/);
    await deployment.getByLabel("Note").fill("Cellular modem on the historian uplink");
    await deployment.getByRole("button", { name: "Add deployment" }).click();
    await expect(page.getByRole("link", { name: "HIST-1 Process Historian" })).toBeVisible();
    await page.getByRole("button", { name: "Add deployment" }).click();
    await page.getByRole("form", { name: "New deployment" }).getByLabel("Asset").fill("HIST-1");
    await expect(page.getByRole("listbox").getByText("No matches for “HIST-1”.")).toBeVisible();
    await page.keyboard.press("Escape");
    await page.getByRole("form", { name: "New deployment" }).getByRole("button", { name: "Cancel" }).click();

    // A linkage recorded by hand reaches an asset or a component found by name.
    await page.getByRole("button", { name: "Add linkage" }).click();
    const linkage = page.getByRole("form", { name: "Add a linkage" });
    await chooseFromSearch(page, linkage.getByLabel("Reaches"), "mqtt", /^MQTT-1 Edge Broker/);
    await linkage.getByLabel("Why").fill("Their modem relays MQTT-1 data to the vendor cloud");
    await linkage.getByRole("button", { name: "Add linkage" }).click();
    await expect(page.getByRole("main").getByText("→ MQTT-1 Edge Broker (broker)")).toBeVisible();

    await page.getByRole("link", { name: "Edit" }).click();
    await page.getByLabel("What they supply").fill("Cellular telemetry modems with a vendor cloud relay.");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(
      page.getByRole("main").getByText("Cellular telemetry modems with a vendor cloud relay."),
    ).toBeVisible();

    await page.goto(`/vendors?q=${encodeURIComponent("Quartz Telemetry")}`);
    await expect(page.getByRole("link", { name })).toBeVisible();
    await page.getByRole("link", { name }).click();
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Archive" }).click();
    await expect(page.getByRole("main").getByText("This vendor is archived")).toBeVisible();
    await page.goto(`/vendors?q=${encodeURIComponent(name)}`);
    await expect(page.getByRole("main").getByText("No vendors match")).toBeVisible();
  });

  test("a new assessment's vendor is searched; its contacts load once it is chosen", async ({ page }) => {
    await signIn(page, DEMO_USERS.procurement);
    await page.goto("/assessments/new");
    const form = page.getByRole("form", { name: "New assessment" });
    await expect(form.getByLabel("Vendor")).toHaveValue("");
    await expect(form.getByLabel("Send to")).toBeDisabled();
    await form.getByRole("button", { name: "Send invitation" }).click();
    await expect(form.getByText("Choose a vendor.")).toBeVisible();
    await chooseFromSearch(page, form.getByLabel("Vendor"), "meridian", /^Meridian Gateways/);
    await expect(form.getByLabel("Send to")).toBeEnabled();
    await expect(form.getByLabel("Send to").locator("option:checked")).toHaveText(
      "Joost de Vries — joost@meridian-gw.test (primary)",
    );
    await expect(form.getByText("Choose a vendor.")).toHaveCount(0);
  });

  test("a duplicate vendor name is refused next to the field", async ({ page }) => {
    await signIn(page, DEMO_USERS.procurement);
    await page.goto("/vendors/new");
    await page.getByLabel("Name").fill("helix controls");
    await page.getByRole("button", { name: "Create vendor" }).click();
    await expect(page.getByRole("main").getByText(/A vendor with this name already exists/)).toBeVisible();
  });

  test("the vendor list searches, sorts and shows an empty state", async ({ page }) => {
    await signIn(page, DEMO_USERS.risk);
    await page.goto("/vendors");
    await expect(page.getByRole("link", { name: "New vendor" })).toHaveCount(0);
    await page.getByRole("link", { name: /Tier/ }).click();
    await expect(page).toHaveURL(/sort=tier/);
    await page.getByLabel("Search vendors").fill("Meridian");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByRole("row")).toHaveCount(2);
    await page.getByLabel("Search vendors").fill("zzz-no-such-vendor");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByRole("main").getByText("No vendors match")).toBeVisible();
  });

  test("a supplier is refused the vendor list", async ({ page }) => {
    await signIn(page, DEMO_USERS.supplier);
    await expect(page.getByRole("heading", { name: "My assessments" })).toBeVisible();
    const response = await page.goto("/vendors");
    expect(response?.status()).toBe(403);
    await expect(
      page.getByRole("heading", { name: "This page is not available to your role" }),
    ).toBeVisible();
  });

  test("a user of another organisation cannot open a vendor by URL", async ({ page, browser }) => {
    await signIn(page, DEMO_USERS.procurement);
    await page.goto("/vendors?q=Helix");
    await page.getByRole("link", { name: "Helix Controls" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Helix Controls");
    const vendorUrl = new URL(page.url()).pathname;

    const other = await browser.newPage();
    await signIn(other, DEMO_USERS.otherOrgAdmin);
    for (const path of [vendorUrl, `${vendorUrl}/edit`]) {
      const response = await other.goto(path);
      expect(response?.status()).toBe(404);
      await expect(other.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
      await expect(other.getByRole("main").getByText("Helix Controls")).toHaveCount(0);
    }
    await other.close();
  });
  test("an administrator ticks a buyer-side control on a deployment with the keyboard and the vendor's score drops", async ({
    page,
  }) => {
    await signIn(page, DEMO_USERS.admin);
    await page.goto(`/vendors?q=${encodeURIComponent("Meridian Gateways")}`);
    await page.getByRole("link", { name: "Meridian Gateways" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Meridian Gateways");
    const exposure = page.locator("#score dl > div").first().locator("dd").first();
    const before = Number.parseFloat((await exposure.textContent()) ?? "");
    expect(before).toBeGreaterThan(0);

    // Keyboard only: open the deployment's controls, tick one with Space, save with Enter.
    const summary = page.locator("summary", {
      hasText: "Buyer-side controls on GW-2 Modbus to OPC UA Gateway",
    });
    await summary.focus();
    await page.keyboard.press("Enter");
    const form = page.getByRole("form", {
      name: "Buyer-side controls on GW-2 Modbus to OPC UA Gateway",
    });
    const outbound = form.getByRole("checkbox", { name: /^Outbound internet blocked/ });
    await outbound.focus();
    await page.keyboard.press("Space");
    await expect(outbound).toBeChecked();
    await expect(form.getByRole("status")).toHaveText("Unsaved changes.");
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: "test-results/screenshots/buyer-controls-1440.png", fullPage: true });
    await form.getByRole("button", { name: "Save controls" }).focus();
    await page.keyboard.press("Enter");
    await expect(form.getByRole("status")).toHaveText(
      /^Saved\. Linkages re-extracted and \d+ vendors? rescored\.$/,
    );

    // The score on the page is the new one, lower; the deployment shows the control it has.
    await expect
      .poll(async () => Number.parseFloat((await exposure.textContent()) ?? ""))
      .toBeLessThan(before);
    await expect(
      page.getByRole("list", { name: "Buyer-side controls" }).getByText("Outbound internet blocked"),
    ).toBeVisible();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "test-results/screenshots/buyer-controls-390.png", fullPage: true });
    await page
      .getByRole("heading", { name: "Deployed on" })
      .locator("xpath=ancestor::section[1]")
      .screenshot({ path: "test-results/screenshots/buyer-controls-390-panel.png" });
    await page.setViewportSize({ width: 1280, height: 800 });

    // The what-if offers the buyer-side controls as toggles too (nothing stored by trying them).
    const vendorId = new URL(page.url()).pathname.split("/")[2];
    await page.goto(`/what-if?vendor=${vendorId}`);
    await expect(page.getByRole("heading", { name: "Your controls at the deployments" })).toBeVisible();
    await expect(page.getByLabel(/^PAM with approval/)).toBeVisible();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByLabel(/^Unidirectional gateway/).check();
    await expect(page.getByTestId("exposure-delta").first()).toHaveText(/^−\d/);
    await page.screenshot({
      path: "test-results/screenshots/what-if-buyer-controls-1440.png",
      fullPage: true,
    });
  });
});
