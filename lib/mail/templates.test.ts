import { describe, expect, it } from "vitest";

import {
  renderAssessmentAccepted,
  renderAssessmentInvitation,
  renderAssessmentReminder,
  renderChangesRequested,
  type EmailContent,
} from "@/lib/mail/templates";
import { escapeHtml, html, multilineHtml, oneLine, raw, safeLink } from "@/lib/mail/templates/html";

const EVIL = `<script>alert("x")</script> & 'quoted' "double" \`tick\` <img src=x onerror=alert(1)>`;
const LINK = "https://trustmap.example/invite/tok_123?a=1&b=2";

describe("escapeHtml", () => {
  it.each([
    ["<script>", "&lt;script&gt;"],
    [`"quoted"`, "&quot;quoted&quot;"],
    ["it's", "it&#39;s"],
    ["a & b", "a &amp; b"],
    ["&amp;", "&amp;amp;"],
    ["`x`", "&#96;x&#96;"],
    ["plain text", "plain text"],
  ])("escapes %j", (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  it("the html tag escapes every interpolation but keeps trusted markup", () => {
    const name = `<b onclick="x">Eve</b>`;
    const out = html`<p title="${name}">${name} ${raw("<br>")} ${[name, html`<i>ok</i>`]} ${null}${false}${42}</p>`;
    expect(out.value).toBe(
      `<p title="&lt;b onclick=&quot;x&quot;&gt;Eve&lt;/b&gt;">&lt;b onclick=&quot;x&quot;&gt;Eve&lt;/b&gt; <br> &lt;b onclick=&quot;x&quot;&gt;Eve&lt;/b&gt;<i>ok</i> 42</p>`,
    );
  });

  it("keeps line breaks of multi-line text while escaping it", () => {
    expect(multilineHtml("a<b\r\nc&d\ne").value).toBe("a&lt;b<br>c&amp;d<br>e");
  });

  it("collapses line breaks for one-line uses such as subjects", () => {
    expect(oneLine("  Acme\r\nBcc: x@y.z\t Ltd ")).toBe("Acme Bcc: x@y.z Ltd");
  });
});

describe("safeLink", () => {
  it.each(["https://a.example/x", "http://localhost:3000/invite/abc"])("accepts %s", (url) => {
    expect(safeLink(url)).toBe(new URL(url).href);
  });

  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html,<script>",
    "/relative/path",
    "not a url",
    "ftp://a.example/",
  ])("rejects %s", (url) => {
    expect(() => safeLink(url)).toThrow();
  });
});

/** The HTML with attribute values and text taken apart, to check no raw user markup got through. */
function assertNoInjection(content: EmailContent) {
  expect(content.html).not.toContain("<script");
  expect(content.html).not.toContain("<img");
  expect(content.html).not.toContain(`"double"`);
  expect(content.html).not.toContain("'quoted'");
  expect(content.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  expect(content.subject).not.toMatch(/[\r\n]/);
}

const common = {
  buyerOrgName: `Acme ${EVIL}`,
  vendorName: `Vendor ${EVIL}`,
  contactName: `Ada ${EVIL}`,
  templateTitle: `Baseline ${EVIL}`,
};

describe("assessment invitation", () => {
  const input = {
    ...common,
    dueDate: new Date("2027-03-15T00:00:00Z"),
    message: `Line one ${EVIL}\nLine two`,
    invitationUrl: LINK,
    expiresAt: new Date("2027-03-01T14:30:00Z"),
  };

  it("escapes every piece of user text in the HTML", () => {
    const content = renderAssessmentInvitation(input);
    assertNoInjection(content);
    // Names, title and message each appear escaped.
    expect(content.html).toContain("Acme &lt;script&gt;");
    expect(content.html).toContain("Vendor &lt;script&gt;");
    expect(content.html).toContain("Ada &lt;script&gt;");
    expect(content.html).toContain("Baseline &lt;script&gt;");
    expect(content.html).toContain("Line one &lt;script&gt;");
    expect(content.html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("gives the link, the dates and what to expect in both versions", () => {
    const content = renderAssessmentInvitation({
      ...common,
      ...input,
      buyerOrgName: "Acme Water",
      vendorName: "Valve Co",
      message: "Hi\nthere",
    });
    expect(content.subject).toBe("Acme Water asks Valve Co to complete a security assessment");
    expect(content.text).toContain(LINK);
    expect(content.html).toContain(`href="${escapeHtml(LINK)}"`);
    for (const body of [content.text, content.html]) {
      expect(body).toContain("15 March 2027");
      expect(body).toContain("1 March 2027 at 14:30 UTC");
      expect(body).toMatch(/saved as you go/);
      expect(body).toMatch(/evidence/);
    }
    expect(content.text).toContain("> Hi\n> there");
    expect(content.html).toContain("Hi<br>there");
    expect(content.html).toContain('<html lang="en">');
  });

  it("leaves the personal message out when there is none", () => {
    const content = renderAssessmentInvitation({ ...input, message: "   " });
    expect(content.text).not.toContain("Message from");
    expect(content.html).not.toContain("<blockquote");
  });

  it("formats dates in the requested locale and time zone", () => {
    const content = renderAssessmentInvitation({ ...input, locale: "de-DE", timeZone: "Europe/Berlin" });
    expect(content.text).toContain("15. März 2027");
    expect(content.text).toMatch(/1\. März 2027 um 15:30 MEZ/);
  });

  it("refuses a non-http link", () => {
    expect(() => renderAssessmentInvitation({ ...input, invitationUrl: "javascript:alert(1)" })).toThrow();
  });

  it("keeps user text on one line in the subject", () => {
    const content = renderAssessmentInvitation({ ...input, buyerOrgName: "Acme\r\nBcc: x@evil.test" });
    expect(content.subject).toBe(
      `Acme Bcc: x@evil.test asks Vendor ${oneLine(EVIL)} to complete a security assessment`,
    );
  });
});

describe("reminder", () => {
  const input = { ...common, dueDate: new Date("2027-03-15T00:00:00Z"), link: LINK };

  it.each(["due-soon", "overdue"] as const)("%s: escapes user text and links to the assessment", (status) => {
    const content = renderAssessmentReminder({ ...input, status });
    assertNoInjection(content);
    expect(content.text).toContain(LINK);
    expect(content.html).toContain(`href="${escapeHtml(LINK)}"`);
    expect(content.text).toContain("15 March 2027");
  });

  it("says overdue or due soon", () => {
    expect(renderAssessmentReminder({ ...input, status: "overdue" }).subject).toMatch(/^Overdue:/);
    expect(renderAssessmentReminder({ ...input, status: "due-soon" }).subject).toMatch(/^Reminder:/);
  });
});

describe("changes requested", () => {
  const input = { ...common, commentCount: 3, link: LINK, reviewerMessage: `Fix ${EVIL}` };

  it("escapes user text and gives the link and the comment count", () => {
    const content = renderChangesRequested(input);
    assertNoInjection(content);
    expect(content.text).toContain(LINK);
    expect(content.html).toContain(`href="${escapeHtml(LINK)}"`);
    expect(content.text).toContain("3 comments");
    expect(content.html).toContain("3 comments");
    expect(content.html).toContain("Fix &lt;script&gt;");
  });

  it("uses the singular for one comment and mentions a new due date", () => {
    const content = renderChangesRequested({
      ...input,
      commentCount: 1,
      dueDate: new Date("2027-04-01T00:00:00Z"),
    });
    expect(content.text).toContain("1 comment,");
    expect(content.text).toContain("by 1 April 2027");
  });
});

describe("assessment accepted", () => {
  it("thanks the supplier and escapes user text", () => {
    const content = renderAssessmentAccepted({
      ...common,
      acceptedAt: new Date("2027-03-20T09:00:00Z"),
      link: LINK,
    });
    assertNoInjection(content);
    expect(content.subject).toMatch(/^Thank you/);
    expect(content.text).toContain("20 March 2027");
    expect(content.text).toContain(LINK);
  });

  it("works without a link", () => {
    const content = renderAssessmentAccepted({ ...common, acceptedAt: new Date("2027-03-20T09:00:00Z") });
    expect(content.html).not.toContain("<a href");
  });
});
