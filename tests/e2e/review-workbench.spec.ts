// Issue 14, "risk officer reviews with preview and accepts": procurement sends a questionnaire, the
// supplier answers (one "don't know") and submits; procurement may not accept (separation of
// duties); the risk officer filters the flagged answers, previews what accepting does to the
// vendor's score, accepts with a message in a dialog and follows the link to the new score; the
// supplier reads the message in the portal. Screenshots at 1440 and 390 px wide.
import { expect, test, type Browser, type Page } from "@playwright/test";

import { DEMO_USERS, signIn } from "./support/auth";
import { linkPath, waitForMail } from "./support/mail";
import {
  BASELINE,
  choiceLabel,
  expectAllSaved,
  fillRequiredAnswers,
  openSection,
  question,
  questionnaireForm,
  startsWith,
  submitButton,
} from "./support/questionnaire";

const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const vendorName = `Basalt Gateways ${stamp}`;
const contact = { name: "Ines Duarte", email: `ines.${stamp}@basalt-gw.test` };
const password = "basalt-gateways-e2e-passphrase";
const ACCEPT_MESSAGE = `Accepted for the ${stamp} rollout. Please send the SBOM with the next release.`;

const main = (page: Page) => page.getByRole("main");
const heading = (page: Page) => main(page).getByRole("heading", { level: 1 });

/** One screenshot per width the issue asks for; full page unless the viewport is what matters (a dialog). */
async function shots(page: Page, name: string, { viewport = false } = {}) {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
    await page.screenshot({
      path: `test-results/screenshots/review-${name}-${width}.png`,
      fullPage: !viewport,
    });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

let assessmentId = "";
let invitePath = "";
let supplier: Page;
let risk: Page;

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test.describe("risk officer reviews with preview and accepts", () => {
  test.describe.configure({ mode: "serial" });
  test.use({ actionTimeout: 15_000 });

  test.beforeAll(async ({ browser }) => {
    supplier = await newPage(browser);
    risk = await newPage(browser);
  });
  test.afterAll(async () => {
    for (const page of [supplier, risk]) await page?.context().close();
  });

  test("procurement sends the questionnaire; the supplier answers, with one don't know, and submits", async ({
    page,
  }) => {
    // About 40 required answers, each autosaved: slow on a loaded 2-core machine.
    test.setTimeout(480_000);
    await signIn(page, DEMO_USERS.procurement);
    await page.goto("/vendors/new");
    await page.getByLabel("Name").fill(vendorName);
    await page.getByLabel("Tier").selectOption("HIGH");
    await page.getByRole("button", { name: "Create vendor" }).click();
    await expect(heading(page)).toContainText(vendorName);
    await page.getByRole("button", { name: "Add contact" }).click();
    const contactForm = page.getByRole("form", { name: "New contact" });
    await contactForm.getByLabel("Name").fill(contact.name);
    await contactForm.getByLabel("E-mail").fill(contact.email);
    await contactForm.getByRole("button", { name: "Add contact" }).click();
    await expect(main(page).getByText(contact.email)).toBeVisible();
    await main(page).getByRole("link", { name: "Send questionnaire" }).click();
    const form = page.getByRole("form", { name: "New assessment" });
    await expect(form.getByLabel("Send to").locator("option:checked")).toContainText(contact.email);
    await form.getByRole("button", { name: "Send invitation" }).click();
    await page.waitForURL((url) => /^\/assessments\/(?!new$)[^/]+$/.test(url.pathname));
    assessmentId = new URL(page.url()).pathname.split("/").pop()!;
    invitePath = linkPath(
      await waitForMail({ to: contact.email, subject: /asks .* to complete a security assessment/ }),
      "/invite/",
    );

    await supplier.goto(invitePath);
    const account = supplier.getByRole("form", { name: "Create your account" });
    await account.getByLabel("Choose a password").fill(password);
    await account.getByLabel("Repeat the password").fill(password);
    await account.getByRole("button", { name: "Create account and open the questionnaire" }).click();
    await supplier.waitForURL(`**/supplier/assessments/${assessmentId}`);
    await expect(questionnaireForm(supplier)).toBeVisible();

    await openSection(supplier, BASELINE.sections[0]!.title);
    await question(supplier, "scope_cloud_dependency")
      .getByRole("radio", { name: startsWith(choiceLabel("scope_cloud_dependency", "dont_know")) })
      .check();
    await fillRequiredAnswers(supplier);
    await expectAllSaved(supplier);
    await submitButton(supplier).click();
    await expect(
      main(supplier)
        .getByText(/Questionnaire submitted\.|The buyer is reviewing your answers/)
        .first(),
    ).toBeVisible();

    // Separation of duties is on by default: procurement reviews but cannot accept.
    await page.goto(`/assessments/${assessmentId}`);
    await expect(heading(page)).toContainText("Submitted");
    await expect(main(page).getByRole("button", { name: "Request changes…" })).toBeVisible();
    await expect(main(page).getByRole("button", { name: "Preview and accept…" })).toHaveCount(0);
    await expect(main(page).getByText("Your organisation separates duties")).toBeVisible();
  });

  test("the risk officer sees the flagged answers with their linkages, filters them and uses the section navigator", async () => {
    const page = risk;
    await signIn(page, DEMO_USERS.risk);
    await page.goto(`/assessments/${assessmentId}`);
    await expect(heading(page)).toContainText("Submitted");

    const flaggedCount = Number(
      await main(page).getByText("Flagged answers").locator("xpath=following-sibling::dd").innerText(),
    );
    expect(flaggedCount).toBeGreaterThan(0);
    const dontKnow = question(page, "scope_cloud_dependency");
    await expect(dontKnow).toContainText("Don't know");

    await main(page)
      .getByRole("link", { name: new RegExp(`^Only flagged\\s*\\(${flaggedCount}\\)$`) })
      .click();
    await expect(page).toHaveURL(/show=flagged/);
    await expect(main(page).locator('[id^="question-"]')).toHaveCount(flaggedCount);
    // A flagged answer names the linkage it creates and its weight.
    const linkages = main(page)
      .getByText("Linkages this answer creates")
      .or(main(page).getByText("Linkage this answer creates"));
    await expect(linkages.first()).toBeVisible();
    await expect(
      main(page)
        .getByText(/weight 0\.\d\d/)
        .first(),
    ).toBeVisible();

    // The section navigator jumps to a section heading.
    const nav = main(page).getByRole("navigation", { name: "Sections" }).first();
    const firstSection = nav.getByRole("link").first();
    const target = (await firstSection.getAttribute("href"))!;
    await firstSection.click();
    await expect(page).toHaveURL(new RegExp(`${target}$`));
    await page.evaluate(() => window.scrollTo(0, 0));
    await shots(page, "01-flagged");
  });

  test("previewing shows the linkages and the vendor's new exposure, amplification and range; accepting stores the message and links to the new score", async () => {
    const page = risk;
    await page.goto(`/assessments/${assessmentId}`);
    await main(page).getByRole("button", { name: "Preview and accept…" }).click();
    const dialog = page.getByRole("dialog", { name: `Accept ${vendorName}'s submission?` });
    // (Headless UI's dialog element itself has no box: its panel is what is visible.)
    await expect(dialog.getByRole("button", { name: "Back to the answers" })).toBeVisible();
    // Keyboard: the dialog holds the focus.
    expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(true);
    const preview = dialog.getByTestId("acceptance-preview");
    await expect(preview).toBeVisible({ timeout: 30_000 });
    await expect(preview.getByRole("table", { name: "Vendor score" })).toContainText("Exposure");
    await expect(preview.getByRole("table", { name: "Vendor score" })).toContainText("Amplification");
    await expect(preview.getByRole("table", { name: "Vendor score" })).toContainText("Range (unknowns)");
    await expect(preview.getByRole("row", { name: /^Exposure/ })).toContainText("Unscored");
    await expect(preview.getByText(/\d+ linkages? this acceptance creates/)).toBeVisible();
    await dialog.getByLabel("Message to the supplier (optional)").fill(ACCEPT_MESSAGE);
    await shots(page, "02-preview", { viewport: true });

    // Escape closes without accepting; nothing changed.
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
    await expect(heading(page)).toContainText("Submitted");

    await main(page).getByRole("button", { name: "Preview and accept…" }).click();
    await expect(dialog.getByTestId("acceptance-preview")).toBeVisible({ timeout: 30_000 });
    await dialog.getByLabel("Message to the supplier (optional)").fill(ACCEPT_MESSAGE);
    await dialog.getByRole("button", { name: "Accept submission" }).click();
    const done = page.getByRole("dialog", { name: "Submission accepted" });
    await expect(done.getByRole("link", { name: `See ${vendorName}'s new score` })).toBeVisible({
      timeout: 30_000,
    });
    await shots(page, "03-accepted", { viewport: true });
    await done.getByRole("link", { name: `See ${vendorName}'s new score` }).click();
    await page.waitForURL(/\/vendors\/[^/]+\/score$/);
    await expect(heading(page)).toContainText(vendorName);

    await page.goto(`/assessments/${assessmentId}`);
    await expect(heading(page)).toContainText("Accepted");
    await expect(main(page).getByRole("link", { name: `See ${vendorName}'s new score →` })).toBeVisible();
    await expect(main(page).getByText(ACCEPT_MESSAGE)).toBeVisible();
  });

  test("the supplier reads the reviewer's message in the portal", async () => {
    await supplier.reload();
    await expect(heading(supplier)).toContainText("Accepted");
    const messages = main(supplier).getByRole("region", { name: /Messages from/ });
    await expect(messages).toContainText(ACCEPT_MESSAGE);
    await expect(messages).toContainText("Accepted");
    await shots(supplier, "04-supplier-message");
  });
});
