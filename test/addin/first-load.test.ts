/**
 * What the pane and the network's page load before they can be used stays within issue 22's
 * aims: the scripts their HTML names (the feature check, the entry it loads) and the chunks it
 * preloads, gzipped as the service sends them — at most 150 KiB for the pane, 200 KiB for the
 * page. Read from the built HTML, so a chunk added to the first screen counts without asking.
 * (bench/firstuse.ts prints the same beside the build before the issue, with the times.)
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const KIB = 1024;
let dir = "";

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "samsyn-first-load-"));
  execFileSync(process.execPath, ["scripts/build-addin.mjs", "--outdir", join(dir, "addin")], {
    stdio: "pipe",
  });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The files an HTML page fetches of its own before its script runs: scripts, the entry a feature check loads, preloads. */
function firstFiles(html: string): string[] {
  const files: string[] = [];
  for (const [, src] of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g))
    if (!/^https?:/.test(src!)) files.push(src!);
  for (const [, bundle] of html.matchAll(/\sdata-bundle="([^"]+)"/g)) files.push(bundle!);
  for (const [, href] of html.matchAll(/<link rel="(?:modulepreload|stylesheet)" href="([^"]+)"/g))
    files.push(href!);
  return files;
}

const gzipped = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

describe("what loads before first use", () => {
  it("When the pane is built, then taskpane.html's own scripts and the chunks it preloads are at most 150 KiB gzipped", () => {
    const files = firstFiles(readFileSync(join(dir, "addin/taskpane.html"), "utf8"));
    expect(files).toEqual(expect.arrayContaining(["feature-check.js", "taskpane.js"]));
    const bytes = files.reduce((sum, f) => sum + gzipped(join(dir, "addin", f)), 0);
    expect(bytes, `${(bytes / KIB).toFixed(1)} KiB in ${files.length} files`).toBeLessThanOrEqual(150 * KIB);
  });

  it("When the network's page is built, then its script and the chunks it preloads are at most 200 KiB gzipped", () => {
    const files = firstFiles(readFileSync(join(dir, "web/index.html"), "utf8"));
    expect(files).toContain("web/web.js");
    // The page's files are served under /web/, from the web folder.
    const bytes = files.reduce((sum, f) => sum + gzipped(join(dir, f)), 0);
    expect(bytes, `${(bytes / KIB).toFixed(1)} KiB in ${files.length} files`).toBeLessThanOrEqual(200 * KIB);
  });
});
