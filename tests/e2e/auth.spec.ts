import { expect, test } from "@playwright/test";

import { DEMO_USERS, signIn } from "./support/auth";

test.describe("sign-in", () => {
  const roles = [
    {
      email: DEMO_USERS.admin,
      label: "Administrator",
      nav: ["Overview", "Vendors", "Assessments", "Scores", "Outbox", "Audit log"],
      absent: ["My assessments"],
    },
    {
      email: DEMO_USERS.procurement,
      label: "Procurement",
      nav: ["Overview", "Vendors", "Assessments", "Scores"],
      absent: ["Audit log", "Outbox"],
    },
    {
      email: DEMO_USERS.risk,
      label: "Risk officer",
      nav: ["Overview", "Vendors", "Assessments", "Scores"],
      absent: ["Audit log", "Outbox"],
    },
    {
      email: DEMO_USERS.supplier,
      label: "Supplier",
      nav: ["My assessments"],
      absent: ["Vendors", "Assessments", "Scores", "Audit log", "Outbox", "Questionnaires"],
    },
  ];
  for (const role of roles) {
    test(`${role.label} signs in, sees who they are and their menu, and signs out`, async ({ page }) => {
      await signIn(page, role.email);
      await expect(page.getByTestId("whoami")).toContainText(role.label);
      await expect(page.getByTestId("whoami")).toContainText("Northwind Water & Power");
      const nav = page.getByRole("navigation", { name: "Main" });
      for (const label of role.nav)
        await expect(nav.getByRole("link", { name: label, exact: true })).toBeVisible();
      for (const label of role.absent)
        await expect(nav.getByRole("link", { name: label, exact: true })).toHaveCount(0);
      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page).toHaveURL(/\/sign-in/);
      await page.goto("/");
      await expect(page).toHaveURL(/\/sign-in/);
    });
  }

  test("a wrong password shows a clear message and keeps the e-mail typed", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("E-mail").fill(DEMO_USERS.risk);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /incorrect/ })).toHaveText(
      "E-mail or password is incorrect.",
    );
    await expect(page.getByLabel("E-mail")).toHaveValue(DEMO_USERS.risk);
  });

  test("an empty form is caught before it is sent", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter your e-mail address.")).toBeVisible();
    await expect(page.getByText("Enter your password.")).toBeVisible();
  });

  test("pages redirect to sign-in when signed out", async ({ page }) => {
    await page.goto("/vendors");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
