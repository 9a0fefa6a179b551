/**
 * The shape of the code: shared/ stays pure, the pane and the page share UI only through ui/,
 * and no module imports itself around a cycle.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const rel = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.tsx?$/.test(entry.name)) out.push(rel);
  }
  return out;
}

const IMPORT = /^\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/gm;

function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  return [...text.matchAll(IMPORT)].map((m) => m[1]!);
}

function resolveRelative(from: string, spec: string, files: Set<string>): string | null {
  const base = join(dirname(from), spec);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, "index.ts")])
    if (files.has(candidate)) return candidate;
  return null;
}

describe("shared/ is the pure core", () => {
  const files = sourceFiles("shared");

  it("imports only itself, zod and date-fns", () => {
    const offending = files.flatMap((file) =>
      importsOf(file)
        .filter((spec) => !spec.startsWith(".") && spec !== "zod" && !spec.startsWith("date-fns"))
        .map((spec) => `${file} → ${spec}`),
    );
    expect(offending).toEqual([]);
    const outside = files.flatMap((file) =>
      importsOf(file)
        .filter(
          (spec) =>
            spec.startsWith(".") && !resolve(ROOT, dirname(file), spec).startsWith(join(ROOT, "shared")),
        )
        .map((spec) => `${file} → ${spec}`),
    );
    expect(outside).toEqual([]);
  });

  it("uses no Node, browser or Office globals", () => {
    const globals =
      /\b(process|Buffer|require|window|document|localStorage|Office|Excel|console|fetch)\s*[.(]/;
    const offending = files.filter((file) => {
      const code = readFileSync(join(ROOT, file), "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/\/\/.*$/gm, "")
        .replace(/(["'`])(?:\\.|(?!\1).)*\1/g, '""');
      return globals.test(code);
    });
    expect(offending).toEqual([]);
  });
});

/** Whether `spec`, imported by `file`, lands in one of the top-level folders `forbidden`. */
const landsIn = (file: string, spec: string, forbidden: readonly string[]): boolean =>
  spec.startsWith(".") &&
  forbidden.some((top) => resolve(ROOT, dirname(file), spec).startsWith(`${join(ROOT, top)}/`));

/** Each import of the files under `dir` that lands in one of `forbidden`, as "file → spec". */
const importsInto = (dir: string, forbidden: readonly string[]): string[] =>
  sourceFiles(dir).flatMap((file) =>
    importsOf(file)
      .filter((spec) => landsIn(file, spec, forbidden))
      .map((spec) => `${file} → ${spec}`),
  );

describe("the pane and the page share UI through ui/ only", () => {
  it("When web/ and addin/ are read, then neither imports the other", () => {
    expect(importsInto("web", ["addin"])).toEqual([]);
    expect(importsInto("addin", ["web"])).toEqual([]);
  });

  it("When ui/ is read, then it imports only shared/ and itself, never a front end", () => {
    expect(importsInto("ui", ["addin", "web", "playground", "service", "cli", "xlsx"])).toEqual([]);
  });

  it("When a web/ file imports from addin/, then the check catches it", () => {
    // How web/ reached the pane's error boundary before ui/ existed: the check must see it.
    expect(landsIn("web/main.tsx", "../addin/ui/components/ErrorBoundary", ["addin"])).toBe(true);
    expect(landsIn("web/main.tsx", "../ui/ErrorBoundary", ["addin"])).toBe(false);
    expect(landsIn("web/views/SignIn.tsx", "../../addin-like/x", ["addin"])).toBe(false);
  });
});

describe("no import cycles", () => {
  it("holds across shared/, service/, addin/ and playground/", () => {
    const files = ["shared", "service", "cli", "xlsx", "addin", "playground", "web", "ui"].flatMap((dir) => {
      try {
        return sourceFiles(dir);
      } catch {
        return [];
      }
    });
    const known = new Set(files);
    const graph = new Map(
      files.map((file) => [
        file,
        importsOf(file)
          .filter((spec) => spec.startsWith("."))
          .map((spec) => resolveRelative(file, spec, known))
          .filter((f): f is string => f !== null),
      ]),
    );
    const cycles: string[] = [];
    const state = new Map<string, "visiting" | "done">();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "visiting") {
        cycles.push([...path.slice(path.indexOf(file)), file].join(" → "));
        return;
      }
      state.set(file, "visiting");
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, "done");
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });
});

describe("samsyn inspect", () => {
  // zod loads some 260 modules (its locales among them): 60 ms of a 300 ms command. The
  // schemas are for what crosses the wire (push, the service), not for reading a workbook.
  it("reads a workbook without loading zod", () => {
    const files = new Set([...sourceFiles("shared"), ...sourceFiles("xlsx"), ...sourceFiles("cli")]);
    const RUNTIME_IMPORT = /^\s*(?:import|export)\s(?!type\s)[^;]*?from\s+["']([^"']+)["']/gm;
    const seen = new Set<string>();
    const paths: string[] = [];
    const walk = (file: string, path: readonly string[]) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(join(ROOT, file), "utf8");
      for (const [, spec] of text.matchAll(RUNTIME_IMPORT)) {
        if (spec === "zod") paths.push([...path, file].join(" → "));
        const next = spec!.startsWith(".") ? resolveRelative(file, spec!, files) : null;
        if (next) walk(next, [...path, file]);
      }
    };
    walk("cli/inspect.ts", []);
    expect(paths).toEqual([]);
  });
});
