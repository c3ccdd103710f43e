import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { makeRawTemplate } from "@/tests/support/questionnaire/template-fixtures";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const SCRIPT = path.join(ROOT, "scripts", "template-check.ts");
const workDir = mkdtempSync(path.join(tmpdir(), "template-check-"));

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function runCheck(...files: string[]) {
  const result = spawnSync(TSX, [SCRIPT, ...files], { cwd: ROOT, encoding: "utf8", timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function writeJson(name: string, content: unknown): string {
  const file = path.join(workDir, name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

// Each case spawns tsx (a cold TypeScript start): seconds on a loaded 2-core machine, so not 5.
describe("scripts/template-check.ts", { timeout: 60_000 }, () => {
  it("prints a summary and exits 0 for the built-in template", () => {
    const result = runCheck("lib/questionnaire/templates/ot-supplier-baseline.json");
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(
      /valid — ot-supplier-baseline v1 "OT supplier baseline": 10 sections, \d+ questions, \d+ linkage rules/,
    );
    expect(result.status).toBe(0);
  });

  it("prints every error with its path and exits 2 for an invalid template", () => {
    const raw = makeRawTemplate();
    raw.version = 0;
    raw.sections[1].questions[2].condition = 'fw_sbom = "yes"';
    const file = writeJson("invalid.json", raw);
    const result = runCheck(file);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toEqual([
      `${file}: version: must be at least 1`,
      `${file}: sections[1].questions[2].condition: unknown question id "fw_sbom"`,
      `${file}: invalid template, 2 errors`,
    ]);
  });

  it("exits 2 for a file that is not JSON", () => {
    const result = runCheck(writeJson("broken.json", "{ nope"));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("template: is not valid JSON");
  });

  it("exits 1 for a missing file or no argument", () => {
    const missing = runCheck(path.join(workDir, "missing.json"));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("cannot read the file (ENOENT)");
    const usage = runCheck();
    expect(usage.status).toBe(1);
    expect(usage.stderr).toContain("usage: npm run template:check");
  });
});
