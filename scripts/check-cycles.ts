/**
 * Fails when imports form a cycle — between files, or between folders (a route folder and its
 * `_components/` count as one). Reads every TypeScript file git tracks (generated code and tests
 * aside: a test beside its code may import test support that imports that code),
 * resolves its imports (type-only and dynamic ones included) as the compiler does, with the
 * tsconfig's paths, and reports each strongly connected component larger than one.
 *
 *   npm run check:cycles        (part of npm run lint)
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

import ts from "typescript";

const root = process.cwd();
const IGNORED = /^(lib\/generated|scripts\/migration-diff|node_modules|\.next)\/|\.(test|spec)\.tsx?$/;

const config = ts.getParsedCommandLineOfConfigFile(
  path.join(root, "tsconfig.json"),
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  },
);
if (!config) throw new Error("cannot read tsconfig.json");

const files = execFileSync("git", ["ls-files", "*.ts", "*.tsx", "*.mts"], { encoding: "utf8" })
  .split("\n")
  .filter((f) => f && !f.endsWith(".d.ts") && !IGNORED.test(f));
const known = new Set(files);

/** File -> the repository files it imports. */
const imports = new Map<string, Set<string>>();
for (const file of files) {
  const found = new Set<string>();
  for (const { fileName } of ts.preProcessFile(readFileSync(file, "utf8"), true, true).importedFiles) {
    const resolved = ts.resolveModuleName(fileName, path.join(root, file), config.options, ts.sys)
      .resolvedModule?.resolvedFileName;
    if (!resolved) continue;
    const relative = path.relative(root, resolved).split(path.sep).join("/");
    if (known.has(relative) && relative !== file) found.add(relative);
  }
  imports.set(file, found);
}

/** Tarjan's strongly connected components; returns those with more than one member. */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** The folder a file belongs to; a route's private `_components/` belong to the route. */
const folderOf = (file: string) => path.posix.dirname(file.replace(/\/_components\/.*$/, "/_components.ts"));

const folders = new Map<string, Set<string>>();
for (const [file, targets] of imports) {
  const from = folderOf(file);
  const set = folders.get(from) ?? new Set<string>();
  for (const target of targets) if (folderOf(target) !== from) set.add(folderOf(target));
  folders.set(from, set);
}

/** One edge of a folder cycle, with a file import that makes it (for the message). */
const witness = (from: string, to: string) => {
  for (const [file, targets] of imports)
    if (folderOf(file) === from) for (const t of targets) if (folderOf(t) === to) return `${file} -> ${t}`;
  return "";
};

const fileCycles = cycles(imports);
const folderCycles = cycles(folders);
for (const c of fileCycles) process.stderr.write(`file cycle:\n  ${c.join("\n  ")}\n`);
for (const c of folderCycles) {
  const inCycle = new Set(c);
  const edges = c.flatMap((from) =>
    [...folders.get(from)!]
      .filter((to) => inCycle.has(to))
      .map((to) => `  ${from} -> ${to}   (${witness(from, to)})`),
  );
  process.stderr.write(`folder cycle:\n${edges.join("\n")}\n`);
}
if (fileCycles.length + folderCycles.length > 0) {
  process.stderr.write(`${fileCycles.length} file cycle(s), ${folderCycles.length} folder cycle(s)\n`);
  process.exit(1);
}
process.stdout.write(`no import cycles among ${files.length} files in ${folders.size} folders\n`);
