import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // A leading underscore marks a value left out on purpose (e.g. when destructuring it away).
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Tests build deliberately broken templates out of loose JSON; typing those would hide the point.
    files: ["**/*.test.ts", "lib/questionnaire/test-fixtures.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    ignores: [".next/**", "node_modules/**", "lib/generated/**", "scripts/migration-diff/**", "test-results/**", "playwright-report/**", ".data/**", "next-env.d.ts"],
  },
];

export default config;
