// Where to send someone after sign-in. Browsers read "/\evil.example", "/\t/evil.example" and
// "//evil.example" as other hosts, so prefix checks are not enough: parse the value the way a
// browser does (WHATWG URL), keep it only when it stays on the portal's origin, and hand back a
// path that cannot be re-read as another host. Pure and client-safe (the sign-in form uses it too).
const HOME = "/";

export function safeCallbackUrl(raw: unknown, origin: string): string {
  if (typeof raw !== "string" || raw === "") return HOME;
  let base: URL;
  let target: URL;
  try {
    base = new URL(origin);
    target = new URL(raw, base);
  } catch {
    return HOME;
  }
  if (target.origin !== base.origin) return HOME;
  const path = `${target.pathname}${target.search}${target.hash}`;
  // "/.//evil.example" normalises to the path "//evil.example": protocol-relative if used as is.
  return path.startsWith("/") && !/^\/[\\/]/.test(path) ? path : HOME;
}
