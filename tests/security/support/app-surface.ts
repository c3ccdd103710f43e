// The portal's attack surface, read from the file system at test time (not from a list kept by
// hand): every page (app/**/page.tsx), every API route (app/**/route.ts) and every exported server
// action (`…Action` in app/**/actions.ts and app/**/*-actions.ts). The matrix must name each one.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const APP_DIR = path.resolve("app");

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

/** "app/(portal)/vendors/[id]/page.tsx" → "/vendors/[id]" (route groups dropped, as Next.js does). */
export function routeOf(file: string): string {
  const segments = path
    .relative(APP_DIR, path.dirname(file))
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

export interface ActionSource {
  name: string;
  /** Relative to the project, e.g. "app/(portal)/vendors/actions.ts" (as in the build's manifest). */
  file: string;
}

export interface AppSurface {
  pages: string[];
  routes: string[];
  actions: ActionSource[];
}

export function readAppSurface(): AppSurface {
  const files = walk(APP_DIR);
  const pages = files
    .filter((f) => path.basename(f) === "page.tsx")
    .map(routeOf)
    .sort();
  const routes = files
    .filter((f) => path.basename(f) === "route.ts")
    .map(routeOf)
    .sort();
  const actions: ActionSource[] = [];
  for (const f of files.filter((f) => /^(actions|.+-actions)\.ts$/.test(path.basename(f)))) {
    const source = readFileSync(f, "utf8");
    for (const m of source.matchAll(/export\s+(?:async\s+function|const|let|function)\s+(\w+Action)\b/g)) {
      actions.push({ name: m[1]!, file: path.relative(process.cwd(), f).split(path.sep).join("/") });
    }
  }
  actions.sort((a, b) => a.name.localeCompare(b.name));
  const names = actions.map((a) => a.name);
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (twice.length)
    throw new Error(`Server action names must be unique for the matrix; found twice: ${twice.join(", ")}`);
  return { pages, routes, actions };
}

/** One action of the production build: its id and the page whose worker holds it. */
export interface BuiltAction {
  id: string;
  file: string;
  name: string;
  /** A URL path of a page that bundles the action (dynamic segments filled with a dummy). */
  postPath: string;
}

/** The build's server actions, from .next/server/server-reference-manifest.json. */
export function readBuiltActions(): BuiltAction[] {
  const manifestPath = path.resolve(".next/server/server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers)[0] ?? "app/page";
    // "app/(portal)/vendors/[id]/page" → "/vendors/x"
    const postPath = routeOf(path.join(APP_DIR, `${worker.replace(/^app\//, "")}.tsx`)).replace(
      /\[[^\]]+\]/g,
      "x",
    );
    return { id, file: entry.filename ?? "?", name: entry.exportedName ?? "?", postPath };
  });
}
