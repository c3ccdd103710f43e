// Issue 10, finding 5: CSV formula injection through a newline or a fullwidth "＝". One-line fields
// refuse control characters at the zod boundary, and the export quotes and guards whatever is
// already stored — checked by reading the export back with a CSV parser.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";

import { importAssets } from "@/lib/domain/inventory/import-assets";
import { createAsset } from "@/lib/domain/inventory/save-asset";
import { exportPortfolioCsv, PORTFOLIO_CSV_COLUMNS } from "@/lib/domain/portfolio/export-portfolio-csv";
import { createContact } from "@/lib/domain/vendor/manage-contacts";
import { createVendor } from "@/lib/domain/vendor/save-vendor";
import { AppError } from "@/lib/errors";
import { buildOrganization, buildVendor } from "@/prisma/seed/factories";

import { actorFor } from "../integration/fixtures";
import { testDb } from "../integration/setup";

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e as AppError,
  );

const INJECTION = "Acme\n=cmd|' /C calc'!A0";
const CONTROL_NAMES = [INJECTION, "Acme\r\n=1+1", "Acme\u2028=1", "Ac\u0000me", "Acme\u001b[2J", "Acme\tLtd"];

async function tenant() {
  const org = await buildOrganization(testDb());
  return { org, admin: await actorFor(org.id, "ADMIN"), risk: await actorFor(org.id, "RISK_OFFICER") };
}

describe("one-line fields refuse control characters", () => {
  it.each(CONTROL_NAMES)("a vendor named %j is refused on its name, and nothing is stored", async (name) => {
    const { org, admin } = await tenant();
    const error = await failure(createVendor(testDb(), admin, { name, tier: "HIGH" }));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors?.name).toEqual([
      "Name must be one line of text, without line breaks or control characters.",
    ]);
    expect(await testDb().vendor.count({ where: { organizationId: org.id } })).toBe(0);
  });

  it("contact, asset and CSV-imported names are refused the same way; descriptions keep their line breaks", async () => {
    const { org, admin } = await tenant();
    const vendor = await createVendor(testDb(), admin, {
      name: "Acme",
      tier: "HIGH",
      description: "Two lines\nof description",
    });
    expect((await testDb().vendor.findUniqueOrThrow({ where: { id: vendor.id } })).description).toBe(
      "Two lines\nof description",
    );
    const contact = await failure(
      createContact(testDb(), admin, vendor.id, { name: INJECTION, email: "a@example.com" }),
    );
    expect(Object.keys(contact.fieldErrors ?? {})).toEqual(["name"]);
    const asset = await failure(
      createAsset(testDb(), admin, { name: "PLC", type: "plc", criticality: 3, site: "North\n=1" }),
    );
    expect(Object.keys(asset.fieldErrors ?? {})).toEqual(["site"]);
    const nul = await failure(
      createVendor(testDb(), admin, { name: "Acme 2", tier: "HIGH", description: "NUL \u0000 inside" }),
    );
    expect(Object.keys(nul.fieldErrors ?? {})).toEqual(["description"]);
    const imported = await failure(
      importAssets(testDb(), admin, 'name,type,criticality\n"PLC\n=1+1",plc,3\n'),
    );
    expect(imported.code).toBe("VALIDATION");
    expect(await testDb().asset.count({ where: { organizationId: org.id } })).toBe(0);
  });
});

describe("the portfolio export", () => {
  it("keeps names already stored with line breaks or formula prefixes inside their own quoted, inert cell", async () => {
    const { org, risk } = await tenant();
    // Stored before this validation existed (or written around it): the export must still be safe.
    const legacy = [
      INJECTION,
      "Acme\r=1",
      "＝cmd|' /C calc'!A0",
      "﹦1+1",
      "＋1",
      "－1",
      "＠SUM(A1)",
      "\t=1",
      "-2+3",
      "@SUM(A1)",
      "Plain vendor",
    ];
    for (const name of legacy) await buildVendor(testDb(), { organizationId: org.id, name, tier: "LOW" });
    const text = await exportPortfolioCsv(testDb(), risk, { sort: "name" });
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...PORTFOLIO_CSV_COLUMNS]);
    expect(rows).toHaveLength(legacy.length);
    for (const row of rows) {
      const cell = row.vendor!;
      const original = cell.startsWith("'") ? cell.slice(1) : cell;
      expect(legacy).toContain(original);
      // Whatever a spreadsheet folds the first character to, it is not a formula.
      expect(cell.normalize("NFKC")).not.toMatch(/^[=+\-@\t\r\n]/);
      for (const other of Object.values(row)) expect(other.normalize("NFKC")).not.toMatch(/^[=+@\t\r\n]/);
    }
    // A line break inside a cell is always inside quotes.
    expect(text).toContain(`"${INJECTION}"`);
    expect(text).toContain('"Acme\r=1"');
  });
});
