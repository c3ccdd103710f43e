import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { isSinkMessageId, listSinkMessages, readSinkMessage } from "@/lib/mail/sink";

describe("reading the mail sink directory", () => {
  let root: string;
  let dir: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "trustmap-sink-"));
    dir = path.join(root, "mail");
    // A file beside the sink directory that a traversal would try to reach.
    await writeFile(path.join(root, "secret.eml"), "Subject: secret\r\n\r\nsecret\r\n");
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it.each([
    "../secret",
    "../../etc/passwd",
    "..%2Fsecret",
    "/etc/passwd",
    "1732671234567-0123456789abcdef/../../secret",
    "1732671234567-0123456789abcdef\0",
    "1732671234567-0123456789ABCDEF",
    "1732671234567-0123456789abcdef.eml",
    "",
  ])("rejects the id %j", async (id) => {
    expect(isSinkMessageId(id)).toBe(false);
    await expect(readSinkMessage(dir, id)).rejects.toThrow(/Invalid mail sink message id/);
  });

  it("returns null for a well-formed id that was never stored", async () => {
    expect(await readSinkMessage(dir, "1732671234567-0123456789abcdef")).toBeNull();
  });

  it("lists nothing when the directory does not exist yet", async () => {
    expect(await listSinkMessages(path.join(root, "missing"))).toEqual([]);
  });

  it("ignores files that are not sink messages", async () => {
    const other = path.join(root, "other");
    await rm(other, { recursive: true, force: true });
    await import("node:fs/promises").then((fs) => fs.mkdir(other));
    await writeFile(path.join(other, "notes.txt"), "hello");
    await writeFile(path.join(other, "1732671234567-0123456789abcdef.eml.tmp"), "partial");
    await writeFile(
      path.join(other, "1732671234567-0123456789abcdef.eml"),
      "From: a@b.test\r\nTo: c@d.test\r\nSubject: kept\r\n\r\nbody\r\n",
    );
    const messages = await listSinkMessages(other);
    expect(messages.map((m) => m.subject)).toEqual(["kept"]);
    expect(messages[0]!.date).toEqual(new Date(1732671234567));
  });
});
