import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Types into a search combobox and picks a suggestion with the keyboard (arrows + Enter), as a
 * person would. The list is anchored to the input but rendered at the end of <body>, hence `page`.
 */
export async function chooseFromSearch(page: Page, input: Locator, text: string, option: string | RegExp) {
  await input.click();
  await input.fill(text);
  const listbox = page.getByRole("listbox");
  const wanted = listbox.getByRole("option", { name: option });
  await expect(wanted).toBeVisible();
  // Move the active option down until it is the wanted one (the first may already be active).
  for (let i = 0; i < 20 && (await wanted.getAttribute("data-focus")) === null; i++)
    await input.press("ArrowDown");
  await expect(wanted).toHaveAttribute("data-focus", "");
  await input.press("Enter");
  await expect(listbox).toHaveCount(0);
}
