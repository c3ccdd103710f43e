// Drives the supplier questionnaire form (components/questionnaire/**) from the built-in template's
// JSON, so that the e2e journey can answer "everything still required" without hard-coding 60+
// questions. Locators prefer roles and labels; the question containers are found by the id the form
// itself uses for "go to this question" links (question-<id>).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { expect, type Locator, type Page } from "@playwright/test";

type TemplateChoice = { id: string; label: string; exclusive?: boolean; unknown?: boolean };
type TemplateField = {
  id: string;
  label: string;
  type: string;
  required?: boolean;
  choices?: TemplateChoice[];
};
export type TemplateQuestion = {
  id: string;
  label: string;
  type: "yesno" | "single_choice" | "multiple_choice" | "number" | "date" | "text" | "group" | "evidence";
  required: boolean;
  condition?: string;
  choices?: TemplateChoice[];
  fields?: TemplateField[];
  itemLabel?: string;
  accept?: string[];
};
export type TemplateSection = { id: string; title: string; questions: TemplateQuestion[] };
export type BaselineTemplate = { key: string; version: number; title: string; sections: TemplateSection[] };

export const fixturePath = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

export const BASELINE: BaselineTemplate = JSON.parse(
  readFileSync(
    fileURLToPath(new URL("../../../lib/questionnaire/templates/ot-supplier-baseline.json", import.meta.url)),
    "utf8",
  ),
) as BaselineTemplate;

export function templateQuestion(id: string): TemplateQuestion {
  for (const section of BASELINE.sections) {
    const found = section.questions.find((q) => q.id === id);
    if (found) return found;
  }
  throw new Error(`No question "${id}" in ${BASELINE.key}`);
}

/** The label of one choice of a choice question, as the supplier sees it. */
export function choiceLabel(questionId: string, choiceId: string): string {
  const choice = templateQuestion(questionId).choices?.find((c) => c.id === choiceId);
  if (!choice) throw new Error(`Question "${questionId}" has no choice "${choiceId}"`);
  return choice.label;
}

export function sectionOf(questionId: string): TemplateSection {
  const section = BASELINE.sections.find((s) => s.questions.some((q) => q.id === questionId));
  if (!section) throw new Error(`No section holds "${questionId}"`);
  return section;
}

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Matches an accessible name that starts with `label` (names carry "(required)", row titles, help text…). */
export const startsWith = (label: string) => new RegExp(`^${escapeRegExp(label)}`);

/** The block of one question (label, control, errors, reviewer comments) in the form or the read-only view. */
export function question(page: Page, id: string): Locator {
  return page.locator(`[id="question-${id}"]`);
}

/** The questionnaire <form>, named after the template. */
export function questionnaireForm(page: Page): Locator {
  return page.getByRole("form", { name: BASELINE.title });
}

/** The autosave indicator ("Unsaved changes", "Saving…", "All changes saved…", "Offline — will retry"). */
export function saveStatus(page: Page): Locator {
  return page.locator("[role=status][data-save-status]");
}

export async function expectAllSaved(page: Page, timeout = 15_000) {
  await expect(saveStatus(page)).toHaveAttribute("data-save-status", "saved", { timeout });
  await expect(saveStatus(page)).toContainText("All changes saved");
}

/** Opens a section from the sidebar and waits until its heading is the form's heading. */
export async function openSection(page: Page, title: string) {
  await page
    .getByRole("navigation", { name: "Questionnaire sections" })
    .getByRole("button")
    .filter({ hasText: title })
    .click();
  await expect(questionnaireForm(page).getByRole("heading", { level: 2 })).toHaveText(title);
}

export async function openSectionOf(page: Page, questionId: string) {
  await openSection(page, sectionOf(questionId).title);
}

/** The "Submit questionnaire" button in the sticky bar (the last section repeats it in its footer). */
export function submitButton(page: Page): Locator {
  return page.getByRole("button", { name: /^Submit( questionnaire)?$/ }).first();
}

/** "12 of 57 required answered" from the sticky bar. */
export async function requiredProgress(page: Page): Promise<{ answered: number; required: number }> {
  const text =
    (await page
      .getByRole("main")
      .getByText(/\d+ of \d+ required answered/)
      .first()
      .textContent()) ?? "";
  const match = /(\d+) of (\d+) required answered/.exec(text);
  if (!match) throw new Error(`No progress text in "${text}"`);
  return { answered: Number(match[1]), required: Number(match[2]) };
}

// --- answering anything that is still required ---------------------------------------------------

const TEXT_ANSWER = "Answered by the Trustmap e2e suite.";

async function isEmpty(control: Locator): Promise<boolean> {
  return (await control.inputValue()) === "";
}

function groupRows(block: Locator): Locator {
  return block.getByRole("heading", { level: 4 });
}

function groupCell(block: Locator, row: number, field: TemplateField, q: TemplateQuestion): Locator {
  const rowName = `${q.itemLabel ?? "Row"} ${row + 1}`;
  const role = field.type === "single_choice" || field.type === "yesno" ? "combobox" : "textbox";
  // A cell is named "<field label> (required) <item> <n> — <row title>".
  return block.getByRole(role, {
    name: new RegExp(`^${escapeRegExp(field.label)} .*${escapeRegExp(rowName)}(?!\\d)`),
  });
}

async function dontKnowChecked(block: Locator): Promise<boolean> {
  const toggle = block.getByRole("checkbox", { name: "Don't know" });
  return (await toggle.count()) > 0 && (await toggle.isChecked());
}

async function isAnswered(block: Locator, q: TemplateQuestion): Promise<boolean> {
  switch (q.type) {
    case "yesno":
    case "single_choice":
      return (await block.locator("input[type=radio]:checked").count()) > 0;
    case "multiple_choice":
      return (await block.locator("input[type=checkbox]:checked").count()) > 0;
    case "number":
    case "text":
      return !(await isEmpty(block.getByRole("textbox").first())) || (await dontKnowChecked(block));
    case "date":
      return !(await isEmpty(block.locator("input[type=date]").first())) || (await dontKnowChecked(block));
    case "evidence":
      return (await block.getByRole("list", { name: "Attached files" }).count()) > 0;
    case "group": {
      const rows = await groupRows(block).count();
      if (rows === 0) return false;
      for (let row = 0; row < rows; row += 1) {
        for (const field of q.fields ?? []) {
          if (field.required && (await isEmpty(groupCell(block, row, field, q)))) return false;
        }
      }
      return true;
    }
  }
}

function evidenceFixture(q: TemplateQuestion): string {
  const accept = q.accept ?? [];
  if (accept.includes("pdf")) return fixturePath("evidence.pdf");
  if (accept.includes("cyclonedx_json")) return fixturePath("sbom.cdx.json");
  throw new Error(`No fixture for evidence kinds ${accept.join(", ")} (question ${q.id})`);
}

/** Gives `q` a valid answer that tends to keep follow-up questions hidden ("No", "none of these"). */
async function answer(block: Locator, q: TemplateQuestion) {
  switch (q.type) {
    case "yesno":
      await block.getByRole("radio", { name: "No", exact: true }).check();
      return;
    case "single_choice": {
      const choice = q.choices!.find((c) => !c.unknown) ?? q.choices![0]!;
      await block.locator(`input[type=radio][value="${choice.id}"]`).check();
      return;
    }
    case "multiple_choice": {
      const choice = q.choices!.find((c) => c.exclusive && !c.unknown) ?? q.choices![0]!;
      await block
        .getByRole("checkbox", { name: startsWith(choice.label) })
        .first()
        .check();
      return;
    }
    case "number":
      await block.getByRole("textbox").first().fill("1");
      return;
    case "text":
      await block.getByRole("textbox").first().fill(TEXT_ANSWER);
      return;
    case "date":
      await block.locator("input[type=date]").first().fill("2030-06-30");
      return;
    case "evidence":
      await block.locator("input[type=file]").setInputFiles(evidenceFixture(q));
      await expect(block.getByRole("list", { name: "Attached files" })).toBeVisible();
      return;
    case "group": {
      if ((await groupRows(block).count()) === 0) {
        await block.getByRole("button", { name: `Add ${(q.itemLabel ?? "Row").toLowerCase()}` }).click();
      }
      const rows = await groupRows(block).count();
      for (let row = 0; row < rows; row += 1) {
        for (const field of q.fields ?? []) {
          if (!field.required) continue;
          const cell = groupCell(block, row, field, q);
          if (!(await isEmpty(cell))) continue;
          if (field.type === "single_choice" || field.type === "yesno") await cell.selectOption({ index: 1 });
          else if (field.type === "number") await cell.fill("1");
          else await cell.fill(`Example ${field.label.toLowerCase()}`);
        }
      }
      return;
    }
  }
}

/**
 * Walks every section and answers each visible required question that is still unanswered (repeating
 * a section until no new required follow-up appears). `skip` leaves questions unanswered on purpose.
 * Returns the ids it answered.
 */
export async function fillRequiredAnswers(
  page: Page,
  { skip = [] }: { skip?: string[] } = {},
): Promise<string[]> {
  const answered: string[] = [];
  for (const section of BASELINE.sections) {
    const navButton = page
      .getByRole("navigation", { name: "Questionnaire sections" })
      .getByRole("button")
      .filter({ hasText: section.title });
    if ((await navButton.count()) === 0) continue; // a hidden section
    await openSection(page, section.title);
    for (let pass = 0; pass < 5; pass += 1) {
      let changed = false;
      for (const q of section.questions) {
        if (!q.required || skip.includes(q.id)) continue;
        const block = question(page, q.id);
        if ((await block.count()) === 0) continue; // hidden by its condition
        if (await isAnswered(block, q)) continue;
        await answer(block, q);
        answered.push(q.id);
        changed = true;
      }
      if (!changed) break;
    }
  }
  return answered;
}

// --- autosave round trip ---------------------------------------------------------------------------

/**
 * Starts watching the save indicator in the page: remembers the time of the last keystroke, when the
 * indicator next says "saving" and when it then says "saved" (performance.now(), in the browser).
 */
export async function installAutosaveProbe(page: Page) {
  await page.evaluate(() => {
    const probe = { lastKey: 0, saving: 0, saved: 0 };
    (window as unknown as { __autosaveProbe: typeof probe }).__autosaveProbe = probe;
    document.addEventListener(
      "keydown",
      () => {
        probe.lastKey = performance.now();
        probe.saving = 0;
        probe.saved = 0;
      },
      true,
    );
    const kind = () => document.querySelector("[data-save-status]")?.getAttribute("data-save-status");
    new MutationObserver(() => {
      if (!probe.lastKey) return;
      const now = kind();
      if (now === "saving" && !probe.saving) probe.saving = performance.now();
      if (now === "saved" && probe.saving && !probe.saved) probe.saved = performance.now();
    }).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["data-save-status"],
    });
  });
}

/** After typing: last keystroke → "All changes saved" (debounce included) and the save request alone. */
export async function readAutosaveProbe(
  page: Page,
): Promise<{ keystrokeToSavedMs: number; requestMs: number }> {
  await expect
    .poll(
      () =>
        page.evaluate(
          () => (window as unknown as { __autosaveProbe: { saved: number } }).__autosaveProbe.saved,
        ),
      { timeout: 15_000 },
    )
    .toBeGreaterThan(0);
  const probe = await page.evaluate(
    () =>
      (window as unknown as { __autosaveProbe: { lastKey: number; saving: number; saved: number } })
        .__autosaveProbe,
  );
  return {
    keystrokeToSavedMs: Math.round(probe.saved - probe.lastKey),
    requestMs: Math.round(probe.saved - probe.saving),
  };
}
