// Issue 10, finding 18: input limits that agree, uploads that are not UTF-8, and control characters
// in search parameters — through the route handler and the use cases on real PostgreSQL.
import type { NextConfig } from "next";
import { beforeEach, describe, expect, it, vi } from "vitest";

import type { Actor } from "@/lib/auth/roles";
import { importAssets, previewAssetImport } from "@/lib/domain/inventory/import-assets";
import { importTemplate } from "@/lib/domain/template/template-versions";
import { AppError } from "@/lib/errors";
import {
  exportTemplateJson,
  getOtSupplierBaselineTemplate,
  LIMITS,
  SERVER_ACTION_BODY_BYTES,
} from "@/lib/questionnaire";
import { CSV_LIMITS } from "@/lib/validation/asset";
import { buildOrganization } from "@/prisma/seed/factories";

import { actorFor } from "../integration/fixtures";
import { testDb } from "../integration/setup";

// The route handler runs as in production, with the session and the database client swapped for
// the test's actor and database (as in tests/integration/search.integration.test.ts).
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/next-auth/session", async () => {
  const { AppError: Err } = await import("@/lib/errors");
  return {
    requireActor: async () => {
      if (!session.actor) throw new Err("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
      return session.actor;
    },
  };
});
vi.mock("@/lib/db/client", async () => ({ getDb: (await import("../integration/setup")).testDb }));
const { GET } = await import("@/app/api/search/route");
const { default: nextConfig } = (await import(
  /* plain ESM, read as Next reads it */ "../../next.config.js" as string
)) as { default: NextConfig };

beforeEach(() => {
  session.actor = null;
});

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e as AppError,
  );
const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

describe("search parameters", () => {
  it.each([
    ["q", "type=vendor&q=kes%00trel"],
    ["q", "type=vendor&q=%1B%5B2J"],
    ["type", "type=vendor%00"],
    ["exclude", "type=vendor&exclude=abc%00def"],
    ["undeployedFor", "type=asset&undeployedFor=%00"],
    ["limit", "type=vendor&limit=5%00"],
  ])("a control character in %s is a 400 naming the parameter, not a 500", async (parameter, query) => {
    const org = await buildOrganization(testDb());
    session.actor = await actorFor(org.id, "ADMIN");
    const response = await GET(new Request(`http://localhost/api/search?${query}`));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { fieldErrors?: Record<string, string[]> };
    expect(Object.keys(body.fieldErrors ?? {})).toContain(parameter);
  });
});

describe("CSV uploads that are not UTF-8", () => {
  it("are refused with the line and byte, not imported with U+FFFD", async () => {
    const org = await buildOrganization(testDb());
    const admin = await actorFor(org.id, "ADMIN");
    // "Köln" saved as Latin-1 by a spreadsheet: 0xF6 is not UTF-8.
    const file = latin1("name,type,criticality\nPLC-1,controller,3\nKöln PLC,controller,4\n");
    const preview = await previewAssetImport(testDb(), admin, file);
    expect(preview.valid).toBe(false);
    expect(preview.fileErrors).toEqual([expect.stringMatching(/^Line 3 \(byte 43\) is not valid UTF-8/)]);
    const error = await failure(importAssets(testDb(), admin, file));
    expect(error.code).toBe("VALIDATION");
    expect(error.message).toContain("Line 3 (byte 43)");
    expect(await testDb().asset.count({ where: { organizationId: org.id } })).toBe(0);
  });

  it("UTF-8 bytes import as before", async () => {
    const org = await buildOrganization(testDb());
    const admin = await actorFor(org.id, "ADMIN");
    const file = new TextEncoder().encode("\uFEFFname,type,criticality\nKöln PLC,controller,4\n");
    expect(await importAssets(testDb(), admin, file)).toMatchObject({ created: 1 });
    expect((await testDb().asset.findFirstOrThrow({ where: { organizationId: org.id } })).name).toBe(
      "Köln PLC",
    );
  });
});

describe("template import size", () => {
  /** The baseline template padded with spaces to `bytes` bytes: still the same valid template. */
  const templateOf = (bytes: number) => {
    const json = exportTemplateJson(getOtSupplierBaselineTemplate());
    return json.replace(/\n$/, " ".repeat(bytes - new TextEncoder().encode(json).length) + "\n");
  };

  it("a 1.5 MB template fits every limit: the server action body, the parser", async () => {
    const text = templateOf(1_500_000);
    // The body of the server action: the file travels as a raw part, plus multipart framing.
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe(SERVER_ACTION_BODY_BYTES);
    expect(SERVER_ACTION_BODY_BYTES).toBeGreaterThanOrEqual(
      Math.max(LIMITS.templateJsonBytes, LIMITS.answersJsonBytes, CSV_LIMITS.maxBytes) + 64 * 1024,
    );
    const org = await buildOrganization(testDb());
    const admin = await actorFor(org.id, "ADMIN");
    const result = await importTemplate(testDb(), admin, new TextEncoder().encode(text));
    expect(result.created).toBe(true);
  });

  it("the limit counts bytes, as the page does: multi-byte text over it is refused with its own message", async () => {
    const org = await buildOrganization(testDb());
    const admin = await actorFor(org.id, "ADMIN");
    // Fewer characters than the limit, more bytes ("é" is two bytes).
    const json = exportTemplateJson(getOtSupplierBaselineTemplate()).replace(
      '"title": "',
      `"title": "${"é".repeat(LIMITS.templateJsonBytes / 2)}`,
    );
    expect(json.length).toBeLessThan(LIMITS.templateJsonBytes + 50_000);
    const error = await failure(importTemplate(testDb(), admin, new TextEncoder().encode(json)));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors?.file?.[0]).toMatch(/larger than 2 MB/);
  });

  it("a template that is not UTF-8 names the line and byte", async () => {
    const org = await buildOrganization(testDb());
    const admin = await actorFor(org.id, "ADMIN");
    const error = await failure(importTemplate(testDb(), admin, latin1('{\n  "title": "Sécurité"\n}\n')));
    expect(error.fieldErrors?.file?.[0]).toMatch(/^Line 2 \(byte 16\) is not valid UTF-8/);
  });
});
