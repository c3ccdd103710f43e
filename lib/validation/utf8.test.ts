import { describe, expect, it } from "vitest";

import { decodeUtf8 } from "./utf8";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...new TextEncoder().encode(p)] : p)));

describe("decodeUtf8", () => {
  it("decodes UTF-8 and drops a BOM", () => {
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], "name\r\nKöln PLC – ✓\n"))).toEqual({
      ok: true,
      text: "name\r\nKöln PLC – ✓\n",
    });
  });

  it.each([
    ["a Latin-1 byte", bytes("name,type\nPLC-1,controller\nK", [0xf6], "ln,plc\n"), 3, 29],
    ["a truncated sequence", bytes("a\nb\nc", [0xe2, 0x82], "d\n"), 3, 6],
    ["a stray continuation byte", bytes([0x80], "abc"), 1, 1],
    ["a cut-off end", bytes("abc\n", [0xf0, 0x9f]), 2, 5],
  ])("names the line and byte of %s", (_name, input, line, byte) => {
    const result = decodeUtf8(input);
    expect(result).toMatchObject({ ok: false, line, byte });
    expect(!result.ok && result.message).toContain(`Line ${line} (byte ${byte})`);
  });
});
