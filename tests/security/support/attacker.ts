// An HTTP client that talks to the portal the way an attacker with a valid account would: it signs
// in through next-auth's real credentials endpoint, then sends plain requests with the session
// cookie — GETs of pages and API routes, and server-action calls (a POST with a `Next-Action`
// header and the arguments encoded as React's encodeReply does for JSON values).
export interface Session {
  label: string;
  cookie: string;
}

export const ANONYMOUS: Session = { label: "anonymous", cookie: "" };

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

/** Signs in with e-mail and password through /api/auth/callback/credentials (one attempt, no retry). */
export async function signIn(
  baseURL: string,
  label: string,
  email: string,
  password: string,
): Promise<Session> {
  const csrfRes = await fetch(`${baseURL}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiesOf(csrfRes);
  const res = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = cookiesOf(res).find((c) => /^(__Secure-)?next-auth\.session-token=/.test(c));
  if (!session)
    throw new Error(`Sign-in as ${email} failed (HTTP ${res.status}): ${(await res.text()).slice(0, 300)}`);
  return { label, cookie: session };
}

export interface HttpAnswer {
  status: number;
  location: string | null;
  body: string;
}

export async function httpGet(baseURL: string, session: Session, urlPath: string): Promise<HttpAnswer> {
  const res = await fetch(`${baseURL}${urlPath}`, {
    redirect: "manual",
    headers: session.cookie ? { Cookie: session.cookie } : {},
  });
  return { status: res.status, location: res.headers.get("location"), body: await res.text() };
}

export async function httpSend(
  baseURL: string,
  session: Session,
  urlPath: string,
  init: { method: string; body?: BodyInit; headers?: Record<string, string> },
): Promise<HttpAnswer> {
  const res = await fetch(`${baseURL}${urlPath}`, {
    method: init.method,
    body: init.body,
    redirect: "manual",
    headers: {
      ...(init.headers ?? {}),
      ...(session.cookie ? { Cookie: session.cookie } : {}),
      Origin: baseURL,
    },
  });
  return { status: res.status, location: res.headers.get("location"), body: await res.text() };
}

/** The parsed `ActionResult` of a server action ({ ok, data } or { ok: false, code, message }). */
export interface ActionAnswer extends HttpAnswer {
  result: {
    ok: boolean;
    code?: string;
    message?: string;
    data?: unknown;
    fieldErrors?: Record<string, string[]>;
  } | null;
}

/**
 * encodeReply for JSON-only arguments: a JSON array, with strings that start with "$" escaped as
 * "$$" (React's reference marker). Enough for ids, objects and numbers; no Blobs or Dates.
 */
export function encodeActionArgs(args: unknown[]): string {
  return JSON.stringify(args, (_key, value: unknown) =>
    typeof value === "string" && value.startsWith("$") ? `$${value}` : value,
  );
}

/** Reads the action's return value out of the RSC flight response (row 0 names the row holding it). */
export function parseActionResult(body: string): ActionAnswer["result"] {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(m[1]!, m[2]!);
  }
  try {
    const head = JSON.parse(rows.get("0") ?? "null") as { a?: string } | null;
    const ref = /^\$@([0-9a-f]+)$/.exec(head?.a ?? "")?.[1];
    const row = ref ? rows.get(ref) : undefined;
    if (!row) return null;
    // "$undefined" is how the flight format writes an undefined property.
    const result = JSON.parse(row, (_k, value: unknown) =>
      value === "$undefined" ? undefined : value,
    ) as ActionAnswer["result"];
    return result;
  } catch {
    return null;
  }
}

export async function callAction(
  baseURL: string,
  session: Session,
  action: { id: string; postPath: string },
  args: unknown[],
): Promise<ActionAnswer> {
  const answer = await httpSend(baseURL, session, action.postPath, {
    method: "POST",
    body: encodeActionArgs(args),
    headers: {
      "Next-Action": action.id,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
    },
  });
  return { ...answer, result: parseActionResult(answer.body) };
}
