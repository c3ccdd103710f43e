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
    // Test and benchmark support (tests/) stays out of the app (issue 13). ESLint's own rule, so the
    // boundary blocks below (typescript-eslint's rule) do not replace it.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/tests|(\\./|(\\.\\./)+)tests)(/|$)",
              message: "tests/ holds test and benchmark support: production code does not import it.",
            },
          ],
        },
      ],
    },
  },
  {
    // The runtime boundary (issue 13): client components may see the server-only use cases' types,
    // never their code; and components/ never reach into app/ (routes depend on components, not back).
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/lib/domain|(\\.\\./)+lib/domain)(/|$)",
              allowTypeImports: true,
              message:
                "components/ may import only types from lib/domain (server-only); move client-safe code out of lib/domain.",
            },
            {
              regex: "^(@/app|(\\.\\./)+app)(/|$)",
              message:
                "components/ do not import from app/: take server actions as props, or colocate the component under app/<route>/_components/.",
            },
          ],
        },
      ],
    },
  },
  {
    // The pure engines import neither the database, the use cases nor Next.
    files: ["lib/{scoring,linkage,questionnaire,assessment,review}/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/lib/(db|domain)|(\\.\\./)+(lib/)?(db|domain))(/|$)",
              message:
                "lib/{scoring,linkage,questionnaire,assessment,review} are pure: no database and no use cases.",
            },
            {
              regex: "^next(/|$)",
              message: "lib/{scoring,linkage,questionnaire,assessment,review} are pure: no Next.js.",
            },
          ],
        },
      ],
    },
  },
  {
    // Tests build deliberately broken templates out of loose JSON; typing those would hide the point.
    files: ["**/*.test.ts", "tests/support/questionnaire/template-fixtures.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "lib/generated/**",
      "scripts/migration-diff/**",
      "test-results/**",
      "playwright-report/**",
      ".data/**",
      "next-env.d.ts",
    ],
  },
];

export default config;
