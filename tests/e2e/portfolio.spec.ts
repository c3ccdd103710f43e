import { readFileSync } from "node:fs";

import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";

import { DEMO_USERS, signIn } from "./support/auth";
import { chooseFromSearch } from "./support/combobox";
import { screenshotAtWidths } from "./support/screens";

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });

/** Renders a downloaded CSV as a plain table on a blank page, to look at what the file holds. */
async function showCsv(page: Page, text: string) {
  const [header, ...body] = parse(text, { bom: true }) as string[][];
  await page.goto("about:blank");
  await page.evaluate(
    ({ header, body }) => {
      const table = document.createElement("table");
      table.style.cssText = "border-collapse:collapse;font:11px system-ui;margin:8px";
      for (const [i, cells] of [header, ...body].entries()) {
        const tr = table.insertRow();
        for (const cell of cells) {
          const td = document.createElement(i === 0 ? "th" : "td");
          td.textContent = cell;
          td.style.cssText = "border:1px solid #ccc;padding:2px 4px;vertical-align:top;max-width:420px";
          tr.appendChild(td);
        }
      }
      document.body.appendChild(table);
    },
    { header: header!, body },
  );
}

test.describe("portfolio", () => {
  test("a risk officer ranks the portfolio, exports it as CSV and compares two vendors", async ({ page }) => {
    // Long journey, and every model 2 screen is photographed at two widths: more than the default minute.
    test.setTimeout(240_000);
    await signIn(page, DEMO_USERS.risk);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Scores" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Portfolio" })).toBeVisible();

    // Ranked by exposure: the demo's two accepted vendors are scored, the rest wait for an assessment.
    const table = page.getByRole("table", { name: /Vendors ranked by exposure/ });
    await expect(table).toBeVisible();
    await expect(table.getByRole("link", { name: "Meridian Gateways", exact: true })).toBeVisible();
    await expect(table.getByRole("link", { name: "Orbital SCADA Cloud", exact: true })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: /^Exposure/ })).toHaveAttribute(
      "aria-sort",
      "descending",
    );
    await expect(page.getByRole("heading", { name: "Concentration" })).toBeVisible();
    await expect(page.getByRole("link", { name: /GW-2/ }).first()).toHaveAttribute(
      "href",
      /^\/blast-radius\?node=asset%3A/,
    );
    await shot(page, "portfolio-ranking");

    // Switch the ranking to amplification.
    const rankBy = page.getByRole("navigation", { name: "Rank vendors by" });
    await rankBy.getByRole("link", { name: "Amplification" }).click();
    await expect(page).toHaveURL(/\/scores\?sort=amplification/);
    await expect(rankBy.getByRole("link", { name: "Amplification" })).toHaveAttribute("aria-current", "page");
    await expect(
      page
        .getByRole("table", { name: /Vendors ranked by amplification/ })
        .getByRole("columnheader", { name: /^Amplification/ }),
    ).toHaveAttribute("aria-sort", "descending");
    await expect(page.getByRole("heading", { name: "Distribution of amplification" })).toBeVisible();
    const amplifications = await page.getByTestId("portfolio-row").locator("td:nth-child(5)").allInnerTexts();
    const scored = amplifications.map((t) => Number.parseFloat(t)).filter((n) => !Number.isNaN(n));
    expect(scored.length).toBeGreaterThanOrEqual(2);
    expect(scored).toEqual([...scored].sort((a, b) => b - a));
    await page.getByText("Show as a table").click();
    await expect(page.getByRole("table", { name: /Vendors per amplification range/ })).toBeVisible();
    await shot(page, "portfolio-amplification");
    await screenshotAtWidths(page, "portfolio-amplification");

    // Filter: only vendors whose exposure reaches critical assets, then clear.
    await page.getByLabel("Reaches critical assets").check();
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/critical=yes/);
    const ranked = page.getByRole("table", { name: /Vendors ranked by/ });
    await expect(ranked.getByRole("link", { name: "Helix Controls", exact: true })).toHaveCount(0);
    await expect(ranked.getByRole("link", { name: "Orbital SCADA Cloud", exact: true })).toBeVisible();
    await page.getByRole("link", { name: "Clear", exact: true }).click();
    await expect(ranked.getByRole("link", { name: "Helix Controls", exact: true })).toBeVisible();

    // Export the CSV and read the file.
    const portfolioUrl = page.url();
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download CSV" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^trustmap-portfolio-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parse(readFileSync((await download.path())!, "utf8"), {
      columns: true,
      bom: true,
    }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([
      "vendor",
      "tier",
      "exposure",
      "footprint exposure",
      "beyond-footprint exposure",
      "amplification",
      "amplification multiplier",
      "exposure low",
      "exposure high",
      "evidence gap",
      "adjacency",
      "inheritance",
      "trust",
      "critical assets reached",
      "assets reached",
      "computed at",
      "model version",
      "explanation",
    ]);
    const meridian = rows.find((r) => r.vendor === "Meridian Gateways");
    expect(meridian).toMatchObject({
      tier: "critical",
      "model version": expect.stringMatching(/^trustmap-propagation\//),
    });
    expect(Number(meridian!.exposure)).toBeGreaterThan(0);
    expect(Number(meridian!.amplification)).toBeGreaterThanOrEqual(0);
    expect(Number(meridian!.amplification)).toBeLessThanOrEqual(1);
    expect(rows.find((r) => r.vendor === "Helix Controls" || r.vendor === "Lumen RTOS")).toBeDefined();
    // Sorted like the page: "Clear" went back to the default ranking (exposure); the sort is a field
    // of the filter form now, so clearing the filters clears it too.
    const exported = rows.filter((r) => r.exposure !== "").map((r) => Number(r.exposure));
    expect(exported).toEqual([...exported].sort((a, b) => b - a));
    // Scoring model 2: the footprint and what reaches beyond it add up to the exposure; the demo's
    // amplification spreads from Atlas (its own sensors) to Lumen (its kernel inside others' firmware).
    for (const r of rows.filter((x) => x.exposure !== "")) {
      expect(Number(r["footprint exposure"]) + Number(r["beyond-footprint exposure"])).toBeCloseTo(
        Number(r.exposure),
        2,
      );
      expect(Number(r["evidence gap"])).toBeCloseTo(
        Number(r["exposure high"]) - Number(r["exposure low"]),
        3,
      );
      expect(r.explanation).toContain(r.vendor);
      expect(r.explanation).not.toMatch(/vendor:|asset:|component:|\b[a-z]+_[a-z_]+\b/);
    }
    const amplificationOf = (name: string) => Number(rows.find((r) => r.vendor === name)!.amplification);
    expect(amplificationOf("Atlas Field Sensors")).toBeLessThan(0.1);
    expect(amplificationOf("Lumen RTOS")).toBeGreaterThan(0.95);
    const exportedAmplifications = rows
      .filter((r) => r.amplification !== "")
      .map((r) => Number(r.amplification));
    expect(Math.max(...exportedAmplifications)).toBe(amplificationOf("Lumen RTOS"));
    // What the export holds, as a spreadsheet would show it.
    await showCsv(page, readFileSync((await download.path())!, "utf8"));
    await screenshotAtWidths(page, "portfolio-csv");
    await page.goto(portfolioUrl);

    // Tick two rows and compare them.
    await page.getByRole("checkbox", { name: "Select Orbital SCADA Cloud to compare" }).check();
    await expect(page.getByRole("button", { name: "Compare selected" })).toBeDisabled();
    await page.getByRole("checkbox", { name: "Select Meridian Gateways to compare" }).check();
    await page.getByRole("button", { name: "Compare selected" }).click();
    await expect(page).toHaveURL(/\/compare\?v=[a-z0-9]+&v=[a-z0-9]+/);
    await expect(page.getByRole("heading", { level: 1, name: "Compare vendors" })).toBeVisible();
    const differences = page.getByTestId("compare-differences");
    await expect(differences).toContainText("has the highest exposure");
    // A pair sentence names both vendors and what one shares with or adds to the other.
    await expect(
      differences.getByRole("listitem").filter({
        hasText:
          /(inherits the same|depends on the same|links into the same|shares no component).*(Meridian Gateways|Orbital SCADA Cloud)/,
      }),
    ).toHaveCount(1);
    const metrics = page.getByRole("table", { name: "Metrics of the compared vendors" });
    await expect(metrics.getByRole("row", { name: /Critical assets reachable/ })).toBeVisible();
    await expect(metrics.getByRole("row", { name: /Don't know/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Per metric" })).toBeVisible();
    await expect(page.locator(".recharts-surface").first()).toBeVisible();
    await shot(page, "compare-two-vendors");
    await screenshotAtWidths(page, "compare-two-vendors");

    // The picker shows the chosen vendors as chips; a search adds a third (already chosen ones are not offered).
    const picker = page.getByRole("form", { name: "Choose vendors to compare" });
    const chips = picker.getByRole("list", { name: "Chosen vendors" });
    await expect(chips.getByRole("listitem")).toHaveCount(2);
    await expect(chips).toContainText("Orbital SCADA Cloud");
    await picker.getByLabel("Add a vendor").fill("Meridian");
    await expect(page.getByRole("listbox").getByText("No matches for “Meridian”.")).toBeVisible();
    await picker.getByLabel("Add a vendor").fill("Helix");
    await expect(page.getByRole("option", { name: /^Helix Controls/ })).toBeVisible();
    await page.screenshot({ path: "test-results/combobox-compare.png" });
    await chooseFromSearch(page, picker.getByLabel("Add a vendor"), "Helix", /^Helix Controls/);
    await expect(picker.getByText("3 of 4 chosen")).toBeVisible();
    await expect(chips.getByRole("listitem")).toHaveCount(3);
    // A chip can be removed and the vendor added again.
    await chips.getByRole("button", { name: "Remove Helix Controls" }).click();
    await expect(picker.getByText("2 of 4 chosen")).toBeVisible();
    await chooseFromSearch(page, picker.getByLabel("Add a vendor"), "helix", /^Helix Controls/);
    await expect(picker.getByText("3 of 4 chosen")).toBeVisible();
    await picker.getByRole("button", { name: "Compare" }).click();
    await expect(page.getByTestId("compare-differences")).toContainText("Helix Controls is not scored yet");
    await shot(page, "compare-three-vendors");
  });

  test("suppliers get neither the portfolio nor its export", async ({ page }) => {
    await signIn(page, DEMO_USERS.supplier);
    const response = await page.request.get("/api/exports/portfolio.csv");
    expect(response.status()).toBe(403);
    expect(await response.text()).not.toContain("Meridian");
    await page.goto("/scores");
    await expect(page.getByRole("table", { name: /Vendors ranked/ })).toHaveCount(0);
    await page.goto("/compare");
    await expect(page.getByRole("heading", { name: "Compare vendors" })).toHaveCount(0);
    // Nor the pickers' search.
    for (const type of ["vendor", "scored-vendor", "asset", "target"]) {
      const search = await page.request.get(`/api/search?type=${type}&q=a`);
      expect(search.status(), type).toBe(403);
      expect(await search.text()).not.toContain("Meridian");
    }
  });
});
