import { expect, type Page } from "@playwright/test";

import { DEMO_PASSWORD, DEMO_USERS } from "../../../prisma/seed/demo-users";

export { DEMO_USERS, DEMO_PASSWORD };

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("whoami")).toBeVisible();
  // Client components (sign-out, forms) work once hydrated; wait for the page to settle.
  await page.waitForLoadState("networkidle");
}
