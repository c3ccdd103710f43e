// The questionnaire journey end to end (issue 3): procurement sends → the SMTP sink receives the
// invitation → the supplier sets a password from the mailed link, answers (conditionals, a repeatable
// group, evidence sniffing, autosave, a reload), submits with an answer missing, fixes it → the risk
// officer requests a change on one question → the supplier resubmits → the risk officer reviews the
// diff and accepts. One serial story: each step builds on the data of the previous one.
import { expect, test, type Browser, type Page } from "@playwright/test";

import { DEMO_USERS, signIn } from "./support/auth";
import { linkPath, waitForMail, type SinkMessage } from "./support/mail";
import {
  BASELINE,
  choiceLabel,
  escapeRegExp,
  expectAllSaved,
  fillRequiredAnswers,
  fixturePath,
  installAutosaveProbe,
  openSection,
  question,
  questionnaireForm,
  readAutosaveProbe,
  requiredProgress,
  startsWith,
  submitButton,
  templateQuestion,
} from "./support/questionnaire";

const BUYER = "Northwind Water & Power";
const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const vendorName = `Quartz RTU ${stamp}`;
const contact = { name: "Kari Nilsen", email: `kari.${stamp}@quartz-rtu.test` };
const supplierPassword = "quartz-rtu-e2e-passphrase";
const personalMessage = `Please answer before the ${stamp} audit.`;

// The answers the story follows from start to finish.
const PRODUCT_NAMES = "Quartz RTU-4 remote terminal units, firmware 4.2.x";
const POLICY_FIRST = "security@quartz-rtu.test";
const POLICY_FIXED = "https://quartz-rtu.example/security/disclosure-policy";
const REVIEW_COMMENT = "Please link the published disclosure policy itself, not a mailbox.";
const MISSING = "vuln_disclosure_policy"; // the required answer left out of the first submission

// Full-page by default; `viewport` captures what the person actually sees (the save bar is sticky).
const shot = (page: Page, name: string, { viewport = false } = {}) =>
  page.screenshot({ path: `test-results/screenshots/questionnaire-${name}.png`, fullPage: !viewport });
const main = (page: Page) => page.getByRole("main");
const statusBadge = (page: Page) => main(page).getByRole("heading", { level: 1 });

let assessmentId = "";
let invitePath = "";
let procurement: Page;
let supplier: Page;
let risk: Page;

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test.describe("questionnaire journey", () => {
  test.describe.configure({ mode: "serial" });
  // Fail a step quickly instead of waiting for the whole test's timeout on one missing element.
  test.use({ actionTimeout: 15_000 });

  test.beforeAll(async ({ browser }) => {
    procurement = await newPage(browser);
    supplier = await newPage(browser);
    risk = await newPage(browser);
  });

  test.afterAll(async () => {
    for (const page of [procurement, supplier, risk]) await page?.context().close();
  });

  test("procurement registers a vendor and contact, sends the questionnaire, and the invitation arrives over SMTP", async () => {
    const page = procurement;
    await signIn(page, DEMO_USERS.procurement);

    await page.goto("/vendors/new");
    await page.getByLabel("Name").fill(vendorName);
    await page.getByLabel("Website").fill("https://quartz-rtu.example");
    await page.getByLabel("Tier").selectOption("HIGH");
    await page.getByLabel("Country").fill("Norway");
    await page.getByRole("button", { name: "Create vendor" }).click();
    await expect(main(page).getByRole("heading", { level: 1 })).toContainText(vendorName);

    await page.getByRole("button", { name: "Add contact" }).click();
    const contactForm = page.getByRole("form", { name: "New contact" });
    await contactForm.getByLabel("Name").fill(contact.name);
    await contactForm.getByLabel("E-mail").fill(contact.email);
    await contactForm.getByLabel(/Primary contact/).check();
    await contactForm.getByRole("button", { name: "Add contact" }).click();
    await expect(main(page).getByText(contact.email)).toBeVisible();

    await main(page).getByRole("link", { name: "Send questionnaire" }).click();
    const form = page.getByRole("form", { name: "New assessment" });
    // The vendor comes from the link: its name in the search box, its contacts in "Send to".
    await expect(form.getByLabel("Vendor")).toHaveValue(vendorName);
    await expect(form.getByLabel("Send to").locator("option:checked")).toContainText(contact.email);
    await expect(form.getByLabel("Questionnaire").locator("option:checked")).toContainText(BASELINE.title);
    await form.getByLabel("Personal message (optional)").fill(personalMessage);
    await form.getByRole("button", { name: "Send invitation" }).click();

    await page.waitForURL((url) => /^\/assessments\/(?!new$)[^/]+$/.test(url.pathname));
    assessmentId = new URL(page.url()).pathname.split("/").pop()!;
    await expect(statusBadge(page)).toContainText("Sent");
    await expect(main(page).getByText(`sent to ${contact.name} (${contact.email})`)).toBeVisible();

    const mail = await waitForMail({
      to: contact.email,
      subject: /asks .* to complete a security assessment/,
    });
    expect(mail.subject).toBe(`${BUYER} asks ${vendorName} to complete a security assessment`);
    expect(mail.to).toContain(contact.email);
    expect(mail.text).toContain(personalMessage);
    expect(mail.html).toContain("Start the assessment");
    invitePath = linkPath(mail, "/invite/");
    expect(invitePath).toMatch(/^\/invite\/[\w-]{20,}$/);
    await shot(page, "01-assessment-sent");
  });

  test("the admin's Outbox shows the invitation e-mail as the supplier sees it, with the link masked", async ({
    page,
  }) => {
    await signIn(page, DEMO_USERS.admin);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Outbox" }).click();
    await main(page)
      .getByRole("link")
      .filter({ hasText: vendorName })
      .filter({ hasText: contact.email })
      .click();
    await expect(main(page).getByRole("heading", { level: 1 })).toHaveText(
      `${BUYER} asks ${vendorName} to complete a security assessment`,
    );
    // Only the recipient's copy (read from the sink above) holds the token; the Outbox masks it.
    await expect(page.getByTestId("mail-text")).toContainText("/invite/••••••••");
    await expect(page.getByTestId("mail-text")).not.toContainText(invitePath);
    expect(await page.content()).not.toContain(invitePath.split("/").pop()!);
    const preview = page.frameLocator('iframe[title="E-mail preview"]');
    await expect(preview.getByRole("link", { name: "Start the assessment" })).toBeVisible();
    await expect(preview.getByText(personalMessage)).toBeVisible();
    await shot(page, "02-outbox-invitation");
  });

  test("the supplier opens the mailed link, is refused a short password, sets one and lands on the questionnaire", async () => {
    const page = supplier;
    await page.goto(invitePath);
    await expect(main(page).getByRole("heading", { level: 1 })).toHaveText(
      `${BUYER} asks ${vendorName} for a security assessment`,
    );
    const form = page.getByRole("form", { name: "Create your account" });
    await expect(form.getByText(contact.email)).toBeVisible();
    await expect(form.getByLabel("Your name")).toHaveValue(contact.name);

    await form.getByLabel("Choose a password").fill("short-pw");
    await form.getByLabel("Repeat the password").fill("short-pw");
    await form.getByRole("button", { name: "Create account and open the questionnaire" }).click();
    await expect(form.getByText("Use at least 12 characters.")).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`${invitePath}$`));
    await shot(page, "03-invite-short-password");

    await form.getByLabel("Choose a password").fill(supplierPassword);
    await form.getByLabel("Repeat the password").fill(supplierPassword);
    await form.getByRole("button", { name: "Create account and open the questionnaire" }).click();
    await page.waitForURL(`**/supplier/assessments/${assessmentId}`);
    await expect(questionnaireForm(page)).toBeVisible();
    await expect(page.getByTestId("whoami")).toContainText(contact.name);
    await expect(main(page).getByText(personalMessage)).toBeVisible();
    await page.waitForLoadState("networkidle");
    await shot(page, "04-questionnaire-landing");
  });

  test("conditional questions appear and disappear as the answers they depend on change", async () => {
    const page = supplier;
    // Remote access: the nine follow-ups exist only when there is remote access.
    await openSection(page, "Remote access and maintenance");
    const model = question(page, "ra_model");
    const followUps = ["ra_mechanisms", "ra_session_approval", "ra_kill_switch", "ra_mfa", "ra_people"];
    for (const id of followUps) await expect(question(page, id)).toHaveCount(0);

    await model.getByRole("radio", { name: startsWith(choiceLabel("ra_model", "on_demand")) }).check();
    for (const id of followUps) await expect(question(page, id)).toBeVisible();
    await expect(question(page, "ra_mechanisms")).toContainText(templateQuestion("ra_mechanisms").label);
    await shot(page, "05-remote-access-follow-ups");

    await model.getByRole("radio", { name: startsWith(choiceLabel("ra_model", "none")) }).check();
    for (const id of followUps) await expect(question(page, id)).toHaveCount(0);

    // Firmware: the SBOM upload and its depth are asked only once an SBOM exists.
    await openSection(page, "Firmware composition and SBOM");
    await expect(question(page, "fw_sbom_file")).toHaveCount(0);
    await question(page, "fw_sbom_available").getByRole("radio", { name: "Yes", exact: true }).check();
    await expect(question(page, "fw_sbom_file")).toBeVisible();
    await expect(question(page, "fw_sbom_depth")).toBeVisible();
    await question(page, "fw_sbom_depth")
      .getByRole("radio", { name: startsWith(choiceLabel("fw_sbom_depth", "full_transitive")) })
      .check();
    await expectAllSaved(page);
  });

  test("a repeatable group takes rows and loses one; a CycloneDX SBOM is kept, an executable named .pdf is refused", async () => {
    const page = supplier;
    await openSection(page, "Firmware composition and SBOM");

    const components = question(page, "fw_components");
    await expect(components.getByText("No components added yet.")).toBeVisible();
    const rows = components.getByRole("heading", { level: 4 });
    const add = components.getByRole("button", { name: "Add component" });
    const cell = (label: string, row: number) =>
      components.getByRole(
        label === "Type" || label === "Do you have its source code?" ? "combobox" : "textbox",
        { name: new RegExp(`^${escapeRegExp(label)} .*Component ${row}(?!\\d)`) },
      );

    await add.click();
    await expect(cell("Type", 1)).toBeFocused();
    await cell("Type", 1).selectOption({ label: "Operating system / RTOS" });
    await cell("Name", 1).fill("FreeRTOS");
    await cell("Version", 1).fill("10.5.1");
    await cell("Do you have its source code?", 1).selectOption({ label: "Yes, we build it from source" });

    await add.click();
    await cell("Type", 2).selectOption({ label: "Cryptographic library" });
    await cell("Name", 2).fill("Mbed TLS");
    await cell("Version", 2).fill("3.5.2");
    await cell("Package URL (purl)", 2).fill("pkg:generic/mbedtls@3.5.2");
    await cell("Do you have its source code?", 2).selectOption({ label: "No, we receive binaries only" });
    await expect(rows).toHaveText([/^Component 1\s*— FreeRTOS/, /^Component 2\s*— Mbed TLS/]);
    await expect(components.getByText("2 of at most 200")).toBeVisible();

    await components.getByRole("button", { name: "Remove component 1" }).click();
    await expect(rows).toHaveText([/^Component 1\s*— Mbed TLS/]);
    await expect(cell("Name", 1)).toHaveValue("Mbed TLS");
    await expect(cell("Version", 1)).toHaveValue("3.5.2");

    // A real CycloneDX SBOM is sniffed as one and listed.
    const sbom = question(page, "fw_sbom_file");
    await sbom.locator("input[type=file]").setInputFiles(fixturePath("sbom.cdx.json"));
    const attached = sbom.getByRole("list", { name: "Attached files" });
    await expect(attached).toContainText("sbom.cdx.json");
    await expect(attached).toContainText("CycloneDX JSON");
    await expectAllSaved(page);
    await shot(page, "06-firmware-group-and-sbom");

    // A Windows executable renamed to .pdf is refused by content, with the file named in the message.
    await openSection(page, "Logging, configuration and recoverability");
    const guide = question(page, "ops_hardening_guide");
    await guide.locator("input[type=file]").setInputFiles(fixturePath("hardening-guide.pdf"));
    const rejection = guide.getByRole("alert");
    await expect(rejection).toContainText("hardening-guide.pdf");
    await expect(rejection).toContainText(/not one we accept/i);
    await expect(rejection).toContainText("PDF");
    await expect(guide.getByRole("list", { name: "Attached files" })).toHaveCount(0);
    await shot(page, "07-fake-pdf-rejected");
  });

  test("autosave: the round trip from the last keystroke to 'All changes saved', and a reload keeps every answer", async () => {
    const page = supplier;
    await openSection(page, "Footprint and scope");
    await expectAllSaved(page);
    await installAutosaveProbe(page);

    const names = question(page, "scope_product_names").getByRole("textbox");
    await names.click();
    await names.pressSequentially(PRODUCT_NAMES, { delay: 15 });
    const { keystrokeToSavedMs, requestMs } = await readAutosaveProbe(page);
    await expectAllSaved(page);
    console.log(`AUTOSAVE_MS=${keystrokeToSavedMs}`);
    console.log(
      `AUTOSAVE_REQUEST_MS=${requestMs} (the save request alone; the rest is the debounce after the last keystroke)`,
    );
    expect(keystrokeToSavedMs).toBeGreaterThan(0);
    expect(keystrokeToSavedMs).toBeLessThan(5_000);

    await question(page, "scope_product_classes")
      .getByRole("checkbox", { name: startsWith(choiceLabel("scope_product_classes", "gateway")) })
      .check();
    await question(page, "scope_units").getByRole("textbox").fill("240");
    await question(page, "scope_units").getByRole("textbox").blur();
    await expectAllSaved(page);
    const checkedClasses = await question(page, "scope_product_classes")
      .locator("input[type=checkbox]:checked")
      .count();
    expect(checkedClasses).toBe(1);

    // Mid-way reload: everything typed so far comes back from the server.
    await page.reload();
    await expect(questionnaireForm(page)).toBeVisible();
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("button", { name: "Restore them" })).toHaveCount(0);

    await expect(questionnaireForm(page).getByRole("heading", { level: 2 })).toHaveText(
      "Footprint and scope",
    );
    await expect(question(page, "scope_product_names").getByRole("textbox")).toHaveValue(PRODUCT_NAMES);
    await expect(question(page, "scope_units").getByRole("textbox")).toHaveValue("240");
    await expect(question(page, "scope_product_classes").locator("input[type=checkbox]:checked")).toHaveCount(
      1,
    );

    await openSection(page, "Firmware composition and SBOM");
    await expect(
      question(page, "fw_sbom_available").getByRole("radio", { name: "Yes", exact: true }),
    ).toBeChecked();
    await expect(question(page, "fw_sbom_depth").locator("input[type=radio]:checked")).toHaveCount(1);
    await expect(question(page, "fw_sbom_file").getByRole("list", { name: "Attached files" })).toContainText(
      "sbom.cdx.json",
    );
    const components = question(page, "fw_components");
    await expect(components.getByRole("heading", { level: 4 })).toHaveText([/^Component 1\s*— Mbed TLS/]);
    await expect(components.getByRole("textbox", { name: /^Version .*Component 1(?!\d)/ })).toHaveValue(
      "3.5.2",
    );
    await expect(
      components.getByRole("textbox", { name: /^Package URL \(purl\) .*Component 1(?!\d)/ }),
    ).toHaveValue("pkg:generic/mbedtls@3.5.2");

    await openSection(page, "Remote access and maintenance");
    await expect(
      question(page, "ra_model").getByRole("radio", { name: startsWith(choiceLabel("ra_model", "none")) }),
    ).toBeChecked();
    await expect(question(page, "ra_mechanisms")).toHaveCount(0);
    await shot(page, "08-after-reload");
  });

  test("submitting with a required answer missing lists it with a link; following the link and fixing it submits", async () => {
    test.setTimeout(150_000);
    const page = supplier;
    const filled = await fillRequiredAnswers(page, { skip: [MISSING] });
    expect(filled.length).toBeGreaterThan(30);
    await expectAllSaved(page);
    const progress = await requiredProgress(page);
    expect(progress.answered).toBe(progress.required - 1);

    await submitButton(page).click();
    const issues = main(page).getByRole("alert").filter({ hasText: "needs attention" });
    await expect(issues).toContainText("1 answer needs attention");
    const link = issues.getByRole("link", { name: startsWith(templateQuestion(MISSING).label) });
    await expect(link).toBeVisible();
    await page.waitForTimeout(600); // let the smooth scroll to the list finish before capturing the viewport
    await shot(page, "09-submit-issue-list", { viewport: true });

    await link.click();
    await expect(questionnaireForm(page).getByRole("heading", { level: 2 })).toHaveText(
      "Vulnerability handling and disclosure",
    );
    const policy = question(page, MISSING).getByRole("textbox");
    await expect(policy).toBeFocused();
    await policy.fill(POLICY_FIRST);
    await expect(
      main(page).getByRole("alert").filter({ hasText: "Everything listed has been fixed" }),
    ).toBeVisible();
    await expectAllSaved(page);

    await submitButton(page).click();
    await expect(
      main(page)
        .getByText(/Questionnaire submitted\.|The buyer is reviewing your answers/)
        .first(),
    ).toBeVisible();
    await page.reload();
    await expect(statusBadge(page)).toContainText("Submitted");
    await expect(main(page).getByText(/The buyer is reviewing your answers/)).toBeVisible();
    await expect(questionnaireForm(page)).toHaveCount(0);
    await shot(page, "10-submitted");
  });

  test("the risk officer comments on one answer and requests changes; the supplier is e-mailed", async () => {
    const page = risk;
    await signIn(page, DEMO_USERS.risk);
    await page.goto(`/assessments/${assessmentId}`);
    await expect(statusBadge(page)).toContainText(vendorName);
    await expect(statusBadge(page)).toContainText("Submitted");

    const answer = question(page, MISSING);
    await expect(answer).toContainText(POLICY_FIRST);
    await answer.getByRole("button", { name: "Comment on this answer" }).click();
    await answer.getByRole("textbox", { name: "Comment" }).fill(REVIEW_COMMENT);
    await answer.getByRole("button", { name: "Add comment" }).click();
    await expect(answer).toContainText(REVIEW_COMMENT);
    await expect(main(page).getByText("Comments to send").locator("..")).toContainText("1");
    await shot(page, "11-review-comment");

    const before = await waitForMail({ to: contact.email, subject: /asks .* to complete/ });
    await main(page).getByRole("button", { name: "Request changes…" }).click();
    const dialog = page.getByRole("dialog", { name: "Request changes" });
    await expect(dialog).toContainText("1 comment on answers will be sent");
    await dialog.getByRole("button", { name: "Send change request" }).click();
    await expect(statusBadge(page)).toContainText("Changes requested");

    const mail = await waitForMail({ to: contact.email, subject: /asked for changes/, notIds: [before.id] });
    expect(mail.subject).toBe(`${BUYER} asked for changes to your security assessment`);
    expect(linkPath(mail, "/supplier/assessments/")).toBe(`/supplier/assessments/${assessmentId}`);
  });

  test("the supplier signs in again, sees the comment next to the question, changes that answer and resubmits", async ({
    browser,
  }) => {
    // A fresh browser: the supplier comes back later with the password they chose.
    await supplier.context().close();
    supplier = await newPage(browser);
    const page = supplier;
    await signIn(page, contact.email, supplierPassword);
    const mail: SinkMessage = await waitForMail({ to: contact.email, subject: /asked for changes/ });
    await page.goto(linkPath(mail, "/supplier/assessments/"));
    await expect(statusBadge(page)).toContainText("Changes requested");
    await expect(main(page).getByText(`${BUYER} asked for changes`)).toBeVisible();

    // The notice lists the commented question; its link opens the right section.
    await main(page)
      .getByRole("link", { name: templateQuestion(MISSING).label })
      .click();
    await expect(questionnaireForm(page).getByRole("heading", { level: 2 })).toHaveText(
      "Vulnerability handling and disclosure",
    );
    const block = question(page, MISSING);
    const comments = block.getByRole("complementary", { name: "Reviewer comments" });
    await expect(comments).toContainText(REVIEW_COMMENT);
    await expect(comments).toContainText("Rafael Risk");
    await expect(block.getByRole("textbox")).toHaveValue(POLICY_FIRST);
    await shot(page, "12-supplier-sees-comment", { viewport: true });

    await block.getByRole("textbox").fill(POLICY_FIXED);
    await block.getByRole("textbox").blur();
    await expectAllSaved(page);
    await submitButton(page).click();
    await expect(
      main(page)
        .getByText(/Questionnaire submitted\.|The buyer is reviewing your answers/)
        .first(),
    ).toBeVisible();
    await page.reload();
    await expect(statusBadge(page)).toContainText("Resubmitted");
  });

  test("the risk officer sees only the changed answer since r1, accepts, and the supplier sees it accepted", async () => {
    const page = risk;
    await page.goto(`/assessments/${assessmentId}`);
    await expect(statusBadge(page)).toContainText("Resubmitted");
    await main(page)
      .getByRole("link", { name: /Only changed \(1\)/ })
      .click();
    await expect(page).toHaveURL(/show=changed/);

    // The changed answer shows the previous value and the comment that asked for the change.
    const changed = question(page, MISSING);
    await expect(changed).toContainText(POLICY_FIXED);
    await expect(changed).toContainText("Changed");
    await expect(changed).toContainText("Before · r1");
    await expect(changed).toContainText(POLICY_FIRST);
    await expect(changed.getByRole("complementary", { name: "Comment on r1" })).toContainText(REVIEW_COMMENT);
    await expect(main(page).locator('[id^="question-"]')).toHaveCount(1);
    await shot(page, "13-diff-since-r1");

    await main(page).getByRole("button", { name: "Preview and accept…" }).click();
    const dialog = page.getByRole("dialog", { name: /Accept .* submission\?/ });
    await expect(dialog.getByTestId("acceptance-preview")).toBeVisible();
    await dialog.getByRole("button", { name: "Accept submission" }).click();
    await expect(page.getByRole("dialog", { name: "Submission accepted" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(statusBadge(page)).toContainText("Accepted");
    await waitForMail({ to: contact.email, subject: /accepted your security assessment/ });

    await supplier.reload();
    await expect(statusBadge(supplier)).toContainText("Accepted");
    await expect(main(supplier).getByText("Your answers were accepted. Thank you.")).toBeVisible();
    await shot(supplier, "14-supplier-accepted");
  });
});
