import path from "node:path";

import { defineConfig } from "vitest/config";

// Two projects: fast pure unit tests next to the code, and integration tests on real PostgreSQL
// (run serially, one fresh database per run; see tests/integration/global-setup.ts).
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts"),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["{lib,components,prisma}/**/*.test.ts", "tests/unit/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.integration.test.ts"],
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/setup.ts"],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          // Attacks and faults as tests (issue 10): tenant/vendor scoping, sign-in throttling and
          // headers, uploads, and the reliability cases. Real PostgreSQL, like integration.
          name: "security",
          include: ["tests/security/**/*.test.ts"],
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/setup.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          environment: "node",
        },
      },
    ],
  },
});
