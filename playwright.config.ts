import { existsSync } from "node:fs";

import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium where Playwright's own browser is not installed (offline machines);
// `npx playwright install chromium` works elsewhere and is then used instead.
const SYSTEM_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? SYSTEM_CHROMIUM;
const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never" }]],
  outputDir: "test-results",
  use: {
    baseURL: `http://localhost:${PORT}`,
    viewport: { width: 1280, height: 800 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        },
      },
    },
    {
      // The ID-tampering matrix (tests/security/id-tampering.spec.ts): plain HTTP against the same
      // production server, no browser. Listed last so that it runs after the journeys, on whatever
      // state they leave. The vitest "security" project owns tests/security/**/*.test.ts.
      name: "security",
      testDir: "tests/security",
      testMatch: "*.spec.ts",
    },
  ],
  webServer: {
    // A production build (made by `npm test` before Playwright runs) on a fresh database.
    command: "node --conditions=react-server --import tsx tests/e2e/support/e2e-server.ts",
    url: `http://localhost:${PORT}/sign-in`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(PORT) },
  },
});
