import { describe, expect, it } from "vitest";

import { parseAssetCsv } from "@/lib/csv/parse-asset-csv";

const HEADER = "name,type,criticality,safety_impact,site,zone,aliases,description";
const csv = (...lines: string[]) => lines.join("\n");

describe("parseAssetCsv: reading the file", () => {
  it("reads a well-formed file into validated assets", () => {
    const parsed = parseAssetCsv(
      csv(
        HEADER,
        "PLC-7,controller,5,yes,North plant,L1 Control,Helix HC-900;filter-plc-7,Filter gallery PLC",
        "GW-2,GATEWAY,4,no,North plant,L2,,",
      ),
    );
    expect(parsed.valid).toBe(true);
    expect(parsed.fileErrors).toEqual([]);
    expect(parsed.columns).toEqual([
      "name",
      "type",
      "criticality",
      "safety_impact",
      "site",
      "zone",
      "aliases",
      "description",
    ]);
    expect(parsed.rows.map((r) => r.data)).toEqual([
      {
        name: "PLC-7",
        type: "CONTROLLER",
        criticality: 5,
        safetyImpact: true,
        site: "North plant",
        zone: "L1 Control",
        aliases: ["Helix HC-900", "filter-plc-7"],
        description: "Filter gallery PLC",
      },
      {
        name: "GW-2",
        type: "GATEWAY",
        criticality: 4,
        safetyImpact: false,
        site: "North plant",
        zone: "L2",
        aliases: [],
        description: undefined,
      },
    ]);
    expect(parsed.rows.map((r) => [r.line, r.normalizedName])).toEqual([
      [2, "plc-7"],
      [3, "gw-2"],
    ]);
  });

  it("handles quoted fields with commas, doubled quotes and line breaks, and reports the line where a row starts", () => {
    const parsed = parseAssetCsv(
      csv(
        HEADER,
        '"Historian, north",historian,3,no,"North plant","L3 ""Operations""","Cobalt PH; ""ph-01""","Two lines:',
        'second line"',
        "HMI-1,hmi,3,no,,,,",
      ),
    );
    expect(parsed.valid).toBe(true);
    expect(parsed.rows[0]!.data).toMatchObject({
      name: "Historian, north",
      zone: 'L3 "Operations"',
      aliases: ["Cobalt PH", '"ph-01"'],
      description: "Two lines:\nsecond line",
    });
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 4]);
  });

  it("strips a byte-order mark and accepts CRLF line endings (Excel's CSV)", () => {
    const parsed = parseAssetCsv(
      `\ufeff${HEADER}\r\nPLC-1,plc,2,n,Site A,L1,,\r\nPLC-2,rtu,2,y,Site A,L1,,\r\n`,
    );
    expect(parsed.valid).toBe(true);
    expect(parsed.columns[0]).toBe("name");
    expect(parsed.rows.map((r) => [r.data?.name, r.data?.type, r.data?.safetyImpact, r.line])).toEqual([
      ["PLC-1", "CONTROLLER", false, 2],
      ["PLC-2", "CONTROLLER", true, 3],
    ]);
  });

  it("skips empty lines and rows of empty cells, keeping line numbers true to the file", () => {
    const parsed = parseAssetCsv(
      csv("", HEADER, "", "PLC-1,controller,3,,,,,", ",,,,,,,", "   ", "PLC-2,controller,3,,,,,", ""),
    );
    expect(parsed.valid).toBe(true);
    expect(parsed.rows.map((r) => [r.data?.name, r.line])).toEqual([
      ["PLC-1", 4],
      ["PLC-2", 7],
    ]);
  });

  it("matches header names loosely, in any order, and leaves out optional columns", () => {
    const parsed = parseAssetCsv(csv("Criticality, Name ,TYPE,Safety Impact", "4,GW-2,gateway,no"));
    expect(parsed.valid).toBe(true);
    expect(parsed.columns).toEqual(["criticality", "name", "type", "safety_impact"]);
    expect(parsed.fields).toEqual(["criticality", "name", "type", "safetyImpact"]);
    expect(parsed.rows[0]!.data).toMatchObject({
      name: "GW-2",
      type: "GATEWAY",
      criticality: 4,
      aliases: [],
    });
  });

  it("ignores unknown columns and lists them", () => {
    const parsed = parseAssetCsv(
      csv("name,owner,type,criticality,IP address", "PLC-1,Ops,controller,3,10.0.0.7"),
    );
    expect(parsed.valid).toBe(true);
    expect(parsed.ignoredColumns).toEqual(["owner", "IP address"]);
    expect(parsed.rows[0]!.cells).toEqual({ name: "PLC-1", type: "controller", criticality: "3" });
  });
});

describe("parseAssetCsv: file-level errors", () => {
  it.each([
    ["", /The file is empty/],
    ["\n\n  \n", /The file is empty/],
    [HEADER, /header but no asset rows/],
    ["name,site\nPLC-1,North", /no "type", "criticality" columns/],
    ["name,type,criticality,Name\nPLC-1,plc,3,x", /"name" appears twice/],
    ["name;type;criticality\nPLC-1;plc;3", /separated by semicolons/],
    [`${HEADER}\n"PLC-1,controller,3`, /Line 2: a quoted cell is never closed/],
    [`${HEADER}\nPLC "7",controller,3,,,,,`, /a quote \(".*appears inside a cell/],
  ])("refuses %j", (text, message) => {
    const parsed = parseAssetCsv(text);
    expect(parsed.valid).toBe(false);
    expect(parsed.fileErrors.join(" ")).toMatch(message);
  });

  it("refuses more rows than the limit without validating them", () => {
    const rows = Array.from({ length: 11 }, (_, i) => `PLC-${i},controller,3`);
    const parsed = parseAssetCsv(csv("name,type,criticality", ...rows), { maxBytes: 1_000_000, maxRows: 10 });
    expect(parsed.valid).toBe(false);
    expect(parsed.fileErrors).toEqual([
      "The file has 11 rows; at most 10 can be imported at once. Split it into smaller files.",
    ]);
    expect(parsed.rows).toEqual([]);
    expect(
      parseAssetCsv(csv("name,type,criticality", ...rows.slice(0, 10)), { maxBytes: 1_000_000, maxRows: 10 })
        .valid,
    ).toBe(true);
  });

  it("refuses a file over the byte limit before parsing it", () => {
    const parsed = parseAssetCsv(csv("name,type,criticality", `PLC-1,controller,3,${"x".repeat(2000)}`), {
      maxBytes: 1000,
      maxRows: 10,
    });
    expect(parsed.fileErrors[0]).toMatch(/at most 1 KB can be imported/);
  });

  it("accepts the default limit of 5,000 rows", () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `Sensor-${i},sensor,1,no,North,L0,,`);
    const parsed = parseAssetCsv(csv(HEADER, ...rows));
    expect(parsed.valid).toBe(true);
    expect(parsed.rows).toHaveLength(5000);
    expect(parseAssetCsv(csv(HEADER, ...rows, "One-more,sensor,1,no,,,,")).fileErrors[0]).toMatch(
      /5,001 rows; at most 5,000/,
    );
  });
});

describe("parseAssetCsv: per-row, per-column errors", () => {
  it("names the column and the problem, and keeps the good rows valid", () => {
    const parsed = parseAssetCsv(
      csv(
        HEADER,
        "PLC-1,controller,3,no,,,,",
        ",controller,3,no,,,,",
        "PLC-2,toaster,3,no,,,,",
        "PLC-3,controller,7,no,,,,",
        "PLC-4,controller,2.5,maybe,,,,",
        "PLC-5,,,no,,,,",
        `PLC-6,controller,3,no,,,,${"d".repeat(2001)}`,
      ),
    );
    expect(parsed.valid).toBe(false);
    expect(parsed.invalidRowCount).toBe(6);
    const byLine = Object.fromEntries(parsed.rows.map((r) => [r.line, r.errors]));
    expect(byLine[2]).toEqual({});
    expect(byLine[3]).toEqual({ name: ["Name is required."] });
    expect(byLine[4]!.type![0]).toMatch(/^Unknown type "toaster"\. Choose a type: site, zone, controller/);
    expect(byLine[5]).toEqual({
      criticality: ["Criticality must be a whole number from 1 (low) to 5 (plant-critical)."],
    });
    expect(byLine[6]).toEqual({
      criticality: ["Criticality must be a whole number from 1 (low) to 5 (plant-critical)."],
      safety_impact: ["Safety impact must be yes or no."],
    });
    expect(byLine[7]).toEqual({
      type: ["Type is required."],
      criticality: ["Criticality is required (1 to 5)."],
    });
    expect(byLine[8]).toEqual({ description: ["Description must be at most 2000 characters."] });
    expect(parsed.rows[0]!.data).not.toBeNull();
    expect(parsed.rows.slice(1).every((r) => r.data === null)).toBe(true);
  });

  it("flags every row of a name repeated in the file, ignoring case and spacing", () => {
    const parsed = parseAssetCsv(
      csv(
        "name,type,criticality",
        "GW-2,gateway,4",
        "PLC-1,controller,3",
        " gw-2 ,gateway,4",
        "GW-2,gateway,4",
      ),
    );
    expect(parsed.valid).toBe(false);
    expect(parsed.rows.map((r) => r.errors.name ?? [])).toEqual([
      ["The same name is on lines 4, 5 (names are compared ignoring case and spacing)."],
      [],
      ["The same name is on lines 2, 5 (names are compared ignoring case and spacing)."],
      ["The same name is on lines 2, 4 (names are compared ignoring case and spacing)."],
    ]);
  });

  it("refuses a row with more or fewer cells than the header (an unquoted comma)", () => {
    const parsed = parseAssetCsv(
      csv("name,type,criticality,description", "PLC-1,controller,3,Pumps, filters", "PLC-2,controller"),
    );
    expect(parsed.rows[0]!.errors.row).toEqual([
      "This row has 5 cells but the header has 4. A cell containing a comma must be in quotes.",
    ]);
    expect(parsed.rows[1]!.errors.row?.[0]).toMatch(/has 2 cells but the header has 4/);
    expect(parsed.rows[1]!.errors.criticality).toEqual(["Criticality is required (1 to 5)."]);
  });

  it("dedupes aliases and limits their number", () => {
    const parsed = parseAssetCsv(
      csv(
        "name,type,criticality,aliases",
        "GW-2,gateway,4,MG-400; mg-400 ;;gw2",
        `GW-3,gateway,4,${Array.from({ length: 21 }, (_, i) => `a${i}`).join(";")}`,
      ),
    );
    expect(parsed.rows[0]!.data?.aliases).toEqual(["MG-400", "gw2"]);
    expect(parsed.rows[1]!.errors.aliases).toEqual(["At most 20 aliases."]);
  });

  it.each([
    ["Engineering workstation", "ENGINEERING_WORKSTATION"],
    ["ews", "ENGINEERING_WORKSTATION"],
    ["MQTT broker", "BROKER"],
    ["protocol-translator", "GATEWAY"],
    ["SCADA", "MANAGEMENT_PLATFORM"],
    ["network_segment", "NETWORK_SEGMENT"],
    ["Sensor", "OTHER"],
    ["site", "SITE"],
  ])("reads the type %j as %s", (word, type) => {
    expect(parseAssetCsv(csv("name,type,criticality", `A,${word},1`)).rows[0]!.data?.type).toBe(type);
  });
});
