import { expect, test } from "@playwright/test";

import { DEMO_USERS, signIn } from "./support/auth";
import { chooseFromSearch } from "./support/combobox";
import { screenshotAtWidths } from "./support/screens";

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });

test.describe("risk officer: score details, what-if and blast radius", () => {
  test("opens a scored vendor's score details, follows a path to its answer, tries a control, saves it, opens a blast radius", async ({
    page,
  }) => {
    // Long journey, and every model 2 screen is photographed at two widths: more than the default minute.
    test.setTimeout(240_000);
    await signIn(page, DEMO_USERS.risk);
    await page.goto(`/vendors?q=${encodeURIComponent("Orbital SCADA Cloud")}`);
    await page.getByRole("link", { name: "Orbital SCADA Cloud" }).click();
    await page.getByRole("link", { name: "Open score details" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Orbital SCADA Cloud: score details");
    const scoreUrl = page.url();

    // The linkage graph: nodes drawn, a kind filter, a click opens the side panel.
    const graph = page.getByTestId("linkage-graph");
    await expect(graph.locator(".react-flow__node").first()).toBeVisible();
    expect(await graph.locator(".react-flow__node").count()).toBeGreaterThan(5);
    await graph.locator(".react-flow__node", { hasText: "SCADA-MP Orbital Management Platform" }).click();
    const details = page.getByTestId("node-details");
    await expect(
      details.getByRole("heading", { name: "SCADA-MP Orbital Management Platform" }),
    ).toBeVisible();
    await expect(details.getByText("Linkages in")).toBeVisible();
    await page.getByRole("checkbox", { name: "Inheritance" }).uncheck();
    await expect(page.getByTestId("moving-answers").getByRole("listitem").first()).toBeVisible();
    await page.screenshot(shot("vendor-score-details"));
    await screenshotAtWidths(page, "vendor-score-details");
    await page.getByRole("checkbox", { name: "Inheritance" }).check();
    // The table alternative lists every drawn linkage once opened.
    const table = page.getByRole("table", { name: "Linkages in the vendor's neighbourhood" });
    await page.getByText("Show the graph as a table").click();
    await expect(table.getByRole("row").nth(1)).toBeVisible();
    expect(
      await table.getByRole("row", { name: /SCADA-MP Orbital Management Platform/ }).count(),
    ).toBeGreaterThan(0);

    // Every hop of a top path links to the answer that created it (which answer leads depends on
    // the scoring model and the linkage rules, so take the first one shown).
    const hopLink = page.getByRole("link", { name: /^answer to question \d+\.\d+ \(r1\)$/ }).first();
    const questionId = /#question-([a-z0-9_]+)$/.exec((await hopLink.getAttribute("href")) ?? "")?.[1];
    expect(questionId).toBeTruthy();
    await hopLink.click();
    await expect(page).toHaveURL(new RegExp(`/assessments/[a-z0-9]+\\?revision=1#question-${questionId}$`));
    await expect(page.locator(`#question-${questionId}`)).toBeVisible();
    await page.screenshot({ path: "test-results/screenshots/vendor-score-answer.png" });

    // The score card of the RTOS sub-supplier: nearly all of its exposure is beyond its own footprint.
    await page.goto(`/vendors?q=${encodeURIComponent("Lumen RTOS")}`);
    await page.getByRole("link", { name: "Lumen RTOS" }).click();
    await expect(page.getByTestId("footprint-bar")).toBeVisible();
    await expect(
      page.getByText(
        /9\d % of Lumen RTOS'?s? exposure .* reaches beyond its own products and services: through Lumen/,
      ),
    ).toBeVisible();
    await screenshotAtWidths(page, "vendor-score-card-lumen");

    // What-if of the whole portfolio: the highest-exposure vendors as links, any scored one by search.
    await page.goto("/what-if");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("What-if: whole portfolio");
    await expect(page.getByRole("link", { name: /^Orbital SCADA Cloud/ })).toBeVisible();
    await page.getByLabel("Find a scored vendor").fill("Helix");
    await expect(page.getByRole("listbox").getByText("No matches for “Helix”.")).toBeVisible();
    await chooseFromSearch(page, page.getByLabel("Find a scored vendor"), "orbital", /^Orbital SCADA Cloud/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("What-if: Orbital SCADA Cloud");

    // What-if: a one-click control lowers the exposure at once, without saving anything.
    await page.goto(scoreUrl);
    await page.getByRole("link", { name: "What-if" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("What-if: Orbital SCADA Cloud");
    await page.getByLabel(/^Remote access on demand with MFA/).check();
    const delta = page.getByTestId("exposure-delta").first();
    await expect(delta).toHaveText(/^−\d/);
    // Footprint and beyond-footprint deltas side by side, and the change in words: a stronger control
    // never raises what reaches beyond the footprint.
    const split = page.getByTestId("footprint-deltas");
    await expect(split.getByText("Own footprint")).toBeVisible();
    await expect(split.getByText("Beyond its footprint")).toBeVisible();
    await expect(page.getByTestId("footprint-delta")).toHaveText(/^(−\d|±0\.0)/);
    await expect(page.getByTestId("beyond-footprint-delta")).toHaveText(/^(−\d|±0\.0)/);
    await expect(page.getByTestId("what-if-explanation")).toContainText(
      /^Orbital SCADA Cloud's exposure falls by [\d.]+ \(−\d+ %\): its own footprint .* and what reaches beyond it/,
    );
    await page.screenshot({ path: "test-results/screenshots/what-if-control.png" });
    await screenshotAtWidths(page, "what-if-control");

    // A bad weight is refused next to the field and never sent.
    const weightBox = page.getByLabel(/^Weight value of/).first();
    await weightBox.fill("1.5");
    await expect(page.getByText("Weight must be at most 1 (always propagates).")).toBeVisible();
    await weightBox.fill("0.4");
    await expect(page.getByText("Weight must be at most 1 (always propagates).")).toHaveCount(0);

    const name = `MFA for remote access ${Date.now().toString(36)}`;
    await page.getByLabel("Name").fill(name);
    await page.getByRole("button", { name: "Save scenario" }).click();
    await expect(page.getByText(`Saved “${name}”.`)).toBeVisible();
    await expect(page.getByTestId("saved-scenarios").getByText(name)).toBeVisible();
    // What a remediation request would send is shown before anything is sent.
    await page
      .getByTestId("saved-scenarios")
      .getByRole("button", { name: "Send as remediation request…" })
      .first()
      .click();
    await expect(
      page.getByTestId("remediation-preview").getByText(/reopens Orbital SCADA Cloud's accepted assessment/),
    ).toBeVisible();
    await page.screenshot({ path: "test-results/screenshots/what-if-saved.png" });
    await page.getByTestId("remediation-preview").getByRole("button", { name: "Cancel" }).click();
    await page.reload();
    await expect(page.getByTestId("saved-scenarios").getByText(name)).toBeVisible();

    // Blast radius of a component, opened from the graph's side panel.
    await page.goto(scoreUrl);
    // Orbital's cloud update service: a component on its most probable paths (under linkage rules 2 the
    // long-lived svc-maint credential sits deeper in the remote-access chain, off the drawn neighbourhood).
    await page
      .getByTestId("linkage-graph")
      .locator(".react-flow__node", { hasText: "update-service" })
      .first()
      .click();
    await page.getByTestId("node-details").getByRole("link", { name: "Blast radius of this node" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      /^Blast radius: Orbital SCADA Cloud update service/,
    );
    await expect(page.getByTestId("blast-asset").first()).toBeVisible();
    await expect(page.getByRole("heading", { name: "North Treatment Plant" })).toBeVisible();
    await page
      .getByTestId("blast-asset")
      .first()
      .getByText(/\d hops?/)
      .click();
    await page.screenshot(shot("blast-radius-component"));

    // The node picker finds shared components by name.
    await page.getByLabel("Find a vendor, component or asset").fill("Mbed");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("link", { name: "Mbed TLS 2.28.1" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Blast radius: Mbed TLS 2.28.1");
    await page.goto("/blast-radius?node=component%3Apurl%3Apkg%3Anone%2Fnothing%400");
    await expect(page.getByText("Not in your graph")).toBeVisible();
    await page.screenshot({ path: "test-results/screenshots/blast-radius-unknown.png" });
  });

  test("suppliers get 403 on score details, what-if and blast radius", async ({ page }) => {
    await signIn(page, DEMO_USERS.supplier);
    for (const path of ["/what-if", "/blast-radius", "/vendors/x/score"]) {
      expect((await page.goto(path))?.status(), path).toBe(403);
    }
  });
});
