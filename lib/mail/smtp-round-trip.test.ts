import { mkdtemp, readdir, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors";
import { closeMailTransports, getMailConfig, MailError, sendMail } from "@/lib/mail/mailer";
import { listSinkMessages, readSinkMessage, startMailSink, type MailSink } from "@/lib/mail/sink";
import { renderAssessmentInvitation } from "@/lib/mail/templates";

/** A port nothing listens on: bind to a free one, then let it go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("sending through the SMTP sink", () => {
  let dir: string;
  let sink: MailSink;
  let smtpUrl: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "trustmap-mail-"));
    sink = await startMailSink({ dir, port: 0, maxMessageBytes: 256 * 1024 });
    smtpUrl = `smtp://127.0.0.1:${sink.port}`;
  });

  afterAll(async () => {
    closeMailTransports();
    await sink.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("delivers an invitation that can be listed and read back with its link", async () => {
    const link = "http://localhost:3000/invite/abc123_DEF-456?x=1&y=2";
    const content = renderAssessmentInvitation({
      buyerOrgName: "Acme Water",
      vendorName: "Valve & Pump <GmbH>",
      contactName: "Ada",
      templateTitle: "OT supplier baseline",
      dueDate: new Date("2027-03-15T00:00:00Z"),
      message: "Please include the SBOM.",
      invitationUrl: link,
      expiresAt: new Date("2027-03-01T12:00:00Z"),
    });

    const config = getMailConfig({ SMTP_URL: smtpUrl, MAIL_FROM: "Acme via Trustmap <trustmap@acme.test>" });
    const { messageId } = await sendMail({ to: "ada@vendor.test", ...content }, config);
    expect(messageId).toMatch(/^<.+@.+>$/);

    const messages = await listSinkMessages(dir);
    expect(messages).toHaveLength(1);
    const [listed] = messages;
    expect(listed!.to).toContain("ada@vendor.test");
    expect(listed!.from).toContain("trustmap@acme.test");
    expect(listed!.subject).toBe(content.subject);
    expect(listed!.subject).toContain("Valve & Pump <GmbH>");
    expect(listed!.text).toContain(link);
    expect(listed!.html).toContain(`href="${link.replace(/&/g, "&amp;")}"`);
    expect(listed!.html).toContain("Valve &amp; Pump &lt;GmbH&gt;");
    expect(listed!.date).toBeInstanceOf(Date);

    const read = await readSinkMessage(dir, listed!.id);
    expect(read).toEqual(listed);
  });

  it("reads SMTP_URL and MAIL_FROM from the environment, with a default sender", async () => {
    const previous = { SMTP_URL: process.env.SMTP_URL, MAIL_FROM: process.env.MAIL_FROM };
    process.env.SMTP_URL = smtpUrl;
    delete process.env.MAIL_FROM;
    try {
      await sendMail({ to: "bob@vendor.test", subject: "Env check", text: "plain only" });
    } finally {
      for (const [key, value] of Object.entries(previous)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
    const [latest] = await listSinkMessages(dir, { limit: 1 });
    expect(latest!.subject).toBe("Env check");
    expect(latest!.from).toMatch(/^"?Trustmap"? <no-reply@trustmap\.local>$/);
    expect(latest!.html).toBeNull();
    expect(latest!.text.trim()).toBe("plain only");
  });

  it("lists newest first and honours the limit", async () => {
    const config = getMailConfig({ SMTP_URL: smtpUrl });
    for (const n of [1, 2, 3]) {
      await sendMail({ to: "order@vendor.test", subject: `Order ${n}`, text: `n=${n}` }, config);
      // File names carry a millisecond timestamp; keep the three apart.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const latestTwo = await listSinkMessages(dir, { limit: 2 });
    expect(latestTwo.map((m) => m.subject)).toEqual(["Order 3", "Order 2"]);
  });

  it("refuses a message over the sink's size limit with a MailError", async () => {
    const config = getMailConfig({ SMTP_URL: smtpUrl });
    const before = (await readdir(dir)).length;
    const error = await sendMail(
      { to: "big@vendor.test", subject: "Too big", text: "x".repeat(400 * 1024) },
      config,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailError);
    expect((error as MailError).reason).toBe("rejected");
    expect((await readdir(dir)).length).toBe(before);
  });
});

describe("sendMail failures", () => {
  afterAll(() => closeMailTransports());

  it("throws a MailError with a user-safe message when the SMTP server is unreachable", async () => {
    const port = await closedPort();
    const started = Date.now();
    const error = await sendMail(
      { to: "ada@vendor.test", subject: "Hello", text: "Hi" },
      { smtpUrl: `smtp://127.0.0.1:${port}`, from: "Trustmap <no-reply@trustmap.local>" },
    ).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(MailError);
    expect(error).toBeInstanceOf(AppError);
    const mailError = error as MailError;
    expect(mailError.reason).toBe("unreachable");
    expect(mailError.code).toBe("UNAVAILABLE");
    expect(mailError.message).toMatch(/mail server could not be reached/);
    // The user-facing message names no host, port or library internals; the detail does.
    expect(mailError.message).not.toContain(String(port));
    expect(mailError.detail).toContain(String(port));
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("reports a missing SMTP_URL as not configured", () => {
    expect(() => getMailConfig({})).toThrow(MailError);
    try {
      getMailConfig({ SMTP_URL: "  " });
    } catch (error) {
      expect((error as MailError).reason).toBe("not-configured");
    }
  });

  it("rejects SMTP_URLs that are not smtp:// or smtps://", async () => {
    const error = await sendMail(
      { to: "ada@vendor.test", subject: "Hello", text: "Hi" },
      { smtpUrl: "http://127.0.0.1:25", from: "x@y.test" },
    ).catch((e: unknown) => e);
    expect((error as MailError).reason).toBe("not-configured");
  });

  it("rejects an invalid recipient before connecting", async () => {
    const error = await sendMail(
      { to: "not an address", subject: "Hello", text: "Hi" },
      { smtpUrl: "smtp://127.0.0.1:1", from: "x@y.test" },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailError);
    expect((error as MailError).reason).toBe("invalid-recipient");
    expect((error as MailError).code).toBe("VALIDATION");
  });

  it("refuses a subject with a line break (header injection)", async () => {
    await expect(
      sendMail(
        { to: "ada@vendor.test", subject: "Hi\r\nBcc: victim@example.com", text: "Hi" },
        { smtpUrl: "smtp://127.0.0.1:1", from: "x@y.test" },
      ),
    ).rejects.toThrow(TypeError);
  });
});
