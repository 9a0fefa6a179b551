/**
 * What the pane asks of the webview: its bundle uses no syntax above the build target (built
 * for the target and for the newest browsers, the two are the same code, so nothing was
 * quietly lowered, as a regex lookbehind was into a `new RegExp` that Safari before 16.4 throws
 * on at load); the feature check that runs before it is plain ES5; and in Chromium, a webview
 * missing a feature the bundle needs gets the Swedish page saying what to do, not a blank pane.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { build, transform } from "esbuild";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BROWSER_SUPPORTED, BROWSER_TARGET } from "../../scripts/browser-target.mjs";
import { type BrowserStack, startBrowserStack } from "../support/stack";

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** The pane's bundle as scripts/build-addin.mjs builds it, for this target. */
async function paneBundle(entry: string, target: string | readonly string[]): Promise<string> {
  const out = await build({
    entryPoints: [resolve(entry)],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: [...(typeof target === "string" ? [target] : target)],
    supported: BROWSER_SUPPORTED,
    jsx: "automatic",
    minify: true,
    legalComments: "none",
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "silent",
  });
  return out.outputFiles[0]!.text;
}

describe("the build target", () => {
  it.each(["addin/ui/index.tsx", "web/main.tsx"])(
    "When %s is built for the target, then nothing in it was lowered: the same code as for the newest browsers",
    async (entry) => {
      const [forTarget, newest] = await Promise.all([
        paneBundle(entry, BROWSER_TARGET),
        paneBundle(entry, "esnext"),
      ]);
      expect(forTarget.length).toBe(newest.length);
      expect(forTarget === newest).toBe(true);
    },
    60_000,
  );

  it("When the feature check is read as ES5, then it is ES5 as written", async () => {
    const source = readFileSync("addin/feature-check.js", "utf8");
    const es5 = await transform(source, { target: "es5" });
    const newest = await transform(source, { target: "esnext" });
    expect(es5.code).toBe(newest.code);
    // What esbuild would quietly drop: a trailing comma in a call (ES2017), a regex with lookbehind
    // as a literal (an older engine could not read the file at all).
    expect(source).not.toMatch(/,\s*\)/);
    expect(source).not.toMatch(/\/\(\?<[!=]/);
  });
});

describe("an older webview, in Chromium", () => {
  let stack: BrowserStack;
  beforeAll(async () => {
    stack = await startBrowserStack({ name: "browser-target" });
  });
  afterAll(async () => {
    await stack?.close();
  });

  /** The pane as the service serves it, with this taken away before anything runs. */
  async function openWithout(takeAway: string | null): Promise<{ page: Page; loaded: string[] }> {
    const page = await stack.browser.newPage({ viewport: { width: 320, height: 800 } });
    const loaded: string[] = [];
    page.on("request", (r) => loaded.push(new URL(r.url()).pathname));
    await page.route(OFFICE_JS, (route) => route.abort());
    if (takeAway) await page.addInitScript(takeAway);
    await page.goto(`${stack.service.url}/addin/taskpane.html`);
    return { page, loaded };
  }

  it.each([
    ["AbortSignal.timeout", "delete AbortSignal.timeout;"],
    ["Array.prototype.at", "delete Array.prototype.at;"],
    [
      "RegExp lookbehind",
      `const Native = RegExp; window.RegExp = function (p, f) {
         if (String(p).includes("(?<")) throw new SyntaxError("Invalid regular expression: invalid group specifier name");
         return new Native(p, f);
       };`,
    ],
  ])(
    "When the webview lacks %s, then the pane says in Swedish, then English, what to do, and its bundle is not loaded",
    async (name, takeAway) => {
      const { page, loaded } = await openWithout(takeAway);
      await page
        .getByRole("heading", { name: "Samsyn kan inte starta i den här versionen av Office" })
        .waitFor();
      const text = await page.locator("body").innerText();
      expect(text).toMatch(/uppdatera Office/);
      expect(text).toMatch(/Excel på webben/);
      expect(text).toMatch(/Samsyn cannot start in this version of Office/);
      expect(text).toContain(name);
      expect(text.indexOf("Gör så här")).toBeLessThan(text.indexOf("What to do"));
      expect(loaded).not.toContain("/addin/taskpane.js");
      await page.close();
    },
  );

  it("When the webview has everything, then the bundle loads and the pane shows itself", async () => {
    const { page, loaded } = await openWithout(null);
    // Outside Excel (office.js blocked) the pane says what it is: the bundle ran.
    await page.getByRole("heading", { name: "Samsyn körs i Excel" }).waitFor();
    expect(loaded).toContain("/addin/taskpane.js");
    await expect(page.locator("#samsyn-too-old").count()).resolves.toBe(0);
    await page.close();
  });
});
