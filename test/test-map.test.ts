/** test/README.md maps each module of shared/ to its tests: every module has a row, and every test named reaches it. */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(entry.name) ? [rel] : [];
  });
}

const IMPORT = /^\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/gm;
const files = new Set(
  ["shared", "service", "cli", "xlsx", "addin", "playground", "web", "ui", "test"].flatMap((dir) => {
    try {
      return sourceFiles(dir);
    } catch {
      return [];
    }
  }),
);

function importsOf(file: string): string[] {
  return [...readFileSync(join(ROOT, file), "utf8").matchAll(IMPORT)].flatMap(([, spec]) => {
    if (!spec!.startsWith(".")) return [];
    const base = join(dirname(file), spec!);
    const found = [`${base}.ts`, `${base}.tsx`, join(base, "index.ts")].find((f) => files.has(f));
    return found ? [found] : [];
  });
}

/** Every file a test loads, through its imports. */
function reached(test: string): Set<string> {
  const seen = new Set<string>();
  const stack = [test];
  while (stack.length > 0)
    for (const next of importsOf(stack.pop()!))
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
  return seen;
}

/** The README's map: module (under shared/) → tests (under test/). */
function readMap(): Map<string, string[]> {
  const text = readFileSync(join(ROOT, "test/README.md"), "utf8");
  const section = text.slice(text.indexOf("## Each module of shared/"));
  const map = new Map<string, string[]>();
  for (const [, module, tests] of section.matchAll(/^\| `([^`]+\.ts)` \| (.*) \|$/gm))
    map.set(
      `shared/${module}`,
      [...tests!.matchAll(/`([^`]+)`/g)].map(([, t]) => `test/${t}`),
    );
  return map;
}

describe("the map from shared/ to its tests", () => {
  const map = readMap();

  it("When a module is in shared/, then test/README.md names its tests", () => {
    const missing = sourceFiles("shared").filter((m) => (map.get(m) ?? []).length === 0);
    expect(missing).toEqual([]);
  });

  it("When a module is in the map, then it still exists", () => {
    expect([...map.keys()].filter((m) => !files.has(m))).toEqual([]);
  });

  it("When a test is named for a module, then it exists and loads that module", () => {
    const wrong = [...map].flatMap(([module, tests]) =>
      tests.filter((t) => !files.has(t) || !reached(t).has(module)).map((t) => `${module} ← ${t}`),
    );
    expect(wrong).toEqual([]);
  });
});
