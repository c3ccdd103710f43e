import type { Page } from "@playwright/test";

/** A desktop and a phone width: every model 2 screen is looked at in both (issue 11). */
export const SCREEN_WIDTHS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;

/**
 * Full-page screenshots at 1440 and 390 px wide (`<name>-1440.png`, `<name>-390.png` under
 * test-results/screenshots), then the viewport the test had.
 */
export async function screenshotAtWidths(page: Page, name: string): Promise<void> {
  const original = page.viewportSize();
  for (const size of SCREEN_WIDTHS) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/screenshots/${name}-${size.width}.png`, fullPage: true });
  }
  if (original) await page.setViewportSize(original);
}
