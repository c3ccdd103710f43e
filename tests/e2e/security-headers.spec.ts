// Issue 10 over HTTP against the production build: response headers and a working nonce CSP
// (finding 11), the sign-in open redirect (2), sessions that end at sign-out (11), and throttling
// that keys on the socket rather than on X-Forwarded-For (4).
import { expect, test, type Page } from "@playwright/test";

import { DEMO_PASSWORD, DEMO_USERS, signIn } from "./support/auth";

/** Collects Content-Security-Policy violations the browser reports on a page. */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text()))
      violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(`page error: ${error.message}`));
  return violations;
}

test.describe("security headers", () => {
  test("pages carry a nonce CSP, a fresh nonce each time, and the usual hardening headers", async ({
    request,
    page,
  }) => {
    const first = await request.get("/sign-in");
    const second = await request.get("/sign-in");
    const csp = first.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(second.headers()["content-security-policy"]).not.toBe(csp);
    // Next.js put the nonce on its own scripts.
    const html = await first.text();
    expect(html).toContain(`nonce="${nonce}"`);
    expect(html.match(/<script(?![^>]*nonce=)[^>]*>/g) ?? []).toEqual([]);

    const headers = first.headers();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("same-origin");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["permissions-policy"]).toContain("camera=()");
    // The e2e server's public address is http: no HSTS.
    expect(headers["strict-transport-security"]).toBeUndefined();

    // A page that does not exist is rendered per request as well, so its scripts carry the nonce.
    const missing = await page.goto("/no-such-page");
    expect(missing?.status()).toBe(404);
    expect(missing?.headers()["content-security-policy"]).toContain("'nonce-");
  });

  test("the portal works under the policy: no violations while signing in and moving around", async ({
    page,
  }) => {
    const violations = watchCsp(page);
    await signIn(page, DEMO_USERS.admin);
    for (const path of ["/vendors", "/assessments", "/scores", "/audit", "/"]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
    }
    // Client-side navigation needs the hydrated app.
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Vendors", exact: true })
      .click();
    await expect(page).toHaveURL(/\/vendors$/);
    expect(violations).toEqual([]);
  });
});

test.describe("sign-in redirect", () => {
  for (const attack of ["/%5Cevil.example/", "/%09/evil.example/", "/%5C%5Cevil.example/"]) {
    test(`callbackUrl=${attack} stays on the portal`, async ({ page, baseURL }) => {
      await page.goto(`/sign-in?callbackUrl=${attack}`);
      await page.getByLabel("E-mail").fill(DEMO_USERS.procurement);
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByTestId("whoami")).toBeVisible();
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    });
  }
});

test.describe("sessions", () => {
  test("after sign-out the old session cookie opens nothing", async ({ page, browser }) => {
    await signIn(page, DEMO_USERS.risk);
    const cookies = await page.context().cookies();
    expect(cookies.some((c) => c.name.includes("next-auth.session-token"))).toBe(true);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);

    // Someone who copied the cookie before sign-out replays it.
    const replay = await browser.newContext();
    await replay.addCookies(cookies);
    const stolen = await replay.newPage();
    await stolen.goto("/vendors");
    await expect(stolen).toHaveURL(/\/sign-in/);
    await replay.close();
  });
});

test.describe("sign-in throttling over HTTP", () => {
  test("a forged X-Forwarded-For does not give each guess a fresh address", async ({ request }) => {
    const attempt = async (password: string, forwardedFor: string) => {
      const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
      const response = await request.post("/api/auth/callback/credentials", {
        headers: { "X-Forwarded-For": forwardedFor },
        form: { csrfToken, email: DEMO_USERS.otherOrgAdmin, password, json: "true" },
        maxRedirects: 0,
      });
      const { url } = (await response.json()) as { url: string };
      return new URL(url).searchParams.get("error");
    };
    for (let i = 1; i <= 5; i++)
      expect(await attempt("wrong", `198.51.100.${i}`)).toBe("E-mail or password is incorrect.");
    // Keyed on the real peer address: this "new" address is held back like the five before it.
    expect(await attempt(DEMO_PASSWORD, "198.51.100.99")).toMatch(
      /^Too many failed sign-ins for this account from your network address\. Try again in 1 second\.$/,
    );
    // After the wait the right password works, which also clears the count for the specs after this one.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await attempt(DEMO_PASSWORD, "198.51.100.100")).toBeNull();
  });
});
