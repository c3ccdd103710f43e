import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";

import { neutralizeFormula, writeCsv } from "./write-csv";

const FORMULAS = [
  "=1+1",
  "+1",
  "-2+3",
  "@SUM(A1)",
  "\t=1",
  "\r=1",
  "\n=1",
  "＝cmd|' /C calc'!A0",
  "﹦1",
  "＋1",
  "－1",
  "＠SUM(A1)",
  "−1",
];

describe("neutralizeFormula", () => {
  it.each(FORMULAS)("keeps %j as text", (text) => {
    expect(neutralizeFormula(text)).toBe(`'${text}`);
  });

  it.each(["Acme", "ACME = good", "5", "", "'quoted", "Ｅquals"])("leaves %j alone", (text) => {
    expect(neutralizeFormula(text)).toBe(text);
  });
});

describe("writeCsv", () => {
  it("reads back as the same rows, one record per row, whatever the cells hold", () => {
    const names = [
      "Acme\n=cmd|' /C calc'!A0",
      "Acme\r\n=cmd",
      "Acme\r=cmd",
      "Line\u2028sep",
      'Bravo "Brokers", Ltd.',
      "a;b",
      ...FORMULAS,
    ];
    const text = writeCsv(
      ["name", "score"],
      names.map((name, i) => [name, i]),
    );
    const rows = parse(text, { columns: true }) as { name: string; score: string }[];
    expect(rows).toHaveLength(names.length);
    expect(rows.map((r) => r.name)).toEqual(names.map(neutralizeFormula));
    expect(rows.map((r) => r.score)).toEqual(names.map((_n, i) => String(i)));
    // A line break inside a cell is inside quotes, so it never starts a row of its own.
    expect(text).toContain(`"Acme\n=cmd|' /C calc'!A0",0\r\n`);
    expect(text).toContain(`"Line\u2028sep",3\r\n`);
  });

  it("writes numbers as they are and empty cells for missing values", () => {
    expect(writeCsv(["a", "b", "c"], [[-1.5, null, undefined]])).toBe("a,b,c\r\n-1.5,,\r\n");
  });
});
